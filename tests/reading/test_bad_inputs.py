"""Bad input gives a named error with a Chinese-then-English message and a hint, never a traceback."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest

import luoshi.reading.read as read_module
from luoshi.errors import (
    EmptyReport,
    InputNotFound,
    LuoshiError,
    NoTextLayer,
    ReadError,
    ReportTooLarge,
    UndecodableText,
    UnsupportedFormat,
)
from luoshi.reading import read_report


def _zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("readme.txt", "hello")
    return out.getvalue()


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))

CASES = [
    pytest.param("empty.txt", b"", EmptyReport, "文件为空", id="empty"),
    pytest.param("blank.txt", b" \r\n\t\n\xe3\x80\x80\n", EmptyReport, "没有文字", id="whitespace-only"),
    pytest.param("bom.txt", b"\xef\xbb\xbf", EmptyReport, "没有文字", id="bom-only"),
    pytest.param("empty.docx", b"", EmptyReport, "文件为空", id="empty-docx"),
    pytest.param("image.png", PNG, UnsupportedFormat, "图片", id="png-extension"),
    pytest.param("image.txt", PNG, UnsupportedFormat, "PNG", id="png-named-txt"),
    pytest.param("scan.jpg", b"\xff\xd8\xff\xe0" + bytes(100), UnsupportedFormat, "图片", id="jpeg"),
    pytest.param("archive.zip", _zip(), UnsupportedFormat, "压缩包", id="zip"),
    pytest.param("archive.docx", _zip(), UnsupportedFormat, "ZIP", id="zip-named-docx"),
    pytest.param(
        "old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64), UnsupportedFormat, ".docx", id="old-doc"
    ),
    pytest.param("report.xyz", "今年新增就业。".encode(), UnsupportedFormat, ".xyz", id="unknown-extension"),
    pytest.param("noise.txt", bytes(range(256)) * 8, UndecodableText, "编码", id="binary-as-txt"),
    pytest.param("damaged.docx", b"PK\x03\x04garbage", ReadError, "Word", id="damaged-docx"),
    pytest.param("damaged.pdf", b"%PDF-1.4\ngarbage", ReadError, "PDF", id="damaged-pdf"),
]


@pytest.mark.parametrize(("name", "content", "error", "words"), CASES)
def test_bad_file(tmp_path: Path, name: str, content: bytes, error: type[LuoshiError], words: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(error) as raised:
        read_report(path)
    found = raised.value
    assert words in found.message + found.hint
    assert " / " in found.message, "Chinese first, then English"
    assert found.hint
    assert found.path == str(path)
    assert str(found).startswith(str(path))


def test_unknown_extension_lists_the_supported_ones(tmp_path: Path) -> None:
    path = tmp_path / "report.odt"
    path.write_bytes(b"x")
    with pytest.raises(UnsupportedFormat) as raised:
        read_report(path)
    for suffix in (".txt", ".docx", ".pdf", ".html"):
        assert suffix in raised.value.hint


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputNotFound) as raised:
        read_report(tmp_path / "nope.txt")
    assert "找不到文件" in raised.value.message


def test_folder_is_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(InputNotFound):
        read_report(tmp_path)


def test_scanned_pdf(tmp_path: Path, pdf_maker) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(pdf_maker([[], []]))
    with pytest.raises(NoTextLayer):
        read_report(path)


def test_too_large_is_refused_before_reading(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "huge.txt"
    with open(path, "wb") as out:
        out.truncate(read_module.MAX_BYTES + 1)  # sparse: no disk used, size over the limit
    opened = []
    monkeypatch.setattr(Path, "read_bytes", lambda self: opened.append(self) or b"")
    with pytest.raises(ReportTooLarge) as raised:
        read_report(path)
    assert not opened, "the file must not be read"
    assert "64 MiB" in raised.value.message


def test_too_large_bytes(monkeypatch) -> None:
    monkeypatch.setattr(read_module, "MAX_BYTES", 10)
    with pytest.raises(ReportTooLarge):
        read_report("今年新增城镇就业1.2万人。".encode())


def test_unknown_format_name() -> None:
    with pytest.raises(UnsupportedFormat):
        read_report(b"text", format="odt")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("今年新增就业。", encoding="utf-8")
    path.chmod(0)
    with pytest.raises(ReadError):
        read_report(path)


def test_every_error_is_a_luoshi_error() -> None:
    for error in (
        EmptyReport,
        InputNotFound,
        NoTextLayer,
        ReadError,
        ReportTooLarge,
        UndecodableText,
        UnsupportedFormat,
    ):
        assert issubclass(error, LuoshiError)


@pytest.mark.parametrize("text", ["今年新增城镇就业1.2万人。\n二、2024年工作安排", "今" * 400])
def test_text_given_as_a_path_gets_a_hint(text: str) -> None:
    with pytest.raises(InputNotFound) as raised:
        read_report(text)
    assert "report_from_text" in raised.value.hint
    assert len(raised.value.path) <= 41
