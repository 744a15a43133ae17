"""Grading from digests (摘要评价): a target's known observations as three aligned lists of text.

For a large plan the store sends each target's observations summed up in one row instead of a
row per observation: the periods, the exact values and the report times of the observations
known at the as-of date (reported before the end of that day), each as comma-separated text,
in one and the same order. A :class:`DigestGrader` grades a target from its digest exactly as
:func:`luoshi.tracking.status_of` grades it from those observations, and gives its reporting
record (:func:`luoshi.tracking.reporting_rates`) in the same step.

What depends only on the periods — which observations are points of the plan period, the
latest, the 序时进度 at it, which due period each report counts for — is worked out once per
schedule and list of periods and shared: most targets of a plan report the same periods, so
per target only the values and the report times are read.

A digest is a shortcut, not a second set of rules: when a target's observations cannot be
graded from it exactly — two of them for the same as-at date (the later report would win), a
period the engine cannot read, lists of different lengths — :meth:`DigestGrader.grade` returns
None and the caller grades that target from its observations
(:meth:`DigestGrader.grade_observations`). Digests must not hold corrections (observations that
supersede another); the caller grades a target with one from its observations too.

Report times are ISO 8601 text that starts with the zero-padded date (``2023-07-20 10:00:00``,
SQLite's stored form or PostgreSQL's ``timestamp::text`` in the ISO date style): a report is
on time when that text sorts before the day after the deadline.
"""

from __future__ import annotations

import operator
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import fields
from datetime import date, datetime, timedelta
from decimal import Decimal
from operator import itemgetter
from typing import cast

from luoshi.errors import TrackingError
from luoshi.tracking.engine import _PERIOD_CACHE, _blank, _Context, _finish, _nothing, _Schedule, _status
from luoshi.tracking.model import ObservationLike, Status, TrackedTarget, _derived
from luoshi.tracking.periods import elapsed_share, parse_period
from luoshi.tracking.reporting import Record, _target_record
from luoshi.tracking.rules import DEFAULT_RULES, Rules

__all__ = ["DigestGrader", "Slate"]

_LESS = operator.lt
_FIELDS = tuple(field.name for field in fields(TrackedTarget))
_NOTHING_DUE: Record = (0, 0, 0, 0, False)


class _Plan:
    """What a digest's periods decide for one schedule (see the module's doc)."""

    __slots__ = (
        "count",
        "points",
        "last",
        "last_at",
        "label",
        "months",
        "expected",
        "due",
        "reported",
        "single",
        "single_cutoffs",
        "multi",
    )

    count: int
    points: Callable[[Sequence[str]], tuple[str, ...]]
    last: int
    last_at: date
    label: str
    months: list[int]
    expected: float
    due: int
    reported: int
    single: Callable[[Sequence[str]], tuple[str, ...]] | None
    single_cutoffs: tuple[str, ...]
    multi: tuple[tuple[Callable[[Sequence[str]], tuple[str, ...]], str], ...]


class Slate:
    """A stand-in for the TrackedTargets of one shape (:meth:`TargetBuilder.shape`): the
    template's fields, with a target's own id, values and baseline set (:meth:`own`) before it
    is graded. A plan's targets are graded one after another, each as soon as it is set, so
    one slate serves all the targets of a shape and none has to be made."""

    __slots__ = (*_FIELDS, "schedule", "template")

    id: str
    value: Decimal
    fvalue: float
    value_max: Decimal | None
    fvalue_max: float | None
    baseline: Decimal | None
    name: str
    schedule: _Schedule
    template: TrackedTarget

    def __init__(self, template: TrackedTarget, schedule: _Schedule) -> None:
        for name in _FIELDS:
            setattr(self, name, getattr(template, name))
        #: The shape's schedule in the grader that made this slate (:meth:`DigestGrader.slate`).
        self.schedule = schedule
        self.template = template

    def tracked(self) -> TrackedTarget:
        """The TrackedTarget this slate stands for now (the template with this target's own)."""
        if self.id == self.template.id:
            return self.template
        return _derived(self.template, self.id, self.value, self.value_max, self.baseline, self.name)

    def own(
        self,
        id: str,
        value: Decimal,
        fvalue: float,
        value_max: Decimal | None,
        fvalue_max: float | None,
        baseline: Decimal | None,
    ) -> TrackedTarget:
        """This slate, as the target ``id`` (``fvalue``, ``fvalue_max``: the values as floats),
        to grade as that TrackedTarget (it has all its attributes)."""
        self.id = id
        self.value = value
        self.fvalue = fvalue
        self.value_max = value_max
        self.fvalue_max = fvalue_max
        self.baseline = baseline
        return self  # type: ignore[return-value]


#: The plan of periods a digest cannot be graded from (no digest has -1 observations).
_UNUSABLE = _Plan()
_UNUSABLE.count = -1


