"""PDF reports (.pdf 文件) via pdfplumber: the text layer of each page, then layout repair.

Only PDFs with a text layer can be read; a scanned PDF (扫描件, pages that are images) raises
:class:`~luoshi.errors.NoTextLayer` with the advice to OCR it first. Headers, footers, page
numbers and line breaks of the layout are handled by :mod:`luoshi.reading.pdf_layout`.
"""

from __future__ import annotations

from io import BytesIO

import pdfplumber

from luoshi.errors import NoTextLayer, ReadError
from luoshi.reading.pdf_layout import layout_text

__all__ = ["read_pdf"]

_DAMAGED_HINT = "请用 PDF 阅读器打开确认，或重新导出 PDF / check it opens in a PDF reader, or export it again"


def read_pdf(data: bytes, *, path: str | None = None) -> str:
    """The text of a PDF report, one paragraph a line."""
    try:
        document = pdfplumber.open(BytesIO(data))
    except Exception as exc:  # pdfminer raises many types (PSEOF, PDFSyntaxError ...)
        raise _failure(exc, path) from exc
    with document:
        try:
            pages = [page.extract_text() or "" for page in document.pages]
        except Exception as exc:
            raise _failure(exc, path) from exc
    if not any(page.strip() for page in pages):
        raise NoTextLayer(
            "PDF 没有文字层（可能是扫描件） / the PDF has no text layer (probably a scan)",
            hint="请先用 OCR 软件（如 ocrmypdf、WPS 图片转文字）识别出文字 / OCR it first, e.g. with ocrmypdf",
            path=path,
        )
    return layout_text(pages)


def _failure(exc: Exception, path: str | None) -> ReadError:
    names = {type(e).__name__ for e in _chain(exc)}
    if any("Password" in name or "Encryption" in name for name in names):
        return ReadError(
            "PDF 已加密，无法读取 / the PDF is encrypted",
            hint="请先解除密码保护后另存 / remove the password protection and save it again",
            path=path,
        )
    return ReadError(
        f"PDF 文件已损坏或无法解析（{type(exc).__name__}） / the PDF is damaged or cannot be parsed",
        hint=_DAMAGED_HINT,
        path=path,
    )


def _chain(exc: BaseException):
    seen = 0
    current: BaseException | None = exc
    while current is not None and seen < 10:
        yield current
        current = current.__cause__ or current.__context__
        seen += 1
    for arg in exc.args:
        if isinstance(arg, BaseException):
            yield arg
