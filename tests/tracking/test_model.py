"""Tracked targets, periods and statuses as data: validation, period parsing, dict output, adapters."""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal

import pytest

from luoshi.errors import TrackingError
from luoshi.extraction.model import Target
from luoshi.tracking import (
    Observation,
    TrackedTarget,
    parse_period,
    profile_from_cumulative,
    reporting_periods,
    status_of,
    tracked_target,
)


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"kind": "stock"}, "未知类型"),
        ({"comparator": "≥"}, "未知比较符"),
        ({"direction": "up"}, "未知方向"),
        ({"year": None}, "计划年度"),
        ({"comparator": "range"}, "value_max"),
        ({"value": 5}, "Decimal"),
        ({"end": date(2023, 1, 1)}, "早于开始"),
        ({"profile": (1.0,) * 11}, "12个"),
        ({"frequency": "weekly"}, "报送频次"),
        ({"skip_months": (0,)}, "skip_months"),
        ({"observed": "levels"}, "observed"),
    ],
)
def test_a_bad_target_is_refused_with_its_id(changes: dict, words: str) -> None:
    fields = dict(id="T9", kind="flow", comparator=">=", value=Decimal(1), year=2024)
    fields.update(changes)
    with pytest.raises(TrackingError) as caught:
        TrackedTarget(**fields)
    assert "T9" in str(caught.value) and words in str(caught.value)


def test_periods_default_to_the_plan_year() -> None:
    target = TrackedTarget("t", kind="flow", comparator=">=", value=Decimal(1), year=2024)
    assert (target.start, target.end) == (date(2024, 1, 1), date(2024, 12, 31))


@pytest.mark.parametrize(
    ("text", "first", "last", "label"),
    [
        ("2024-06", date(2024, 6, 1), date(2024, 6, 30), "2024-06"),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29), "2024-02"),
        ("2024-6", date(2024, 6, 1), date(2024, 6, 30), "2024-06"),
        ("2024-Q2", date(2024, 4, 1), date(2024, 6, 30), "2024-Q2"),
        ("2024-H2", date(2024, 7, 1), date(2024, 12, 31), "2024-H2"),
        ("2024", date(2024, 1, 1), date(2024, 12, 31), "2024"),
        ("2024-06-15", date(2024, 6, 15), date(2024, 6, 15), "2024-06-15"),
    ],
)
def test_period_labels(text: str, first: date, last: date, label: str) -> None:
    assert parse_period(text) == (first, last, label)


@pytest.mark.parametrize("text", ["2024-13", "June", "2024-Q5", "2024-02-30", ""])
def test_bad_periods(text: str) -> None:
    with pytest.raises(TrackingError):
        parse_period(text)


def test_dates_are_periods_of_one_day() -> None:
    assert parse_period(date(2024, 6, 15)) == (date(2024, 6, 15), date(2024, 6, 15), "2024-06-15")
    assert parse_period(datetime(2024, 6, 15, 8)) == (date(2024, 6, 15), date(2024, 6, 15), "2024-06-15")


def test_reporting_periods_and_deadlines() -> None:
    months = reporting_periods(date(2024, 1, 1), date(2024, 12, 31), "month", 25, 1, (1,))
    assert [p.label for p in months][:2] == ["2024-02", "2024-03"]
    assert months[-1].deadline == date(2025, 1, 25)
    clipped = reporting_periods(date(2024, 1, 1), date(2024, 9, 15), "quarter", 31, 1)
    assert [(p.label, p.end, p.deadline) for p in clipped][-1] == (
        "2024-Q3",
        date(2024, 9, 15),
        date(2024, 10, 31),
    )
    february = reporting_periods(date(2024, 1, 1), date(2024, 1, 31), "month", 31, 1)
    assert february[0].deadline == date(2024, 2, 29)


def test_a_status_as_a_dict_is_json_ready() -> None:
    target = TrackedTarget("t", kind="flow", comparator=">=", value=Decimal(10), unit="个", year=2024)
    status = status_of(
        target, [Observation("t", "2024-06", Decimal(5), datetime(2024, 7, 1))], date(2024, 7, 2)
    )
    row = json.loads(json.dumps(status.to_dict(), ensure_ascii=False))
    assert row["grade"] == "符合序时" and row["grade_en"] == "on track" and row["actual"] == "5"
    assert row["reason_zh"].startswith("截至2024-06为5个")


def _target(
    indicator: str, comparator: str, value: str, unit: str, kind: str, year: int | None = None
) -> Target:
    return Target(
        "r", 0, 1, indicator, "", indicator, comparator, Decimal(value), None, unit, "binding", year, kind
    )


def test_a_tracked_target_from_an_extracted_one() -> None:
    gdp = tracked_target(_target("全市地区生产总值增长", "≈", "6.5", "%", "growth"), id="g", plan_year=2024)
    assert (gdp.kind, gdp.direction, gdp.indicator, gdp.frequency) == (
        "rate",
        "higher",
        "gdp_growth",
        "quarter",
    )
    pm = tracked_target(_target("PM2.5平均浓度", "<", "28", "μg/m³", "amount"), id="p", plan_year=2024)
    assert (pm.kind, pm.direction, pm.aggregation, pm.indicator) == ("level", "lower", "mean", "pm25")
    retail = tracked_target(
        _target("社会消费品零售总额增长", ">=", "6.5", "%", "growth"), id="r", plan_year=2024
    )
    assert retail.skip_months == (1,)


def test_an_unlinked_target_gets_an_inferred_kind_and_a_multi_year_end() -> None:
    made = tracked_target(
        _target("建设“宁静小区”", "=", "50", "个", "count", year=2026), id="q", plan_year=2024, link=True
    )
    assert (made.kind, made.indicator, made.end) == ("flow", "", date(2026, 12, 31))
    doubled = tracked_target(_target("产业规模", "=", "2", "倍", "growth", year=2025), id="d", plan_year=2024)
    assert (doubled.kind, doubled.observed) == ("rate", "level")
    with pytest.raises(TrackingError, match="早于计划年度"):
        tracked_target(_target("产业规模", "=", "2", "倍", "growth", year=2023), id="d", plan_year=2024)


def test_profile_from_year_to_date_totals() -> None:
    totals = [10, 25, 45, 60, 80, 100, 115, 130, 150, 170, 185, 200]
    assert profile_from_cumulative(totals) == (10, 15, 20, 15, 20, 20, 15, 15, 20, 20, 15, 15)
    with pytest.raises(TrackingError, match="下降"):
        profile_from_cumulative([10, 5] + [20] * 10)
    with pytest.raises(TrackingError):
        profile_from_cumulative([1, 2, 3])
