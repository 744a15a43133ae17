"""Workbook files in and out (文件读写): saving, and opening an office sheet safely — bounded
size, checked zip, no DTDs, one error type.

An .xlsx file is a zip of XML parts. Before openpyxl sees a byte: the file may be at most
:data:`MAX_BYTES` (20 MB); the zip must list at most :data:`MAX_PARTS` parts holding at most
:data:`MAX_UNPACKED` bytes unpacked (Python's zipfile never unpacks more than a part
declares, so this bounds a zip bomb); and no XML part may carry a document type
declaration (``<!DOCTYPE``/``<!ENTITY``: Excel never writes one, and it is how "billion
laughs" entity expansion works). Whatever openpyxl then raises on a malformed file becomes a
:class:`~luoshi.errors.SheetError` with a hint, and so does an old .xls, an encrypted
workbook, a CSV or any other file that is not an .xlsx.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from luoshi.errors import InputNotFound, SheetError

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook

__all__ = [
    "MAX_BYTES",
    "MAX_PARTS",
    "MAX_UNPACKED",
    "SheetSource",
    "SheetOut",
    "open_workbook",
    "save_workbook",
    "source_name",
]

#: Input files larger than this are refused before they are opened (20 MB).
MAX_BYTES = 20 * 1024 * 1024
#: At most this many bytes unpacked across all parts of the zip (200 MB).
MAX_UNPACKED = 200 * 1024 * 1024
#: At most this many parts (files) in the zip.
MAX_PARTS = 2000
#: Where a sheet comes from: a path, the file's bytes, or an open binary file.
SheetSource = Path | str | bytes | BinaryIO
#: Where a sheet goes: a path or an open binary file.
SheetOut = Path | str | BinaryIO

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_NOT_XLSX_HINT = "请在 Excel 或 WPS 中“另存为” Excel 工作簿 (.xlsx) 后再导入 (save it as an .xlsx workbook and import that)"
_CHUNK = 1 << 20


def source_name(source: SheetSource) -> str | None:
    """The file name to show in messages, when the source has one."""
    if isinstance(source, Path | str):
        return str(source)
    name = getattr(source, "name", None)
    return name if isinstance(name, str) else None


def _read_bytes(source: SheetSource, name: str | None) -> bytes:
    if isinstance(source, Path | str):
        path = Path(source)
        if not path.is_file():
            raise InputNotFound("文件不存在 (no such file)", hint="检查文件路径 (check the path)", path=name)
        if path.stat().st_size > MAX_BYTES:
            raise _too_large(name)
        return path.read_bytes()
    data = bytes(source) if isinstance(source, bytes | bytearray) else source.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise _too_large(name)
    return data


def _too_large(name: str | None) -> SheetError:
    return SheetError(
        f"文件超过 {MAX_BYTES // (1024 * 1024)} MB，拒绝读取 (the file is larger than {MAX_BYTES // (1024 * 1024)} MB)",
        hint="报送表和分解表通常不足 1 MB；请删除多余的工作表、图片后重试 (remove extra sheets and pictures)",
        path=name,
    )


def _not_xlsx(data: bytes, name: str | None) -> SheetError:
    if data.startswith(_OLE):
        what = "这是旧版 .xls 文件或已加密的工作簿 (an old .xls file, or a password-protected workbook)"
    elif not data:
        what = "文件为空 (the file is empty)"
    else:
        what = "这不是 .xlsx 文件 (this is not an .xlsx file)"
    return SheetError(what, hint=_NOT_XLSX_HINT, path=name)


def _check_zip(data: bytes, name: str | None) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as error:
        raise _not_xlsx(data, name) from error
    with archive:
        parts = archive.infolist()
        unpacked = sum(part.file_size for part in parts)
        if len(parts) > MAX_PARTS or unpacked > MAX_UNPACKED:
            raise SheetError(
                "文件解压后过大，疑似压缩炸弹，拒绝读取 (the file unpacks to too much data; refused)",
                hint=_NOT_XLSX_HINT,
                path=name,
            )
        for part in parts:
            if part.filename.endswith((".xml", ".rels", ".vml")) and _declares_doctype(archive, part):
                raise SheetError(
                    f"文件中含有文档类型声明，拒绝读取 (the part {part.filename} declares a DTD; refused)",
                    hint=_NOT_XLSX_HINT,
                    path=name,
                )


def _declares_doctype(archive: zipfile.ZipFile, part: zipfile.ZipInfo) -> bool:
    tail = b""
    try:
        with archive.open(part) as stream:
            while chunk := stream.read(_CHUNK):
                window = tail + chunk
                if b"<!DOCTYPE" in window or b"<!ENTITY" in window:
                    return True
                tail = window[-16:]
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError):
        return False  # openpyxl meets the same broken part next and reports it
    return False


def open_workbook(source: SheetSource) -> tuple[Workbook, str | None]:
    """The workbook (cached formula values, not formulas) and the name to show in messages."""
    name = source_name(source)
    data = _read_bytes(source, name)
    _check_zip(data, name)
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), data_only=True, keep_links=False)
    # openpyxl raises whatever its parsers meet in a malformed or hostile file
    # (KeyError, InvalidFileException, BadZipFile, ValueError, TypeError, XML errors …):
    # every one means "not a workbook we can read".
    except Exception as error:  # noqa: BLE001
        raise SheetError(
            f"无法读取工作簿 (cannot read the workbook: {type(error).__name__}: {error})",
            hint=_NOT_XLSX_HINT,
            path=name,
        ) from error
    return book, name


def save_workbook(book: Workbook, out: SheetOut) -> None:
    """Write the workbook to a path or an open binary file."""
    book.save(str(out) if isinstance(out, Path) else out)
