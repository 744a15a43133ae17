"""The public reading API: read_report on paths and bytes, report_from_text, what a Report holds."""

from __future__ import annotations

from pathlib import Path

import pytest

import luoshi
import luoshi.reading as reading
from luoshi.reading import Report, read_report, report_from_text


def test_public_surface() -> None:
    assert set(reading.__all__) >= {"read_report", "report_from_text", "Report", "Node", "build_outline"}
    assert luoshi.read_report is read_report
    assert luoshi.report_from_text is report_from_text


def test_read_a_path(tmp_path: Path, snippet: str) -> None:
    path = tmp_path / "2024_shaoxing_city.txt"
    path.write_text(snippet, encoding="utf-8")
    for source in (path, str(path)):
        report = read_report(source)
        assert isinstance(report, Report)
        assert report.name == "2024_shaoxing_city"
        assert report.source == str(path)
        assert (report.format, report.encoding) == ("txt", "utf-8")
        assert report.text == path.read_text(encoding="utf-8")


def test_name_given(tmp_path: Path, snippet: str) -> None:
    path = tmp_path / "a.txt"
    path.write_text(snippet, encoding="utf-8")
    assert read_report(path, name="绍兴2024").name == "绍兴2024"


@pytest.mark.parametrize("kind", [bytes, bytearray, memoryview])
def test_read_bytes(snippet: str, kind) -> None:
    report = read_report(kind(snippet.encode("gb18030")))
    assert report.text == snippet
    assert (report.name, report.source, report.encoding) == ("report", None, "gb18030")


@pytest.mark.parametrize(("suffix", "expected"), [("", "txt"), (".TXT", "txt"), (".md", "txt")])
def test_extension_less_and_upper_case(tmp_path: Path, snippet: str, suffix: str, expected: str) -> None:
    path = tmp_path / f"report{suffix}"
    path.write_text(snippet, encoding="utf-8")
    assert read_report(path).format == expected


def test_format_overrides_the_extension(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes(b"<html><body><div id='zoom'><p>\xe4\xbb\x8a\xe5\xb9\xb4</p></div></body></html>")
    assert read_report(path).text.startswith("<html>")  # a .txt is read as text, markup and all
    assert read_report(path, format="html").text == "今年"


def test_report_from_text_keeps_the_text(snippet: str) -> None:
    raw = "\ufeff" + snippet.replace("\n", "\r\n")
    report = report_from_text(raw, name="raw")
    assert report.text is raw
    for node in report.outline.walk():
        if node.kind != "report":
            assert raw[node.start : node.end].strip() == raw[node.start : node.end]
    assert [p.role for p in report.parts] == ["review", "plan", "plan"]


def test_report_helpers(snippet: str) -> None:
    report = report_from_text(snippet, name="snippet")
    plan = [report.text[p.start : p.end] for p in report.paragraphs(role="plan")]
    assert plan[0] == "今年经济社会发展的主要预期目标是：地区生产总值增长6%左右。"
    assert all("过去一年" not in words for words in plan)
    assert [n.heading for n in report.nodes("section")] == ["（一）稳就业", "（二）治污染"]
    assert len(report.parts) == 3


def test_corpus_style_file_name_gives_year_and_level(tmp_path: Path) -> None:
    path = tmp_path / "2023_xushuiqu_county.txt"
    path.write_text("（一）稳就业。新增就业1万人。\n", encoding="utf-8")
    report = read_report(path)
    assert (report.year, report.level) == (2023, "county")
