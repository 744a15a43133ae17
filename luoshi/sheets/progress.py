"""The 报送表 (progress submission sheet): one department's targets for one 报送期, and back.

Layout as written: a merged title row; 报送单位 and 报送期 in row 2; the header 系统编号 · 序号 ·
指标 · 目标值 · 单位 · 上期累计/上次报送值 · 本期值 · 备注; one row per target of the unit.
系统编号 (the target id) is a hidden column. The unit and period are also kept in a very
hidden sheet (see :mod:`luoshi.sheets.stamp`), which import prefers. The sheet is
protected without a password (工作表保护, 无密码): only 本期值 and 备注 can be edited, and
本期值 accepts decimals only (数据有效性); row heights and column widths stay adjustable.
Protection keeps honest hands off the ids and headers; it is no security boundary, and
import checks every row as if it were not there.

Import is all or nothing. A row with an empty 本期值 is not reported this time and is
skipped. Every other row must: carry a target id that is among the unit's expected
targets, once; keep its unit of measure; hold a number (1,234.5 · 1.2万 · ５６ · 5.5%);
for a cumulative target (累计值), not fall below the last value reported; and the 报送期
must lie in the plan period. All problems are raised at once in a SheetError.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from luoshi.sheets.cells import safe_text, squash
from luoshi.sheets.files import SheetOut, SheetSource, open_workbook, save_workbook
from luoshi.sheets.layout import Problems, Table, find_table
from luoshi.sheets.model import (
    Expectations,
    ProgressEntry,
    ProgressExpectation,
    ProgressSubmission,
    ProgressTemplateRow,
)
from luoshi.sheets.numbers import parse_decimal
from luoshi.sheets.stamp import read_stamp, write_labels, write_meta
from luoshi.sheets.style import print_setup, style_body_row, write_header, write_title

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

__all__ = ["PROGRESS_HEADER", "read_progress_sheet", "write_progress_template"]

#: The header as written, with each column's width in characters.
PROGRESS_HEADER = {
    "系统编号": 10,
    "序号": 6,
    "指标": 32,
    "目标值": 14,
    "单位": 12,
    "上期累计/上次报送值": 18,
    "本期值": 16,
    "备注": 32,
}
_ALIASES: dict[str, tuple[str, ...]] = {
    "系统编号": ("ID",),
    "序号": ("编号",),
    "指标": ("量化指标", "指标名称"),
    "目标值": ("目标",),
    "单位": ("计量单位",),
    "上期累计/上次报送值": ("上期累计", "上次报送值"),
    "本期值": ("本期累计", "本期完成", "本期数"),
    "备注": ("说明",),
}
_REQUIRED = ("系统编号", "本期值")
_HEADER_ROW = 3
_INPUTS = (7, 8)
_WHAT = "报送表"
_LIMIT = "1000000000000000"


def write_progress_template(
    rows: Sequence[ProgressTemplateRow], out: SheetOut, *, unit: str, period: str, title: str
) -> None:
    """Write one department's (``unit``) 报送表 for ``period`` (2023-06)."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = _WHAT
    last = len(PROGRESS_HEADER)
    write_title(sheet, safe_text(title), first=2, last=last)
    write_labels(sheet, unit, period)
    write_header(sheet, _HEADER_ROW, PROGRESS_HEADER)
    sheet.column_dimensions["A"].hidden = True
    for row, item in enumerate(rows, _HEADER_ROW + 1):
        values: list[object] = [
            item.target_id,
            int(item.number) if item.number.isdecimal() and item.number.isascii() else item.number,
            item.indicator,
            item.target_value,
            item.unit,
            item.last_value,
            item.value,
            item.note,
        ]
        for column, value in enumerate(values, 1):
            sheet.cell(row=row, column=column, value=safe_text(value) if isinstance(value, str) else value)
        style_body_row(sheet, row, last=last, wrap=(3, 8))
    _protect(sheet, _HEADER_ROW + len(rows))
    print_setup(sheet, header_rows=_HEADER_ROW)
    write_meta(book, unit, period)
    save_workbook(book, out)


