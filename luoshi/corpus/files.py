"""The report files of a corpus folder (语料目录), and what their names say.

Every file in the folder (not its subfolders) whose extension is a report format luoshi
reads (.txt, .docx, .pdf, .html …) is a report; so is an old Word file (.doc, .wps, .rtf),
which fails with a hint to save it as .docx. Notes and tables beside the reports (.md,
.csv, .json) are not reports. Hidden files are left out.

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

__all__ = ["REPORT_SUFFIXES", "report_files", "slug_of"]

#: Extensions of files taken for reports (.md is left out: it holds notes like SOURCES.md).
REPORT_SUFFIXES = frozenset(set(EXTENSIONS) - {".md"} | {".doc", ".wps", ".rtf"})
_NAME_RE = re.compile(rf"^(\d{{4}})_(.+?)_({'|'.join(LEVELS)})(?:_.*)?$")
_NATIONAL_RE = re.compile(r"^(\d{4})_national(?:_.*)?$")


def report_files(folder: str | Path) -> list[Path]:
    """The report files in ``folder``, sorted by name. Raises InputNotFound when it is not a folder."""
    path = Path(folder).expanduser()
    if not path.is_dir():
        raise InputNotFound(
            "目录不存在 / no such folder",
            hint="请给出存放报告文件的目录 / give the folder that holds the report files",
            path=str(folder),
        )
    return sorted(
        p
        for p in path.iterdir()
        if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in REPORT_SUFFIXES
    )


def slug_of(stem: str) -> str | None:
    """The place slug of a corpus file name: 2024_suzhou_anhui_city → suzhou_anhui; None off the pattern."""
    if _NATIONAL_RE.match(stem):
        return "national"
    found = _NAME_RE.match(stem)
    return None if found is None else found.group(2)
