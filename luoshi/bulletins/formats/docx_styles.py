"""The page and paragraph styles of a bulletin's DOCX (公文格式), after GB/T 9704.

A4 with the standard margins (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm); body in
三号 (16 pt) 仿宋 on a fixed 28 pt line, first line indented two characters; 一、 headings in
黑体, （一） headings in 楷体; the title in 二号 (22 pt) 小标宋; tables in 五号 (10.5 pt) 宋体;
the page number as — 1 — at the foot. Every style names its East Asian font explicitly
(w:eastAsia) and drops the template's theme fonts, which would otherwise win in Word, and
marks text as zh-CN so that a fallback face is a Simplified Chinese one.
"""

from __future__ import annotations

from typing import Any

from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from luoshi.bulletins.fonts import FontSet

__all__ = [
    "apply_styles",
    "declare_fonts",
    "set_fonts",
    "red_rule",
    "shade",
    "portrait",
    "landscape",
    "page_number_footer",
    "TABLE_STYLE",
    "LATIN",
    "RED",
]

#: The red of a 红头 masthead and its rule.
RED = "E60012"

#: The paragraph style of table cells.
TABLE_STYLE = "Table Text"
#: The face for Latin letters and digits beside Chinese text.
LATIN = "Times New Roman"
_THEME_ATTRIBUTES = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
# Elements that must follow a new child in its parent (the schema's order, which Word enforces).
_AFTER_LANG = ("w:eastAsianLayout", "w:specVanish", "w:oMath")
_AFTER_SHD = (
    "w:noWrap",
    "w:tcMar",
    "w:textDirection",
    "w:tcFitText",
    "w:vAlign",
    "w:hideMark",
    "w:headers",
    "w:cellIns",
    "w:cellDel",
    "w:cellMerge",
    "w:tcPrChange",
)
_AFTER_PBDR = (
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)
_BODY_PT = 16
_LINE_PT = 28


def set_fonts(r_pr_owner: Any, east_asian: str, latin: str = LATIN) -> None:
    """Name ``east_asian`` for CJK text and ``latin`` for the rest on an element with an rPr
    (a style or a run), theme fonts dropped, text marked zh-CN."""
    r_pr = r_pr_owner.get_or_add_rPr()
    fonts = r_pr.get_or_add_rFonts()
    for attribute in _THEME_ATTRIBUTES:
        fonts.attrib.pop(qn(attribute), None)
    for attribute, name in (
        ("w:ascii", latin),
        ("w:hAnsi", latin),
        ("w:cs", latin),
        ("w:eastAsia", east_asian),
    ):
        fonts.set(qn(attribute), name)
    language = r_pr.find(qn("w:lang"))
    if language is None:
        language = OxmlElement("w:lang")
        r_pr.insert_element_before(language, *_AFTER_LANG)
    language.set(qn("w:eastAsia"), "zh-CN")


def shade(cell: Any, fill: str) -> None:
    """Shade a table cell with the hex colour ``fill``."""
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().insert_element_before(shading, *_AFTER_SHD)


def _paragraph_style(document: Any, name: str, base: str | None = None) -> Any:
    styles = document.styles
    try:
        return styles[name]
    except KeyError:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        if base:
            style.base_style = styles[base]
        return style


def _shape(
    style: Any,
    font: str,
    size: float,
    *,
    indent: bool,
    line: float | None,
    latin: str = LATIN,
    bold: bool = False,
) -> None:
    set_fonts(style.element, font, latin)
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.italic = False
    style.font.color.rgb = RGBColor(0, 0, 0)
    layout = style.paragraph_format
    layout.space_before = Pt(0)
    layout.space_after = Pt(0)
    layout.first_line_indent = Pt(size * 2) if indent else Pt(0)
    layout.left_indent = Pt(0)
    if line is None:
        layout.line_spacing_rule = WD_LINE_SPACING.SINGLE
    else:
        layout.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        layout.line_spacing = Pt(line)


