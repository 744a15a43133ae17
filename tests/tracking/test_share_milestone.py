"""Shares (覆盖率 toward a proportion) and milestones (节点: 未启动, 推进中, 已完成 against planned dates)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from luoshi.tracking import STAGE_VALUES, Observation, TrackedTarget, status_of

MID_YEAR = date(2024, 7, 20)


def report(target: str, period: str, value: float | Decimal, when: datetime | None = None) -> Observation:
    return Observation(target, period, Decimal(str(value)), when or datetime(2024, 7, 5))


def coverage(baseline: str | None = "60", value: str = "100", comparator: str = "=") -> TrackedTarget:
    return TrackedTarget(
        "cov",
        kind="share",
        comparator=comparator,
        value=Decimal(value),
        unit="%",
        year=2024,
        baseline=None if baseline is None else Decimal(baseline),
    )


@pytest.mark.parametrize(
    ("value", "grade", "completion"),
    [
        (80, "符合序时", 0.5),  # half-way from 60 % to 100 % at the end of June
        (84, "超序时", 0.6),
        (76, "滞后", 0.4),  # 10 points behind
        (68, "滞后", 0.2),  # exactly 30 points behind
        (67.99, "严重滞后", 0.19975),
        (100, "已完成", 1.0),
    ],
)
def test_a_share_moves_from_its_baseline_toward_the_target(
    value: float, grade: str, completion: float
) -> None:
    status = status_of(coverage(), [report("cov", "2024-06", value)], MID_YEAR)
    assert status.grade == grade
    assert status.completion == pytest.approx(completion)


def test_without_a_baseline_a_share_starts_from_zero() -> None:
    status = status_of(coverage(baseline=None), [report("cov", "2024-06", 50)], MID_YEAR)
    assert (status.grade, status.completion, status.projection) == ("符合序时", 0.5, pytest.approx(100))


def test_a_share_already_at_its_target_value_is_held_as_a_level() -> None:
    held = coverage(baseline="95", value="95", comparator=">=")
    assert status_of(held, [report("cov", "2024-06", 95)], MID_YEAR).grade == "符合序时"
    assert status_of(held, [report("cov", "2024-06", 90)], MID_YEAR).grade == "滞后"


def test_a_share_that_must_come_down() -> None:
    down = TrackedTarget(
        "cov", kind="share", comparator="<=", value=Decimal(20), unit="%", year=2024, baseline=Decimal(40)
    )
    assert status_of(down, [report("cov", "2024-06", 30)], MID_YEAR).grade == "符合序时"
    assert status_of(down, [report("cov", "2024-06", 20)], MID_YEAR).grade == "已完成"
    assert status_of(down, [report("cov", "2024-06", 38)], MID_YEAR).grade == "严重滞后"


HOSPITAL = TrackedTarget(
    "hospital",
    kind="milestone",
    comparator="=",
    value=Decimal(100),
    unit="%",
    year=2024,
    end=date(2024, 9, 30),  # 完成时限: 9月底
    start_by=date(2024, 3, 31),  # 计划开工: 3月底
)


@pytest.mark.parametrize(
    ("period", "value", "as_of", "grade", "stage", "rule"),
    [
        ("2024-02", STAGE_VALUES["未启动"], date(2024, 3, 20), "符合序时", "未启动", "milestone"),
        ("2024-03", STAGE_VALUES["未启动"], date(2024, 4, 20), "滞后", "未启动", "milestone.late_start"),
        ("2024-03", STAGE_VALUES["推进中"], date(2024, 4, 20), "符合序时", "推进中", "milestone"),
        ("2024-06", 60, date(2024, 7, 20), "符合序时", "推进中", "milestone"),
        ("2024-06", STAGE_VALUES["已完成"], date(2024, 7, 20), "已完成", "已完成", "milestone.done"),
        ("2024-09", 90, date(2024, 9, 30), "符合序时", "推进中", "milestone"),  # the planned date itself
        ("2024-09", 90, date(2024, 10, 1), "严重滞后", "推进中", "milestone.overdue"),
        ("2024-09", 100, date(2024, 12, 1), "已完成", "已完成", "milestone.done"),
    ],
)
def test_milestone_stages_against_planned_dates(
    period: str, value: Decimal | int, as_of: date, grade: str, stage: str, rule: str
) -> None:
    status = status_of(HOSPITAL, [report("hospital", period, value, datetime(2024, 1, 1))], as_of)
    assert (status.grade, status.stage, status.rule) == (grade, stage, rule)
    assert status.stage in status.reason_zh


def test_an_unreported_milestone() -> None:
    status = status_of(HOSPITAL, [], date(2024, 2, 26))
    assert (status.grade, status.missing_period) == ("未报送", "2024-01")
