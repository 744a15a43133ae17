"""The 报送表: one unit's template, filled as a department does, imported all or nothing."""

from __future__ import annotations

import dataclasses
import io
from datetime import date
from decimal import Decimal

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sheet_helpers import PLAN_START, edited, written

from luoshi.errors import SheetError
from luoshi.sheets import (
    PROGRESS_HEADER,
    ProgressExpectation,
    ProgressTemplateRow,
    read_progress_sheet,
    write_progress_template,
)
from luoshi.sheets.stamp import META_SHEET, normal_period

# Layout: 1 title, 2 报送单位/报送期, 3 header, 4 T1, 5 T4, 6 T5; A id (hidden), G 本期值, H 备注.


def _template(rows, period: str = "2023-06") -> bytes:
    return written(
        write_progress_template, rows, unit="市人力社保局", period=period, title="2023年6月目标任务报送表"
    )


def _fill(cells: dict[str, object]):
    def edit(book: openpyxl.Workbook) -> None:
        for coordinate, value in cells.items():
            book["报送表"][coordinate] = value

    return edit


def _problems(data: bytes, expected) -> list[tuple[int, str]]:
    with pytest.raises(SheetError) as caught:
        read_progress_sheet(io.BytesIO(data), expected=expected)
    return [(problem.row, problem.column) for problem in caught.value.problems]


def test_layout(template_rows) -> None:
    book = openpyxl.load_workbook(io.BytesIO(_template(template_rows)))
    sheet = book["报送表"]
    assert [cell.value for cell in sheet[3]] == list(PROGRESS_HEADER)
    assert (sheet["B2"].value, sheet["C2"].value, sheet["E2"].value, sheet["F2"].value) == (
        "报送单位",
        "市人力社保局",
        "报送期",
        "2023-06",
    )
    assert sheet.column_dimensions["A"].hidden
    assert [sheet.cell(row=row, column=1).value for row in (4, 5, 6)] == ["T1", "T4", "T5"]
    assert sheet["F4"].value == Decimal("5.2") or sheet["F4"].value == 5.2
    assert sheet["F6"].value is None


def test_hidden_metadata_protection_and_validation(template_rows) -> None:
    book = openpyxl.load_workbook(io.BytesIO(_template(template_rows)))
    meta = book[META_SHEET]
    assert meta.sheet_state == "veryHidden"
    assert dict(meta.iter_rows(values_only=True)) == {
        "kind": "progress",
        "version": "1",
        "unit": "市人力社保局",
        "period": "2023-06",
    }
    sheet = book["报送表"]
    assert sheet.protection.sheet and not sheet.protection.password
    assert not sheet["G4"].protection.locked and not sheet["H6"].protection.locked
    assert sheet["C4"].protection.locked and sheet["A4"].protection.locked and sheet["F2"].protection.locked
    (check,) = sheet.data_validations.dataValidation
    assert check.type == "decimal" and str(check.sqref) == "G4:G6"


def test_round_trip(template_rows, expected) -> None:
    data = edited(_template(template_rows), _fill({"G4": 6.1, "H4": "含灵活就业", "G5": "5.3%"}))
    submission = read_progress_sheet(io.BytesIO(data), expected=expected)
    assert (submission.unit, submission.period) == ("市人力社保局", "2023-06")
    assert [(e.target_id, e.value, e.unit, e.note, e.row) for e in submission.entries] == [
        ("T1", Decimal("6.1"), "万人", "含灵活就业", 4),
        ("T4", Decimal("5.3"), "%", "", 5),
    ]


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("6,100.5", "6100.5"),
        ("１.３２", "1.32"),
        ("1.32万", "1.32"),
        (" 1.4 ", "1.4"),
        (1.35, "1.35"),
        ("'1.5", "1.5"),
    ],
)
def test_numbers_as_typed(template_rows, expected, typed, value) -> None:
    data = edited(_template(template_rows), _fill({"G6": typed}))
    (entry,) = read_progress_sheet(io.BytesIO(data), expected=expected).entries
    assert (entry.target_id, entry.value) == ("T5", Decimal(value))


def test_empty_values_are_not_reported_this_time(template_rows, expected) -> None:
    data = edited(_template(template_rows), _fill({"H5": "数据待统计局反馈"}))
    assert read_progress_sheet(io.BytesIO(data), expected=expected).entries == []


def test_expectations_may_depend_on_the_unit_and_period(template_rows, expected) -> None:
    asked = []

    def lookup(unit: str, period: str):
        asked.append((unit, period))
        return expected

    data = edited(_template(template_rows), _fill({"G4": 7}))
    assert read_progress_sheet(io.BytesIO(data), expected=lookup).entries[0].value == 7
    assert asked == [("市人力社保局", "2023-06")]


