"""The 分解表 draft: header, sections, one numbered row per target, print setup."""

from __future__ import annotations

import io

import openpyxl
import pytest

from luoshi.outputs import xlsx
from luoshi.outputs.wording import value_words


def _sheet(found, **options):
    out = io.BytesIO()
    xlsx.write([found], out, **options)
    out.seek(0)
    return openpyxl.load_workbook(out).active


def _numbered(sheet) -> list[tuple]:
    return [
        row
        for row in sheet.iter_rows(min_row=xlsx.TITLE_ROWS + 1, values_only=True)
        if isinstance(row[0], int)
    ]


def test_title_and_header(found) -> None:
    sheet = _sheet(found)
    assert sheet["A1"].value == "绍兴市2023年政府工作报告目标任务分解表（草稿）"
    header = [cell.value for cell in sheet[xlsx.TITLE_ROWS]]
    assert header == ["序号", "任务内容", "量化指标", "目标值", "单位", "牵头单位", "责任单位", "完成时限"]
    assert all(cell.font.bold for cell in sheet[xlsx.TITLE_ROWS])


def test_one_row_per_target_with_its_sentence_and_words(found) -> None:
    sheet = _sheet(found)
    rows = _numbered(sheet)
    targets = found.extraction.targets
    assert [row[0] for row in rows] == list(range(1, len(targets) + 1))
    for row, target in zip(rows, targets, strict=True):
        number, content, indicator, value, unit, lead, units, deadline = row
        assert target.text in content
        assert content.endswith("。")
        assert indicator == target.indicator
        assert value == value_words(target)
        assert unit == target.unit
        assert lead is None and units is None
        assert deadline == "2023年12月底"
    assert rows[0][3] == "14万以上"


def test_sections_are_merged_bold_rows(found) -> None:
    sheet = _sheet(found)
    heads = [
        (row[0].row, row[0].value)
        for row in sheet.iter_rows(min_row=xlsx.TITLE_ROWS + 1)
        if isinstance(row[0].value, str)
    ]
    assert [value for _, value in heads] == list(dict.fromkeys(t.section for t in found.extraction.targets))
    merged = {str(r) for r in sheet.merged_cells.ranges}
    for row, _ in heads:
        assert f"A{row}:H{row}" in merged
        assert sheet.cell(row=row, column=1).font.bold


def test_tasks_get_rows_without_an_indicator(found) -> None:
    rows = _numbered(_sheet(found, tasks=True))
    assert len(rows) == len(found.extraction.targets) + len(found.extraction.tasks)
    task = rows[-1]
    assert task[1] == "完成市中医院扩建"
    assert task[2] is None and task[3] is None


def test_frozen_header_widths_wrapping_and_print_setup(found) -> None:
    sheet = _sheet(found)
    assert sheet.freeze_panes == f"A{xlsx.TITLE_ROWS + 1}"
    assert sheet.print_title_rows == f"$1:${xlsx.TITLE_ROWS}"
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.fitToWidth == 1
    assert sheet.page_setup.fitToHeight == 0
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.column_dimensions["B"].width == xlsx.HEADER["任务内容"]
    assert sheet.cell(row=xlsx.TITLE_ROWS + 2, column=2).alignment.wrap_text


@pytest.mark.parametrize(("name", "sheet"), [("a/b:c", "a_b_c"), ("x" * 40, "x" * 31)])
def test_sheet_names_are_valid(found, name: str, sheet: str) -> None:
    report = found.report
    renamed = found._replace(report=type(report)(text=report.text, name=name, outline=report.outline))
    out = io.BytesIO()
    xlsx.write([renamed, renamed], out)
    out.seek(0)
    assert openpyxl.load_workbook(out).sheetnames == [sheet, sheet[:29] + "_2"]