def _protect(sheet: Worksheet, last_row: int) -> None:
    """Lock everything but 本期值 and 备注; 本期值 takes decimals only."""
    from openpyxl.styles import Protection
    from openpyxl.worksheet.datavalidation import DataValidation

    first_row = _HEADER_ROW + 1
    for row in range(first_row, last_row + 1):
        for column in _INPUTS:
            sheet.cell(row=row, column=column).protection = Protection(locked=False)
    if last_row >= first_row:
        check = DataValidation(
            type="decimal",
            operator="between",
            formula1=f"-{_LIMIT}",
            formula2=_LIMIT,
            allow_blank=True,
            showErrorMessage=True,
            errorTitle="本期值须为数字",
            error="请输入数字，如 1234.5；不报送请留空 (enter a number, or leave it empty)",
        )
        check.add(f"G{first_row}:G{last_row}")
        sheet.add_data_validation(check)
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False
    sheet.protection.formatRows = False


def read_progress_sheet(source: SheetSource, *, expected: Expectations) -> ProgressSubmission:
    """The values a department filled in; SheetError listing every bad row.

    ``expected`` maps each target id this unit reports to what its row is checked
    against, or is a function of the sheet's (unit, period label) returning that mapping.
    """
    book, path = open_workbook(source)
    table = find_table(book, _ALIASES, _REQUIRED, what=_WHAT, path=path)
    unit, period, (start, end) = read_stamp(book, table, path)
    wanted = expected(unit, period) if callable(expected) else expected
    by_id = {squash(key): (key, value) for key, value in wanted.items()}
    problems = Problems(_WHAT, path)
    seen: dict[str, int] = {}
    entries = []
    for row in table.data_rows():
        if not table.text(row, "本期值"):
            continue  # not reported this time (本期未报送)
        target_id = squash(table.text(row, "系统编号"))
        if not target_id:
            problems.add(row, "系统编号", "缺少系统编号", "no target id")
            continue
        if target_id not in by_id:
            problems.add(
                row,
                "系统编号",
                f"目标“{target_id}”不属于{unit}的报送范围",
                f"{target_id} is not a target of {unit}",
            )
            continue
        if target_id in seen:
            problems.add(
                row, "系统编号", f"与第{seen[target_id]}行重复", f"duplicate of row {seen[target_id]}"
            )
            continue
        seen[target_id] = row
        key, expectation = by_id[target_id]
        entry = _entry(table, row, key, expectation, (start, end, period), problems)
        if entry is not None:
            entries.append(entry)
    problems.raise_any()
    return ProgressSubmission(unit=unit, period=period, entries=entries)


def _entry(
    table: Table,
    row: int,
    key: str,
    expectation: ProgressExpectation,
    period: tuple[date, date, str],
    problems: Problems,
) -> ProgressEntry | None:
    """One row as an entry, or None after reporting what is wrong with it."""
    shown = table.text(row, "单位")
    if expectation.unit and "单位" in table.columns and squash(shown) != squash(expectation.unit):
        problems.add(
            row, "单位", f"计量单位被改为“{shown}”，应为“{expectation.unit}”", f"unit changed to {shown!r}"
        )
        return None
    unit = expectation.unit or shown
    try:
        value = parse_decimal(table.value(row, "本期值"), unit=unit)
    except ValueError:
        text = table.text(row, "本期值")
        problems.add(row, "本期值", f"“{text}”不是数字", f"{text!r} is not a number")
        return None
    start, end, label = period
    if (expectation.plan_start and start < expectation.plan_start) or (
        expectation.plan_end and end > expectation.plan_end
    ):
        span = f"{expectation.plan_start or '…'}—{expectation.plan_end or '…'}"
        problems.add(
            row,
            "报送期",
            f"报送期 {label} 不在计划期 {span} 内",
            f"period {label} is outside the plan {span}",
        )
        return None
    if expectation.cumulative and expectation.last_value is not None and value < expectation.last_value:
        last = _plain(expectation.last_value)
        problems.add(
            row,
            "本期值",
            f"累计值 {_plain(value)} 小于上次报送的 {last}",
            f"cumulative value {_plain(value)} is below the last reported {last}",
        )
        return None
    return ProgressEntry(key, value, unit, table.text(row, "备注"), row)


def _plain(value: Decimal) -> str:
    return format(value, "f")
