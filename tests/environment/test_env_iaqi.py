"""IAQI and AQI per HJ 633—2012 and HJ 633—2026: breakpoints, special rules, rounding, ties."""

from __future__ import annotations

import datetime as dt
import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from luoshi.environment.air import (
    AqiStandard,
    Indicator,
    aqi,
    aqi_standard_for,
    category_of,
    iaqi,
    iaqi_array,
)
from luoshi.environment.air.iaqi import combine, iaqi_scaled
from luoshi.environment.air.standards import IAQI_LEVELS, breakpoints
from luoshi.environment.rounding import MISSING

V12, V26 = AqiStandard.HJ633_2012, AqiStandard.HJ633_2026
Ind = Indicator


# The reference's test vectors (standards_env.md §1.8) and more, each checked by hand.
@pytest.mark.parametrize(
    ("indicator", "concentration", "standard", "expected"),
    [
        (Ind.PM25_24H, 36, V12, 52),  # 51.25 → 52 (ceiling)
        (Ind.PM25_24H, 35, V12, 50),
        (Ind.PM25_24H, 75, V12, 100),
        (Ind.PM25_24H, 76, V12, 102),  # 101.25 → 102
        (Ind.PM25_24H, 0, V12, 0),
        (Ind.PM25_24H, 1, V12, 2),  # 1.43 → 2
        (Ind.PM25_24H, 500, V12, 500),
        (Ind.PM25_24H, 60, V26, 100),
        (Ind.PM25_24H, 61, V26, 101),
        (Ind.PM25_24H, 75, V26, 114),
        (Ind.PM10_24H, 150, V12, 100),
        (Ind.PM10_24H, 151, V12, 101),
        (Ind.PM10_24H, 120, V26, 100),
        (Ind.PM10_24H, 121, V26, 101),
        (Ind.PM10_24H, 150, V26, 112),
        (Ind.PM10_24H, 600, V26, 500),
        (Ind.CO_24H, 2.5, V12, 63),
        (Ind.CO_24H, 4, V12, 100),
        (Ind.CO_24H, 4.1, V12, 101),
        (Ind.CO_24H, 60, V26, 500),
        (Ind.CO_1H, 10, V12, 100),
        (Ind.O3_8H, 160, V12, 100),
        (Ind.O3_8H, 161, V12, 101),
        (Ind.O3_8H, 800, V12, 300),
        (Ind.O3_8H, 800, V26, 300),
        (Ind.O3_1H, 200, V12, 100),
        (Ind.O3_1H, 201, V12, 101),
        (Ind.O3_1H, 1200, V26, 500),
        (Ind.SO2_24H, 150, V12, 100),  # aqi-hub's bug gives 50 here
        (Ind.SO2_24H, 475, V12, 150),  # and 97 here
        (Ind.SO2_24H, 151, V26, 101),
        (Ind.SO2_1H, 800, V12, 200),
        (Ind.SO2_1H, 800, V26, 200),
        (Ind.NO2_24H, 80, V26, 100),
        (Ind.NO2_24H, 81, V26, 101),
        (Ind.NO2_1H, 3840, V12, 500),
    ],
)
def test_iaqi_vectors(indicator, concentration, standard, expected):
    assert iaqi(indicator, concentration, standard) == expected
    assert int(iaqi_array(indicator, [concentration], standard)[0]) == expected


def _reference(indicator: Indicator, c: int, standard: AqiStandard) -> int:
    """The HJ 633 formula in exact fractions, straight from the text."""
    bp = breakpoints(indicator, standard)
    if c == 0:
        return 0
    for k in range(1, len(bp)):
        if c <= bp[k]:
            exact = Fraction(IAQI_LEVELS[k] - IAQI_LEVELS[k - 1], bp[k] - bp[k - 1]) * (c - bp[k - 1])
            return IAQI_LEVELS[k - 1] + math.ceil(exact)
    raise AssertionError("above the table")


@pytest.mark.parametrize("standard", [V12, V26])
@pytest.mark.parametrize("indicator", list(Indicator))
def test_every_concentration_up_to_the_top_matches_the_formula(indicator, standard):
    top = breakpoints(indicator, standard)[-1]
    values = np.arange(top + 1)
    got = iaqi_scaled(indicator, values, standard)
    expected = [_reference(indicator, int(c), standard) for c in values]
    assert got.tolist() == expected


