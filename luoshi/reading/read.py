"""Reading a report (读取报告): a file or bytes in, a :class:`Report` out.

``read_report`` checks the input (exists, not empty, not too large), decides its format
(the caller's ``format=``, else the extension, else the bytes; see :mod:`luoshi.reading.sniff`),
hands the bytes to the reader of that format, and builds the report with
``report_from_text``. Metadata the caller gives (place, level, year) wins over what the text
says, which wins over the corpus file name pattern ``YEAR_place_level``.

Bad input raises an error from :mod:`luoshi.errors` with a message in Chinese and English
and a hint, never a bare traceback from a parser.
"""

from __future__ import annotations

import os
from pathlib import Path

from luoshi.errors import EmptyReport, InputNotFound, ReadError, ReportTooLarge
from luoshi.reading.from_docx import read_docx
from luoshi.reading.from_html import read_html
from luoshi.reading.from_pdf import read_pdf
from luoshi.reading.from_txt import read_txt
from luoshi.reading.metadata import detect_metadata, level_of, metadata_from_name
from luoshi.reading.outline import build_outline
from luoshi.reading.report import Report
from luoshi.reading.sniff import check_format_name, format_from_extension, sniff_format

__all__ = ["read_report", "report_from_text", "MAX_BYTES"]

#: Largest input read, in bytes (64 MiB); larger files are refused before they are read.
MAX_BYTES = 64 * 1024 * 1024

Source = str | os.PathLike[str] | bytes | bytearray | memoryview


def read_report(
    source: Source,
    *,
    name: str | None = None,
    format: str | None = None,
    place: str | None = None,
    level: str | None = None,
    year: int | None = None,
) -> Report:
    """Read a report from a path or from bytes.

    ``format`` is ``txt``, ``docx``, ``pdf`` or ``html`` (also ``.htm`` etc.); without it the
    extension decides, or for bytes and extension-less files the content. ``name`` defaults
    to the file's stem (``report`` for bytes).
    """
    if isinstance(source, bytes | bytearray | memoryview):
        data, path, label = bytes(source), None, None
        _check_size(len(data), None)
        declared = check_format_name(format) if format else None
    else:
        path = Path(source).expanduser()
        label = str(source)
        declared = check_format_name(format, path=label) if format else None
        data = _read_bytes(path, label)
        if declared is None:
            declared = format_from_extension(path.suffix, path=label)
    if not data.strip():
        raise EmptyReport(
            "文件为空 / the file is empty",
            hint="请确认文件中有报告正文 / check that the file holds the report's text",
            path=label,
        )
    kind = sniff_format(data[:8192], declared=declared, data=data, path=label)
    text, encoding = _text_of(kind, data, label)
    if not text.strip():
        raise EmptyReport(
            "文件中没有文字 / the file has no text",
            hint="请确认文件中有报告正文 / check that the file holds the report's text",
            path=label,
        )
    stem = name or (path.stem if path is not None else "report")
    fallback = metadata_from_name(path.stem) if path is not None else metadata_from_name(stem)
    return report_from_text(
        text,
        name=stem,
        place=place,
        level=level,
        year=year,
        source=label,
        format=kind,
        encoding=encoding,
        fallback_level=fallback.level,
        fallback_year=fallback.year,
    )


def report_from_text(
    text: str,
    *,
    name: str = "report",
    place: str | None = None,
    level: str | None = None,
    year: int | None = None,
    source: str | None = None,
    format: str = "txt",
    encoding: str | None = None,
    fallback_level: str | None = None,
    fallback_year: int | None = None,
) -> Report:
    """A report from text already in memory, used as it is (offsets index into ``text``).

    ``place``, ``level`` and ``year`` override what the text says; ``fallback_level`` and
    ``fallback_year`` are used only when neither the caller nor the text gives them.
    """
    found = detect_metadata(text)
    place = place or found.place
    level = level or (level_of(place) if place else None) or found.level or fallback_level
    year = year or found.year or fallback_year
    outline = build_outline(text, year=year)
    return Report(
        text=text,
        name=name,
        outline=outline,
        source=source,
        format=format,
        encoding=encoding,
        place=place,
        level=level,
        year=year,
    )


def _check_size(size: int, path: str | None) -> None:
    if size > MAX_BYTES:
        raise ReportTooLarge(
            f"文件过大（{size / 2**20:.0f} MiB，上限 {MAX_BYTES // 2**20} MiB） / the file is too large "
            f"({size / 2**20:.0f} MiB, the limit is {MAX_BYTES // 2**20} MiB)",
            hint="请拆分文件，或只保留报告正文 / split the file, or keep only the report's text",
            path=path,
        )


def _read_bytes(path: Path, label: str) -> bytes:
    try:
        exists = path.exists()
    except OSError:  # a name too long for the file system, or not a name at all
        exists = False
    if not exists:
        hint = "请检查路径和文件名 / check the path and the file name"
        if "\n" in label or len(label) > 255:
            label = label[:40] + "…"
            hint = "这像是报告正文而不是路径：请用 report_from_text(text) / this is text, not a path: use report_from_text(text)"
        raise InputNotFound("找不到文件 / file not found", hint=hint, path=label)
    if not path.is_file():
        raise InputNotFound(
            "这不是一个文件（可能是文件夹） / not a file (a folder?)",
            hint="请给出报告文件的路径 / give the path of a report file",
            path=label,
        )
    _check_size(path.stat().st_size, label)
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ReadError(
            f"无法读取文件（{exc.strerror or type(exc).__name__}） / cannot read the file",
            hint="请检查文件权限 / check the file's permissions",
            path=label,
        ) from exc


def _text_of(kind: str, data: bytes, path: str | None) -> tuple[str, str | None]:
    if kind == "docx":
        return read_docx(data, path=path), None
    if kind == "pdf":
        return read_pdf(data, path=path), None
    if kind == "html":
        return read_html(data, path=path)
    return read_txt(data, path=path)
