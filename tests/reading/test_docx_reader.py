"""Word reports: paragraphs and tables in document order, one line each; damaged files refused."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest

from luoshi.errors import ReadError, UnsupportedFormat
from luoshi.reading import read_report
from luoshi.reading.from_docx import read_docx


def _document() -> docx.document.Document:
    document = docx.Document()
    document.add_paragraph("政府工作报告")
    document.add_paragraph("　　各位代表：")
    document.add_paragraph("一、2023年工作回顾")
    document.add_paragraph("过去一年，全市地区生产总值增长7.8%。")
    document.add_paragraph("")  # an empty paragraph leaves no blank line
    document.add_paragraph("二、2024年工作安排")
    table = document.add_table(rows=3, cols=3)
    for row, cells in enumerate(
        (("指标", "目标", "单位"), ("新增城镇就业", "1.2", "万人"), ("PM2.5", "28", "微克/立方米"))
    ):
        for column, words in enumerate(cells):
            table.cell(row, column).text = words
    document.add_paragraph("（一）稳就业。新增就业大学生14万名以上。")
    return document


def _bytes(document: docx.document.Document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_paragraphs_and_table_rows_in_order(tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    _document().save(str(path))
    report = read_report(path)
    assert report.format == "docx"
    assert report.text.split("\n") == [
        "政府工作报告",
        "各位代表：",
        "一、2023年工作回顾",
        "过去一年，全市地区生产总值增长7.8%。",
        "二、2024年工作安排",
        "指标\t目标\t单位",
        "新增城镇就业\t1.2\t万人",
        "PM2.5\t28\t微克/立方米",
        "（一）稳就业。新增就业大学生14万名以上。",
    ]
    assert [part.role for part in report.parts] == ["review", "plan"]


def test_merged_cells_are_written_once() -> None:
    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    table.cell(0, 0).merge(table.cell(0, 2)).text = "2024年主要预期目标"
    table.cell(1, 0).text = "地区生产总值"
    table.cell(1, 1).merge(table.cell(1, 2)).text = "增长6%左右"
    assert read_docx(_bytes(document)) == "2024年主要预期目标\n地区生产总值\t增长6%左右"


def test_vertically_merged_cell_is_not_repeated() -> None:
    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).merge(table.cell(1, 0)).text = "就业"
    table.cell(0, 1).text = "新增城镇就业1.2万人"
    table.cell(1, 1).text = "城镇调查失业率5.5%以内"
    assert read_docx(_bytes(document)).split("\n") == [
        "就业\t新增城镇就业1.2万人",
        "\t城镇调查失业率5.5%以内",
    ]


def test_manual_line_break_starts_a_new_line() -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("一、2024年工作安排")
    paragraph.add_run().add_break()
    paragraph.add_run("今年主要预期目标是：地区生产总值增长6%左右。")
    assert read_docx(_bytes(document)) == "一、2024年工作安排\n今年主要预期目标是：地区生产总值增长6%左右。"


def test_bytes_with_format_and_by_content() -> None:
    data = _bytes(_document())
    assert read_report(data, format="docx").text.startswith("政府工作报告")
    assert read_report(data).format == "docx"  # sniffed: a zip holding word/document.xml


def test_damaged_docx(tmp_path: Path) -> None:
    path = tmp_path / "damaged.docx"
    path.write_bytes(b"PK\x03\x04 this is not really a zip")
    with pytest.raises(ReadError) as raised:
        read_report(path)
    assert "docx" in str(raised.value) and raised.value.hint


def test_zip_that_is_not_a_docx(tmp_path: Path) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("report.txt", "今年新增就业1万人。")
    path = tmp_path / "archive.docx"
    path.write_bytes(out.getvalue())
    with pytest.raises(UnsupportedFormat, match="ZIP"):
        read_report(path)


def test_docx_missing_its_parts_is_a_read_error(tmp_path: Path) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", "<not-xml")
    path = tmp_path / "broken.docx"
    path.write_bytes(out.getvalue())
    with pytest.raises(ReadError):
        read_report(path)
