"""The 分解表: written, edited as an office does in Excel or WPS, read back; bad rows refused."""

from __future__ import annotations

import dataclasses
import io
from datetime import date, datetime

import openpyxl
import pytest
from sheet_helpers import edited, written

from luoshi.errors import SheetError
from luoshi.sheets import (
    ASSIGNMENT_HEADER,
    AssignmentRow,
    read_assignment_sheet,
    write_assignment_sheet,
    write_progress_template,
)

# Layout of the sample: 1 title, 2 header, 3 section, 4 T1, 5 T2, 6 section, 7 T3, 8 K1.
IDS = {"T1", "T2", "T3", "K1"}


def _write(rows: list[AssignmentRow]) -> bytes:
    return written(write_assignment_sheet, rows, title="绍兴市2023年目标任务分解表")


def _read(data: bytes, **options: object) -> list[AssignmentRow]:
    return read_assignment_sheet(io.BytesIO(data), **{"plan_year": 2023, "known_ids": IDS, **options})


def _problems(data: bytes, **options: object) -> list[tuple[int, str]]:
    with pytest.raises(SheetError) as caught:
        _read(data, **options)
    return [(problem.row, problem.column) for problem in caught.value.problems]


def test_layout(assignment_rows) -> None:
    sheet = openpyxl.load_workbook(io.BytesIO(_write(assignment_rows))).active
    assert sheet["A1"].value == "绍兴市2023年目标任务分解表"
    assert [cell.value for cell in sheet[2]] == list(ASSIGNMENT_HEADER)
    assert sheet.column_dimensions["J"].hidden
    assert [sheet.cell(row=row, column=10).value for row in (4, 5, 7, 8)] == ["T1", "T2", "T3", "K1"]
    assert sheet["A3"].value == "（一）稳就业" and "A3:I3" in sheet.merged_cells
    assert sheet["G4"].value == "市教育局、市财政局"
    assert sheet["I4"].value == "2023年12月底"
    assert sheet["A4"].value == 1


def test_round_trip(assignment_rows) -> None:
    back = _read(_write(assignment_rows))
    assert back == assignment_rows
    assert [row.row for row in back] == [4, 5, 7, 8]


def test_round_trip_to_a_path(tmp_path, assignment_rows) -> None:
    path = tmp_path / "分解表.xlsx"
    write_assignment_sheet(assignment_rows, path, title="分解表")
    assert read_assignment_sheet(path, plan_year=2023) == assignment_rows
    assert read_assignment_sheet(str(path), plan_year=2023) == assignment_rows


def test_an_office_fills_and_edits_it(assignment_rows) -> None:
    def fill(book: openpyxl.Workbook) -> None:
        sheet = book.active
        sheet.move_range("A4:J5", rows=10)  # T1 and T2 moved below, blank rows between
        sheet["F14"] = "  市人力社保局 "
        sheet.merge_cells("F14:F15")  # one lead unit merged down two rows
        sheet["G15"] = "市发改委，市财政局；市统计局\n市商务局, 市发改委"
        sheet["I15"] = "年底"
        sheet["J7"] = " Ｔ３ "  # full-width, spaces
        sheet["A7"] = "3"  # a number stored as text
        sheet["I7"] = datetime(2023, 9, 30)  # an Excel date cell
        sheet["H8"] = "李副市长"
        sheet["I8"] = "2023年6月"

    back = _read(edited(_write(assignment_rows), fill))
    assert [row.item_id for row in back] == ["T3", "K1", "T1", "T2"]
    t3, k1, t1, t2 = back
    assert (t3.number, t3.due, t3.row) == ("3", date(2023, 9, 30), 7)
    assert (k1.leader, k1.due) == ("李副市长", date(2023, 6, 30))
    assert t1.lead_unit == t2.lead_unit == "市人力社保局"
    assert t2.co_units == ("市发改委", "市财政局", "市统计局", "市商务局")
    assert t2.due == date(2023, 12, 31)
    assert t1.section == "（二）治污染"  # moved under the second heading
    assert (t1.row, t2.row) == (14, 15)


