"""Plain-text reports in every encoding read back to the same text, newlines normalised."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from luoshi.errors import UndecodableText
from luoshi.reading import read_report
from luoshi.reading.decode import decode_bytes
from luoshi.reading.from_txt import normalize_newlines, read_txt

ENCODINGS = [
    pytest.param(lambda s: s.encode("utf-8"), "utf-8", id="utf-8"),
    pytest.param(lambda s: codecs.BOM_UTF8 + s.encode("utf-8"), "utf-8", id="utf-8-bom"),
    pytest.param(lambda s: s.encode("gb18030"), "gb18030", id="gb18030"),
    pytest.param(lambda s: s.encode("gbk"), "gb18030", id="gbk"),
    pytest.param(lambda s: s.encode("utf-16"), "utf-16-le", id="utf-16-bom"),
    pytest.param(lambda s: codecs.BOM_UTF16_BE + s.encode("utf-16-be"), "utf-16-be", id="utf-16-be-bom"),
    pytest.param(lambda s: s.encode("utf-16-le"), "utf-16-le", id="utf-16-le-no-bom"),
    pytest.param(lambda s: s.encode("utf-16-be"), "utf-16-be", id="utf-16-be-no-bom"),
    pytest.param(lambda s: codecs.BOM_UTF32_LE + s.encode("utf-32-le"), "utf-32-le", id="utf-32-bom"),
]


@pytest.mark.parametrize(("encode", "expected"), ENCODINGS)
def test_every_encoding_reads_the_same_text(tmp_path: Path, snippet: str, encode, expected: str) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(encode(snippet))
    report = read_report(path)
    assert report.text == snippet
    assert report.encoding == expected
    assert report.format == "txt"


@pytest.mark.parametrize(
    "words",
    [
        "政府工作报告",  # pure CJK: UTF-16 without any zero byte
        "新增就业大学生14万名以上，PM2.5平均浓度低于28微克/立方米。",
        "各位代表：\n现在，我代表市人民政府向大会报告工作。",
    ],
)
@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "gb18030", "gbk", "utf-8"])
def test_short_texts_are_detected(words: str, encoding: str) -> None:
    text, _ = decode_bytes(words.encode(encoding))
    assert text == words


def test_utf8_text_equals_read_text(tmp_path: Path, snippet: str) -> None:
    """Offsets are scored against Path.read_text(encoding='utf-8'): the text must be identical."""
    raw = snippet.replace("\n", "\r\n").replace("工作\r\n", "工作\r") + "  \t尾部空白  \r\n\r\n"
    path = tmp_path / "crlf.txt"
    path.write_bytes(raw.encode("utf-8"))
    assert read_report(path).text == path.read_text(encoding="utf-8")


def test_bom_is_dropped_and_nothing_else_changes(tmp_path: Path) -> None:
    text = "　　一、2023年工作回顾  \n\n\t过去一年，  全市生产总值增长5%。 \n"
    path = tmp_path / "bom.txt"
    path.write_bytes(codecs.BOM_UTF8 + text.encode("utf-8"))
    assert read_report(path).text == text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a\r\nb", "a\nb"),
        ("a\rb", "a\nb"),
        ("a\r\rb", "a\n\nb"),
        ("a\n\rb", "a\n\nb"),
        ("a\u2028b\x0cc", "a\u2028b\x0cc"),  # only \r and \r\n change, as in universal-newline mode
        ("无换行", "无换行"),
    ],
)
def test_newlines_like_universal_newline_mode(tmp_path: Path, raw: str, expected: str) -> None:
    assert normalize_newlines(raw) == expected
    path = tmp_path / "nl.txt"
    path.write_bytes(raw.encode("utf-8"))
    assert path.read_text(encoding="utf-8") == expected


def test_gbk_report_with_rare_characters_is_read_as_gb18030() -> None:
    words = "镕基、喆、堃、頔：新增就业1.2万人。"
    text, encoding = read_txt(words.encode("gb18030"))
    assert (text, encoding) == (words, "gb18030")


def test_a_stray_bad_byte_in_utf8_is_tolerated() -> None:
    data = ("今年新增城镇就业1.2万人以上。" * 400).encode("utf-8") + b"\xff"
    text, encoding = decode_bytes(data)
    assert text.endswith("\ufffd")
    assert "replaced" in encoding


def test_big5_is_left_to_detection() -> None:
    words = "今年經濟社會發展的主要預期目標是：地區生產總值增長百分之六左右。" * 20
    text, encoding = decode_bytes(words.encode("big5"))
    assert text == words
    assert encoding.startswith("big5") or encoding.startswith("cp950")


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 20,
        b"\x00\x01\x02\x03\x04\x05" * 100,
        b"\xff\xfe\x00\xd8",  # UTF-16 BOM followed by a lone surrogate
    ],
    ids=["all-bytes", "control-bytes", "broken-utf16"],
)
def test_undecodable_bytes_raise(data: bytes) -> None:
    with pytest.raises(UndecodableText) as raised:
        decode_bytes(data, path="x.txt")
    assert "编码" in raised.value.message and "encoding" in raised.value.message
    assert raised.value.hint


@pytest.mark.parametrize(
    "words",
    ["བོད་ལྗོངས་ཀྱི་སྲིད་གཞུང་ལས་དོན་སྙན་ཞུ།", "ھۆكۈمەت خىزمەت دوكلاتى", "Отчёт о работе правительства"],
    ids=["tibetan", "uyghur", "cyrillic"],
)
def test_utf8_in_any_script_is_kept(words: str) -> None:
    assert decode_bytes(words.encode("utf-8")) == (words, "utf-8")
