"""Levels (水平值: PM2.5, 失业率) and growth rates (增速) against their bound or band: every class and edge."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from luoshi.tracking import Observation, Rules, TrackedTarget, status_of

MID_YEAR = date(2024, 7, 20)
YEAR_END = date(2025, 1, 20)


def obs(target: str, period: str, value: float | str) -> Observation:
    year, month = int(period[:4]), int(period[5:7]) if len(period) >= 7 else 12
    reported = datetime(year + (month == 12), month % 12 + 1, 10)
    return Observation(target, period, Decimal(str(value)), reported)


def months(target: str, values: list[float], year: int = 2024) -> list[Observation]:
    return [obs(target, f"{year}-{m:02d}", v) for m, v in enumerate(values, start=1)]


def pm25(comparator: str = "<", value: str = "28", **extra) -> TrackedTarget:
    return TrackedTarget(
        "pm25",
        kind="level",
        comparator=comparator,
        value=Decimal(value),
        unit="μg/m³",
        direction="lower",
        year=2024,
        **extra,
    )


@pytest.mark.parametrize(
    ("values", "grade", "rule"),
    [
        ([28] * 6, "滞后", "level.bound"),  # exactly at the bound of 低于28: not met, 0 % over
        ([27.99] * 6, "符合序时", "level.bound"),
        ([26.6] * 6, "超序时", "level.bound"),  # 5 % better than the bound
        ([26.61] * 6, "符合序时", "level.bound"),
        ([30.8] * 6, "滞后", "level.bound"),  # 10 % over: still yellow
        ([30.81] * 6, "严重滞后", "level.bound"),
        ([40, 34, 28, 22, 20, 18], "符合序时", "level.bound"),  # year-to-date mean 27
    ],
)
def test_pm25_year_to_date_mean_against_a_ceiling(values: list[float], grade: str, rule: str) -> None:
    status = status_of(pm25(), months("pm25", values), MID_YEAR)
    assert (status.grade, status.rule) == (grade, rule)
    assert status.actual == (sum(Decimal(str(v)) for v in values) / len(values)).quantize(Decimal("0.001"))


def test_exactly_at_an_inclusive_ceiling_is_met() -> None:
    assert status_of(pm25("<="), months("pm25", [28] * 6), MID_YEAR).grade == "符合序时"


def test_a_level_met_over_the_whole_year_is_completed() -> None:
    status = status_of(pm25(), months("pm25", [27] * 12), YEAR_END)
    assert (status.grade, status.rule) == ("已完成", "level.bound.done")
    assert "全年已达标" in status.reason_zh
    missed = status_of(pm25(), months("pm25", [29] * 12), YEAR_END)
    assert missed.grade == "滞后"


def test_gap_and_completion_of_a_level() -> None:
    status = status_of(pm25(), months("pm25", [30.8] * 6), MID_YEAR)
    assert status.gap == pytest.approx(-10.0)  # 10 % of the bound worse
    assert status.completion == pytest.approx(28 / 30.8)
    assert "差于界限10%" in status.reason_zh


def test_latest_aggregation() -> None:
    registered = TrackedTarget(
        "reg",
        kind="level",
        comparator="<=",
        value=Decimal("4.5"),
        unit="%",
        direction="lower",
        year=2024,
        aggregation="latest",
    )
    status = status_of(registered, months("reg", [5.2, 4.9, 4.4]), date(2024, 4, 20))
    assert (status.actual, status.grade) == (Decimal("4.4"), "符合序时")
    assert status.gap == pytest.approx(0.1)  # % level: the gap in points


@pytest.mark.parametrize(
    ("value", "grade"), [(90, "符合序时"), (94.5, "超序时"), (89, "滞后"), (81, "滞后"), (80.9, "严重滞后")]
)
def test_a_floor_on_a_level(value: float, grade: str) -> None:
    air = TrackedTarget(
        "air", kind="level", comparator=">=", value=Decimal(90), unit="%", year=2024, aggregation="latest"
    )
    assert status_of(air, months("air", [value] * 6), MID_YEAR).grade == grade


@pytest.mark.parametrize(
    ("value", "grade"),
    [
        (5.5, "符合序时"),
        (6.0, "符合序时"),
        (6.01, "滞后"),
        (6.6, "滞后"),
        (6.61, "严重滞后"),
        (4.76, "符合序时"),
        (4.75, "超序时"),
    ],
)
def test_a_band_on_a_lower_is_better_level(value: float, grade: str) -> None:
    """城镇调查失业率5.5%左右: ±0.5 point; below the band is better, 5 % below its edge is 超序时."""
    unemployment = TrackedTarget(
        "u",
        kind="level",
        comparator="≈",
        value=Decimal("5.5"),
        unit="%",
        direction="lower",
        year=2024,
        aggregation="latest",
    )
    assert status_of(unemployment, months("u", [value]), date(2024, 2, 20)).grade == grade


@pytest.mark.parametrize(
    ("value", "grade"), [(900, "符合序时"), (1100, "符合序时"), (899, "滞后"), (1200, "超序时")]
)
def test_a_band_outside_percentages_is_ten_percent(value: float, grade: str) -> None:
    level = TrackedTarget(
        "v", kind="level", comparator="≈", value=Decimal(1000), unit="吨", year=2024, aggregation="latest"
    )
    assert status_of(level, months("v", [value]), date(2024, 2, 20)).grade == grade


@pytest.mark.parametrize(
    ("value", "final", "grade"),
    [(0, False, "符合序时"), (0, True, "已完成"), (2, False, "滞后"), (2, True, "严重滞后")],
)
def test_a_zero_target(value: int, final: bool, grade: str) -> None:
    zero = TrackedTarget(
        "z",
        kind="level",
        comparator="=",
        value=Decimal(0),
        unit="户",
        direction="lower",
        year=2024,
        aggregation="latest",
    )
    observations = months("z", [value] * (12 if final else 6))
    assert status_of(zero, observations, YEAR_END if final else MID_YEAR).grade == grade


def test_a_seasonal_bound_for_a_mean_level() -> None:
    profile = (50, 45, 35, 28, 22, 18, 15, 16, 20, 28, 38, 47)  # last year's monthly PM2.5: winter-heavy
    seasonal = pm25(profile=profile)
    winter = months("pm25", [45, 42])
    assert status_of(pm25(), winter, date(2024, 3, 20)).grade == "严重滞后"
    status = status_of(seasonal, winter, date(2024, 3, 20))
    assert status.grade == "符合序时"
    assert status.rule == "level.seasonal.bound"
    assert float(status.target) == pytest.approx(28 * 47.5 / (362 / 12), abs=1e-3)


def gdp(comparator: str = "≈", value: str = "6.5", **extra) -> TrackedTarget:
    return TrackedTarget(
        "gdp",
        kind="rate",
        comparator=comparator,
        value=Decimal(value),
        unit="%",
        year=2024,
        frequency="quarter",
        **extra,
    )


def quarter(value: float, q: int = 2) -> list[Observation]:
    return [
        Observation("gdp", f"2024-Q{q}", Decimal(str(value)), datetime(2024 + (q == 4), q * 3 % 12 + 1, 15))
    ]


@pytest.mark.parametrize(
    ("comparator", "value", "grade", "rule"),
    [
        ("≈", 6.5, "符合序时", "rate.band"),
        ("≈", 6.0, "符合序时", "rate.band"),  # the band's lower edge (±0.5 point)
        ("≈", 5.99, "滞后", "rate.band"),
        ("≈", 5.0, "滞后", "rate.band"),  # 1 point below the edge: still yellow
        ("≈", 4.99, "严重滞后", "rate.band"),
        ("≈", 7.0, "符合序时", "rate.band"),
        ("≈", 7.01, "超序时", "rate.band"),
        (">=", 6.5, "符合序时", "rate.bound"),
        (">=", 6.51, "超序时", "rate.bound"),
        (">=", 5.5, "滞后", "rate.bound"),
        (">=", 5.49, "严重滞后", "rate.bound"),
        (">", 6.5, "滞后", "rate.bound"),  # 超过6.5%: reaching it is not passing it
    ],
)
def test_year_to_date_growth_against_the_target(comparator: str, value: float, grade: str, rule: str) -> None:
    status = status_of(gdp(comparator), quarter(value), date(2024, 7, 26))
    assert (status.grade, status.rule) == (grade, rule)
    assert status.actual == Decimal(str(value))
    assert status.projection == pytest.approx(value)


def test_the_gap_of_a_rate_is_in_points_from_what_must_be_met() -> None:
    status = status_of(gdp(">="), quarter(5.9), date(2024, 7, 26))
    assert status.gap == pytest.approx(-0.6)
    assert "差于界限0.6个百分点" in status.reason_zh


def test_a_rate_met_in_the_final_figure_is_completed() -> None:
    status = status_of(gdp(), quarter(6.3, q=4), date(2025, 2, 1))
    assert (status.grade, status.rule) == ("已完成", "rate.band.done")


@pytest.mark.parametrize(
    ("value", "grade"),
    [(3.5, "符合序时"), (3.6, "滞后"), (2.5, "符合序时"), (2.49, "超序时"), (5, "严重滞后")],
)
def test_a_price_rise_around_a_value_is_lower_is_better(value: float, grade: str) -> None:
    cpi = TrackedTarget(
        "gdp", kind="rate", comparator="≈", value=Decimal(3), unit="%", direction="lower", year=2024
    )
    assert status_of(cpi, quarter(value), date(2024, 7, 26)).grade == grade


@pytest.mark.parametrize(
    ("value", "grade"), [(5.0, "符合序时"), (6.0, "符合序时"), (6.1, "超序时"), (4.5, "滞后")]
)
def test_a_range_of_growth(value: float, grade: str) -> None:
    target = gdp("range", "5", value_max=Decimal(6))
    assert status_of(target, quarter(value), date(2024, 7, 26)).grade == grade


def test_a_decline_rate_is_observed_as_a_decline() -> None:
    energy = TrackedTarget(
        "gdp", kind="rate", comparator="=", value=Decimal("3.6"), unit="%", year=2024, sense="decline"
    )
    assert status_of(energy, quarter(3.6), date(2024, 7, 26)).grade == "符合序时"
    assert status_of(energy, quarter(2.0), date(2024, 7, 26)).grade == "严重滞后"


def test_a_multi_year_growth_target_is_never_compounded() -> None:
    """年均增长6%到2025年: this year's year-to-date growth is compared with 6, not with (1.06)^n − 1."""
    yearly = gdp(">=", "6", end=date(2025, 12, 31))
    assert status_of(yearly, quarter(6.0), date(2024, 7, 26)).grade == "符合序时"


