"""Word reports (.docx 文档) via python-docx: body paragraphs and tables in document order.

Each non-empty paragraph becomes one line; each table row becomes one line of its cells
joined by a tab (a merged cell is written once). Content controls (``w:sdt``) are opened,
headers, footers and footnotes are left out. Lines are stripped of the indentation spaces
(全角空格) that Word documents carry.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from io import BytesIO

from docx import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml import etree

from luoshi.errors import ReadError, ReportTooLarge

__all__ = ["read_docx", "MAX_XML_BYTES"]

#: Largest unpacked ``word/document.xml`` read (a guard against zip bombs).
MAX_XML_BYTES = 256 * 1024 * 1024

_P, _TBL, _SDT, _SDT_CONTENT = qn("w:p"), qn("w:tbl"), qn("w:sdt"), qn("w:sdtContent")

_DAMAGED_HINT = "请用 Word 或 WPS 打开后重新保存为 .docx / open it in Word or WPS and save it again as .docx"


def read_docx(data: bytes, *, path: str | None = None) -> str:
    """The text of a .docx report, one paragraph or table row a line."""
    document = _open(data, path)
    lines = [line for line in _lines(document.element.body, document) if line]
    return "\n".join(lines)


def _open(data: bytes, path: str | None):  # -> docx.document.Document
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            info = archive.getinfo("word/document.xml")
    except (zipfile.BadZipFile, KeyError, OSError) as exc:
        raise ReadError(
            "Word 文件已损坏或不是 .docx 文档 / the .docx file is damaged or not a Word document",
            hint=_DAMAGED_HINT,
            path=path,
        ) from exc
    if info.file_size > MAX_XML_BYTES:
        raise ReportTooLarge(
            f"Word 文档正文解压后过大（{info.file_size // 2**20} MiB） / the document unpacks to {info.file_size // 2**20} MiB",
            hint="请拆分文档后再读取 / split the document and read the parts",
            path=path,
        )
    try:
        return Document(BytesIO(data))
    except (etree.XMLSyntaxError, ValueError, KeyError, zipfile.BadZipFile) as exc:
        raise ReadError(
            "Word 文件无法解析 / the .docx file cannot be parsed", hint=_DAMAGED_HINT, path=path
        ) from exc
    except Exception as exc:  # python-docx raises its own types for missing parts
        raise ReadError(
            f"Word 文件无法打开（{type(exc).__name__}） / the .docx file cannot be opened",
            hint=_DAMAGED_HINT,
            path=path,
        ) from exc


def _lines(container, document) -> Iterator[str]:
    """Lines of the block-level children of ``container`` (the body, a cell, a content control).

    A paragraph with manual line breaks (软回车) gives one line per break.
    """
    for child in container.iterchildren():
        if child.tag == _P:
            for line in Paragraph(child, document).text.splitlines():
                yield _clean(line)
        elif child.tag == _TBL:
            yield from _table_lines(Table(child, document))
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _lines(content, document)


def _table_lines(table: Table) -> Iterator[str]:
    """One line a row, cells joined by a tab; merged cells written once."""
    for row in table.rows:
        cells: list[str] = []
        previous = None
        for cell in row.cells:
            tc = cell._tc
            if tc is previous:
                continue  # spans several grid columns (gridSpan)
            previous = tc
            if tc.getparent() is not row._tr:
                cells.append("")  # continues a cell merged down from a row above (vMerge)
                continue
            cells.append(" ".join(line for line in (_clean(t) for t in _cell_lines(cell)) if line))
        if any(cells):
            yield "\t".join(cells)


def _cell_lines(cell) -> Iterator[str]:
    for paragraph in cell.paragraphs:
        yield from paragraph.text.splitlines()
    for inner in cell.tables:
        for row in inner.rows:
            yield " ".join(c.text for c in row.cells)


def _clean(line: str) -> str:
    """A line without the indentation and spaces around it."""
    return line.strip(" \t\u3000\u00a0")
