"""Each unit's reporting record (报送情况): how many due reports came on time, late or not at all.

A target assigned to a unit (牵头单位) owes one report per reporting period; a report is due
by the period's deadline. For each due target-period the first submission counts (a later
correction does not make an on-time report late, nor a late one on time). Observations
reported after the as-of day are not yet known.

Whether a target is 未报送 now is its status's grade; pass the statuses already computed
(``statuses=``) so that the targets are not graded a second time.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, time, timedelta

from luoshi.tracking.engine import _Context, _known, _status, group_observations
from luoshi.tracking.model import ObservationLike, Status, TrackedTarget, UnitReporting
from luoshi.tracking.periods import parse_period
from luoshi.tracking.rules import DEFAULT_RULES, Rules

__all__ = ["reporting_rates", "tally_reporting"]

#: A target's reporting record: (due, on time, late, missing, 未报送 now).
Record = tuple[int, int, int, int, bool]


def reporting_rates(
    targets: Iterable[TrackedTarget],
    assignments: Mapping[str, str | Sequence[str]],
    observations: Iterable[ObservationLike] | Mapping[str, Sequence[ObservationLike]],
    as_of: date,
    rules: Rules = DEFAULT_RULES,
    *,
    statuses: Iterable[Status] | Mapping[str, Status] | None = None,
) -> dict[str, UnitReporting]:
    """Per unit, its record over the targets ``assignments`` gives it (target id → unit or units).

    Targets without an assignment are left out; a unit with assigned targets but nothing due
    yet has ``due == 0`` and no rate. ``statuses`` are the targets' statuses at ``as_of``
    under ``rules`` (:func:`luoshi.tracking.statuses`), when already computed; without them
    each target is graded again to know whether it is 未报送.
    """
    grouped = observations if isinstance(observations, Mapping) else group_observations(observations)
    graded: Mapping[str, Status] | None = None
    if statuses is not None:
        graded = statuses if isinstance(statuses, Mapping) else {s.target_id: s for s in statuses}
    context = _Context(as_of, rules)
    records = []
    for target in targets:
        if not assignments.get(target.id):
            continue
        status = graded.get(target.id) if graded is not None else None
        records.append((target.id, _target_record(target, grouped.get(target.id, ()), context, status)))
    return tally_reporting(records, assignments)


def tally_reporting(
    records: Iterable[tuple[str, Record]], assignments: Mapping[str, str | Sequence[str]]
) -> dict[str, UnitReporting]:
    """Each unit's :class:`UnitReporting` from its targets' records (target id, record), in order."""
    tallies: dict[str, list] = {}
    for target_id, (due, on_time, late, missing, unreported) in records:
        units = assignments.get(target_id)
        if not units:
            continue
        if isinstance(units, str):
            units = (units,)
        for unit in units:
            tally = tallies.get(unit)
            if tally is None:
                tally = tallies[unit] = [0, 0, 0, 0, 0, []]
            tally[0] += 1
            tally[1] += due
            tally[2] += on_time
            tally[3] += late
            tally[4] += missing
            if unreported:
                tally[5].append(target_id)
    return {
        unit: UnitReporting(unit, t[0], t[1], t[2], t[3], t[4], tuple(t[5]))
        for unit, t in sorted(tallies.items())
    }


def _target_record(
    target: TrackedTarget,
    observations: Sequence[ObservationLike],
    context: _Context,
    status: Status | None = None,
) -> Record:
    """(due, on time, late, missing, 未报送 now) for one target; 未报送 as :func:`status_of` says
    (``status``, when given, is the target's status in ``context``)."""
    schedule = context.schedule_of(target)
    due_periods = schedule.due_periods
    if not due_periods:
        return 0, 0, 0, 0, False
    ends = schedule.ends
    first: dict[int, datetime] = {}
    for observation in observations:
        reported = observation.reported_at
        if not _known(reported, context.cutoff):
            continue
        _, last, _ = parse_period(observation.period)
        index = bisect_left(ends, last)
        if index >= len(due_periods) or last < due_periods[index].start:
            continue
        if index not in first or _earlier(reported, first[index]):
            first[index] = reported
    on_time = late = 0
    for index, period in enumerate(due_periods):
        submitted = first.get(index)
        if submitted is None:
            continue
        if _known(submitted, datetime.combine(period.deadline + timedelta(days=1), time())):
            on_time += 1
        else:
            late += 1
    count = len(due_periods)
    if status is None:
        status = _status(target, observations, context)
    return count, on_time, late, count - on_time - late, status.grade == "未报送"


def _earlier(a: datetime, b: datetime) -> bool:
    try:
        return a < b
    except TypeError:
        return a.timestamp() < b.timestamp()
