"""The 分解表 (task breakdown sheet) draft as an Excel workbook, the form a 督查室 works in.

One sheet per report. A title row, then the header 序号 · 任务内容 · 量化指标 · 目标值 · 单位 ·
牵头单位 · 责任单位 · 完成时限, then one row per target (and with ``tasks`` per task, 量化指标
empty) in report order, under a merged bold row for each section of the report's plan part,
which is how these sheets are usually laid out. 任务内容 holds the sentence a target came
from, or the task's clause; 目标值 reads with its comparator (6.5以上); 完成时限 is the year end
of the deadline year; 牵头单位 and 责任单位 are left for the office to fill. The header is
frozen and repeated on every printed page; pages are landscape A4, fit to width. The
styling is :mod:`luoshi.sheets.style`, shared with the sheets the plan workflow writes; text
that would read as a formula is neutralised by :func:`luoshi.sheets.cells.safe_text`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, BinaryIO

from luoshi.extraction.model import Target, Task
from luoshi.outputs.context import sentence_around
from luoshi.outputs.model import Found
from luoshi.outputs.wording import deadline_words, value_words
from luoshi.sheets.cells import safe_text
from luoshi.sheets.style import print_setup, style_body_row, write_header, write_section, write_title

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

__all__ = ["write", "HEADER", "TITLE_ROWS"]

#: The header row, with each column's width in characters.
HEADER = {
    "序号": 6,
    "任务内容": 60,
    "量化指标": 24,
    "目标值": 14,
    "单位": 10,
    "牵头单位": 16,
    "责任单位": 20,
    "完成时限": 14,
}
#: Rows above the first data row: the title and the header.
TITLE_ROWS = 2
_SHEET_NAME_BAD = str.maketrans({c: "_" for c in "[]:*?/\\"})


def _title(found: Found) -> str:
    report = found.report
    if report.place and report.year:
        return f"{report.place}{report.year}年政府工作报告目标任务分解表（草稿）"
    return f"{report.name} 政府工作报告目标任务分解表（草稿）"


def _rows(found: Found, tasks: bool) -> list[tuple[str, list[str]]]:
    """(section, the row's cells after 序号) for each target and task, in report order."""
    report, extraction = found
    items: list[Target | Task] = list(extraction.targets)
    if tasks:
        items += extraction.tasks
    items.sort(key=lambda item: (item.start, item.end))
    rows = []
    for item in items:
        if isinstance(item, Target):
            cells = [
                sentence_around(report.text, item.start, item.end),
                item.indicator,
                value_words(item),
                item.unit,
                "",
                "",
                deadline_words(item.year or report.year),
            ]
        else:
            cells = [item.text, "", "", "", "", "", deadline_words(report.year)]
        rows.append((item.section, cells))
    return rows


def _fill_sheet(sheet: Worksheet, found: Found, tasks: bool) -> None:
    width = len(HEADER)
    write_title(sheet, safe_text(_title(found)), last=width)
    write_header(sheet, TITLE_ROWS, HEADER)
    section = None
    for number, (item_section, cells) in enumerate(_rows(found, tasks), 1):
        if item_section and item_section != section:
            write_section(sheet, sheet.max_row + 1, safe_text(item_section), last=width)
        section = item_section
        sheet.append([number, *(safe_text(cell) for cell in cells)])
        style_body_row(sheet, sheet.max_row, last=width, wrap=(2, 3))
    print_setup(sheet, header_rows=TITLE_ROWS)


def _sheet_name(name: str, taken: set[str]) -> str:
    """A valid, unique sheet name: at most 31 characters, none of []:*?/\\."""
    base = name.translate(_SHEET_NAME_BAD)[:31] or "分解表"
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        suffix = f"_{n}"
        candidate = base[: 31 - len(suffix)] + suffix
    taken.add(candidate)
    return candidate


def write(found: Sequence[Found], out: BinaryIO, *, tasks: bool = False) -> None:
    """Write the 分解表 draft of each report, one sheet each, as an .xlsx workbook."""
    from openpyxl import Workbook

    book = Workbook()
    default = book.active
    taken: set[str] = set()
    for item in found:
        sheet = book.create_sheet(_sheet_name(item.report.name, taken))
        _fill_sheet(sheet, item, tasks)
    if found and default is not None:
        book.remove(default)
    book.save(out)