def revenue(**extra) -> TrackedTarget:
    defaults = dict(
        kind="rate",
        comparator=">=",
        value=Decimal(8),
        unit="%",
        year=2024,
        observed="level",
        baseline=Decimal(100),
    )
    defaults.update(extra)
    return TrackedTarget("rev", **defaults)


@pytest.mark.parametrize(
    ("june_total", "grade"),
    [(54, "符合序时"), (60, "超序时"), (43.2, "滞后"), (21.5, "严重滞后"), (108, "已完成")],
)
def test_growth_observed_as_year_to_date_totals_against_the_baseline(june_total: float, grade: str) -> None:
    """一般公共预算收入增长8%, reported as 累计 amounts: the year's target is 100 × 1.08 = 108."""
    status = status_of(
        revenue(), [Observation("rev", "2024-06", Decimal(str(june_total)), datetime(2024, 7, 5))], MID_YEAR
    )
    assert status.grade == grade
    assert status.target == Decimal(108)
    assert status.rule.startswith("rate.level")


def test_growth_of_a_stock_moves_from_the_baseline() -> None:
    """贷款余额增长10%: the balance should move from 1000 toward 1100 with 序时."""
    loans = revenue(value=Decimal(10), baseline=Decimal(1000), cumulative=False)
    status = status_of(loans, [Observation("rev", "2024-06", Decimal(1050), datetime(2024, 7, 5))], MID_YEAR)
    assert (status.grade, status.completion, status.target) == ("符合序时", pytest.approx(0.5), Decimal(1100))


