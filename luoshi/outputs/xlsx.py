"""The 分解表 (task breakdown sheet) draft as an Excel workbook, the form a 督查室 works in.

One sheet per report. A title row, then the header 序号 · 任务内容 · 量化指标 · 目标值 · 单位 ·
牵头单位 · 责任单位 · 完成时限, then one row per target (and with ``tasks`` per task, 量化指标
empty) in report order, under a merged bold row for each section of the report's plan part,
which is how these sheets are usually laid out. 任务内容 holds the sentence a target came
from, or the task's clause; 目标值 reads with its comparator (6.5以上); 完成时限 is the year end
of the deadline year; 牵头单位 and 责任单位 are left for the office to fill. The header is
frozen and repeated on every printed page; pages are landscape A4, fit to width.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, BinaryIO

from luoshi.extraction.model import Target, Task
from luoshi.outputs.context import sentence_around
from luoshi.outputs.model import Found
from luoshi.outputs.wording import deadline_words, value_words

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
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    width = len(HEADER)
    last = get_column_letter(width)
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="center")
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)

    sheet.append([_title(found)])
    sheet.merge_cells(f"A1:{last}1")
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A1"].alignment = centre
    sheet.row_dimensions[1].height = 30

    sheet.append(list(HEADER))
    for column, chars in enumerate(HEADER.values(), 1):
        cell = sheet.cell(row=TITLE_ROWS, column=column)
        cell.font = Font(bold=True)
        cell.alignment = centre
        cell.border = border
        cell.fill = PatternFill("solid", fgColor="D9E1F2")
        sheet.column_dimensions[get_column_letter(column)].width = chars

    section = None
    for number, (item_section, cells) in enumerate(_rows(found, tasks), 1):
        if item_section and item_section != section:
            sheet.append([item_section])
            row = sheet.max_row
            sheet.merge_cells(f"A{row}:{last}{row}")
            head = sheet.cell(row=row, column=1)
            head.font = Font(bold=True)
            head.alignment = Alignment(vertical="center", wrap_text=True)
            head.fill = PatternFill("solid", fgColor="F2F2F2")
            for column in range(1, width + 1):
                sheet.cell(row=row, column=column).border = border
        section = item_section
        sheet.append([number, *cells])
        row = sheet.max_row
        for column in range(1, width + 1):
            cell = sheet.cell(row=row, column=column)
            cell.border = border
            cell.alignment = wrap if column in (2, 3) else centre

    sheet.freeze_panes = sheet.cell(row=TITLE_ROWS + 1, column=1)
    sheet.print_title_rows = f"1:{TITLE_ROWS}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True


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
