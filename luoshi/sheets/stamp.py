"""Whose and which period a 报送表 is (报送单位, 报送期): written twice, read back carefully.

The unit and period are written in row 2 of the sheet for people (报送单位 · 人社局 · 报送期 ·
2023-06) and in a very hidden sheet ``_luoshi`` (rows: kind=progress, version=1, unit,
period) for import, which survives a department retyping the header. Import prefers the
hidden sheet; when it is gone (a copy pasted into a new workbook), the labelled cells above
the header serve, in the label's own cell (报送单位：人社局) or the next filled one. When both
exist and disagree, the sheet is refused: it was probably copied from another period.
Periods are labels the status engine reads (:func:`luoshi.tracking.periods.parse_period`):
2023-06, 2023-Q2, 2023-H1, 2023; 2023年6月 and 2023.6 are read as 2023-06.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from luoshi.errors import SheetError
from luoshi.sheets.cells import cell_text, safe_text, squash
from luoshi.sheets.layout import Table

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

__all__ = ["META_SHEET", "normal_period", "read_stamp", "write_labels", "write_meta"]

#: The very hidden sheet holding the unit and period.
META_SHEET = "_luoshi"
_LABELS = {"unit": ("报送单位", "填报单位"), "period": ("报送期间", "报送期", "报送月份", "所属期")}
_CHINESE_MONTH = re.compile(r"(\d{4})[年\-/.](\d{1,2})(?:月份?|月)?")


def write_labels(sheet: Worksheet, unit: str, period: str) -> None:
    """报送单位 and 报送期 in row 2 (B2, C2; E2, F2), and a note on what to fill (G2:H2)."""
    from openpyxl.styles import Font

    for column, value in ((2, "报送单位"), (3, unit), (5, "报送期"), (6, period)):
        cell = sheet.cell(row=2, column=column, value=safe_text(value))
        cell.font = Font(bold=column in (2, 5))
    note = "请只填写“本期值”和“备注”；累计类指标填年初至本期末的累计数"
    sheet.cell(row=2, column=7, value=note).font = Font(color="808080", size=9)
    sheet.merge_cells(start_row=2, start_column=7, end_row=2, end_column=8)


def write_meta(book: Workbook, unit: str, period: str) -> None:
    """The very hidden sheet: kind, version, unit, period, one pair a row."""
    meta = book.create_sheet(META_SHEET)
    for row in (
        ("kind", "progress"),
        ("version", "1"),
        ("unit", safe_text(unit)),
        ("period", safe_text(period)),
    ):
        meta.append(row)
    meta.sheet_state = "veryHidden"


def normal_period(text: str) -> str:
    """A 报送期 as a label: 2023年6月, 2023.6, 2023-6 → 2023-06; other labels as they are."""
    text = squash(text)
    found = _CHINESE_MONTH.fullmatch(text)
    if found:
        return f"{found[1]}-{int(found[2]):02d}"
    return text


def read_stamp(book: Workbook, table: Table, path: str | None) -> tuple[str, str, tuple[date, date]]:
    """(unit, period label, (first day, last day)) of a 报送表; SheetError when missing or in conflict."""
    unit, period = _unit_and_period(book, table, path)
    return unit, period, _span(period, path)


def _unit_and_period(book: Workbook, table: Table, path: str | None) -> tuple[str, str]:
    """(unit, period label) from the hidden sheet, else from the cells above the header."""
    meta = _meta(book)
    shown = _labels(table)
    found = {}
    for key in ("unit", "period"):
        hidden, visible = meta.get(key, ""), shown.get(key, "")
        normal = normal_period if key == "period" else squash
        if hidden and visible and normal(hidden) != normal(visible):
            raise SheetError(
                f"表头的{_LABELS[key][0]}“{visible}”与表格记录的“{hidden}”不一致 "
                f"(the {key} shown, {visible!r}, differs from the one recorded, {hidden!r})",
                hint="请为每个报送期重新生成报送表，不要改表头 (export a new sheet for each period)",
                path=path,
            )
        value = hidden or visible
        if not value:
            raise SheetError(
                f"报送表没有{_LABELS[key][0]} (the sheet names no {key})",
                hint="请使用 luoshi progress template 生成的报送表 (use the sheet luoshi wrote)",
                path=path,
            )
        found[key] = value
    return found["unit"].strip(), normal_period(found["period"])


def _meta(book: Workbook) -> dict[str, str]:
    if META_SHEET not in book.sheetnames:
        return {}
    sheet = book[META_SHEET]
    pairs = {}
    for row in range(1, min(sheet.max_row, 20) + 1):
        key = cell_text(sheet.cell(row=row, column=1).value)
        if key:
            pairs[key] = cell_text(sheet.cell(row=row, column=2).value)
    return pairs if pairs.get("kind") == "progress" else {}


def _labels(table: Table) -> dict[str, str]:
    """报送单位 and 报送期 written above the header: in the label's cell or the next filled one."""
    sheet, found = table.sheet, {}
    for row in range(1, table.header_row):
        cells = [
            cell_text(sheet.cell(row=row, column=column).value)
            for column in range(1, min(sheet.max_column, 60) + 1)
        ]
        for index, text in enumerate(cells):
            for key, labels in _LABELS.items():
                label = next((label for label in labels if squash(text).startswith(label)), None)
                if label is None or key in found:
                    continue
                rest = squash(text)[len(label) :].lstrip(":：")
                if not rest:
                    after = next((squash(other) for other in cells[index + 1 :] if other), "")
                    rest = "" if _is_label(after) else after
                found[key] = rest
    return found


def _is_label(text: str) -> bool:
    return any(text.startswith(label) for labels in _LABELS.values() for label in labels)


def _span(period: str, path: str | None) -> tuple[date, date]:
    from luoshi.errors import TrackingError  # periods are the status engine's (报送期)
    from luoshi.tracking.periods import parse_period

    try:
        start, end, _label = parse_period(period)
    except TrackingError as error:
        raise SheetError(
            f"无法识别的报送期“{period}” (unrecognised period {period!r})",
            hint="报送期写成 2023-06、2023-Q2、2023-H1 (write the period as 2023-06)",
            path=path,
        ) from error
    return start, end