@pytest.mark.parametrize("standard", [V12, V26])
@pytest.mark.parametrize("indicator", list(Indicator))
def test_each_breakpoint_on_both_sides(indicator, standard):
    """At a breakpoint the IAQI is the level; one unit above, the next segment, above the level."""
    bp = breakpoints(indicator, standard)
    scale = 10**indicator.pollutant.places
    for k in range(1, len(bp)):
        at = iaqi(indicator, bp[k] / scale, standard)
        below = iaqi(indicator, (bp[k] - 1) / scale, standard)
        assert at == IAQI_LEVELS[k]
        assert below <= IAQI_LEVELS[k]
        if k < len(bp) - 1:
            assert iaqi(indicator, (bp[k] + 1) / scale, standard) > IAQI_LEVELS[k]


class TestSpecialRules:
    def test_2012_so2_1h_above_800_takes_the_24h_iaqi(self):
        result = aqi({"SO2_24h": 100, "SO2_1h": 801}, V12)
        assert result.iaqi[Ind.SO2_1H] == result.iaqi[Ind.SO2_24H] == 75

    def test_2012_so2_1h_above_800_without_24h_value_has_no_iaqi(self):
        assert iaqi(Ind.SO2_1H, 801, V12) is None
        assert iaqi(Ind.SO2_1H, 801, V12, fallback=88) == 88

    def test_2026_so2_1h_above_800_is_200(self):
        assert iaqi(Ind.SO2_1H, 801, V26) == 200
        assert iaqi(Ind.SO2_1H, 5000, V26) == 200

    def test_2012_o3_8h_above_800_takes_the_1h_iaqi(self):
        result = aqi({"O3_1h": 900, "O3_8h": 801}, V12)
        assert result.iaqi[Ind.O3_8H] == result.iaqi[Ind.O3_1H] == 350
        assert iaqi(Ind.O3_8H, 801, V12) is None

    def test_2026_o3_8h_above_800_is_300(self):
        assert iaqi(Ind.O3_8H, 801, V26) == 300
        assert aqi({"O3_1h": 900, "O3_8h": 801}, V26).iaqi[Ind.O3_8H] == 300

    def test_above_the_top_breakpoint_is_500(self):
        assert iaqi(Ind.PM25_24H, 501, V12) == 500
        assert iaqi(Ind.PM10_24H, 9999, V26) == 500

    def test_vectorized_fallback(self):
        got = iaqi_scaled(Ind.O3_8H, np.array([801, 500, 801]), V12, fallback=np.array([350, 1, 420]))
        assert got.tolist() == [350, 244, 420]


class TestVersionSwitch:
    @pytest.mark.parametrize(
        ("day", "standard"),
        [
            (dt.date(2026, 2, 28), V12),
            (dt.date(2026, 3, 1), V26),
            (dt.date(2013, 1, 1), V12),
            (dt.date(2030, 1, 1), V26),
        ],
    )
    def test_standard_by_date(self, day, standard):
        assert aqi_standard_for(day) is standard

    def test_same_air_fewer_good_days_after_the_switch(self):
        assert iaqi(Ind.PM25_24H, 75, dt.date(2026, 2, 28)) == 100
        assert iaqi(Ind.PM25_24H, 75, dt.date(2026, 3, 1)) == 114
        assert aqi({"PM2.5_24h": 75}, day=dt.date(2026, 3, 1)).category.name == "轻度污染"

    def test_override(self):
        assert iaqi(Ind.PM25_24H, 75, "2026") == 114
        assert aqi({"PM2.5_24h": 75}, "HJ 633-2012", day=dt.date(2026, 5, 1)).aqi == 100

    def test_mixed_codes_per_element(self):
        got = iaqi_scaled(Ind.PM25_24H, np.array([75, 75]), np.array([0, 1]))
        assert got.tolist() == [100, 114]


