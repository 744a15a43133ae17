"""The bulletin as a Word document (DOCX), the form an office sends and files.

A 红头 head (the issuer in red, the 文号, a red rule), the title, the recipients, the body
sections with 表1 and the charts as PNG images, the attachment line, the signature and date
on the right; then the annex (附件) on landscape pages: every target under its report
section, its 灯 cell shaded green, yellow or red, the header row repeated on each page.
Page and paragraph styles are :mod:`luoshi.bulletins.formats.docx_styles`; the annex table is
written in one piece by :mod:`luoshi.bulletins.formats.docx_table`.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import datetime, time
from pathlib import Path
from typing import Any, BinaryIO

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_ALIGN_VERTICAL, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from luoshi.bulletins.charts import Chart, draw_charts
from luoshi.bulletins.fonts import OFFICIAL, FontSet
from luoshi.bulletins.formats.docx_styles import (
    RED,
    TABLE_STYLE,
    apply_styles,
    declare_fonts,
    landscape,
    page_number_footer,
    portrait,
    red_rule,
    set_fonts,
    shade,
)
from luoshi.bulletins.formats.docx_table import HEADER_FILL, LIGHT_FILLS, annex_table
from luoshi.bulletins.formats.package import save_reproducible
from luoshi.bulletins.model import BulletinData
from luoshi.bulletins.outline import Figure, Heading, Paragraph, Table, Written
from luoshi.bulletins.wording import compose

__all__ = ["write", "build", "LIGHT_FILLS", "ANNEX_WIDTHS_CM"]

#: The annex columns' widths on a landscape A4 page (257 mm of text width).
ANNEX_WIDTHS_CM = (1.2, 7.6, 2.4, 3.2, 3.4, 1.9, 1.9, 2.0, 1.2)
_TEXT_WIDTH_CM = 15.6


def write(
    data: BulletinData,
    out: Path | str | BinaryIO,
    *,
    fonts: FontSet = OFFICIAL,
    charts: Sequence[Chart] | None = None,
) -> None:
    """Write ``data``'s bulletin as DOCX to ``out`` (a path or a binary file)."""
    drawn = list(draw_charts(data) if charts is None else charts)
    document = build(compose(data, tuple(chart.key for chart in drawn)), drawn, fonts)
    properties = document.core_properties
    properties.title = data.title
    properties.author = properties.last_modified_by = data.issuer
    dated = datetime.combine(data.as_of, time(9, 0))
    properties.created = properties.modified = dated
    properties.revision = 1
    save_reproducible(document.save, out, dated, drop=("docProps/thumbnail.jpeg",))


def build(written: Written, charts: Sequence[Chart], fonts: FontSet = OFFICIAL) -> Any:
    """The python-docx Document of a written bulletin."""
    document = Document()
    apply_styles(document, fonts)
    declare_fonts(document, fonts)
    body = document.sections[0]
    portrait(body)
    page_number_footer(body, fonts.table, fonts.latin)
    _head(document, written, fonts)
    images = {chart.key: chart for chart in charts}
    for block in written.blocks:
        if isinstance(block, Heading):
            document.add_paragraph(block.text, style="Heading 1" if block.level == 1 else "Heading 2")
        elif isinstance(block, Paragraph):
            paragraph = document.add_paragraph()
            for run in block.runs:
                paragraph.add_run(run.text).bold = run.bold or None
        elif isinstance(block, Table):
            _small_table(document, block)
        elif isinstance(block, Figure) and block.key in images:
            _figure(document, images[block.key], block.caption)
    _tail(document, written)
    annex = document.add_section(WD_SECTION.NEW_PAGE)
    landscape(annex)
    _annex(document, written, fonts)
    return document


