"""Property tests of the status engine: more progress never worsens a status, in either direction.

For every kind, comparator and rules variant, improving the latest observation (raising it
when higher is better, lowering it when lower is better; for a level graded on its mean,
improving every month) never moves the grade down the scale 严重滞后 < 滞后 < 符合序时 <
超序时 < 已完成.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from luoshi.tracking import GRADE_RANK, GRADES, Observation, Rules, TrackedTarget, status_of
from luoshi.tracking.grading import LIGHT
from luoshi.tracking.periods import deadline_after, month_end

RULES = [
    Rules(),
    Rules(mode="ratio"),
    Rules(on_track_lag=0.0, basis="days"),
    Rules(level_ahead=0.0, rate_warn=0.3),
]
COMPARATORS = {"higher": [">=", ">", "=", "≈", "range"], "lower": ["<=", "<", "=", "≈", "range"]}
amounts = st.decimals(min_value=0, max_value=2000, places=1, allow_nan=False, allow_infinity=False)
steps = st.decimals(min_value=Decimal("0.1"), max_value=500, places=1, allow_nan=False, allow_infinity=False)


@st.composite
def scenarios(draw):
    kind = draw(st.sampled_from(["flow", "level", "rate", "share", "milestone"]))
    direction = "higher" if kind == "milestone" else draw(st.sampled_from(["higher", "lower"]))
    comparator = "=" if kind == "milestone" else draw(st.sampled_from(COMPARATORS[direction]))
    value = Decimal(100) if kind == "milestone" else draw(steps)
    value_max = value + draw(steps) if comparator == "range" else None
    baseline = None
    if kind == "share":
        gap = draw(steps)
        baseline = value - gap if direction == "higher" else value + gap
    aggregation = draw(st.sampled_from(["mean", "latest"]))
    target = TrackedTarget(
        "t",
        kind=kind,
        comparator=comparator,
        value=value,
        value_max=value_max,
        unit=draw(st.sampled_from(["%", "个", "μg/m³"])),
        direction=direction,
        baseline=baseline,
        year=2024,
        aggregation=aggregation,
    )
    reported = draw(st.integers(min_value=1, max_value=12))
    values = draw(st.lists(amounts, min_size=reported, max_size=reported))
    if kind == "milestone":
        values = [min(v, Decimal(100)) for v in values]
    return target, values, draw(steps), draw(st.sampled_from(RULES))


def _observations(values: list[Decimal]) -> list[Observation]:
    return [
        Observation("t", f"2024-{month:02d}", value, datetime(2024, month, 28))
        for month, value in enumerate(values, start=1)
    ]


def _improved(target: TrackedTarget, values: list[Decimal], step: Decimal) -> list[Decimal]:
    better = step if target.direction == "higher" else -step
    changed = list(values)
    indexes = (
        range(len(values)) if target.kind == "level" and target.aggregation == "mean" else [len(values) - 1]
    )
    for index in indexes:
        moved = max(Decimal(0), changed[index] + better)
        changed[index] = min(moved, Decimal(100)) if target.kind == "milestone" else moved
    return changed


@settings(max_examples=600, deadline=None)
@given(scenarios())
def test_more_progress_never_worsens_a_status(scenario) -> None:
    target, values, step, rules = scenario
    as_of = deadline_after(month_end(2024, len(values)), rules.deadline_day, rules.deadline_months)
    before = status_of(target, _observations(values), as_of, rules)
    after = status_of(target, _observations(_improved(target, values, step)), as_of, rules)
    assert before.grade in GRADE_RANK and after.grade in GRADE_RANK, (before, after)
    assert GRADE_RANK[after.grade] >= GRADE_RANK[before.grade], (before, after)


@settings(max_examples=300, deadline=None)
@given(scenarios(), st.dates(min_value=date(2023, 12, 1), max_value=date(2025, 3, 1)))
def test_every_status_has_a_known_grade_and_its_light(scenario, as_of: date) -> None:
    target, values, _, rules = scenario
    status = status_of(target, _observations(values), as_of, rules)
    assert status.grade in GRADES
    if status.grade in LIGHT:
        assert status.light == LIGHT[status.grade]
    elif status.grade == "未报送":
        assert status.light == rules.unreported_light
    else:
        assert status.light == "none"
    assert status.reason_zh and status.reason_en


@settings(max_examples=200, deadline=None)
@given(scenarios(), st.randoms(use_true_random=False))
def test_order_and_superseded_reports_do_not_matter(scenario, shuffle) -> None:
    target, values, step, rules = scenario
    as_of = deadline_after(month_end(2024, len(values)), rules.deadline_day, rules.deadline_months)
    plain = _observations(values)
    wrong = [
        Observation("t", o.period, o.value + step, datetime(2024, 1, 1), id=f"w{i}")
        for i, o in enumerate(plain)
    ]
    fixed = [
        Observation("t", o.period, o.value, datetime(2024, 1, 2), id=f"c{i}", supersedes=f"w{i}")
        for i, o in enumerate(plain)
    ]
    mixed = wrong + fixed
    shuffle.shuffle(mixed)
    assert status_of(target, mixed, as_of, rules) == status_of(target, plain, as_of, rules)
