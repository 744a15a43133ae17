"""The 分解表 (assignment sheet): targets and tasks for the office to assign, and back.

Layout as written: a merged title row, the header 序号 · 任务内容 · 量化指标 · 目标值 · 单位 ·
牵头单位 · 责任单位 · 责任领导 · 完成时限 · 系统编号, then one row per item under a merged row for
each section. 系统编号 (the item's stable id: T12, K7) is a hidden column, so the office may
sort, move and delete rows freely. 完成时限 is written as text (2024年12月底).

Reading is tolerant of how Excel and WPS leave a sheet (see :mod:`luoshi.sheets.layout`) and
strict about content, all or nothing: a row without an id, an id not in ``known_ids``, an
id twice, 责任单位 given without a 牵头单位, a 完成时限 that is not a date or falls outside
the plan years — every such row is reported in one :class:`~luoshi.errors.SheetError`.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from datetime import date

from luoshi.sheets.cells import safe_text, squash
from luoshi.sheets.dates import due_words, parse_due
from luoshi.sheets.files import SheetOut, SheetSource, open_workbook, save_workbook
from luoshi.sheets.layout import Problems, Table, find_table
from luoshi.sheets.model import AssignmentRow
from luoshi.sheets.style import print_setup, style_body_row, write_header, write_section, write_title

__all__ = ["ASSIGNMENT_HEADER", "ID_COLUMN", "read_assignment_sheet", "write_assignment_sheet"]

#: The hidden column holding each item's stable id.
ID_COLUMN = "系统编号"
#: The header as written, with each column's width in characters.
ASSIGNMENT_HEADER = {
    "序号": 6,
    "任务内容": 60,
    "量化指标": 24,
    "目标值": 14,
    "单位": 10,
    "牵头单位": 16,
    "责任单位": 22,
    "责任领导": 12,
    "完成时限": 14,
    ID_COLUMN: 10,
}
#: Other names offices give these columns, accepted on reading.
_ALIASES: dict[str, tuple[str, ...]] = {
    "序号": ("编号",),
    "任务内容": ("工作任务", "目标任务", "主要任务", "任务", "工作内容"),
    "量化指标": ("指标", "指标名称"),
    "目标值": ("目标", "指标值"),
    "单位": ("计量单位",),
    "牵头单位": ("牵头部门",),
    "责任单位": ("配合单位", "协办单位", "参与单位", "责任部门"),
    "责任领导": ("分管领导", "牵头领导", "市领导"),
    "完成时限": ("完成时间", "时限要求", "时间节点", "完成期限"),
    ID_COLUMN: ("ID",),
}
_REQUIRED = (ID_COLUMN, "任务内容", "牵头单位")
_TITLE_ROWS = 2
_VISIBLE = len(ASSIGNMENT_HEADER) - 1
_UNIT_SEPARATORS = re.compile(r"[、，,；;\s]+")
_WHAT = "分解表"


def write_assignment_sheet(rows: Sequence[AssignmentRow], out: SheetOut, *, title: str) -> None:
    """Write the 分解表: a title, the header, the rows under their section headings."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = _WHAT
    write_title(sheet, safe_text(title), last=_VISIBLE)
    write_header(sheet, _TITLE_ROWS, ASSIGNMENT_HEADER)
    sheet.column_dimensions["J"].hidden = True
    row, section = _TITLE_ROWS + 1, ""
    for item in rows:
        if item.section and item.section != section:
            write_section(sheet, row, safe_text(item.section), last=_VISIBLE)
            row += 1
        section = item.section
        for column, value in enumerate(_cells(item), 1):
            sheet.cell(row=row, column=column, value=safe_text(value) if isinstance(value, str) else value)
        style_body_row(sheet, row, last=len(ASSIGNMENT_HEADER), wrap=(2, 3))
        row += 1
    print_setup(sheet, header_rows=_TITLE_ROWS)
    save_workbook(book, out)


def _cells(item: AssignmentRow) -> list[str | int]:
    number: str | int = int(item.number) if item.number.isdecimal() and item.number.isascii() else item.number
    return [
        number,
        item.content,
        item.indicator,
        item.target_value,
        item.unit,
        item.lead_unit,
        "、".join(item.co_units),
        item.leader,
        due_words(item.due),
        item.item_id,
    ]


