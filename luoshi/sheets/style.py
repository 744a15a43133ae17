"""The look shared by every sheet luoshi writes for an office (表格样式): a merged title row,
a bold shaded header, merged section rows, thin borders, a frozen header and a landscape A4
page that fits the width — how 分解表 and 报送表 are usually laid out.

openpyxl is imported inside the functions, so importing this module stays cheap.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from openpyxl.styles import Border
    from openpyxl.worksheet.worksheet import Worksheet

__all__ = [
    "HEADER_FILL",
    "SECTION_FILL",
    "border",
    "print_setup",
    "style_body_row",
    "write_header",
    "write_section",
    "write_title",
]

#: The header row's shading (light blue) and the section rows' (light grey).
HEADER_FILL = "D9E1F2"
SECTION_FILL = "F2F2F2"


def border() -> Border:
    """A thin border on all four sides."""
    from openpyxl.styles import Border, Side

    thin = Side(style="thin")
    return Border(left=thin, right=thin, top=thin, bottom=thin)


def write_title(sheet: Worksheet, text: str, *, row: int = 1, first: int = 1, last: int) -> None:
    """The sheet's title, merged across columns ``first``..``last``, bold 14 pt, centred."""
    from openpyxl.styles import Alignment, Font

    cell = sheet.cell(row=row, column=first, value=text)
    if last > first:
        sheet.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)
    cell.font = Font(bold=True, size=14)
    cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    sheet.row_dimensions[row].height = 30


def write_header(sheet: Worksheet, row: int, header: Mapping[str, int], *, first: int = 1) -> None:
    """The header row from column ``first``: each name bold, centred, shaded, bordered, with its width."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    edge = border()
    for column, (name, chars) in enumerate(header.items(), first):
        cell = sheet.cell(row=row, column=column, value=name)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = edge
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        sheet.column_dimensions[get_column_letter(column)].width = chars


def write_section(sheet: Worksheet, row: int, text: str, *, first: int = 1, last: int) -> None:
    """A section heading (板块标题) row, merged across ``first``..``last``, bold and shaded."""
    from openpyxl.styles import Alignment, Font, PatternFill

    sheet.cell(row=row, column=first, value=text)
    sheet.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)
    head = sheet.cell(row=row, column=first)
    head.font = Font(bold=True)
    head.alignment = Alignment(vertical="center", wrap_text=True)
    head.fill = PatternFill("solid", fgColor=SECTION_FILL)
    edge = border()
    for column in range(first, last + 1):
        sheet.cell(row=row, column=column).border = edge


def style_body_row(
    sheet: Worksheet, row: int, *, first: int = 1, last: int, wrap: Collection[int] = ()
) -> None:
    """Border a data row; columns in ``wrap`` wrap left-aligned, the others are centred."""
    from openpyxl.styles import Alignment

    edge = border()
    left = Alignment(wrap_text=True, vertical="center")
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for column in range(first, last + 1):
        cell = sheet.cell(row=row, column=column)
        cell.border = edge
        cell.alignment = left if column in wrap else centre


def print_setup(sheet: Worksheet, *, header_rows: int) -> None:
    """Freeze the rows above the data, repeat them on every page; landscape A4, fit to width."""
    sheet.freeze_panes = sheet.cell(row=header_rows + 1, column=1)
    sheet.print_title_rows = f"1:{header_rows}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
