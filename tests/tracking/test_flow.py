"""Flows (累计量) against 序时进度: every class, the 银川 boundaries, profiles, bases, corrections, reporting."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import pytest

from luoshi.tracking import DEFAULT_RULES, Observation, Rules, TrackedTarget, status_of

JOBS = TrackedTarget("jobs", kind="flow", comparator=">=", value=Decimal(140000), unit="人", year=2024)
AFTER_JUNE = date(2024, 7, 20)  # June reported; July not yet due (25 August)


def obs(
    period: str, value: float | str, reported: datetime | None = None, target: str = "jobs", **extra
) -> Observation:
    if reported is None:
        first = date.fromisoformat(period + "-01") if len(period) == 7 else date.fromisoformat(period)
        reported = datetime(first.year, first.month, 1) + timedelta(days=40)
    return Observation(target, period, Decimal(str(value)), reported, **extra)


@pytest.mark.parametrize(
    ("value", "grade", "light"),
    [
        (70000, "符合序时", "green"),  # exactly on 序时: 50 % at the end of June
        (70001, "超序时", "green"),
        (56001, "符合序时", "green"),  # 9.999 points behind: within the tolerance
        (56000, "滞后", "yellow"),  # exactly 10 points behind: 银川 yellow (含10)
        (28000, "滞后", "yellow"),  # exactly 30 points behind: still yellow (含30)
        (27999, "严重滞后", "red"),
        (0, "严重滞后", "red"),
        (140000, "已完成", "green"),
        (150000, "已完成", "green"),
    ],
)
def test_flow_grades_against_xushi(value: int, grade: str, light: str) -> None:
    status = status_of(JOBS, [obs("2024-06", value)], AFTER_JUNE)
    assert (status.grade, status.light) == (grade, light)
    assert status.expected == 0.5
    assert status.completion == pytest.approx(value / 140000)
    assert status.gap == pytest.approx((value / 140000 - 0.5) * 100)
    assert status.actual == Decimal(value)
    assert status.period == "2024-06"


def test_projection_is_linear_in_xushi() -> None:
    status = status_of(JOBS, [obs("2024-06", 63000)], AFTER_JUNE)
    assert status.projection == pytest.approx(126000)
    assert "落后5.0个百分点" in status.reason_zh
    assert "5.0 points behind" in status.reason_en


@pytest.mark.parametrize(
    ("comparator", "value", "grade"),
    [
        (">", 140000, "超序时"),  # 超过14万: reaching it is not passing it
        (">", 140001, "已完成"),
        ("≈", 126000, "已完成"),  # 14万左右: within 10 %
        ("≈", 125999, "超序时"),
        ("range", 140000, "已完成"),
        ("=", 140000, "已完成"),
    ],
)
def test_what_counts_as_reaching_a_flow(comparator: str, value: int, grade: str) -> None:
    target = TrackedTarget(
        "jobs",
        kind="flow",
        comparator=comparator,
        value=Decimal(140000),
        value_max=Decimal(150000) if comparator == "range" else None,
        unit="人",
        year=2024,
    )
    assert status_of(target, [obs("2024-06", value)], AFTER_JUNE).grade == grade


CEILING = TrackedTarget(
    "energy", kind="flow", comparator="<=", value=Decimal(1000), unit="吨标准煤", direction="lower", year=2024
)


@pytest.mark.parametrize(
    ("period", "value", "grade", "rule"),
    [
        ("2024-06", 400, "超序时", "flow"),  # used 40 % of the allowance at 50 % of the year
        ("2024-06", 500, "符合序时", "flow"),
        ("2024-06", 600, "滞后", "flow"),  # 10 points over the pace
        ("2024-06", 801, "严重滞后", "flow"),
        ("2024-06", 1000, "严重滞后", "flow"),  # the whole year's allowance used by June: 50 points over pace
        ("2024-06", 1001, "严重滞后", "flow.breached"),
        ("2024-12", 1000, "已完成", "flow.done"),  # the year is over within the ceiling (≤)
        ("2024-12", 999, "已完成", "flow.done"),
    ],
)
def test_a_ceiling_on_a_flow_is_graded_on_the_allowance_used(
    period: str, value: int, grade: str, rule: str
) -> None:
    as_of = AFTER_JUNE if period == "2024-06" else date(2025, 1, 20)
    status = status_of(CEILING, [obs(period, value, target="energy")], as_of)
    assert (status.grade, status.rule) == (grade, rule)


def test_a_strict_ceiling_is_breached_at_the_ceiling() -> None:
    strict = TrackedTarget(
        "energy", kind="flow", comparator="<", value=Decimal(1000), direction="lower", year=2024
    )
    status = status_of(strict, [obs("2024-12", 1000, target="energy")], date(2025, 1, 20))
    assert (status.grade, status.rule) == ("严重滞后", "flow.breached")


def test_a_monthly_profile_shapes_xushi() -> None:
    seasonal = TrackedTarget(
        "revenue",
        kind="flow",
        comparator=">=",
        value=Decimal(1200),
        unit="元",
        year=2024,
        profile=(1.0,) * 6 + (3.0,) * 6,
    )
    flat = status_of(JOBS, [obs("2024-06", 0.3 * 140000)], AFTER_JUNE)
    shaped = status_of(seasonal, [obs("2024-06", 360, target="revenue")], AFTER_JUNE)
    assert flat.grade == "滞后"
    assert shaped.expected == pytest.approx(0.25)
    assert shaped.grade == "超序时"
    assert shaped.projection == pytest.approx(1440)


def test_the_end_of_february_in_a_leap_year() -> None:
    target = TrackedTarget("t", kind="flow", comparator=">=", value=Decimal(1200), year=2024)
    on_pace = status_of(target, [obs("2024-02", 200, target="t")], date(2024, 3, 20))
    assert on_pace.expected == pytest.approx(2 / 12)
    assert on_pace.grade == "符合序时"
    by_days = status_of(target, [obs("2024-02", 200, target="t")], date(2024, 3, 20), Rules(basis="days"))
    assert by_days.expected == pytest.approx(60 / 366)
    assert by_days.grade == "超序时"
    common_year = TrackedTarget("t", kind="flow", comparator=">=", value=Decimal(1200), year=2023)
    assert status_of(
        common_year, [obs("2023-02", 200, target="t")], date(2023, 3, 20), Rules(basis="days")
    ).expected == (pytest.approx(59 / 365))


def test_the_days_basis_at_the_end_of_june() -> None:
    status = status_of(JOBS, [obs("2024-06", 70000)], AFTER_JUNE, Rules(basis="days"))
    assert status.expected == pytest.approx(182 / 366)
    assert status.grade == "超序时"


def test_the_last_day_of_a_period_and_its_deadline() -> None:
    may = obs("2024-05", 60000)
    on_deadline = status_of(JOBS, [may], date(2024, 7, 25))  # June's report is due today: not late yet
    assert on_deadline.grade != "未报送"
    assert on_deadline.period == "2024-05"
    day_after = status_of(JOBS, [may], date(2024, 7, 26))
    assert (day_after.grade, day_after.light) == ("未报送", "red")
    assert (day_after.missing_period, day_after.deadline) == ("2024-06", date(2024, 7, 25))
    assert "2024-06期应于2024-07-25前报送" in day_after.reason_zh


def test_a_report_counts_from_the_day_it_is_made() -> None:
    late_night = obs("2024-06", 70000, reported=datetime(2024, 7, 25, 23, 59))
    assert status_of(JOBS, [late_night], date(2024, 7, 25)).grade == "符合序时"
    before = status_of(JOBS, [obs("2024-05", 60000), late_night], date(2024, 7, 24))
    assert before.period == "2024-05"


def test_no_observations() -> None:
    early = status_of(JOBS, [], date(2024, 2, 10))
    assert (early.grade, early.light, early.rule) == ("无法评价", "none", "nothing_due")
    assert early.deadline == date(2024, 2, 25)
    late = status_of(JOBS, [], date(2024, 2, 26))
    assert (late.grade, late.missing_period) == ("未报送", "2024-01")
    assert late.actual is None and late.completion is None


def test_before_the_plan_starts() -> None:
    later = TrackedTarget("t", kind="flow", comparator=">=", value=Decimal(10), year=2025)
    status = status_of(later, [], date(2024, 12, 1))
    assert (status.grade, status.rule, status.light) == ("无法评价", "not_started", "none")


def test_a_correction_supersedes_the_value_it_corrects() -> None:
    first = obs("2024-06", 50000, reported=datetime(2024, 7, 10), id="a1")
    fixed = obs("2024-06", 75000, reported=datetime(2024, 7, 15), id="b1", supersedes="a1")
    both = [fixed, first]
    assert status_of(JOBS, both, date(2024, 7, 20)).actual == Decimal(75000)
    assert status_of(JOBS, both, date(2024, 7, 12)).actual == Decimal(50000)  # before the correction was made
    assert status_of(JOBS, both, date(2024, 7, 20)).grade == "超序时"


def test_an_explicit_correction_wins_even_when_its_clock_is_earlier() -> None:
    original = obs("2024-06", 50000, reported=datetime(2024, 7, 15), id="a1")
    correction = obs("2024-06", 75000, reported=datetime(2024, 7, 14), id="b1", supersedes="a1")
    assert status_of(JOBS, [original, correction], date(2024, 7, 20)).actual == Decimal(75000)


def test_without_ids_the_latest_report_for_a_period_wins() -> None:
    again = [
        obs("2024-06", 50000, reported=datetime(2024, 7, 10)),
        obs("2024-06", 72000, reported=datetime(2024, 7, 11)),
    ]
    assert status_of(JOBS, again, AFTER_JUNE).actual == Decimal(72000)
    assert status_of(JOBS, list(reversed(again)), AFTER_JUNE).actual == Decimal(72000)


def test_timezone_aware_report_times() -> None:
    beijing = timezone(timedelta(hours=8))
    aware = obs("2024-06", 70000, reported=datetime(2024, 7, 20, 23, 0, tzinfo=beijing))
    assert status_of(JOBS, [aware, obs("2024-05", 1)], date(2024, 7, 20)).period == "2024-06"
    assert status_of(JOBS, [aware, obs("2024-05", 1)], date(2024, 7, 19)).period == "2024-05"


def test_a_completed_flow_is_not_chased_for_reports() -> None:
    status = status_of(JOBS, [obs("2024-05", 140000)], date(2024, 9, 1))
    assert status.grade == "已完成"


def test_a_lagging_flow_with_a_missing_report_is_unreported_with_its_figures() -> None:
    status = status_of(JOBS, [obs("2024-05", 30000)], date(2024, 9, 1))
    assert (status.grade, status.missing_period) == ("未报送", "2024-07")
    assert status.completion == pytest.approx(30000 / 140000)
    assert "最近一次为2024-05" in status.reason_zh


def test_period_amounts_instead_of_totals() -> None:
    monthly = TrackedTarget(
        "t", kind="flow", comparator=">=", value=Decimal(120), year=2024, cumulative=False
    )
    values = [obs(f"2024-{m:02d}", 10, target="t") for m in range(1, 7)]
    status = status_of(monthly, values, AFTER_JUNE)
    assert status.actual == Decimal(60)
    assert status.grade == "符合序时"


def test_observations_outside_the_plan_period_are_ignored() -> None:
    status = status_of(JOBS, [obs("2023-12", 140000), obs("2025-01", 140000)], date(2024, 1, 20))
    assert status.grade == "无法评价"


@pytest.mark.parametrize(
    ("ratio", "grade"),
    [
        (1.05, "超序时"),
        (1.0, "符合序时"),
        (0.95, "符合序时"),
        (0.9499, "滞后"),
        (0.85, "滞后"),
        (0.8499, "严重滞后"),
    ],
)
def test_cascade_health_bands_in_ratio_mode(ratio: float, grade: str) -> None:
    rules = Rules(mode="ratio")
    assert status_of(JOBS, [obs("2024-06", 70000 * ratio)], AFTER_JUNE, rules).grade == grade


@pytest.mark.parametrize(("value", "grade"), [(70000, "符合序时"), (69999, "滞后"), (55999, "滞后")])
def test_a_strict_plan_makes_any_lag_yellow(value: int, grade: str) -> None:
    strict = Rules(on_track_lag=0)
    assert status_of(JOBS, [obs("2024-06", value)], AFTER_JUNE, strict).grade == grade


def test_a_multi_year_flow_counts_xushi_over_all_its_years() -> None:
    three_years = TrackedTarget(
        "t",
        kind="flow",
        comparator=">=",
        value=Decimal(300),
        year=2023,
        end=date(2025, 12, 31),
        frequency="year",
    )
    status = status_of(
        three_years, [obs("2023", 100, reported=datetime(2024, 1, 10), target="t")], date(2024, 2, 1)
    )
    assert status.expected == pytest.approx(1 / 3)
    assert status.grade == "符合序时"


def test_the_default_rules_are_the_documented_ones() -> None:
    assert (DEFAULT_RULES.on_track_lag, DEFAULT_RULES.severe_lag) == (10.0, 30.0)
    assert (DEFAULT_RULES.deadline_day, DEFAULT_RULES.deadline_months) == (25, 1)