class TestPreRounding:
    @pytest.mark.parametrize(
        ("indicator", "value", "expected"),
        [
            (Ind.PM25_24H, 35.5, 52),  # → 36
            (Ind.PM25_24H, 34.5, 49),  # → 34 → 48.57 → 49
            (Ind.CO_24H, 2.45, 60),  # → 2.4
            (Ind.CO_24H, 2.55, 65),  # → 2.6
            (Ind.CO_24H, 0.45, 10),  # → 0.4; float round gives 0.5 → 13
            (Ind.CO_24H, 0.35, 10),  # → 0.4
            (Ind.PM25_24H, 75.4, 100),  # → 75; python-aqi says 100 for other reasons, US rules say 101
            (Ind.PM25_24H, 75.5, 102),  # → 76
        ],
    )
    def test_concentration_rounded_half_even_before_the_formula(self, indicator, value, expected):
        assert iaqi(indicator, value, V12) == expected
        assert int(iaqi_array(indicator, [value], V12)[0]) == expected


class TestAqi:
    def test_primary_ties(self):
        result = aqi({"PM2.5_24h": 75, "PM10_24h": 150, "SO2_24h": 10}, V12)
        assert result.aqi == 100
        assert set(result.primary) == {Ind.PM25_24H, Ind.PM10_24H}

    def test_no_primary_at_50_or_below(self):
        result = aqi({"PM2.5_24h": 35, "PM10_24h": 50}, V12)
        assert result.aqi == 50 and result.primary == ()
        assert aqi({"PM2.5_24h": 36}, V12).primary == (Ind.PM25_24H,)

    def test_exceeding_pollutants_only_in_2012(self):
        assert aqi({"PM2.5_24h": 76, "PM10_24h": 151}, V12).exceeding == (Ind.PM25_24H, Ind.PM10_24H)
        assert aqi({"PM2.5_24h": 76, "PM10_24h": 151}, V26).exceeding == ()

    def test_missing_indicator_rule(self):
        assert aqi({"PM2.5_24h": 20, "PM10_24h": None}, V26).aqi is None
        assert aqi({"PM2.5_24h": 120, "PM10_24h": None}, V26).aqi == 158
        assert aqi({"PM2.5_24h": None}, V12).aqi is None

    def test_combine_counts_only_chosen_indicators(self):
        value, primary = combine([np.array([60, 60]), np.array([120, 120])], [True, np.array([True, False])])
        assert value.tolist() == [120, 60]
        assert primary.tolist() == [2, 1]


@pytest.mark.parametrize(
    ("value", "name"),
    [(0, "优"), (50, "优"), (51, "良"), (100, "良"), (101, "轻度污染"), (150, "轻度污染"), (151, "中度污染"),
     (200, "中度污染"), (201, "重度污染"), (300, "重度污染"), (301, "严重污染"), (500, "严重污染")],
)  # fmt: skip
def test_categories(value, name):
    assert category_of(value).name == name
    assert category_of(value).good == (value <= 100)


_INDICATORS = st.sampled_from(list(Indicator))
_STANDARDS = st.sampled_from([V12, V26])


@given(_INDICATORS, _STANDARDS, st.integers(0, 20000), st.integers(0, 20000))
def test_iaqi_never_falls_when_concentration_rises(indicator, standard, a, b):
    low, high = sorted((a, b))
    scale = 10**indicator.pollutant.places
    special = indicator in (Ind.SO2_1H, Ind.O3_8H) and standard is V12
    fallback = {"fallback": 500} if special else {}  # a fallback at least as high as the segment's top
    first = iaqi(indicator, low / scale, standard, **fallback)
    second = iaqi(indicator, high / scale, standard, **fallback)
    assert first <= second


@settings(max_examples=200)
@given(
    _STANDARDS,
    st.lists(st.integers(0, 3000), min_size=6, max_size=6),
    st.integers(0, 5),
    st.integers(1, 500),
)
def test_aqi_never_falls_when_a_concentration_rises(standard, values, which, rise):
    names = ["SO2_24h", "NO2_24h", "CO_24h", "O3_8h", "PM10_24h", "PM2.5_24h"]
    concentrations = {n: v / (10 if n == "CO_24h" else 1) for n, v in zip(names, values, strict=True)}
    concentrations["O3_1h"] = 1200  # the 2012 fallback for O3-8h above 800
    before = aqi(concentrations, standard).aqi
    concentrations[names[which]] += rise / (10 if names[which] == "CO_24h" else 1)
    assert aqi(concentrations, standard).aqi >= before


def test_missing_is_missing_in_arrays():
    assert iaqi_array(Ind.PM25_24H, [np.nan, -3, 10]).tolist() == [MISSING, MISSING, 15]
