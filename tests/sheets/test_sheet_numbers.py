"""Numbers as offices type them read to exact Decimals; anything else is refused."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from luoshi.sheets import parse_decimal


@pytest.mark.parametrize(
    ("value", "unit", "number"),
    [
        (12, "", "12"),
        (0.1, "", "0.1"),
        (Decimal("1.32"), "", "1.32"),
        ("1,234.5", "", "1234.5"),
        ("1，234．5", "", "1234.5"),
        ("１２３４．５", "", "1234.5"),
        (" 56 ", "", "56"),
        ("1.2万", "人", "12000"),
        ("3亿", "元", "300000000"),
        ("1.2万", "万人", "1.2"),
        ("14万人", "万人", "14"),
        ("1.2万人", "人", "12000"),
        ("5.5%", "%", "5.5"),
        ("5.5％", "%", "5.5"),
        ("-2.5", "%", "-2.5"),
        ("−2.5", "%", "-2.5"),
        ("1e3", "", "1000"),
        ("'12", "", "12"),
    ],
)
def test_numbers(value: object, unit: str, number: str) -> None:
    assert parse_decimal(value, unit=unit) == Decimal(number)


@pytest.mark.parametrize(
    "value",
    [
        "",
        "约14万",
        "已完成",
        "14-15",
        "1,23",
        "1.2.3",
        "nan",
        "Infinity",
        "万",
        "%",
        True,
        None,
        date(2023, 1, 1),
    ],
)
def test_not_numbers(value: object) -> None:
    with pytest.raises(ValueError):
        parse_decimal(value)


def test_float_cells_are_exact_decimals() -> None:
    assert str(parse_decimal(0.1 + 0.2)) == "0.3"
    assert str(parse_decimal(1234.5678)) == "1234.5678"


@given(st.decimals(allow_nan=False, allow_infinity=False, places=4, min_value=-(10**10), max_value=10**10))
def test_text_of_a_decimal_reads_back_exactly(number: Decimal) -> None:
    assert parse_decimal(format(number, "f")) == number
    assert parse_decimal(f"{number:,f}") == number
