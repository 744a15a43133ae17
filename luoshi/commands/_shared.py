"""What the plan, progress and status commands share: the ``--db`` and ``--by`` options,
opening the store, and a progress display on standard error when it is a terminal."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

from luoshi.planning import ProgressFn
from luoshi.store import ENV_VAR, Store, open_store

__all__ = ["Plan", "Db", "By", "ReportedAt", "store_at", "progress_display", "working", "stdout", "stderr"]

stderr = Console(stderr=True, highlight=False, soft_wrap=True)

#: The plan a command works on: its id or its name.
Plan = Annotated[
    str, typer.Argument(metavar="PLAN", help="计划编号或名称 / plan id or name", show_default=False)
]
Db = Annotated[
    str | None,
    typer.Option(
        "--db",
        metavar="URL_OR_PATH",
        envvar=ENV_VAR,
        help=(
            "数据库：SQLite 文件路径或 URL (postgresql+psycopg://…) / database: a SQLite path or a URL; "
            f"default ${ENV_VAR}, else ~/.local/share/luoshi/luoshi.db"
        ),
        show_default=False,
    ),
]
By = Annotated[
    str | None,
    typer.Option("--by", metavar="NAME", help="操作人 / who is making the change (default: the OS user)"),
]
ReportedAt = Annotated[
    datetime | None,
    typer.Option(
        "--reported-at",
        metavar="TIME",
        formats=["%Y-%m-%d", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M"],
        help="报送时间，补录纸质报送时用 / when it was reported, to back-fill (default: now)",
        show_default=False,
    ),
]


@contextmanager
def store_at(db: str | None) -> Iterator[Store]:
    """The store ``--db`` names, opened (and migrated) for one command, closed after."""
    store = open_store(db)
    try:
        yield store
    finally:
        store.close()


@contextmanager
def progress_display(label: str = "") -> Iterator[ProgressFn]:
    """A progress callback that draws bars on standard error when it is a terminal."""
    if not stderr.is_terminal:
        yield lambda _what, _done, _total: None
        return
    columns = (TextColumn(f"{label}{{task.description}}"), BarColumn(), TimeElapsedColumn())
    with Progress(*columns, console=stderr, transient=True) as bar:
        tasks: dict[str, TaskID] = {}

        def update(what: str, done: int, total: int) -> None:
            if what not in tasks:
                tasks[what] = bar.add_task(what, total=total)
            bar.update(tasks[what], completed=done, total=total)

        yield update


@contextmanager
def working(label: str) -> Iterator[None]:
    """A spinner with ``label`` on standard error while a sheet is read or written (terminal only)."""
    if not stderr.is_terminal:
        yield
        return
    with stderr.status(label):
        yield


def stdout() -> Console:
    """A console on standard output, wide enough for tables when it is a pipe."""
    return Console(highlight=False, width=None if sys.stdout.isatty() else 160)
