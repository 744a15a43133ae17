"""Export as one Excel workbook (工作簿): a sheet per table, plus 说明 (what it holds).

Headers read in Chinese with the column key beneath (牵头单位 / lead_unit) and are frozen,
with a filter on every sheet. On 评价 the 灯 and 评价等级 columns are coloured by
conditional formatting (green, yellow, red), so a sorted or filtered sheet keeps its
colours and a value typed in colours itself. Exact values are numbers, dates are dates;
text was neutralised when the tables were read (:mod:`luoshi.exports.tables`), and code cells
(the comparator ``=``) are stored as text, never as formulas.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, BinaryIO

from luoshi.exports.tables import ExportTable, PlanTables

__all__ = ["write", "LIGHT_RULES", "GRADE_RULES"]

#: Fill of a status's light (the values of the light column).
LIGHT_RULES = {"green": "00B050", "yellow": "FFC000", "red": "FF0000"}
#: Fill of each grade on 评价.
GRADE_RULES = {
    "已完成": "00B050",
    "超序时": "00B050",
    "符合序时": "92D050",
    "滞后": "FFC000",
    "严重滞后": "FF0000",
    "未报送": "FF0000",
}
_WIDTHS = {"text": 40, "section": 30, "reason_zh": 50, "note": 40, "indicator": 24}
_NUMBER_FORMATS = {"date": "yyyy-mm-dd", "datetime": "yyyy-mm-dd hh:mm", "float": "0.000"}
_SHARES = ("completion", "expected")


def write(tables: PlanTables, out: Path | str | BinaryIO) -> None:
    """Write the workbook to ``out`` (a path or a binary file)."""
    from openpyxl import Workbook

    book = Workbook()
    _about(book.active, tables)
    for table in tables.tables:
        sheet = book.create_sheet(table.title)
        _table(sheet, table)
        if table.name == "statuses":
            _lights(sheet, table)
    book.save(str(out) if isinstance(out, str | Path) else out)


def _about(sheet: Any, tables: PlanTables) -> None:
    from openpyxl.styles import Font

    sheet.title = "说明"
    lines = [
        ("计划", tables.plan),
        ("计划编号", tables.plan_id),
        ("年度", tables.year),
        ("评价日期", tables.as_of),
        *((f"{table.title}（{table.name}）", f"{len(table.rows)} 行") for table in tables.tables),
    ]
    for row, (label, value) in enumerate(lines, 1):
        sheet.cell(row=row, column=1, value=label).font = Font(bold=True)
        cell = sheet.cell(row=row, column=2, value=value)
        if label == "评价日期":
            cell.number_format = "yyyy-mm-dd"
    sheet.column_dimensions["A"].width = 22
    sheet.column_dimensions["B"].width = 40


def _table(sheet: Any, table: ExportTable) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    header_fill = PatternFill("solid", fgColor="D9E1F2")
    for index, column in enumerate(table.columns, 1):
        cell = sheet.cell(row=1, column=index, value=f"{column.label}\n{column.key}")
        cell.font = Font(bold=True)
        cell.fill = header_fill
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        width = _WIDTHS.get(column.key, max(10, len(column.label) * 2 + 2))
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.row_dimensions[1].height = 32
    formats = [
        "0.0%" if column.key in _SHARES else _NUMBER_FORMATS.get(column.type) for column in table.columns
    ]
    for row in table.rows:
        sheet.append(list(row))
    for index, column in enumerate(table.columns, 1):
        if column.code:  # "=" is a code here, not a formula: store it as text
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                if isinstance(cell.value, str):
                    cell.data_type = "s"
    for index, number_format in enumerate(formats, 1):
        if number_format:
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.number_format = number_format
    sheet.freeze_panes = "A2"
    last = get_column_letter(len(table.columns))
    sheet.auto_filter.ref = f"A1:{last}{max(len(table.rows) + 1, 1)}"


def _lights(sheet: Any, table: ExportTable) -> None:
    """Conditional fills on the light and grade columns of 评价."""
    from openpyxl.formatting.rule import CellIsRule
    from openpyxl.styles import PatternFill
    from openpyxl.utils import get_column_letter

    keys = [column.key for column in table.columns]
    end = max(len(table.rows) + 1, 2)
    for key, rules in (("light", LIGHT_RULES), ("grade", GRADE_RULES)):
        letter = get_column_letter(keys.index(key) + 1)
        for value, fill in rules.items():
            sheet.conditional_formatting.add(
                f"{letter}2:{letter}{end}",
                CellIsRule(operator="equal", formula=[f'"{value}"'], fill=PatternFill("solid", bgColor=fill)),
            )