class DigestGrader:
    """Grades targets from digests (or, for the few that need it, from their observations) at
    ``as_of`` under ``rules``; both give the status and the reporting record."""

    __slots__ = ("_context",)

    def __init__(self, as_of: date, rules: Rules = DEFAULT_RULES) -> None:
        self._context = _Context(as_of, rules)

    def slate(self, template: TrackedTarget) -> Slate:
        """A :class:`Slate` for the targets of ``template``'s shape, to grade with this grader."""
        return Slate(template, self._context.schedule_of(template))

    @property
    def cutoff(self) -> datetime:
        """Observations reported before this instant are known (the end of the as-of day)."""
        return self._context.cutoff

    def grade(
        self,
        target: TrackedTarget,
        periods: str | None,
        values: str | None,
        reported: str | None,
        count: int,
    ) -> tuple[Status, Record] | None:
        """(status, reporting record) of ``target`` from its digest: the ``count`` observations'
        periods, values and report times as comma-separated text (None, None, None, 0: nothing
        known). None when the digest cannot be graded exactly (grade the observations then)."""
        context = self._context
        slate = target.__class__ is Slate
        schedule = cast(Slate, target).schedule if slate else context.schedule_of(target)
        plan: _Plan | None = schedule.digests.get(periods)
        if plan is None:
            plan = schedule.digests[periods] = _make_plan(target, periods, schedule, context)
        if plan.count != count:  # unusable (-1), or a period with a comma in it
            return None
        as_of, start = context.as_of, target.start
        assert start is not None
        if as_of < start:
            status = _blank(target, context, "无法评价", "none", "not_started", deadline=start)
        elif plan.last < 0:
            status = _nothing(target, context, schedule.periods, schedule.due)
        else:
            assert values is not None
            expected = plan.expected
            if target.profile is not None and target.kind == "flow":
                assert target.end is not None
                at = min(plan.last_at, target.end, as_of)
                expected = elapsed_share(start, target.end, at, context.rules.basis, target.profile)
            # The latest value's text; in the usual order, the latest period comes last.
            last = plan.last
            text = values[values.rfind(",") + 1 :] if last == count - 1 else values.split(",")[last]
            # All the points' values and months only for the kinds that read them (see _grade).
            amounts = months = None
            if (target.kind == "level" and target.aggregation == "mean") or not target.cumulative:
                points = plan.points
                amounts = lambda: [Decimal(amount) for amount in points(values.split(","))]  # noqa: E731
                if target.profile is not None:
                    months = lambda: plan.months  # noqa: E731
            status = _finish(
                target,
                context,
                schedule.due,
                plan.last_at,
                plan.label,
                Decimal(text),
                float(text),  # the same as float(Decimal(text)), which goes through text
                expected,
                amounts,  # type: ignore[arg-type]
                months,  # type: ignore[arg-type]
            )
        due = plan.due
        if not due:
            return status, _NOTHING_DUE
        on_time = 0
        if plan.reported:
            assert reported is not None
            times = reported.split(",")
            if plan.single is not None:
                on_time = sum(map(_LESS, plan.single(times), plan.single_cutoffs))  # in C: no loop here
            for reports, cutoff in plan.multi:
                if min(reports(times)) < cutoff:
                    on_time += 1
        return status, (due, on_time, plan.reported - on_time, due - plan.reported, status.grade == "未报送")

    def grade_observations(
        self, target: TrackedTarget, observations: Sequence[ObservationLike]
    ) -> tuple[Status, Record]:
        """(status, reporting record) of ``target`` from its observations, as
        :func:`luoshi.tracking.status_of` and :func:`luoshi.tracking.reporting_rates` give them."""
        context = self._context
        status = _status(target, observations, context)
        return status, _target_record(target, observations, context, status)


def _make_plan(target: TrackedTarget, text: str | None, schedule: _Schedule, context: _Context) -> _Plan:
    """The :class:`_Plan` of a digest's periods for ``schedule``; :data:`_UNUSABLE` when it
    cannot be graded exactly."""
    parsed = []
    for label in text.split(",") if text else ():
        found = _PERIOD_CACHE.get(label)
        if found is None:
            try:
                found = parse_period(label)
            except TrackingError:
                return _UNUSABLE
        parsed.append(found)
    start, end = target.start, target.end
    assert start is not None and end is not None
    plan = _Plan()
    plan.count = len(parsed)
    seen = set()
    points = []
    plan.last = -1
    for index, (first, last, label) in enumerate(parsed):
        if last < start or first > end:
            continue
        at = last if last <= end else end
        if at in seen:
            return _UNUSABLE  # two reports for one as-at date: the later one wins, so times decide
        seen.add(at)
        points.append(index)
        if plan.last < 0 or at > plan.last_at:
            plan.last, plan.last_at, plan.label = index, at, label
    plan.points = _getter(points) if points else _none
    plan.months = [min(parsed[i][1], end).month for i in points]
    if plan.last >= 0:
        at = min(plan.last_at, end, context.as_of)
        plan.expected = elapsed_share(start, end, at, context.rules.basis, None)
    # The due periods each report counts for (its period's last day falls in it), as
    # _target_record finds them; a period's first report decides whether it was on time.
    due_periods, ends = schedule.due_periods, schedule.ends
    groups: dict[int, list[int]] = {}
    for index, (_, last, _) in enumerate(parsed):
        slot = bisect_left(ends, last)
        if slot < len(due_periods) and last >= due_periods[slot].start:
            groups.setdefault(slot, []).append(index)
    plan.due = len(due_periods)
    plan.reported = len(groups)
    singles, cutoffs, multi = [], [], []
    for slot, indexes in sorted(groups.items()):
        cutoff = (due_periods[slot].deadline + timedelta(days=1)).isoformat()
        if len(indexes) == 1:
            singles.append(indexes[0])
            cutoffs.append(cutoff)
        else:
            multi.append((itemgetter(*indexes), cutoff))
    plan.single = _getter(singles) if singles else None
    plan.single_cutoffs = tuple(cutoffs)
    plan.multi = tuple(multi)
    return plan


def _none(items: Sequence[str]) -> tuple[str, ...]:
    return ()


def _getter(indexes: list[int]) -> Callable[[Sequence[str]], tuple[str, ...]]:
    """A function picking ``indexes`` from a sequence, always as a tuple."""
    if indexes == list(range(len(indexes))):
        return lambda items: items[: len(indexes)]  # type: ignore[return-value]
    if len(indexes) == 1:
        only = indexes[0]
        return lambda items: (items[only],)
    return itemgetter(*indexes)
