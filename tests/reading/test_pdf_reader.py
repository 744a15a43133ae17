"""PDF reports: the text layer, running headers and page numbers dropped, lines re-joined."""

from __future__ import annotations

from pathlib import Path

import pytest

from luoshi.errors import NoTextLayer, ReadError
from luoshi.reading import read_report


def test_english_fixture_layout(data_dir: Path) -> None:
    report = read_report(data_dir / "layout_en.pdf")
    assert report.format == "pdf"
    assert report.text.split("\n") == [
        "1. Review of 2023",
        "Last year the city grew its output by 7.8 percent and added 123,000 new urban jobs, "
        "while the share of days with good air quality reached 88 percent of the year.",
        "2. Targets for 2024",
        "This year the city will add 140,000 new jobs for graduates, support 2,200 business starts "
        "and keep the average PM2.5 concentration below 28 micrograms per cubic metre.",
        "(1) Build 5 new schools and 3 hospitals.",
        "3. Strengthening the government itself",
        "The government will cut general spending by 5 percent.",
    ]


def test_chinese_fixture_layout_and_outline(data_dir: Path) -> None:
    report = read_report(data_dir / "layout_zh.pdf")
    assert report.text.split("\n") == [
        "一、2023年主要工作",
        "过去一年，全市地区生产总值增长7.8%，新增城镇就业12.3万人，空气质量优良天数比例达到88%。",
        "二、2024年主要目标和重点工作",
        "今年经济社会发展的主要预期目标是：地区生产总值增长6%左右，新增就业大学生14万名以上，"
        "PM2.5平均浓度低于28微克/立方米。",
        "（一）稳就业。扶持创业2200人、带动就业6600人以上。",
    ]
    assert [(part.heading, part.role) for part in report.parts] == [
        ("一、2023年主要工作", "review"),
        ("二、2024年主要目标和重点工作", "plan"),
    ]
    assert report.year == 2024


def test_pdf_made_in_the_test(tmp_path: Path, pdf_maker) -> None:
    pages = [
        ["各位代表：", "二、2024年工作安排", "新增城镇就业1.2万人以上。", "- 1 -"],
        ["三、加强政府自身建设", "坚持依法行政。", "- 2 -"],
    ]
    path = tmp_path / "made.pdf"
    path.write_bytes(pdf_maker(pages))
    report = read_report(path)
    assert "- 1 -" not in report.text and "- 2 -" not in report.text
    assert report.parts[0].heading == "二、2024年工作安排"


def test_scanned_pdf_has_no_text_layer(data_dir: Path) -> None:
    with pytest.raises(NoTextLayer) as raised:
        read_report(data_dir / "scanned.pdf")
    assert "OCR" in raised.value.hint
    assert "文字层" in raised.value.message and "text layer" in raised.value.message


@pytest.mark.parametrize(
    "data",
    [b"%PDF-1.4\nthis is not a pdf body", b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog", b"%PDF-"],
    ids=["garbage", "truncated", "header-only"],
)
def test_damaged_pdf_is_a_read_error(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "damaged.pdf"
    path.write_bytes(data)
    with pytest.raises(ReadError) as raised:
        read_report(path)
    assert "PDF" in raised.value.message
    assert raised.value.hint


def test_pdf_bytes_are_sniffed(data_dir: Path) -> None:
    data = (data_dir / "layout_zh.pdf").read_bytes()
    report = read_report(data)
    assert report.format == "pdf"
    assert report.name == "report"
