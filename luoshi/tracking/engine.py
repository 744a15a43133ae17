"""The status engine (进度评价引擎): tracked targets + observations + an as-of date + rules → statuses.

Pure functions, no storage. For each target the engine

1. keeps the observations reported by the end of the as-of day whose period overlaps the
   plan period, drops those a visible correction supersedes, and keeps per period the
   latest reported (a correction and the value it corrects both stay in the input);
2. finds the latest reporting period whose deadline has passed (报送期限, default the 25th of
   the next month): when no observation covers it or a later period, the target is
   未报送 (unless it is already 已完成); when nothing is due yet and nothing reported, 无法评价;
3. computes 序时进度 at the end of the latest observed period (or the as-of date, if earlier)
   and grades by kind (:mod:`luoshi.tracking.grading`).

:func:`statuses` grades many targets at once and shares the period and 序时 computations
between targets with the same plan period.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from luoshi.tracking.grading import (
    LIGHT,
    Graded,
    grade_bound,
    grade_flow,
    grade_milestone,
    grade_share,
)
from luoshi.tracking.model import ObservationLike, Status, TrackedTarget
from luoshi.tracking.periods import _CACHE as _PERIOD_CACHE
from luoshi.tracking.periods import Period, elapsed_share, latest_due, parse_period, reporting_periods
from luoshi.tracking.rules import DEFAULT_RULES, Rules

__all__ = ["status_of", "statuses", "group_observations", "select_points"]

_MEAN_PLACES = Decimal("0.001")


class _Schedule:
    """A plan period's reporting periods at one evaluation: the latest due, the due ones and
    their ends (for bisecting), and what digests of this schedule share (:mod:`.digest`)."""

    __slots__ = ("periods", "due", "due_periods", "ends", "digests")

    def __init__(self, periods: tuple[Period, ...], due: Period | None) -> None:
        self.periods = periods
        self.due = due
        self.due_periods = periods[: periods.index(due) + 1] if due is not None else ()
        self.ends = [period.end for period in self.due_periods]
        self.digests: dict[str | None, Any] = {}


class _Context:
    """What every target of one evaluation shares: the date, the rules, cached periods."""

    __slots__ = ("as_of", "cutoff", "rules", "periods")

    def __init__(self, as_of: date, rules: Rules) -> None:
        if isinstance(as_of, datetime):
            as_of = as_of.date()
        self.as_of = as_of
        self.rules = rules
        #: Reports made before this instant count (the end of the as-of day).
        self.cutoff = datetime.combine(as_of + timedelta(days=1), time())
        self.periods: dict[tuple, _Schedule] = {}

    def schedule(self, target: TrackedTarget) -> tuple[tuple[Period, ...], Period | None]:
        """The target's reporting periods and the latest one already due."""
        found = self.schedule_of(target)
        return found.periods, found.due

    def schedule_of(self, target: TrackedTarget) -> _Schedule:
        """The target's :class:`_Schedule`, shared by every target with the same plan period."""
        frequency = target.frequency or self.rules.frequency
        key = (target.start, target.end, frequency, target.skip_months)
        found = self.periods.get(key)
        if found is None:
            rules = self.rules
            assert target.start is not None and target.end is not None
            periods = reporting_periods(
                target.start,
                target.end,
                frequency,
                rules.deadline_day,
                rules.deadline_months,
                target.skip_months,
            )
            deadlines = tuple(period.deadline for period in periods)
            found = self.periods[key] = _Schedule(periods, latest_due(periods, deadlines, self.as_of))
        return found


def status_of(
    target: TrackedTarget,
    observations: Iterable[ObservationLike],
    as_of: date,
    rules: Rules = DEFAULT_RULES,
) -> Status:
    """One target's status at ``as_of``; observations of other targets are ignored."""
    mine = [o for o in observations if o.target_id == target.id]
    return _status(target, mine, _Context(as_of, rules))


def statuses(
    targets: Iterable[TrackedTarget],
    observations: Iterable[ObservationLike] | Mapping[str, Sequence[ObservationLike]],
    as_of: date,
    rules: Rules = DEFAULT_RULES,
) -> list[Status]:
    """Statuses of many targets at ``as_of``, in the targets' order.

    ``observations`` is a flat iterable or, to skip grouping, a mapping from target id to
    that target's observations (see :func:`group_observations`).
    """
    grouped = observations if isinstance(observations, Mapping) else group_observations(observations)
    context = _Context(as_of, rules)
    empty: tuple[ObservationLike, ...] = ()
    return [_status(target, grouped.get(target.id, empty), context) for target in targets]


def group_observations(observations: Iterable[ObservationLike]) -> dict[str, list[ObservationLike]]:
    """Observations by target id, in their given order."""
    grouped: dict[str, list[ObservationLike]] = {}
    for observation in observations:
        bucket = grouped.get(observation.target_id)
        if bucket is None:
            grouped[observation.target_id] = [observation]
        else:
            bucket.append(observation)
    return grouped


