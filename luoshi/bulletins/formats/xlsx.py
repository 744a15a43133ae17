"""The bulletin as an Excel workbook (通报附表), for an office that works on the figures.

Three sheets: 通报 (the title, key figures, 表1 and the charts as images), 目标进度 (every
target under its report section, with completion, 序时进度 and gap as numbers, the grade, the
灯 cell filled green, yellow or red, and the unit's latest report and note) and 报送情况
(each unit's on-time record). Headers are frozen and repeated on printed pages; every text
cell goes through :func:`luoshi.sheets.cells.safe_text`, so no cell is read as a formula.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import datetime, time
from pathlib import Path
from typing import Any, BinaryIO

from luoshi.bulletins.charts import Chart, draw_charts
from luoshi.bulletins.formats.package import save_reproducible
from luoshi.bulletins.model import BulletinData, BulletinRow
from luoshi.bulletins.outline import Paragraph, Table
from luoshi.bulletins.phrases import latest_words
from luoshi.bulletins.wording import LIGHT_WORDS, SECTION_HEADINGS, compose
from luoshi.sheets.cells import safe_text
from luoshi.sheets.style import print_setup, style_body_row, write_header, write_section, write_title

__all__ = ["write", "PROGRESS_HEADER", "UNITS_HEADER", "LIGHT_FILLS"]

#: The 目标进度 sheet's columns and widths (characters).
PROGRESS_HEADER = {
    "序号": 6,
    "目标任务": 40,
    "牵头单位": 14,
    "责任单位": 18,
    "最新进展": 18,
    "完成率": 9,
    "序时进度": 9,
    "差距（个百分点）": 10,
    "评价等级": 10,
    "灯": 6,
    "单位说明": 40,
    "报送人": 10,
    "报送时间": 17,
}
#: The 报送情况 sheet's columns and widths.
UNITS_HEADER = {
    "牵头单位": 18,
    "目标数": 8,
    "应报（项次）": 10,
    "按时": 8,
    "逾期": 8,
    "未报": 8,
    "按时报送率": 11,
    "未报送目标": 50,
}
#: Fill of the 灯 cell for each light.
LIGHT_FILLS = {"green": "00B050", "yellow": "FFC000", "red": "FF0000"}


def write(data: BulletinData, out: Path | str | BinaryIO, *, charts: Sequence[Chart] | None = None) -> None:
    """Write ``data``'s bulletin as an .xlsx workbook to ``out`` (a path or a binary file)."""
    from openpyxl import Workbook

    drawn = list(draw_charts(data) if charts is None else charts)
    book = Workbook()
    _summary(book.active, data, drawn)
    _progress(book.create_sheet("目标进度"), data)
    _units(book.create_sheet("报送情况"), data)
    dated = datetime.combine(data.as_of, time(9, 0))
    book.properties.created = book.properties.modified = dated
    book.properties.creator = data.issuer
    save_reproducible(book.save, out, dated)


def _summary(sheet: Any, data: BulletinData, charts: Sequence[Chart]) -> None:
    from openpyxl.drawing.image import Image
    from openpyxl.styles import Alignment, Font

    written = compose(data, tuple(chart.key for chart in charts))
    sheet.title = "通报"
    write_title(sheet, safe_text(written.title), last=4)
    sheet.cell(row=2, column=1, value=safe_text(f"{written.issuer}　{written.number}　{written.date}"))
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=4)
    table = next(block for block in written.blocks if isinstance(block, Table))
    opening = [written.blocks[0], *written.section(SECTION_HEADINGS[0])]
    row = 3
    for text in (block.text for block in opening if isinstance(block, Paragraph)):
        cell = sheet.cell(row=row, column=1, value=safe_text(text))
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=4)
        sheet.row_dimensions[row].height = 15 * (len(text) // 60 + 1)
        row += 1
    row += 1
    sheet.cell(row=row, column=1, value=table.caption).font = Font(bold=True)
    row += 1
    write_header(
        sheet, row, {name: width for name, width in zip(table.header, (12, 12, 10, 30), strict=True)}
    )
    for cells in table.rows:
        row += 1
        for column, words in enumerate(cells, 1):
            value: object = int(words) if column == 2 else safe_text(words)
            sheet.cell(row=row, column=column, value=value)
        style_body_row(sheet, row, last=4, wrap=(4,))
    row += 2
    for chart in charts:
        image = Image(io.BytesIO(chart.png))
        scale = 480 / image.width
        image.width, image.height = 480, int(image.height * scale)
        sheet.cell(row=row, column=1, value=chart.caption).font = Font(bold=True)
        sheet.add_image(image, f"A{row + 1}")
        row += image.height // 20 + 3


def _progress(sheet: Any, data: BulletinData) -> None:
    from openpyxl.styles import Font, PatternFill

    last = len(PROGRESS_HEADER)
    write_title(sheet, safe_text(f"{data.year}年政府工作报告量化目标推进情况表"), last=last)
    write_header(sheet, 2, PROGRESS_HEADER)
    row = 2
    section = None
    for item in sorted(data.rows, key=lambda r: r.number):
        if item.section != section:
            section = item.section
            if section:
                row += 1
                write_section(sheet, row, safe_text(section), last=last)
        row += 1
        for column, value in enumerate(_cells(item), 1):
            cell = sheet.cell(row=row, column=column, value=value)
            if column in (6, 7):
                cell.number_format = "0.0%"
            elif column == 8:
                cell.number_format = "+0.0;-0.0;0.0"
        style_body_row(sheet, row, last=last, wrap=(2, 11))
        fill = LIGHT_FILLS.get(item.status.light)
        if fill:
            light = sheet.cell(row=row, column=10)
            light.fill = PatternFill("solid", fgColor=fill)
            light.font = Font(bold=True, color="000000" if item.status.light == "yellow" else "FFFFFF")
    print_setup(sheet, header_rows=2)
    sheet.auto_filter.ref = f"A2:{sheet.cell(row=2, column=last).column_letter}{max(row, 2)}"


def _cells(item: BulletinRow) -> list[object]:
    status = item.status
    latest = item.latest
    return [
        item.number,
        safe_text(item.text),
        safe_text(item.lead_unit or ""),
        safe_text("、".join(item.co_units)),
        safe_text(latest_words(item)),
        status.completion,
        status.expected,
        None if status.gap is None else round(status.gap, 1),
        status.grade,
        LIGHT_WORDS.get(status.light, "—"),
        safe_text(latest.note) if latest else "",
        safe_text(latest.reported_by) if latest else "",
        latest.reported_at if latest and latest.reported_at else None,
    ]


def _units(sheet: Any, data: BulletinData) -> None:
    last = len(UNITS_HEADER)
    write_title(sheet, "各牵头单位进度报送情况", last=last)
    write_header(sheet, 2, UNITS_HEADER)
    titles = {row.id: row.text for row in data.rows}
    row = 2
    for unit in data.units:
        row += 1
        values = [
            safe_text(unit.unit),
            unit.targets,
            unit.due,
            unit.on_time,
            unit.late,
            unit.missing,
            unit.on_time_rate,
            safe_text("、".join(titles.get(ref, ref) for ref in unit.unreported)),
        ]
        for column, value in enumerate(values, 1):
            sheet.cell(row=row, column=column, value=value)
        sheet.cell(row=row, column=7).number_format = "0.0%"
        style_body_row(sheet, row, last=last, wrap=(8,))
    print_setup(sheet, header_rows=2)
