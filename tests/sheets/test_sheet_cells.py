"""Formula injection (公式注入) is neutralised with a leading apostrophe, reversibly."""

from __future__ import annotations

import io
import zipfile

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from sheet_helpers import written

from luoshi.sheets import (
    AssignmentRow,
    ProgressTemplateRow,
    read_assignment_sheet,
    write_assignment_sheet,
    write_progress_template,
)
from luoshi.sheets.cells import cell_text, float_decimal, safe_text, squash, unescape

ATTACKS = ["=1+1", "+1+1", "-1+1", "@SUM(A1)", "=cmd|' /C calc'!A0", "\t=1", "\r=1", '=HYPERLINK("http://x")']


@pytest.mark.parametrize(
    ("text", "stored"),
    [
        ("=1+1", "'=1+1"),
        ("+86 575", "'+86 575"),
        ("-", "'-"),
        ("@x", "'@x"),
        ("'=x", "''=x"),
        ("-5", "-5"),
        ("+3.2%", "+3.2%"),
        ("'abc", "'abc"),
        ("新增就业", "新增就业"),
        ("", ""),
    ],
)
def test_safe_text(text: str, stored: str) -> None:
    assert safe_text(text) == stored
    assert unescape(stored) == text


@given(st.text(max_size=20))
def test_safe_text_reverses_and_never_starts_a_formula(text: str) -> None:
    stored = safe_text(text)
    assert unescape(stored) == text
    assert not stored.startswith(("=", "@", "\t", "\r"))
    if stored.startswith(("+", "-")):
        assert stored == text  # only a plain signed number is left alone


def test_attacks_are_stored_as_text_and_read_back_unchanged(tmp_path) -> None:
    rows = [AssignmentRow(f"K{n}", str(n), attack, lead_unit=attack) for n, attack in enumerate(ATTACKS, 1)]
    path = tmp_path / "分解表.xlsx"
    write_assignment_sheet(rows, path, title="=1+1")
    with zipfile.ZipFile(path) as archive:
        assert b"<f>" not in archive.read("xl/worksheets/sheet1.xml")
    sheet = openpyxl.load_workbook(path).active
    assert sheet["A1"].value == "'=1+1"
    contents = [sheet.cell(row=row, column=2) for row in range(3, 3 + len(ATTACKS))]
    assert all(cell.data_type == "s" and cell.value.startswith("'") for cell in contents)
    back = read_assignment_sheet(path, plan_year=2023)
    assert [row.content for row in back] == ATTACKS
    assert [row.lead_unit for row in back] == ATTACKS


def test_progress_template_neutralises_every_text_cell() -> None:
    row = ProgressTemplateRow("T1", "1", "=SUM(1)", "@x", "-1+1", note="+cmd")
    data = written(write_progress_template, [row], unit="=单位", period="2023-06", title="@标题")
    book = openpyxl.load_workbook(io.BytesIO(data))
    for sheet in book.worksheets:
        for line in sheet.iter_rows():
            for cell in line:
                assert cell.data_type != "f", cell.coordinate
                if isinstance(cell.value, str):
                    assert not cell.value.startswith(("=", "+", "-", "@")), cell.coordinate


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, ""),
        ("  a b  ", "a b"),
        (3, "3"),
        (3.0, "3"),
        (0.1 + 0.2, "0.3"),
        (1e20, "100000000000000000000"),
    ],
)
def test_cell_text(value: object, text: str) -> None:
    assert cell_text(value) == text


def test_float_decimal_is_excel_precision() -> None:
    assert str(float_decimal(0.1)) == "0.1"
    assert str(float_decimal(123456789.123)) == "123456789.123"
    assert str(float_decimal(0.1 + 0.2)) == "0.3"


def test_squash_folds_full_width_and_spaces() -> None:
    assert squash(" Ｔ１２\n") == "T12"
