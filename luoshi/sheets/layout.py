"""Finding a sheet's table (表头与数据行) the way an office left it, and collecting row problems.

The header row is found by its names, not its position: within the first
:data:`HEADER_SCAN` rows of the first sheet that has them, with full-width characters,
spaces and line breaks ignored and a few common alternative names accepted, so a title
row added above, columns moved, or 责任单位 renamed 配合单位 still read.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from luoshi.errors import RowProblem, SheetError
from luoshi.sheets.cells import cell_text, squash

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

__all__ = ["HEADER_SCAN", "MAX_ROWS", "Problems", "Table", "find_table"]

#: Rows searched for the header.
HEADER_SCAN = 20
#: Data rows beyond this are refused (a 分解表 has hundreds; a stray cell at row 1,048,576
#: would otherwise make openpyxl build a million empty rows).
MAX_ROWS = 20_000


@dataclass(slots=True)
class Table:
    """Where a table sits: its sheet, header row and the column of each name.

    ``section_rows`` are the rows (Excel numbers) under a merged range three or more
    columns wide: section headings (板块标题). ``merged_values`` holds, for each cell of a narrower
    merged range (a 牵头单位 merged down several rows, as offices do), the value of the
    range's top-left cell, so every row it covers reads it.
    """

    sheet: Worksheet
    header_row: int
    columns: dict[str, int]
    section_rows: set[int] = field(default_factory=set)
    merged_values: dict[tuple[int, int], object] = field(default_factory=dict)

    def value(self, row: int, name: str) -> object:
        """The raw value of column ``name`` in ``row`` (None when the column is absent)."""
        column = self.columns.get(name)
        if column is None:
            return None
        if (row, column) in self.merged_values:
            return self.merged_values[row, column]
        return self.sheet.cell(row=row, column=column).value

    def own_cells(self, row: int) -> list[tuple[int, str]]:
        """The non-empty cells of the row among the table's columns, left to right: (column, text)."""
        cells = []
        for column in sorted(self.columns.values()):
            text = cell_text(self.sheet.cell(row=row, column=column).value)
            if text:
                cells.append((column, text))
        return cells

    def text(self, row: int, name: str) -> str:
        return cell_text(self.value(row, name))

    def data_rows(self) -> range:
        return range(self.header_row + 1, self.sheet.max_row + 1)

    def row_is_blank(self, row: int) -> bool:
        """No cell of the table's columns holds anything of its own (merged values aside)."""
        return not self.own_cells(row)


def _header_names(sheet: Worksheet, row: int) -> dict[str, int]:
    names: dict[str, int] = {}
    for column in range(1, min(sheet.max_column, 60) + 1):
        text = squash(cell_text(sheet.cell(row=row, column=column).value)).strip("*＊:：")
        if text and text not in names:
            names[text] = column
    return names


def _match(names: dict[str, int], wanted: Mapping[str, Sequence[str]]) -> dict[str, int]:
    columns = {}
    for name, aliases in wanted.items():
        for alias in (name, *aliases):
            if squash(alias) in names:
                columns[name] = names[squash(alias)]
                break
    return columns


def find_table(
    book: Workbook,
    wanted: Mapping[str, Sequence[str]],
    required: Sequence[str],
    *,
    what: str,
    path: str | None,
) -> Table:
    """The first visible sheet with a header row holding every ``required`` name.

    ``wanted`` maps each column's name to its accepted alternative names; columns not
    found are absent from :attr:`Table.columns`.
    """
    sheets = [sheet for sheet in book.worksheets if sheet.sheet_state == "visible"]
    best: tuple[int, list[str]] | None = None
    for sheet in sheets:
        for row in range(1, min(sheet.max_row, HEADER_SCAN) + 1):
            columns = _match(_header_names(sheet, row), wanted)
            missing = [name for name in required if name not in columns]
            if not missing:
                return _table(sheet, row, columns, path)
            if len(columns) >= 3 and (best is None or len(missing) < len(best[1])):
                best = (row, missing)
    if best is not None:
        names = "、".join(best[1])
        raise SheetError(
            f"{what}缺少列：{names} (the {what} lacks the column(s) {names})",
            hint="请使用 luoshi 导出的表格填写，不要删除隐藏列 (fill in the sheet luoshi wrote; keep its hidden column)",
            path=path,
        )
    raise SheetError(
        f"找不到{what}的表头 (no header row of a {what} in the workbook)",
        hint=f"表头应含：{'、'.join(required)} (the header must name these columns)",
        path=path,
    )


def _table(sheet: Worksheet, row: int, columns: dict[str, int], path: str | None) -> Table:
    if sheet.max_row - row > MAX_ROWS:
        raise SheetError(
            f"数据超过 {MAX_ROWS} 行，拒绝读取 (more than {MAX_ROWS} data rows; last row {sheet.max_row})",
            hint="删除表格下方多余的行后重试 (delete the stray rows below the table)",
            path=path,
        )
    sections: set[int] = set()
    merged_values: dict[tuple[int, int], object] = {}
    for span in sheet.merged_cells.ranges:
        if span.min_row <= row:
            continue
        if span.max_col - span.min_col >= 2:
            sections.update(range(span.min_row, span.max_row + 1))
        elif span.max_row > span.min_row:
            top = sheet.cell(row=span.min_row, column=span.min_col).value
            for cell_row, cell_column in span.cells:
                merged_values[cell_row, cell_column] = top
    return Table(sheet, row, columns, sections, merged_values)


@dataclass(slots=True)
class Problems:
    """The bad rows of one import, collected so that all of them are reported at once."""

    what: str
    path: str | None
    items: list[RowProblem] = field(default_factory=list)

    def add(self, row: int, column: str, zh: str, en: str) -> None:
        self.items.append(RowProblem(row, column, f"{zh} ({en})"))

    def raise_any(self) -> None:
        """Raise one SheetError listing every problem, if there is any."""
        if not self.items:
            return
        rows = len({item.row for item in self.items})
        raise SheetError(
            f"{self.what}有 {rows} 行不能导入，全部未导入 "
            f"({rows} row(s) of the {self.what} cannot be imported; nothing was imported)",
            hint="按行号改正后重新导入整张表 (fix the rows named and import the whole sheet again)",
            path=self.path,
            problems=self.items,
        )