@pytest.mark.parametrize(
    ("cells", "problem", "words"),
    [
        ({"G5": "基本完成"}, (5, "本期值"), "“基本完成”不是数字"),
        ({"G5": "5.3", "E5": "‰"}, (5, "单位"), "计量单位被改为“‰”，应为“%”"),
        ({"G4": "5.19"}, (4, "本期值"), "累计值 5.19 小于上次报送的 5.2"),
        ({"G4": 6, "A4": "T9"}, (4, "系统编号"), "目标“T9”不属于市人力社保局的报送范围"),
        ({"G4": 6, "A4": None}, (4, "系统编号"), "缺少系统编号"),
        ({"G4": 6, "A7": "T1", "G7": 6.5}, (7, "系统编号"), "与第4行重复"),
    ],
)
def test_a_bad_row_is_named(template_rows, expected, cells, problem, words) -> None:
    data = edited(_template(template_rows), _fill(cells))
    with pytest.raises(SheetError) as caught:
        read_progress_sheet(io.BytesIO(data), expected=expected)
    assert [(p.row, p.column) for p in caught.value.problems] == [problem]
    assert words in str(caught.value)
    assert f"第{problem[0]}行" in str(caught.value)


def test_a_level_may_fall(template_rows, expected) -> None:
    data = edited(_template(template_rows), _fill({"G5": "4.9"}))
    assert read_progress_sheet(io.BytesIO(data), expected=expected).entries[0].value == Decimal("4.9")


def test_a_period_outside_the_plan(template_rows, expected) -> None:
    data = edited(_template(template_rows, period="2024-01"), _fill({"G4": 6, "G5": 5}))
    assert _problems(data, expected) == [(4, "报送期"), (5, "报送期")]
    short = {key: dataclasses.replace(value, plan_end=date(2023, 5, 31)) for key, value in expected.items()}
    data = edited(_template(template_rows), _fill({"G4": 6}))
    assert _problems(data, short) == [(4, "报送期")]


def test_every_bad_row_is_reported_and_none_accepted(template_rows, expected) -> None:
    data = edited(_template(template_rows), _fill({"G4": "3", "G5": "五", "G6": "1.4"}))
    assert _problems(data, expected) == [(4, "本期值"), (5, "本期值")]


def test_the_header_cells_serve_when_the_hidden_sheet_is_gone(template_rows, expected) -> None:
    def edit(book: openpyxl.Workbook) -> None:
        del book[META_SHEET]
        book["报送表"]["F2"] = "2023年6月"
        book["报送表"]["G4"] = 6

    submission = read_progress_sheet(io.BytesIO(edited(_template(template_rows), edit)), expected=expected)
    assert (submission.unit, submission.period) == ("市人力社保局", "2023-06")


def test_a_header_changed_against_the_hidden_sheet(template_rows, expected) -> None:
    data = edited(_template(template_rows), _fill({"F2": "2023-07", "G4": 6}))
    with pytest.raises(SheetError, match="报送期"):
        read_progress_sheet(io.BytesIO(data), expected=expected)


def test_no_unit_anywhere(template_rows, expected) -> None:
    def edit(book: openpyxl.Workbook) -> None:
        del book[META_SHEET]
        book["报送表"]["C2"] = None

    with pytest.raises(SheetError, match="报送单位"):
        read_progress_sheet(io.BytesIO(edited(_template(template_rows), edit)), expected=expected)


def test_an_unreadable_period(template_rows, expected) -> None:
    with pytest.raises(SheetError, match="无法识别的报送期"):
        read_progress_sheet(io.BytesIO(_template(template_rows, period="六月")), expected=expected)


@pytest.mark.parametrize(
    ("text", "label"),
    [("2023-06", "2023-06"), ("2023年6月", "2023-06"), ("2023.6", "2023-06"), ("2023-Q2", "2023-Q2")],
)
def test_normal_period(text: str, label: str) -> None:
    assert normal_period(text) == label


_DECIMALS = st.decimals(
    allow_nan=False, allow_infinity=False, min_value=-(10**12), max_value=10**12, places=3
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=_DECIMALS, last=_DECIMALS)
def test_decimals_round_trip_exactly(value: Decimal, last: Decimal) -> None:
    row = ProgressTemplateRow("T1", "1", "一般公共预算收入", "", "亿元", last_value=last, value=value)
    expectation = {"T1": ProgressExpectation("亿元", plan_start=PLAN_START)}
    (entry,) = read_progress_sheet(io.BytesIO(_template([row])), expected=expectation).entries
    assert entry.value == value
    sheet = openpyxl.load_workbook(io.BytesIO(_template([row])))["报送表"]
    assert Decimal(str(sheet["F4"].value)) == last


@settings(max_examples=30, deadline=None)
@given(value=_DECIMALS)
def test_a_typed_decimal_round_trips_exactly(value: Decimal) -> None:
    row = ProgressTemplateRow("T1", "1", "进出口总额", "", "亿元")
    data = edited(_template([row]), _fill({"G4": value}))
    (entry,) = read_progress_sheet(io.BytesIO(data), expected={"T1": ProgressExpectation("亿元")}).entries
    assert entry.value == value