def test_deleted_rows_and_unmerged_headings(assignment_rows) -> None:
    def edit(book: openpyxl.Workbook) -> None:
        sheet = book.active
        for span in list(sheet.merged_cells.ranges):
            sheet.unmerge_cells(str(span))  # WPS "cancel merge": the heading stays in column A
        sheet.delete_rows(8)  # K1 deleted by the office
        sheet["B20"] = "   "  # stray whitespace far below

    back = _read(edited(_write(assignment_rows), edit))
    assert [(row.item_id, row.section) for row in back] == [
        ("T1", "（一）稳就业"),
        ("T2", "（一）稳就业"),
        ("T3", "（二）治污染"),
    ]


def test_an_office_layout_of_its_own() -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["某县2023年重点工作分解表"])
    sheet.append([])
    sheet.append(["填报说明：请勿改动系统编号"])
    sheet.append(["系统编号", "序 号", "工作任务", "牵头单位", "配合单位", "完成时间"])
    sheet.append(["K1", 1, "完成市中医院扩建", "县卫健局", "县发改局 县财政局", "2023.11"])
    out = io.BytesIO()
    book.save(out)
    (row,) = _read(out.getvalue())
    assert (row.item_id, row.number, row.content, row.row) == ("K1", "1", "完成市中医院扩建", 5)
    assert row.co_units == ("县发改局", "县财政局")
    assert row.due == date(2023, 11, 30)


def _set(cells: dict[str, object]):
    def edit(book: openpyxl.Workbook) -> None:
        for coordinate, value in cells.items():
            book.active[coordinate] = value

    return edit


@pytest.mark.parametrize(
    ("cells", "problems", "words"),
    [
        ({"J5": None}, [(5, "系统编号")], "缺少系统编号"),
        ({"J5": "T99"}, [(5, "系统编号")], "未知的系统编号“T99”"),
        ({"J5": "T1"}, [(5, "系统编号")], "与第4行重复"),
        ({"G7": "市发改委", "F7": None}, [(7, "牵头单位")], "未填牵头单位"),
        ({"I8": "明年"}, [(8, "完成时限")], "无法识别的日期“明年”"),
        ({"I8": "2024年6月"}, [(8, "完成时限")], "不在计划年度 2023 内"),
        ({"I8": datetime(2022, 12, 31)}, [(8, "完成时限")], "2022-12-31"),
    ],
)
def test_a_bad_row_is_named(assignment_rows, cells, problems, words) -> None:
    data = edited(_write(assignment_rows), _set(cells))
    with pytest.raises(SheetError) as caught:
        _read(data)
    assert [(problem.row, problem.column) for problem in caught.value.problems] == problems
    assert words in str(caught.value)
    assert f"第{problems[0][0]}行" in str(caught.value)


def test_every_bad_row_is_reported_and_none_accepted(assignment_rows) -> None:
    data = edited(
        _write(assignment_rows), _set({"J4": "X1", "G5": "市财政局", "I7": "2030年", "I8": "下个月"})
    )
    assert _problems(data) == [(4, "系统编号"), (5, "牵头单位"), (7, "完成时限"), (8, "完成时限")]


def test_later_years_when_allowed(assignment_rows) -> None:
    data = edited(_write(assignment_rows), _set({"I8": "2025年底"}))
    assert _read(data, last_year=2025)[-1].due == date(2025, 12, 31)
    assert _problems(data, last_year=2024) == [(8, "完成时限")]


def test_unknown_ids_are_accepted_without_a_list(assignment_rows) -> None:
    data = edited(_write(assignment_rows), _set({"J5": "T99"}))
    assert [row.item_id for row in _read(data, known_ids=None)] == ["T1", "T99", "T3", "K1"]


def test_a_row_added_by_hand_has_no_id(assignment_rows) -> None:
    data = edited(_write(assignment_rows), _set({"B9": "新增：完成老旧小区改造", "F9": "市建设局"}))
    assert _problems(data) == [(9, "系统编号")]


def test_the_hidden_id_column_deleted(assignment_rows) -> None:
    data = edited(_write(assignment_rows), lambda book: book.active.delete_cols(10))
    with pytest.raises(SheetError, match="缺少列：系统编号"):
        _read(data)


def test_another_sheet_is_not_a_assignment_sheet(template_rows) -> None:
    data = written(write_progress_template, template_rows, unit="人社局", period="2023-06", title="报送表")
    with pytest.raises(SheetError, match="分解表"):
        _read(data)


def test_rows_compare_without_their_row_number(assignment_rows) -> None:
    assert dataclasses.replace(assignment_rows[0], row=9) == assignment_rows[0]
