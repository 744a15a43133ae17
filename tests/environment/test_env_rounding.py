"""GB/T 8170 rounding: the Decimal path and the vectorized path agree, where float rounding fails."""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from luoshi.environment.rounding import MISSING, ceil_div, div_round, percent, round_decimal, scale_round


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        (0.45, 1, "0.4"),  # float round(0.45, 1) gives 0.5
        (2.675, 2, "2.68"),  # float round(2.675, 2) gives 2.67
        (0.35, 1, "0.4"),  # 0.35 is 0.34999… in binary
        (1.15, 1, "1.2"),
        (1.25, 1, "1.2"),
        (2.5, 0, "2"),
        (3.5, 0, "4"),
        (35.5, 0, "36"),
        (34.5, 0, "34"),
        (-2.5, 0, "-2"),
        (2.51, 0, "3"),  # a 5 followed by non-zero digits rounds up
        ("1.050", 1, "1.0"),
        (Decimal("1.0500001"), 1, "1.1"),
    ],
)
def test_round_decimal_and_scale_round_agree(value, places, expected):
    assert round_decimal(value, places) == Decimal(expected)
    scaled = scale_round(np.array([float(value)]), places)[0]
    assert Decimal(int(scaled)).scaleb(-places) == Decimal(expected)


@pytest.mark.parametrize(("value", "places", "wrong"), [(0.45, 1, 0.5), (2.675, 2, 2.67), (0.35, 1, 0.3)])
def test_float_rounding_gets_these_wrong(value, places, wrong):
    """The cases that motivate Decimal: Python's float round disagrees with GB/T 8170."""
    assert round(value, places) == wrong
    assert float(round_decimal(value, places)) != wrong


def test_negative_places_convert_microgram_to_tenths_of_milligram():
    # CO in µg/m³ (Beijing files) to tenths of mg/m³: 350 µg → 0.35 mg → 0.4 (even) → 4
    assert scale_round(np.array([350.0, 250.0, 251.0, 1449.0, np.nan]), -2).tolist() == [4, 2, 3, 14, MISSING]


@given(
    st.integers(min_value=0, max_value=10**7),
    st.integers(min_value=0, max_value=4),
    st.sampled_from([0, 1, 2, -2]),
)
def test_vectorized_rounding_equals_decimal(digits, exponent, places):
    text = str(Decimal(digits).scaleb(-exponent))
    expected = Decimal(text).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN)
    got = scale_round(np.array([float(text)]), places)[0]
    assert Decimal(int(got)).scaleb(-places) == expected


@pytest.mark.parametrize(
    ("num", "den", "expected"),
    [
        (5, 2, 2),
        (7, 2, 4),
        (3, 2, 2),
        (1, 2, 0),
        (10, 4, 2),
        (14, 4, 4),
        (11, 4, 3),
        (9, 4, 2),
        (0, 3, 0),
        (5, 0, MISSING),
    ],
)
def test_div_round_is_half_even(num, den, expected):
    assert int(div_round(num, den)) == expected


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=1, max_value=10**4))
def test_div_round_equals_decimal(num, den):
    expected = (Decimal(num) / Decimal(den)).quantize(Decimal(1), rounding=ROUND_HALF_EVEN)
    assert int(div_round(num, den)) == int(expected)


@pytest.mark.parametrize(("num", "den", "expected"), [(1, 3, 1), (3, 3, 1), (0, 5, 0), (2050, 40, 52)])
def test_ceil_div(num, den, expected):
    assert int(ceil_div(num, den)) == expected


@pytest.mark.parametrize(
    ("count", "total", "expected"),
    [
        (290, 366, "79.2"),
        (2, 3, "66.7"),
        (1, 8, "12.5"),
        (1, 16, "6.2"),
        (3, 16, "18.8"),
        (5, 5, "100.0"),
        (1, 0, None),
    ],
)
def test_percent_one_decimal_half_even(count, total, expected):
    assert percent(count, total) == (None if expected is None else Decimal(expected))
