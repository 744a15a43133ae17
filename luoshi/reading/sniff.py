"""Which format a report file is in (文件格式): from the caller, the extension, or the bytes.

The formats read are ``txt``, ``docx``, ``pdf`` and ``html``. Content wins over a misleading
extension only for unmistakable signatures (a PDF header, a Word zip); images, old Word
``.doc`` files, plain zip archives and other binaries are refused with a hint on what to do.
"""

from __future__ import annotations

import zipfile
from io import BytesIO

from luoshi.errors import UnsupportedFormat

__all__ = ["FORMATS", "EXTENSIONS", "format_from_extension", "sniff_format"]

FORMATS = ("txt", "docx", "pdf", "html")

#: File name endings and the format each means.
EXTENSIONS = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "txt",
    ".docx": "docx",
    ".pdf": "pdf",
    ".html": "html",
    ".htm": "html",
    ".shtml": "html",
    ".xhtml": "html",
}

_SUPPORTED_HINT = "支持的格式 / supported formats: .txt（UTF-8、GBK、GB18030、UTF-16）, .docx, .pdf（含文字层 / with a text layer）, .html, .htm"

# Signatures of files that are not reports: Chinese and English names, and which hint to give.
_REFUSED = (
    (b"\x89PNG\r\n\x1a\n", "PNG 图片", "a PNG image", "ocr"),
    (b"\xff\xd8\xff", "JPEG 图片", "a JPEG image", "ocr"),
    (b"GIF87a", "GIF 图片", "a GIF image", "ocr"),
    (b"GIF89a", "GIF 图片", "a GIF image", "ocr"),
    (b"II*\x00", "TIFF 图片", "a TIFF image", "ocr"),
    (b"MM\x00*", "TIFF 图片", "a TIFF image", "ocr"),
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "旧版 Office 文件（.doc/.xls）",
        "an old Office file (.doc/.xls)",
        "doc",
    ),
    (b"{\\rtf", "RTF 文档", "an RTF document", "doc"),
    (b"Rar!", "RAR 压缩包", "a RAR archive", "archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z 压缩包", "a 7z archive", "archive"),
    (b"\x1f\x8b", "gzip 压缩包", "a gzip archive", "archive"),
    (b"\x7fELF", "程序文件", "an executable", "other"),
    (b"SQLite format 3\x00", "SQLite 数据库", "a SQLite database", "other"),
)

# Extensions refused with a specific hint.
_REFUSED_EXTENSIONS = {
    **dict.fromkeys(
        (".png", ".jpg", ".jpeg", ".gif", ".tif", ".tiff", ".bmp", ".webp"), ("图片文件", "an image", "ocr")
    ),
    **dict.fromkeys((".doc", ".wps", ".rtf"), ("旧版 Word/WPS 文档", "an old Word/WPS document", "doc")),
    **dict.fromkeys((".zip", ".rar", ".7z", ".gz", ".tar"), ("压缩包", "an archive", "archive")),
}

_HINTS = {
    "ocr": "请先用 OCR 软件识别出文字，保存为 .txt 或带文字层的 .pdf / run OCR first and save the text",
    "doc": "请用 Word 或 WPS 打开并另存为 .docx / open it in Word or WPS and save it as .docx",
    "archive": "请先解压，再读取其中的报告文件 / unpack it first and read the report inside",
    "other": _SUPPORTED_HINT,
}


def _refuse(zh: str, en: str, hint: str, path: str | None) -> UnsupportedFormat:
    return UnsupportedFormat(
        f"这是{zh}，不是文字报告 / this is {en}, not a text report", hint=_HINTS[hint], path=path
    )


def format_from_extension(suffix: str, *, path: str | None = None) -> str | None:
    """The format an extension names; ``None`` for no extension; refuse unknown ones."""
    suffix = suffix.lower()
    if not suffix:
        return None
    if suffix in EXTENSIONS:
        return EXTENSIONS[suffix]
    if suffix in _REFUSED_EXTENSIONS:
        raise _refuse(*_REFUSED_EXTENSIONS[suffix], path)
    raise UnsupportedFormat(
        f"不支持的文件格式 {suffix} / unsupported file format {suffix}", hint=_SUPPORTED_HINT, path=path
    )


def check_format_name(name: str, *, path: str | None = None) -> str:
    """A caller's ``format=`` argument, normalised (``.TXT`` → ``txt``, ``htm`` → ``html``)."""
    key = name.lower().lstrip(".")
    found = EXTENSIONS.get("." + key) or (key if key in FORMATS else None)
    if found is None:
        raise UnsupportedFormat(
            f"不支持的格式 {name!r} / unsupported format {name!r}", hint=_SUPPORTED_HINT, path=path
        )
    return found


def sniff_format(
    head: bytes, *, declared: str | None, data: bytes | None = None, path: str | None = None
) -> str:
    """The format of a file whose first bytes are ``head``, given the ``declared`` one (or None).

    ``data`` (the whole file, when at hand) lets a zip be told apart from a Word document.
    """
    for signature, zh, en, hint in _REFUSED:
        if head.startswith(signature):
            raise _refuse(zh, en, hint, path)
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        if data is not None and not _is_docx(data):
            raise _refuse(
                "ZIP 压缩包（不是 Word .docx 文档）",
                "a ZIP archive that is not a Word .docx document",
                "archive",
                path,
            )
        return "docx"
    if declared is not None:
        return declared
    if _looks_like_html(head):
        return "html"
    return "txt"


def _is_docx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except zipfile.BadZipFile:
        # A damaged zip that says it is a .docx is reported by the docx reader.
        return True


def _looks_like_html(head: bytes) -> bool:
    start = head[:4096].lower()
    start = start.replace(b"\x00", b"")
    return any(tag in start for tag in (b"<!doctype html", b"<html", b"<body", b"<head>", b"<meta "))