def read_assignment_sheet(
    source: SheetSource,
    *,
    plan_year: int,
    known_ids: Collection[str] | None = None,
    last_year: int | None = None,
) -> list[AssignmentRow]:
    """The rows of a filled-in 分解表, in sheet order; SheetError listing every bad row.

    ``plan_year`` is the year 年底 and other yearless deadlines mean; a 完成时限 must fall
    in ``plan_year`` … ``last_year`` (default: ``plan_year``). ``known_ids``, when given,
    are the only item ids accepted. Blank rows and section headings are skipped.
    """
    book, path = open_workbook(source)
    table = find_table(book, _ALIASES, _REQUIRED, what=_WHAT, path=path)
    problems = Problems(_WHAT, path)
    known = None if known_ids is None else {squash(item) for item in known_ids}
    last = plan_year if last_year is None else last_year
    seen: dict[str, int] = {}
    rows: list[AssignmentRow] = []
    section = ""
    for row in table.data_rows():
        if table.row_is_blank(row):
            continue
        item_id = squash(table.text(row, ID_COLUMN))
        if not item_id:
            heading = _heading(table, row)
            if heading is not None:
                section = heading
            else:
                problems.add(
                    row,
                    ID_COLUMN,
                    "缺少系统编号，无法对应目标或任务",
                    "no item id; rows cannot be added here",
                )
            continue
        if known is not None and item_id not in known:
            problems.add(row, ID_COLUMN, f"未知的系统编号“{item_id}”", f"unknown item id {item_id}")
        elif item_id in seen:
            problems.add(
                row,
                ID_COLUMN,
                f"系统编号“{item_id}”与第{seen[item_id]}行重复",
                f"duplicate id, see row {seen[item_id]}",
            )
        seen.setdefault(item_id, row)
        parsed = _row(table, row, item_id, section, plan_year, last, problems)
        if parsed is not None:
            rows.append(parsed)
    problems.raise_any()
    return rows


def _heading(table: Table, row: int) -> str | None:
    """The section heading a row without an id holds (a merged row, or text in the first
    column only, as WPS leaves a heading after "cancel merge"), or None when it is not one."""
    cells = table.own_cells(row)
    if row in table.section_rows or (len(cells) == 1 and cells[0][0] == min(table.columns.values())):
        return cells[0][1]
    return None


def _row(
    table: Table, row: int, item_id: str, section: str, first: int, last: int, problems: Problems
) -> AssignmentRow | None:
    """The row as an AssignmentRow, or None after reporting why it cannot be."""
    lead = table.text(row, "牵头单位")
    co_units = _units(table.text(row, "责任单位"))
    good, due = _due(table, row, first, last, problems)
    if co_units and not lead:
        problems.add(row, "牵头单位", "填写了责任单位但未填牵头单位", "co-units given without a lead unit")
        return None
    if not good:
        return None
    return AssignmentRow(
        item_id=item_id,
        number=table.text(row, "序号"),
        content=table.text(row, "任务内容"),
        indicator=table.text(row, "量化指标"),
        target_value=table.text(row, "目标值"),
        unit=table.text(row, "单位"),
        lead_unit=lead,
        co_units=co_units,
        leader=table.text(row, "责任领导"),
        due=due,
        section=section,
        row=row,
    )


def _due(table: Table, row: int, first: int, last: int, problems: Problems) -> tuple[bool, date | None]:
    """(True, the row's 完成时限), or (False, None) after reporting why it cannot be used."""
    raw = table.value(row, "完成时限")
    try:
        due = parse_due(raw, plan_year=first)
    except ValueError:
        text = table.text(row, "完成时限")
        problems.add(row, "完成时限", f"无法识别的日期“{text}”", f"unrecognised date {text!r}")
        return False, None
    if due is not None and not first <= due.year <= last:
        years = f"{first}" if first == last else f"{first}—{last}"
        problems.add(
            row,
            "完成时限",
            f"{due.isoformat()} 不在计划年度 {years} 内",
            f"{due.isoformat()} is outside the plan year(s) {years}",
        )
        return False, None
    return True, due


def _units(text: str) -> tuple[str, ...]:
    """责任单位 split on 、，,；; and line breaks or spaces, in order, each once."""
    units: list[str] = []
    for part in _UNIT_SEPARATORS.split(text):
        if part and part not in units:
            units.append(part)
    return tuple(units)