@pytest.mark.parametrize(
    ("unit", "sense", "expected"),
    [
        ("个百分点", "growth", 42),
        ("个百分点", "decline", 38),
        ("倍", "growth", 80),
        ("%", "decline", Decimal("36.8")),
    ],
)
def test_the_level_a_growth_target_implies(unit: str, sense: str, expected: Decimal) -> None:
    target = revenue(
        value=Decimal(2 if unit != "%" else 8), baseline=Decimal(40), unit=unit, sense=sense, cumulative=False
    )
    status = status_of(target, [Observation("rev", "2024-06", Decimal(40), datetime(2024, 7, 5))], MID_YEAR)
    assert status.target == Decimal(expected)


def test_growth_observed_as_levels_needs_a_baseline() -> None:
    status = status_of(
        revenue(baseline=None), [Observation("rev", "2024-06", Decimal(50), datetime(2024, 7, 5))], MID_YEAR
    )
    assert (status.grade, status.light, status.rule) == ("无法评价", "none", "no_baseline")
    assert "缺少上年基数" in status.reason_zh


def test_rate_thresholds_are_configurable() -> None:
    lenient = Rules(rate_warn=2.0, band_points=1.0)
    assert status_of(gdp(), quarter(4.0), date(2024, 7, 26), lenient).grade == "滞后"
    assert status_of(gdp(), quarter(5.5), date(2024, 7, 26), lenient).grade == "符合序时"
