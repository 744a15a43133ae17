"""Each unit's on-time reporting rate (按时报送率)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from luoshi.tracking import Observation, TrackedTarget, reporting_rates, status_of


def flow(target_id: str, **extra) -> TrackedTarget:
    return TrackedTarget(target_id, kind="flow", comparator=">=", value=Decimal(100), year=2024, **extra)


def report(target: str, period: str, when: datetime, value: int = 10, **extra) -> Observation:
    return Observation(target, period, Decimal(value), when, **extra)


TARGETS = [flow("jobs"), flow("training"), flow("air", frequency="quarter"), flow("unassigned")]
ASSIGNMENTS = {"jobs": "人社局", "training": ["人社局", "教育局"], "air": "生态环境局"}
AS_OF = date(2024, 4, 30)  # January, February and March are due (the March report by 25 April)

OBSERVATIONS = [
    report("jobs", "2024-01", datetime(2024, 2, 20)),  # on time
    report("jobs", "2024-02", datetime(2024, 3, 25, 23, 59)),  # on the deadline day: on time
    report("jobs", "2024-03", datetime(2024, 4, 26, 9, 0)),  # a day late
    report("training", "2024-01", datetime(2024, 2, 10), id="t1"),
    report(
        "training", "2024-01", datetime(2024, 3, 30), id="t2", supersedes="t1"
    ),  # a correction: still on time
    report("air", "2024-Q1", datetime(2024, 4, 25)),
    report("jobs", "2024-04", datetime(2024, 4, 29)),  # early, not yet due: not counted
    report("jobs", "2024-03", datetime(2024, 5, 2)),  # after the as-of date: not yet known
]


def test_on_time_late_and_missing_per_unit() -> None:
    rates = reporting_rates(TARGETS, ASSIGNMENTS, OBSERVATIONS, AS_OF)
    assert list(rates) == ["人社局", "教育局", "生态环境局"]
    hr = rates["人社局"]
    assert (hr.targets, hr.due, hr.on_time, hr.late, hr.missing) == (2, 6, 3, 1, 2)
    assert hr.on_time_rate == pytest.approx(0.5)
    assert hr.reported_rate == pytest.approx(4 / 6)
    assert hr.unreported == ("training",)
    education = rates["教育局"]
    assert (education.due, education.on_time, education.missing) == (3, 1, 2)
    environment = rates["生态环境局"]
    assert (environment.due, environment.on_time, environment.on_time_rate) == (1, 1, 1.0)
    assert environment.unreported == ()


def test_unreported_agrees_with_the_status() -> None:
    rates = reporting_rates(TARGETS, ASSIGNMENTS, OBSERVATIONS, AS_OF)
    for target in TARGETS[:3]:
        graded = status_of(target, OBSERVATIONS, AS_OF).grade
        units = ASSIGNMENTS[target.id]
        for unit in [units] if isinstance(units, str) else units:
            assert (target.id in rates[unit].unreported) == (graded == "未报送")


def test_nothing_due_yet() -> None:
    rates = reporting_rates(TARGETS, ASSIGNMENTS, OBSERVATIONS, date(2024, 2, 1))
    assert rates["人社局"].due == 0
    assert rates["人社局"].on_time_rate is None and rates["人社局"].reported_rate is None


def test_grouped_observations_give_the_same_record() -> None:
    grouped: dict[str, list[Observation]] = {}
    for observation in OBSERVATIONS:
        grouped.setdefault(observation.target_id, []).append(observation)
    assert reporting_rates(TARGETS, ASSIGNMENTS, grouped, AS_OF) == reporting_rates(
        TARGETS, ASSIGNMENTS, OBSERVATIONS, AS_OF
    )
