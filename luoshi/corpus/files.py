"""The report files of a corpus folder (语料目录), and what their names say.

Every file in the folder (with ``recursive``, in its subfolders too) whose extension is a
report format luoshi reads (.txt, .docx, .pdf, .html …) is a report; so is an old Word file
(.doc, .wps, .rtf), which fails with a hint to save it as .docx. Notes and tables beside the
reports (.md, .csv, .json) are not reports. Hidden files and folders are left out. A report's
name is its path under the folder without the extension (``2024_shaoxing_city``, or
``zhejiang/2024_shaoxing_city`` in a subfolder), so that two subfolders may hold files of one
name.

A name in the corpus pattern ``YEAR_place_level`` (``2024_shaoxing_city``,
``2024_suzhou_anhui_city``, ``2010_national_state_council``) gives the place's slug
(``shaoxing``, ``suzhou_anhui``, ``national``), the same across the years of one place even
when its name changes (清苑县 became 保定市清苑区).
"""

from __future__ import annotations

import re
from pathlib import Path

from luoshi.errors import InputNotFound
from luoshi.reading.metadata import LEVELS
from luoshi.reading.sniff import EXTENSIONS

__all__ = ["REPORT_SUFFIXES", "report_files", "report_name", "file_name", "slug_of"]

#: Extensions of files taken for reports (.md is left out: it holds notes like SOURCES.md).
REPORT_SUFFIXES = frozenset(set(EXTENSIONS) - {".md"} | {".doc", ".wps", ".rtf"})
_NAME_RE = re.compile(rf"^(\d{{4}})_(.+?)_({'|'.join(LEVELS)})(?:_.*)?$")
_NATIONAL_RE = re.compile(r"^(\d{4})_national(?:_.*)?$")


def report_files(folder: str | Path, *, recursive: bool = False) -> list[Path]:
    """The report files in ``folder`` (and its subfolders with ``recursive``), sorted by path.
    Raises InputNotFound when it is not a folder."""
    path = Path(folder).expanduser()
    if not path.is_dir():
        raise InputNotFound(
            "目录不存在 / no such folder",
            hint="请给出存放报告文件的目录 / give the folder that holds the report files",
            path=str(folder),
        )
    found = path.rglob("*") if recursive else path.iterdir()
    return sorted(
        p
        for p in found
        if p.is_file()
        and p.suffix.lower() in REPORT_SUFFIXES
        and not any(part.startswith(".") for part in p.relative_to(path).parts)
    )


def report_name(path: Path, folder: str | Path | None) -> str:
    """A report's name in a corpus: its path under ``folder`` without the extension."""
    name = file_name(path, folder)
    return name[: -len(path.suffix)] if path.suffix else name


def file_name(path: Path, folder: str | Path | None) -> str:
    """A report file as a corpus table shows it: its path under ``folder`` (its name alone
    when it is directly in the folder, or without a folder)."""
    if folder is None:
        return path.name
    try:
        return path.relative_to(Path(folder).expanduser()).as_posix()
    except ValueError:
        return path.name


def slug_of(stem: str) -> str | None:
    """The place slug of a corpus file name: 2024_suzhou_anhui_city → suzhou_anhui; None off the
    pattern. A name with folders (anhui/2024_suzhou_anhui_city) is read by its last part."""
    stem = stem.rsplit("/", 1)[-1]
    if _NATIONAL_RE.match(stem):
        return "national"
    found = _NAME_RE.match(stem)
    return None if found is None else found.group(2)