def _head(document: Any, written: Written, fonts: FontSet) -> None:
    """红头: the issuer in red, the 文号 above a red rule; then the title and the recipients."""
    masthead = document.add_paragraph()
    masthead.alignment = WD_ALIGN_PARAGRAPH.CENTER
    masthead.paragraph_format.first_line_indent = Pt(0)
    masthead.paragraph_format.line_spacing = Pt(48)
    masthead.paragraph_format.space_before = Pt(12)
    run = masthead.add_run(written.issuer)
    run.font.size = Pt(30 if len(written.issuer) <= 12 else 24)
    run.font.color.rgb = RGBColor.from_string(RED)
    set_fonts(run._r, fonts.title, fonts.latin)
    number = document.add_paragraph(written.number)
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    number.paragraph_format.first_line_indent = Pt(0)
    number.paragraph_format.space_before = Pt(12)
    red_rule(number)
    title = document.add_paragraph(style="Title")
    title.paragraph_format.space_before = Pt(28)
    title.paragraph_format.space_after = Pt(20)
    for index, line in enumerate(written.title_lines):
        run = title.add_run(line)
        if index < len(written.title_lines) - 1:
            run.add_break()
    recipients = document.add_paragraph(written.recipients)
    recipients.paragraph_format.first_line_indent = Pt(0)


def _tail(document: Any, written: Written) -> None:
    document.add_paragraph()
    attachment = document.add_paragraph(written.attachment)
    attachment.paragraph_format.left_indent = Pt(32)
    attachment.paragraph_format.first_line_indent = Pt(0)
    document.add_paragraph()
    for text in (written.issuer, written.date):
        line = document.add_paragraph(text)
        line.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        line.paragraph_format.right_indent = Pt(64)
        line.paragraph_format.first_line_indent = Pt(0)


def _figure(document: Any, chart: Chart, caption: str) -> None:
    holder = document.add_paragraph()
    holder.alignment = WD_ALIGN_PARAGRAPH.CENTER
    holder.paragraph_format.first_line_indent = Pt(0)
    holder.paragraph_format.line_spacing = 1.0
    holder.paragraph_format.keep_with_next = True
    holder.add_run().add_picture(io.BytesIO(chart.png), width=Cm(min(chart.width_cm, _TEXT_WIDTH_CM)))
    document.add_paragraph(caption, style="Caption")


def _small_table(document: Any, block: Table) -> None:
    document.add_paragraph(block.caption, style="Caption").paragraph_format.keep_with_next = True
    table = _table(document, len(block.header), _widths(block))
    style = document.styles[TABLE_STYLE]
    for index, cells in enumerate((block.header, *block.rows)):
        row = table.add_row()
        bold = index == 0 or cells[0] == "合计"
        _fill(row.cells, cells, style, bold=bold)
        if index == 0:
            _header(row)


def _widths(block: Table) -> tuple[float, ...]:
    """Column widths for a body table: by the longest text of each column, to the text width."""
    longest = [max(len(row[i]) for row in (block.header, *block.rows)) + 2 for i in range(len(block.header))]
    total = sum(longest)
    return tuple(_TEXT_WIDTH_CM * size / total for size in longest)


def _annex(document: Any, written: Written, fonts: FontSet) -> None:
    label = document.add_paragraph()
    label.paragraph_format.first_line_indent = Pt(0)
    set_fonts(label.add_run("附件")._r, fonts.heading, fonts.latin)
    title = document.add_paragraph(written.annex_title, style="Title")
    title.runs[0].font.size = Pt(18)
    title.paragraph_format.space_after = Pt(8)
    table = annex_table(written, document.styles[TABLE_STYLE].style_id, ANNEX_WIDTHS_CM)
    body = document.element.body
    body.find(qn("w:sectPr")).addprevious(table)


def _table(document: Any, columns: int, widths: Sequence[float]) -> Any:
    """An empty bordered table, centred, with fixed column widths."""
    table = document.add_table(rows=0, cols=columns)
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Cm(width)
    return table


def _fill(
    cells: Sequence[Any], texts: Sequence[str], style: Any, *, bold: bool = False, left: tuple[int, ...] = ()
) -> None:
    """Write one text per cell, centred (``left``: those columns flush left), middle-aligned."""
    style_id = style.style_id
    for index, (cell, text) in enumerate(zip(cells, texts, strict=False)):
        cell.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
        paragraph = cell.paragraphs[0]
        paragraph._p.style = style_id  # by id: python-docx's by-name lookup scans every style
        if index in left:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
        run = paragraph.add_run(text)
        if bold:
            run.bold = True


def _header(row: Any) -> None:
    """Shade a header row and repeat it at the top of each page."""
    for cell in row.cells:
        shade(cell, HEADER_FILL)
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(marker)
