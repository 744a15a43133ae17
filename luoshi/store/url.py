"""Where the store lives (数据库位置): a URL, a plain path (SQLite) or the default file.

In order: the ``--db`` value, the ``LUOSHI_DATABASE_URL`` environment variable, then the
default SQLite file ``$XDG_DATA_HOME/luoshi/luoshi.db`` (``~/.local/share/luoshi/luoshi.db``
when ``XDG_DATA_HOME`` is unset; ``%LOCALAPPDATA%\\luoshi\\luoshi.db`` on Windows). A value
with ``://`` is a SQLAlchemy URL (``postgresql+psycopg://user@host/db``); anything else is
the path of a SQLite file, whose folder is created when missing.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from luoshi.errors import StoreError

__all__ = ["ENV_VAR", "database_url", "default_database_path"]

ENV_VAR = "LUOSHI_DATABASE_URL"


def default_database_path() -> Path:
    """The default SQLite file: under the XDG data folder (or LOCALAPPDATA on Windows)."""
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        base = Path(os.environ["LOCALAPPDATA"])
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "luoshi" / "luoshi.db"


def database_url(value: str | Path | None = None) -> str:
    """The SQLAlchemy URL for ``value`` (a URL or a path), the environment, or the default."""
    chosen = value if value not in (None, "") else os.environ.get(ENV_VAR) or default_database_path()
    text = str(chosen)
    if "://" in text:
        try:
            url = make_url(text)
        except (ArgumentError, ValueError) as error:
            raise StoreError(
                f"无法识别的数据库地址 / not a database URL: {text}",
                hint="写成 postgresql+psycopg://用户@主机/库名，或一个 SQLite 文件路径",
            ) from error
        if url.get_backend_name() not in ("sqlite", "postgresql"):
            raise StoreError(
                f"不支持的数据库 / unsupported database: {url.get_backend_name()}",
                hint="luoshi 支持 SQLite 与 PostgreSQL",
            )
        return text
    path = Path(text).expanduser()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(
            f"无法创建数据库文件夹 / cannot create the folder {path.parent}: {error.strerror}",
            hint="用 --db 指定一个可写的位置",
        ) from error
    return f"sqlite:///{path.resolve()}"
