"""Grading from digests (:mod:`luoshi.tracking.digest`) gives what grading the observations gives.

A digest is a target's observations known at the as-of date, none a correction, as three
comma-separated lists of text. Random targets of every kind, frequency and deadline with
random reports: the status and the reporting record from the digest must be those of
``status_of`` and ``reporting_rates`` from the observations, or the grader must decline.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from decimal import Decimal

import pytest

from luoshi.errors import TrackingError
from luoshi.tracking import (
    DEFAULT_RULES,
    Observation,
    TargetBuilder,
    TrackedTarget,
    reporting_rates,
    status_of,
)
from luoshi.tracking.adapt import check_values
from luoshi.tracking.digest import DigestGrader
from luoshi.tracking.model import _derived

YEAR = 2024
TARGETS = (
    TrackedTarget("flow", "flow", ">=", Decimal(140000), "人", year=YEAR),
    TrackedTarget("ceiling", "flow", "<=", Decimal(500), "万吨", "lower", year=YEAR),
    TrackedTarget("per-period", "flow", ">=", Decimal(1000), "个", year=YEAR, cumulative=False),
    TrackedTarget("seasonal", "flow", ">=", Decimal(1200), "亿元", year=YEAR, profile=tuple(range(1, 13))),
    TrackedTarget("pm25", "level", "<", Decimal(28), "μg/m³", "lower", year=YEAR),
    TrackedTarget(
        "pm25-season", "level", "<", Decimal(28), "μg/m³", "lower", year=YEAR, profile=(3,) * 6 + (1,) * 6
    ),
    TrackedTarget("latest", "level", ">=", Decimal(90), "%", year=YEAR, aggregation="latest"),
    TrackedTarget("gdp", "rate", "≈", Decimal("5.5"), "%", year=YEAR, frequency="quarter"),
    TrackedTarget("ind", "rate", ">=", Decimal(7), "%", year=YEAR, skip_months=(1,)),
    TrackedTarget("times", "rate", "=", Decimal(2), "倍", year=YEAR, observed="level", baseline=Decimal(300)),
    TrackedTarget("cpi", "rate", "range", Decimal(2), "%", "lower", value_max=Decimal(3), year=YEAR),
    TrackedTarget("share", "share", ">=", Decimal(95), "%", year=YEAR, baseline=Decimal(60)),
    TrackedTarget("half", "share", ">=", Decimal(90), "%", year=YEAR, frequency="half"),
    TrackedTarget("yearly", "level", ">=", Decimal(30), "家", year=YEAR, frequency="year"),
    TrackedTarget("milestone", "milestone", "=", Decimal(100), "%", year=YEAR, start_by=date(YEAR, 4, 1)),
    TrackedTarget("june", "flow", ">=", Decimal(50), "个", year=YEAR, end=date(YEAR, 6, 15)),
    TrackedTarget("multi-year", "flow", ">=", Decimal(500), "个", year=YEAR, end=date(YEAR + 1, 12, 31)),
    TrackedTarget("later", "flow", ">=", Decimal(10), "个", year=YEAR, start=date(YEAR, 4, 1)),
)
DAYS = (date(YEAR - 1, 12, 1), date(YEAR, 2, 20), date(YEAR, 4, 26), date(YEAR, 7, 31), date(YEAR + 1, 1, 31))


def _observations(rng: random.Random, target: TrackedTarget) -> list[Observation]:
    made = []
    months = list(range(1, 13))
    if rng.random() < 0.3:
        rng.shuffle(months)  # not in period order
    for month in months:
        if rng.random() < 0.2:
            continue
        odd = rng.random()
        period = f"{YEAR}-{month:02d}"
        if odd < 0.05:
            period = f"{YEAR}-Q{(month - 1) // 3 + 1}"
        elif odd < 0.08:
            period = f"{YEAR}-{month:02d}-{rng.randint(1, 28):02d}"
        elif odd < 0.1:
            period = f"{YEAR + 1}-{month:02d}"
        elif odd < 0.11:
            period = f"{YEAR}-{month}"  # the engine reads 2024-6 as June too
        value = Decimal(rng.randint(0, 1500)) / rng.choice((1, 10, 100))
        if target.kind == "milestone":
            value = Decimal(rng.choice((0, 40, 100)))
        at = datetime(YEAR, month, 1) + timedelta(days=rng.randint(15, 70), minutes=rng.randint(0, 1439))
        made.append(Observation(target.id, period, value, at, id=f"{target.id}-{len(made)}"))
        if rng.random() < 0.04:  # reported again, without a correction
            again = at + timedelta(days=rng.choice((0, 1, 9)))
            made.append(Observation(target.id, period, value + 1, again, id=f"{target.id}-{len(made)}"))
    return made


def _digest(observations: list[Observation], day: date, micro: bool) -> tuple:
    cutoff = datetime.combine(day + timedelta(days=1), time())
    known = [o for o in observations if o.reported_at < cutoff]
    if not known:
        return None, None, None, 0
    spec = "microseconds" if micro else "seconds"
    return (
        ",".join(str(o.period) for o in known),
        ",".join(str(o.value) for o in known),
        ",".join(o.reported_at.isoformat(" ", spec) for o in known),
        len(known),
    )


@pytest.mark.parametrize("seed", range(12))
def test_a_digest_grades_as_the_observations_do(seed: int) -> None:
    rng = random.Random(seed)
    rules = replace(DEFAULT_RULES, deadline_day=rng.choice((25, 10, 31)))
    graded = declined = 0
    for day in DAYS:
        grader = DigestGrader(day, rules)
        for target in TARGETS:
            observations = _observations(rng, target)
            got = grader.grade(target, *_digest(observations, day, micro=rng.random() < 0.5))
            expected = status_of(target, observations, day, rules)
            record = reporting_rates([target], {target.id: "单位"}, observations, day, rules)["单位"]
            assert grader.grade_observations(target, observations) == (
                expected,
                (record.due, record.on_time, record.late, record.missing, bool(record.unreported)),
            )
            if got is None:
                declined += 1
                continue
            graded += 1
            status, (due, on_time, late, missing, unreported) = got
            assert status == expected
            assert status.to_dict() == expected.to_dict()
            assert (due, on_time, late, missing) == (record.due, record.on_time, record.late, record.missing)
            assert unreported == bool(record.unreported)
    assert graded > declined  # the digest is the rule, the observations the exception


def test_a_slate_stands_for_each_target_of_its_shape() -> None:
    template = TARGETS[0]
    grader = DigestGrader(date(YEAR, 7, 31))
    slate = grader.slate(template)
    observations = [Observation("other", f"{YEAR}-06", Decimal(80000), datetime(YEAR, 7, 10))]
    digest = _digest(observations, date(YEAR, 7, 31), micro=True)
    other = _derived(template, "other", Decimal(150000), None, None, template.name)
    assert other == replace(template, id="other", value=Decimal(150000))
    own = slate.own("other", Decimal(150000), 150000.0, None, None, None)
    assert own.tracked() == other
    assert grader.grade(own, *digest) == grader.grade(other, *digest)
    assert grader.grade(own, *digest)[0] == status_of(other, observations, date(YEAR, 7, 31))


def test_targets_of_one_shape_are_copies_checked_like_the_constructor() -> None:
    builder = TargetBuilder(plan_year=YEAR)

    class Row:
        def __init__(self, value: str, value_max: str | None = None, comparator: str = ">=") -> None:
            self.indicator, self.comparator, self.unit, self.kind, self.year = (
                "新增城镇就业",
                comparator,
                "人",
                "",
                None,
            )
            self.value = Decimal(value)
            self.value_max = None if value_max is None else Decimal(value_max)

    first = builder.build(Row("140000"), id="T1", link=False)
    second = builder.build(Row("90000"), id="T2", link=False)
    assert second == replace(first, id="T2", value=Decimal(90000))
    assert second.fvalue == 90000.0
    ranged = builder.build(Row("2", "3", "range"), id="T3", link=False)
    with pytest.raises(TrackingError, match="value_max"):
        builder.build(Row("4", "3", "range"), id="T4", link=False)
    with pytest.raises(TrackingError, match="T5.*value_max"):
        check_values(ranged, "T5", Decimal(5), Decimal(3))
    check_values(ranged, "T6", Decimal(1), Decimal(3))