def select_points(
    observations: Iterable[ObservationLike], start: date, end: date, cutoff: datetime
) -> list[tuple[date, str, Decimal]]:
    """(as-at date, period label, value) per period, oldest first: what the engine grades on.

    Observations reported at or after ``cutoff`` are not yet known; one that a known
    correction supersedes is dropped; per period the latest reported wins.
    """
    best = _collect(observations, start, end, cutoff)
    return [(at, label, value) for at, (_, label, value) in sorted(best.items())]


def _collect(
    observations: Iterable[ObservationLike], start: date, end: date, cutoff: datetime
) -> dict[date, tuple[datetime, str, Decimal]]:
    """{as-at date: (reported at, label, value)}, the latest known per period (see select_points)."""
    # Fast path: no corrections and naive times, one pass. Anything else takes the careful one.
    known: dict = _PERIOD_CACHE  # str keys; a date misses and is parsed below
    best: dict[date, tuple[datetime, str, Decimal]] = {}
    try:
        for observation in observations:
            if observation.supersedes:
                return _select_carefully(observations, start, end, cutoff)
            reported = observation.reported_at
            if reported >= cutoff:
                continue
            period = observation.period
            found = known.get(period)
            if found is None:
                found = parse_period(period)
            first, last, label = found
            if last < start or first > end:
                continue
            at = last if last <= end else end
            previous = best.get(at)
            if previous is None or reported >= previous[0]:
                best[at] = (reported, label, observation.value)
    except TypeError:  # aware and naive times mixed
        return _select_carefully(observations, start, end, cutoff)
    return best


def _select_carefully(
    observations: Iterable[ObservationLike], start: date, end: date, cutoff: datetime
) -> dict[date, tuple[datetime, str, Decimal]]:
    observations = observations if isinstance(observations, list | tuple) else list(observations)
    superseded = set()
    for observation in observations:
        replaced = observation.supersedes
        if replaced and _known(observation.reported_at, cutoff):
            superseded.add(replaced)
    best: dict[date, tuple[datetime, str, Decimal]] = {}
    for observation in observations:
        if observation.id in superseded:
            continue
        reported = observation.reported_at
        if not _known(reported, cutoff):
            continue
        first, last, label = parse_period(observation.period)
        if last < start or first > end:
            continue
        at = last if last <= end else end
        previous = best.get(at)
        if previous is None or _later_or_same(reported, previous[0]):
            best[at] = (reported, label, observation.value)
    return best


def _later_or_same(a: datetime, b: datetime) -> bool:
    try:
        return a >= b
    except TypeError:
        return a.timestamp() >= b.timestamp()


def _known(reported: datetime, cutoff: datetime) -> bool:
    try:
        return reported < cutoff
    except TypeError:  # an aware time against the naive cutoff: the as-of day in its own zone
        return reported < cutoff.replace(tzinfo=reported.tzinfo)


def _status(target: TrackedTarget, observations: Sequence[ObservationLike], context: _Context) -> Status:
    as_of, rules = context.as_of, context.rules
    start, end = target.start, target.end
    assert start is not None and end is not None
    periods, due = context.schedule(target)
    if as_of < start:
        return _blank(target, context, "无法评价", "none", "not_started", deadline=start)
    points = _collect(observations, start, end, context.cutoff) if observations else {}
    if not points:
        return _nothing(target, context, periods, due)
    last_at = max(points)
    _, label, latest = points[last_at]
    at = min(last_at, end, as_of)
    profile = target.profile if target.kind == "flow" else None
    expected = elapsed_share(start, end, at, rules.basis, profile)
    return _finish(
        target,
        context,
        due,
        last_at,
        label,
        latest,
        float(latest),
        expected,
        lambda: [value for _, _, value in points.values()],
        lambda: [day.month for day in points],
    )


def _nothing(
    target: TrackedTarget, context: _Context, periods: tuple[Period, ...], due: Period | None
) -> Status:
    """The status of a target with nothing reported in its plan period yet."""
    if due is None:
        first = periods[0].deadline if periods else None
        return _blank(target, context, "无法评价", "none", "nothing_due", deadline=first)
    return _blank(
        target,
        context,
        "未报送",
        context.rules.unreported_light,
        "unreported",
        missing=due.label,
        deadline=due.deadline,
    )


