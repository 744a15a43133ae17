"""Bulletin renderers (通报格式), one module per format, each with ``write(data, out)``.

``docx`` (python-docx), ``pdf`` (the DOCX through LibreOffice), ``xlsx`` (openpyxl), ``md``
and ``html``; every one takes a :class:`~luoshi.bulletins.model.BulletinData` and a path or
a binary file. Modules are imported when used, so asking for Markdown does not load
python-docx or matplotlib.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

from luoshi.bulletins.model import BulletinData, OutputError

__all__ = ["FORMATS", "renderer", "format_for"]

#: Every bulletin format, in the order the help lists them.
FORMATS = ("docx", "pdf", "xlsx", "md", "html")
_SUFFIXES = {
    ".docx": "docx",
    ".pdf": "pdf",
    ".xlsx": "xlsx",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
}


def renderer(name: str) -> Callable[[BulletinData, Path | str | BinaryIO], Any]:
    """The ``write`` function of format ``name``."""
    if name not in FORMATS:
        raise OutputError(
            f"未知的通报格式 / unknown bulletin format {name!r}", hint=f"可选 {', '.join(FORMATS)}"
        )
    module = importlib.import_module(f"luoshi.bulletins.formats.{name}")
    return module.write


def format_for(path: Path | str | None, chosen: str | None = None) -> str:
    """The format asked for, else the one the output file's suffix names, else docx."""
    if chosen:
        return chosen
    if path is not None:
        found = _SUFFIXES.get(Path(path).suffix.lower())
        if found:
            return found
    return "docx"
