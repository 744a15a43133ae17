"""A plan's status (计划进度): load from the store, grade with :mod:`luoshi.tracking`.

Four plain Core selects, whatever the plan's size (targets, assignments with their lead
units, co-units, observations), no per-target queries; rows go to the engine as they come
(the engine reads observations by attribute). Each target is tracked with its stored kind
and direction (a user's correction wins over the catalogue), its catalogue entry's
aggregation and frequency, its baseline, and its assignment's 完成时限 as the end of its
period. Rejected targets are left out. Each unit's on-time reporting rate (按时报送率) is
over the targets it leads.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal
from typing import Any, NamedTuple

from sqlalchemy import Connection, select, type_coerce
from sqlalchemy.types import NullType

from luoshi.catalog import Catalog, default_catalog
from luoshi.errors import TrackingError
from luoshi.planning.lookup import find_unit, resolve_plan, target_ref
from luoshi.planning.model import PlanStatus, ProgressFn, StatusRow
from luoshi.planning.plans import plan_rules
from luoshi.store import Store
from luoshi.store.models import Assignment, AssignmentUnit, Observation, Plan, Target, Unit
from luoshi.tracking import TrackedTarget, reporting_rates, statuses, tracked_target

__all__ = ["plan_status", "load_inputs", "StatusInputs", "Point"]


class StatusInputs:
    """What the engine needs for one plan, loaded from the store: targets, observations by
    target, lead units and co-units by target id, and the targets that could not be tracked."""

    __slots__ = ("plan", "tracked", "rows", "observations", "leads", "co_units", "skipped")

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.tracked: list[TrackedTarget] = []
        self.rows: dict[str, Any] = {}
        self.observations: dict[str, list[Point]] = {}
        self.leads: dict[str, str] = {}
        self.co_units: dict[str, tuple[str, ...]] = {}
        self.skipped: list[tuple[str, str]] = []


def plan_status(
    store: Store,
    ref: str | int,
    *,
    as_of: date | None = None,
    unit: str | None = None,
    catalog: Catalog | None = None,
    on_progress: ProgressFn | None = None,
) -> PlanStatus:
    """Every target's status at ``as_of`` (default today), and each unit's reporting record.

    ``unit`` keeps the targets that unit leads or shares (牵头 or 责任单位), and its own
    reporting record only.
    """
    day = as_of or date.today()
    step = on_progress or (lambda _what, _done, _total: None)
    step("读取 loading", 0, 2)
    with _gc_paused(), store.reading() as session:
        plan = resolve_plan(session, ref)
        wanted = find_unit(session, unit).name if unit else None
        rules = plan_rules(plan)
        inputs = load_inputs(session.connection(), plan, catalog=catalog, unit=wanted)
        step("评价 grading", 1, 2)
        graded = statuses(inputs.tracked, inputs.observations, day, rules)
        leads = inputs.leads if wanted is None else {k: v for k, v in inputs.leads.items() if v == wanted}
        units = list(reporting_rates(inputs.tracked, leads, inputs.observations, day, rules).values())
    rows = [
        StatusRow(
            seq=inputs.rows[status.target_id].seq,
            indicator=inputs.rows[status.target_id].indicator,
            lead_unit=inputs.leads.get(status.target_id),
            co_units=inputs.co_units.get(status.target_id, ()),
            status=status,
        )
        for status in graded
    ]
    step("评价 grading", 2, 2)
    return PlanStatus(plan.name, plan.id, day, rows, units, skipped=inputs.skipped)


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while millions of small acyclic objects (rows,
    Decimals, statuses) are made: its full passes over them cost a third of the time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load_inputs(
    connection: Connection, plan: Plan, *, catalog: Catalog | None = None, unit: str | None = None
) -> StatusInputs:
    """The engine's inputs for ``plan``, in four queries; ``unit`` keeps that unit's targets."""
    inputs = StatusInputs(plan)
    dues: dict[int, date] = {}
    for lead in connection.execute(
        select(Assignment.target_id, Assignment.due, Unit.name)
        .outerjoin(Unit, Unit.id == Assignment.lead_unit_id)
        .where(Assignment.plan_id == plan.id, Assignment.target_id.is_not(None))
    ):
        if lead.name:
            inputs.leads[target_ref(lead.target_id)] = lead.name
        if lead.due is not None:
            dues[lead.target_id] = lead.due
    co: dict[str, list[str]] = {}
    for link in connection.execute(
        select(Assignment.target_id, Unit.name)
        .join(AssignmentUnit, AssignmentUnit.assignment_id == Assignment.id)
        .join(Unit, Unit.id == AssignmentUnit.unit_id)
        .where(Assignment.plan_id == plan.id, Assignment.target_id.is_not(None))
        .order_by(Assignment.target_id, AssignmentUnit.position)
    ):
        co.setdefault(target_ref(link.target_id), []).append(link.name)
    inputs.co_units = {key: tuple(names) for key, names in co.items()}
    catalog = catalog or default_catalog()
    for row in connection.execute(
        select(
            Target.id,
            Target.seq,
            Target.indicator,
            Target.comparator,
            Target.value,
            Target.value_max,
            Target.unit,
            Target.year,
            Target.kind,
            Target.indicator_id,
            Target.track_kind,
            Target.direction,
            Target.baseline,
        )
        .where(Target.plan_id == plan.id, Target.review != "rejected")
        .order_by(Target.seq)
    ):
        ref = target_ref(row.id)
        if unit is not None and inputs.leads.get(ref) != unit and unit not in inputs.co_units.get(ref, ()):
            continue
        try:
            inputs.tracked.append(_tracked(row, ref, plan, catalog, dues.get(row.id)))
        except TrackingError as error:
            inputs.skipped.append((ref, error.message))
            continue
        inputs.rows[ref] = row
        inputs.observations[ref] = []
    by_id = {row.id: (ref, inputs.observations[ref]) for ref, row in inputs.rows.items()}
    _load_points(connection, plan.id, by_id)
    return inputs


class Point(NamedTuple):
    """An observation as the engine reads it (:class:`luoshi.tracking.ObservationLike`)."""

    id: int
    target_id: str
    period: str
    value: Decimal
    reported_at: datetime
    supersedes: int | None


def _load_points(connection: Connection, plan_id: int, by_id: dict[int, tuple[str, list[Point]]]) -> None:
    """Append every observation of the plan to its target's list (``by_id``: database id →
    (item id, list)), in one select.

    The exact value and the time are fetched untyped and converted here, once, because this
    is the hot loop of ``luoshi status`` (a million rows for a large plan): SQLite returns
    them as text, PostgreSQL already as Decimal and datetime.
    """
    statement = (
        select(
            Observation.id,
            Observation.target_id,
            Observation.period,
            type_coerce(Observation.value, NullType()),
            type_coerce(Observation.reported_at, NullType()),
            Observation.supersedes_id,
        )
        .join(Target, Target.id == Observation.target_id)
        .where(Target.plan_id == plan_id)
    )
    make, parse, text = tuple.__new__, datetime.fromisoformat, str
    for id_, target_id, period, value, at, supersedes in connection.execute(statement):
        found = by_id.get(target_id)
        if found is None:
            continue
        if value.__class__ is text:
            value = Decimal(value)
        if at.__class__ is text:
            at = parse(at)
        found[1].append(make(Point, (id_, found[0], period, value, at, supersedes)))


def _tracked(row: Any, ref: str, plan: Plan, catalog: Catalog, due: date | None) -> TrackedTarget:
    entry = catalog.get(row.indicator_id) if row.indicator_id else None
    end = due if due is not None and due >= plan.period_start else None
    tracked = tracked_target(
        row, id=ref, plan_year=plan.year, entry=entry, link=False, baseline=row.baseline, end=end
    )
    if tracked.kind != row.track_kind or tracked.direction != row.direction:
        tracked = replace(tracked, kind=row.track_kind, direction=row.direction)
    return tracked