def _finish(
    target: TrackedTarget,
    context: _Context,
    due: Period | None,
    last_at: date,
    label: str,
    latest: Decimal,
    flatest: float,
    expected: float,
    values: Callable[[], list[Decimal]],
    months: Callable[[], list[int]],
) -> Status:
    """The status from the chosen points: the latest (its as-at date, label and value, also
    as a float), the 序时进度 at it, and the values and months of all points, asked for only by
    the kinds that need them (a level's mean, a flow reported per period, a seasonal bound)."""
    as_of, rules = context.as_of, context.rules
    final = last_at >= target.end  # type: ignore[operator]
    result = _grade(target, latest, flatest, values, months, expected, final, as_of, rules)
    if result is None:
        return _blank(target, context, "无法评价", "none", "no_baseline", actual=latest, period=label)
    graded, actual, compared, stage = result
    grade, light, rule = graded.grade, LIGHT[graded.grade], graded.rule
    missing = deadline = None
    if due is not None and last_at < due.start and grade != "已完成":
        grade, light, rule = "未报送", rules.unreported_light, "unreported"
        missing, deadline = due.label, due.deadline
    return Status(
        target.id,
        as_of,
        target.kind,
        grade,
        light,
        rule,
        target.comparator,
        compared,
        target.unit,
        actual,
        label,
        graded.completion,
        expected,
        graded.gap,
        graded.projection,
        stage,
        missing,
        deadline,
    )


def _grade(
    target: TrackedTarget,
    latest: Decimal,
    flatest: float,
    values: Callable[[], list[Decimal]],
    months: Callable[[], list[int]],
    expected: float,
    final: bool,
    as_of: date,
    rules: Rules,
) -> tuple[Graded, Decimal, Decimal | None, str | None] | None:
    """Grade by kind: (graded, actual to date, value compared, milestone stage); None without a needed baseline."""
    kind = target.kind
    actual: Decimal = latest
    factual = flatest  # float(actual), while actual is latest
    compared: Decimal | None = target.value
    stage = None
    lower = target.lower
    if kind == "flow":
        if not target.cumulative:
            actual = sum(values(), Decimal(0))
            factual = float(actual)
        graded = grade_flow(
            factual, target.fvalue, target.comparator, lower, target.unit, expected, final, rules
        )
    elif kind == "level":
        factor = 1.0
        if target.aggregation == "mean":
            got = values()
            actual = (sum(got, Decimal(0)) / len(got)).quantize(_MEAN_PLACES)
            factual = float(actual)
            if target.profile is not None:
                factor = _seasonal_factor(target.profile, months())
        graded = grade_bound(
            factual,
            target.fvalue * factor,
            None if target.fvalue_max is None else target.fvalue_max * factor,
            target.comparator,
            lower,
            target.unit,
            "level",
            final,
            rules,
        )
        if factor != 1.0:
            compared = (target.value * Decimal(repr(factor))).quantize(_MEAN_PLACES)
            graded = graded._replace(rule=graded.rule.replace("level", "level.seasonal", 1))
    elif kind == "rate":
        if target.observed == "level":
            level_target = _level_target(target)
            if level_target is None:
                return None
            compared = level_target
            if target.cumulative:
                graded = grade_flow(
                    factual, float(level_target), target.comparator, lower, "", expected, final, rules
                )
            else:
                assert target.baseline is not None
                graded = grade_share(
                    factual,
                    float(level_target),
                    float(target.baseline),
                    target.comparator,
                    expected,
                    rules,
                )
            graded = graded._replace(rule="rate.level" + (".done" if graded.grade == "已完成" else ""))
        else:
            graded = grade_bound(
                factual,
                target.fvalue,
                target.fvalue_max,
                target.comparator,
                lower,
                target.unit,
                "rate",
                final,
                rules,
            )
    elif kind == "share":
        baseline = float(target.baseline) if target.baseline is not None else 0.0
        if target.fvalue == baseline:
            graded = grade_bound(
                factual, baseline, None, target.comparator, lower, target.unit, "level", final, rules
            )
        else:
            graded = grade_share(factual, target.fvalue, baseline, target.comparator, expected, rules)
    else:
        assert target.end is not None
        overdue = as_of > target.end
        late_start = target.start_by is not None and as_of > target.start_by
        graded, stage = grade_milestone(factual, expected, overdue, late_start)
    return graded, actual, compared, stage


def _blank(
    target: TrackedTarget,
    context: _Context,
    grade: str,
    light: str,
    rule: str,
    *,
    missing: str | None = None,
    deadline: date | None = None,
    actual: Decimal | None = None,
    period: str | None = None,
) -> Status:
    return Status(
        target.id,
        context.as_of,
        target.kind,
        grade,
        light,
        rule,
        target.comparator,
        target.value,
        target.unit,
        actual,
        period,
        missing_period=missing,
        deadline=deadline,
    )


def _level_target(target: TrackedTarget) -> Decimal | None:
    """The level a growth target implies: baseline × (1 ± g%), baseline ± g points, baseline × g times."""
    baseline = target.baseline
    if baseline is None:
        return None
    sign = -1 if target.sense == "decline" else 1
    if target.unit == "倍":
        return baseline * target.value
    if target.unit == "个百分点":
        return baseline + sign * target.value
    return baseline * (1 + sign * target.value / 100)


def _seasonal_factor(profile: tuple[float, ...], months: list[int]) -> float:
    """Last year's mean over the observed months ÷ its annual mean: scales a bound to the season."""
    observed = sum(profile[m - 1] for m in months) / len(months)
    annual = sum(profile) / 12
    return observed / annual if annual > 0 else 1.0