def apply_styles(document: Any, fonts: FontSet) -> None:
    """Set the document's default and named styles for a bulletin in ``fonts``."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        r_pr_default = defaults.find(qn("w:rPrDefault"))
        if r_pr_default is not None and r_pr_default.find(qn("w:rPr")) is not None:
            fonts_element = r_pr_default.find(qn("w:rPr")).find(qn("w:rFonts"))
            if fonts_element is not None:
                for attribute in _THEME_ATTRIBUTES:
                    fonts_element.attrib.pop(qn(attribute), None)
                fonts_element.set(qn("w:eastAsia"), fonts.body)
                fonts_element.set(qn("w:ascii"), fonts.latin)
                fonts_element.set(qn("w:hAnsi"), fonts.latin)
    styles = document.styles
    normal = styles["Normal"]
    _shape(normal, fonts.body, _BODY_PT, indent=True, line=_LINE_PT, latin=fonts.latin)
    normal.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    normal.paragraph_format.widow_control = False
    for name, font in (("Heading 1", fonts.heading), ("Heading 2", fonts.subheading)):
        style = styles[name]
        _shape(style, font, _BODY_PT, indent=True, line=_LINE_PT, latin=fonts.latin)
        style.paragraph_format.keep_with_next = True
        style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    title = styles["Title"]
    _shape(title, fonts.title, 22, indent=False, line=36, latin=fonts.latin)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _drop_border(title)
    caption = styles["Caption"]
    _shape(caption, fonts.heading, 12, indent=False, line=None, latin=fonts.latin)
    caption.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    caption.paragraph_format.space_before = Pt(4)
    caption.paragraph_format.space_after = Pt(8)
    table = _paragraph_style(document, TABLE_STYLE, "Normal")
    _shape(table, fonts.table, 10.5, indent=False, line=None, latin=fonts.latin)
    table.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER


#: The Windows face each official face falls back to where it is missing (宋体, 仿宋, 楷体 and
#: 黑体 come with every Chinese Windows; the _GB2312 faces and 方正小标宋 do not).
_ALTERNATE_FACES = {
    "方正小标宋简体": "宋体",
    "仿宋_GB2312": "仿宋",
    "楷体_GB2312": "楷体",
    "黑体": "SimHei",
    "宋体": "SimSun",
}


def declare_fonts(document: Any, fonts: FontSet) -> None:
    """List the bulletin's East Asian faces in the font table as GB2312 (charset 86) fonts,
    each with the Windows face to use where it is missing (w:altName)."""
    from lxml import etree

    part = next((p for p in document.part.package.iter_parts() if p.partname == "/word/fontTable.xml"), None)
    if part is None:
        return
    table = etree.fromstring(part.blob)
    known = {element.get(qn("w:name")) for element in table.findall(qn("w:font"))}
    for name in dict.fromkeys((fonts.title, fonts.heading, fonts.subheading, fonts.body, fonts.table)):
        if name in known:
            continue
        font = etree.SubElement(table, qn("w:font"))
        font.set(qn("w:name"), name)
        alternate = _ALTERNATE_FACES.get(name)
        if alternate:
            etree.SubElement(font, qn("w:altName")).set(qn("w:val"), alternate)
        for tag, value in (("w:charset", "86"), ("w:family", "auto"), ("w:pitch", "variable")):
            etree.SubElement(font, qn(tag)).set(qn("w:val"), value)
    part._blob = etree.tostring(table, xml_declaration=True, encoding="UTF-8", standalone=True)


def _drop_border(style: Any) -> None:
    """The template's Title has a rule under it and a spacing; a bulletin's has neither."""
    p_pr = style.element.find(qn("w:pPr"))
    if p_pr is not None:
        for border in p_pr.findall(qn("w:pBdr")):
            p_pr.remove(border)


def red_rule(paragraph: Any) -> None:
    """A red line under ``paragraph`` (the 红线 under a 红头 masthead)."""
    p_pr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for attribute, value in (("w:val", "single"), ("w:sz", "18"), ("w:space", "6"), ("w:color", RED)):
        bottom.set(qn(attribute), value)
    borders.append(bottom)
    p_pr.insert_element_before(borders, *_AFTER_PBDR)


def portrait(section: Any) -> None:
    """A4 portrait with the GB/T 9704 margins."""
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.footer_distance = Mm(20)


def landscape(section: Any) -> None:
    """A4 landscape with narrower margins, for the annex table."""
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(20), Mm(20)
    section.footer_distance = Mm(10)


def page_number_footer(section: Any, font: str, latin: str = LATIN) -> None:
    """— 1 — centred at the foot of every page (四号, 14 pt)."""
    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.first_line_indent = Pt(0)
    for text, field in (("— ", False), ("PAGE", True), (" —", False)):
        if not field:
            run = paragraph.add_run(text)
            _footer_font(run, font, latin)
            continue
        for kind in ("begin", None, "end"):
            run = paragraph.add_run()
            _footer_font(run, font, latin)
            if kind is None:
                instruction = OxmlElement("w:instrText")
                instruction.set(qn("xml:space"), "preserve")
                instruction.text = " PAGE "
                run._r.append(instruction)
            else:
                char = OxmlElement("w:fldChar")
                char.set(qn("w:fldCharType"), kind)
                run._r.append(char)


def _footer_font(run: Any, font: str, latin: str) -> None:
    run.font.size = Pt(14)
    set_fonts(run._r, font, latin)
