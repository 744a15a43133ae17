"""The bulletin in xlsx, md and html carries the same words and tables as the DOCX."""

from __future__ import annotations

import io
import re

import pytest
from openpyxl import load_workbook

from luoshi.bulletins import FORMATS, format_for, render_bulletin
from luoshi.bulletins.formats.html import LIGHT_COLOURS
from luoshi.bulletins.formats.md import LIGHT_MARKS
from luoshi.bulletins.wording import SECTION_HEADINGS


def test_markdown(sample_data, tmp_path) -> None:
    path = tmp_path / "通报.md"
    render_bulletin(sample_data, path)
    text = path.read_text(encoding="utf-8")
    assert "# 关于2023年政府工作报告目标任务推进情况的通报" in text
    for heading in SECTION_HEADINGS:
        assert f"## {heading}" in text
    for row in sample_data.lagging():
        assert row.text in text
    assert "| 已完成 | 1 | 8.3% |" in text
    assert text.count(LIGHT_MARKS["red"]) == sum(row.status.light == "red" for row in sample_data.rows)
    assert "| 生态环境局 | 3 |" in text  # 图2 as its data table


def test_html(sample_data, tmp_path) -> None:
    path = tmp_path / "通报.html"
    render_bulletin(sample_data, path)
    page = path.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and 'lang="zh-CN"' in page
    for heading in SECTION_HEADINGS:
        assert f"<h2>{heading}</h2>" in page
    assert len(re.findall(r'src="data:image/png;base64,', page)) == 2
    assert page.count(f"background:{LIGHT_COLOURS['yellow']}") == sum(
        r.status.light == "yellow" for r in sample_data.rows
    )
    assert "<script" not in page


def test_html_escapes_text(sample_data, tmp_path) -> None:
    from dataclasses import replace

    from luoshi.bulletins.formats.html import render

    row = replace(sample_data.rows[0], text="<script>alert(1)</script>")
    page = render(replace(sample_data, rows=(row, *sample_data.rows[1:])))
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_xlsx(sample_data, tmp_path) -> None:
    buffer = io.BytesIO()
    render_bulletin(sample_data, buffer, "xlsx")
    book = load_workbook(io.BytesIO(buffer.getvalue()))
    assert book.sheetnames == ["通报", "目标进度", "报送情况"]
    summary = book["通报"]
    assert summary["A1"].value == "关于2023年政府工作报告目标任务推进情况的通报"
    assert len(summary._images) == 2
    progress = book["目标进度"]
    assert progress.freeze_panes == "A3"
    header = [cell.value for cell in progress[2]]
    rows = [r for r in progress.iter_rows(min_row=3, values_only=False) if isinstance(r[0].value, int)]
    assert len(rows) == len(sample_data.rows)
    light = header.index("灯")
    red = [r for r in rows if r[light].value == "红"]
    assert red and all(r[light].fill.fgColor.rgb.endswith("FF0000") for r in red)
    completion = header.index("完成率")
    assert rows[0][completion].number_format == "0.0%" and isinstance(rows[0][completion].value, float)
    units = [r[0] for r in book["报送情况"].iter_rows(min_row=3, values_only=True)]
    assert set(units) == {unit.unit for unit in sample_data.units}


def test_the_format_follows_the_suffix() -> None:
    assert FORMATS == ("docx", "pdf", "xlsx", "md", "html")
    assert [format_for(name) for name in ("a.DOCX", "a.pdf", "a.xlsx", "a.md", "a.htm", "a", None)] == [
        "docx",
        "pdf",
        "xlsx",
        "md",
        "html",
        "docx",
        "docx",
    ]
    assert format_for("a.md", "pdf") == "pdf"


@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
def test_the_same_data_gives_the_same_bytes(sample_data, tmp_path, fmt) -> None:
    """A bulletin made again is byte for byte the one sent before: zip entries and the file's
    modified property are dated at the bulletin's own date, not at the moment of writing."""
    import datetime as dt
    import zipfile

    from luoshi.bulletins.formats.package import reproducible

    first, second = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
    render_bulletin(sample_data, first)
    render_bulletin(sample_data, second)
    assert first.read_bytes() == second.read_bytes()
    own = (sample_data.as_of.year, sample_data.as_of.month, sample_data.as_of.day, 9, 0, 0)
    with zipfile.ZipFile(first) as package:
        assert {entry.date_time for entry in package.infolist()} == {own}
        assert "docProps/thumbnail.jpeg" not in package.namelist()
        assert b"thumbnail" not in package.read("_rels/.rels")
        core = package.read("docProps/core.xml")
    assert sample_data.as_of.isoformat().encode() + b"T09:00:00Z</dcterms:modified>" in core
    # The same parts written at another moment, as a later save would: the same bytes again.
    later = io.BytesIO()
    with zipfile.ZipFile(first) as package, zipfile.ZipFile(later, "w") as copy:
        for entry in package.infolist():
            body = package.read(entry).replace(
                b"T09:00:00Z</dcterms:modified>", b"T17:42:05Z</dcterms:modified>"
            )
            info = zipfile.ZipInfo(entry.filename, date_time=(2031, 1, 2, 3, 4, 6))
            info.compress_type = entry.compress_type
            copy.writestr(info, body)
    when = dt.datetime.combine(sample_data.as_of, dt.time(9, 0))
    assert reproducible(later.getvalue(), when) == first.read_bytes()
