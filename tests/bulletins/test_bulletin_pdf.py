"""The PDF (the DOCX through LibreOffice) turns into PNG pages with pdftoppm: body pages in
portrait, the annex in landscape, the words and the embedded CJK fonts as expected.

Skipped where LibreOffice or poppler-utils is missing, failed in CI (CI installs both).
"""

from __future__ import annotations

import subprocess

import pytest
from bulletin_helpers import pdf_pages, pdf_text, require, require_soffice, synthetic_data
from PIL import Image

from luoshi.bulletins import OutputError, render_bulletin


@pytest.fixture(scope="module")
def sample_pdf(sample_data, tmp_path_factory):  # noqa: ANN001, ANN201
    require_soffice()
    path = tmp_path_factory.mktemp("pdf") / "通报.pdf"
    assert render_bulletin(sample_data, path) == "pdf"
    return path


def test_pages_become_pngs(sample_pdf, tmp_path) -> None:
    require("pdftoppm")
    sizes = pdf_pages(sample_pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "40", str(sample_pdf), str(tmp_path / "page")], check=True)
    pngs = sorted(tmp_path.glob("page-*.png"))
    assert len(pngs) == len(sizes)
    portrait = [size for size in sizes if size[0] < size[1]]
    landscape = [size for size in sizes if size[0] > size[1]]
    # the body (head, six sections, 表1, two charts, signature) fills four to eight A4 pages;
    # the annex of 12 targets fits one landscape page, and comes last
    assert 4 <= len(portrait) <= 8, sizes
    assert len(landscape) == 1 and sizes[-1] == landscape[0]
    first = Image.open(pngs[0])
    assert first.width < first.height and first.getbbox() is not None


def test_the_words_and_fonts(sample_data, sample_pdf) -> None:
    text = "".join(pdf_text(sample_pdf).split())
    assert "关于2023年政府工作报告目标任务" in text and "推进情况的通报" in text
    for heading in ("一、总体情况", "四、进度滞后的目标任务", "五、进度报送情况"):
        assert heading in text
    for row in sample_data.lagging():
        assert row.text in text
    for unit in sample_data.late_units():
        assert unit.unit in text
    last = "".join(pdf_text(sample_pdf, len(pdf_pages(sample_pdf))).split())
    assert "附件" in last and "量化目标推进情况表" in last
    fonts = subprocess.run(["pdffonts", str(sample_pdf)], capture_output=True, text=True, check=True).stdout
    assert "CJK" in fonts  # Noto Serif/Sans CJK embedded, not a Latin fallback


def test_a_longer_annex_takes_more_pages(tmp_path) -> None:
    require_soffice()
    path = tmp_path / "long.pdf"
    render_bulletin(synthetic_data(120), path)
    landscape = [size for size in pdf_pages(path) if size[0] > size[1]]
    assert len(landscape) >= 3


def test_without_libreoffice_the_error_says_what_to_install(sample_data, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("LUOSHI_SOFFICE", str(tmp_path / "no-such-soffice"))
    with pytest.raises(OutputError, match="LibreOffice") as raised:
        render_bulletin(sample_data, tmp_path / "x.pdf")
    assert "libreoffice-writer-nogui" in raised.value.hint
