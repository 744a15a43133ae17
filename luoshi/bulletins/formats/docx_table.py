"""The annex table of the DOCX (附件表) written as WordprocessingML in one piece.

python-docx builds a table cell by cell, with a lookup per property, which for an annex of
500 targets takes seconds; this module writes the same table (fixed column widths, a header
row repeated on each page and shaded, section rows merged across and shaded grey, cells
centred vertically, the 灯 cell shaded green, yellow or red with bold white or black text)
as one XML string and parses it once. Element order follows the schema, which Word enforces.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from luoshi.bulletins.outline import Written

__all__ = ["annex_table", "LIGHT_FILLS", "SECTION_FILL", "HEADER_FILL"]

#: The 灯 cell's shading and text colour for each light.
LIGHT_FILLS = {"green": ("00B050", "FFFFFF"), "yellow": ("FFC000", "000000"), "red": ("FF0000", "FFFFFF")}
SECTION_FILL = "F2F2F2"
HEADER_FILL = "D9E1F2"
_TWIPS_PER_CM = 567


def annex_table(written: Written, style_id: str, widths_cm: Sequence[float]) -> Any:
    """The annex as a ``w:tbl`` element, ready to insert into the document body."""
    widths = [round(width * _TWIPS_PER_CM) for width in widths_cm]
    parts = [
        f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblStyle w:val="TableGrid"/>',
        '<w:tblW w:w="0" w:type="auto"/><w:jc w:val="center"/><w:tblLayout w:type="fixed"/>',
        '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" '
        'w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>',
        *(f'<w:gridCol w:w="{width}"/>' for width in widths),
        "</w:tblGrid>",
        "<w:tr><w:trPr><w:tblHeader/></w:trPr>",
        *(
            _cell(text, width, style_id, fill=HEADER_FILL, bold=True)
            for text, width in zip(written.annex_header, widths, strict=True)
        ),
        "</w:tr>",
    ]
    light = written.light_column
    for item in written.annex_rows:
        parts.append("<w:tr>")
        if item.section:
            parts.append(
                _cell(
                    item.section,
                    sum(widths),
                    style_id,
                    fill=SECTION_FILL,
                    bold=True,
                    left=True,
                    span=len(widths),
                )
            )
        else:
            for index, (text, width) in enumerate(zip(item.cells, widths, strict=True)):
                found = LIGHT_FILLS.get(item.light) if index == light else None
                if found:
                    parts.append(_cell(text, width, style_id, fill=found[0], bold=True, colour=found[1]))
                else:
                    parts.append(_cell(text, width, style_id, left=index == 1))
        parts.append("</w:tr>")
    parts.append("</w:tbl>")
    return parse_xml("".join(parts))


def _cell(
    text: str,
    width: int,
    style_id: str,
    *,
    fill: str | None = None,
    bold: bool = False,
    colour: str | None = None,
    left: bool = False,
    span: int = 1,
) -> str:
    properties = [f'<w:tcW w:w="{width}" w:type="dxa"/>']
    if span > 1:
        properties.append(f'<w:gridSpan w:val="{span}"/>')
    if fill:
        properties.append(f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>')
    properties.append('<w:vAlign w:val="center"/>')
    paragraph = f'<w:pStyle w:val="{style_id}"/>' + ('<w:jc w:val="left"/>' if left else "")
    run = ("<w:b/>" if bold else "") + (f'<w:color w:val="{colour}"/>' if colour else "")
    run_properties = f"<w:rPr>{run}</w:rPr>" if run else ""
    words = f'<w:r>{run_properties}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>' if text else ""
    return f"<w:tc><w:tcPr>{''.join(properties)}</w:tcPr><w:p><w:pPr>{paragraph}</w:pPr>{words}</w:p></w:tc>"
