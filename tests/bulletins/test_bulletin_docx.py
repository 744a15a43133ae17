"""The DOCX read back with python-docx: every section, the counts, the lagging targets and
late units, the annex with coloured light cells, the charts, Chinese fonts on every style."""

from __future__ import annotations

from docx import Document
from docx.oxml.ns import qn

from luoshi.bulletins import render_bulletin
from luoshi.bulletins.formats.docx import LIGHT_FILLS
from luoshi.bulletins.wording import ANNEX_HEADER, SECTION_HEADINGS


def _read(sample_data, tmp_path):  # noqa: ANN001, ANN202
    path = tmp_path / "通报.docx"
    assert render_bulletin(sample_data, path) == "docx"
    return Document(str(path))


def test_every_section_is_a_heading(sample_data, tmp_path) -> None:
    document = _read(sample_data, tmp_path)
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == list(SECTION_HEADINGS)
    texts = [p.text for p in document.paragraphs]
    assert "绍兴市人民政府督查室" in texts[0]
    assert texts[1] == "督查通报〔2023〕X号"
    assert "".join(texts[2].split()) == "关于2023年政府工作报告目标任务推进情况的通报"
    assert any(
        p.style.name == "Heading 2" and p.text.startswith("（一）严重滞后") for p in document.paragraphs
    )


def test_counts_targets_and_units_are_in_the_text(sample_data, tmp_path) -> None:
    document = _read(sample_data, tmp_path)
    body = "\n".join(p.text for p in document.paragraphs)
    counts = sample_data.counts()
    assert (
        f"已完成{counts['已完成']}项，超序时推进{counts['超序时']}项，符合序时推进{counts['符合序时']}项"
        in body
    )
    assert f"滞后{counts['滞后']}项，严重滞后{counts['严重滞后']}项" in body
    for row in sample_data.lagging():
        assert f"{row.text}（牵头单位：{row.lead_unit}" in body
    for unit in sample_data.late_units():
        assert f"{unit.unit}：应报{unit.due}项次" in body
    small = document.tables[0]
    assert [cell.text for cell in small.rows[0].cells] == ["评价类别", "目标数（项）", "占比", "说明"]
    assert {r.cells[0].text: int(r.cells[1].text) for r in small.rows[1:-1]} == {
        g: c for g, c in counts.items() if g != "无法评价" or c
    }


def test_the_annex_lists_every_target_with_a_coloured_light(sample_data, tmp_path) -> None:
    document = _read(sample_data, tmp_path)
    annex = document.tables[-1]
    assert tuple(cell.text for cell in annex.rows[0].cells) == ANNEX_HEADER
    rows = [row for row in annex.rows[1:] if row.cells[0].text.isdigit()]
    assert len(rows) == len(sample_data.rows)
    light = ANNEX_HEADER.index("灯")
    by_number = {row.number: row.status.light for row in sample_data.rows}
    for row in rows:
        cell = row.cells[light]
        shading = cell._tc.tcPr.find(qn("w:shd"))
        expected = LIGHT_FILLS.get(by_number[int(row.cells[0].text)])
        assert (shading.get(qn("w:fill")) if shading is not None else None) == (
            expected[0] if expected else None
        )
    assert annex.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # repeated on each page
    assert document.sections[-1].page_width > document.sections[-1].page_height  # landscape


def test_charts_are_images(sample_data, tmp_path) -> None:
    document = _read(sample_data, tmp_path)
    images = [rel for rel in document.part.rels.values() if rel.reltype.endswith("/image")]
    assert len(images) == 2
    captions = [p.text for p in document.paragraphs if p.style.name == "Caption"]
    assert "图1 量化目标分类推进情况" in captions and "图2 各牵头单位量化目标平均完成率" in captions


def test_every_style_names_a_chinese_font(sample_data, tmp_path) -> None:
    document = _read(sample_data, tmp_path)
    for name in ("Normal", "Heading 1", "Heading 2", "Title", "Caption", "Table Text"):
        fonts = document.styles[name].element.rPr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:eastAsia")), name
        assert fonts.get(qn("w:asciiTheme")) is None and fonts.get(qn("w:eastAsiaTheme")) is None
    assert document.styles["Normal"].element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "仿宋_GB2312"
    assert document.styles["Heading 1"].element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "黑体"


def test_the_font_table_names_a_windows_fallback(sample_data, tmp_path) -> None:
    import zipfile

    path = tmp_path / "通报.docx"
    render_bulletin(sample_data, path)
    table = zipfile.ZipFile(path).read("word/fontTable.xml").decode("utf-8")
    assert '<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/><w:charset w:val="86"/>' in table
