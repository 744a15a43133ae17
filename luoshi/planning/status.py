"""A plan's status (计划进度): load from the store, grade with :mod:`luoshi.tracking`.

A fixed number of plain Core selects, whatever the plan's size, no per-target queries. Each
target is tracked with its stored kind and direction (a user's correction wins over the
catalogue), its catalogue entry's aggregation and frequency, its baseline, and its
assignment's 完成时限 as the end of its period. Rejected targets are left out. Each unit's
on-time reporting rate (按时报送率) is over the targets it leads.

:func:`plan_status` does not read the observations row by row. The database sums up each
target's observations known at the as-of date into a digest (their periods, exact values and
report times as text, see :mod:`luoshi.tracking.digest`), in parts of the plan's target ids
that a second thread reads on a connection of its own while this one reads the targets;
each part's targets are graded, status and reporting record together, as soon as the part
comes. A target whose digest cannot be graded exactly (a correction among its observations,
two reports for one period) is graded from its observations, read for those targets alone.
Observations are only ever added, with growing ids: every read is bounded by the last id
the main transaction sees, so the other connection reads the same ones. The statuses are
those of grading every observation (:func:`load_inputs`, then
:func:`luoshi.tracking.statuses`); tests/planning/test_status_fast.py compares the two on
random plans, on SQLite and PostgreSQL.

Targets alike in all but their id, values and baseline share one template, checked once,
and are graded through one :class:`luoshi.tracking.digest.Slate`. Rows are read from the
driver's cursor as plain tuples, without SQLAlchemy's row objects: this is the hot path of
``luoshi status`` for a plan of 100,000 targets.
"""

from __future__ import annotations

import gc
import json
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any, NamedTuple

from sqlalchemy import Connection, Select, bindparam, cast, func, literal_column, select, type_coerce
from sqlalchemy.sql.elements import ColumnClause
from sqlalchemy.types import NullType, Text

from luoshi.catalog import Catalog, default_catalog
from luoshi.errors import TrackingError
from luoshi.planning.lookup import find_unit, resolve_plan, target_ref
from luoshi.planning.model import PlanStatus, ProgressFn, status_row
from luoshi.planning.plans import plan_rules
from luoshi.store import Store
from luoshi.store.models import Assignment, AssignmentUnit, Observation, Plan, Target, Unit
from luoshi.tracking import Status, TargetBuilder, TrackedTarget, UnitReporting
from luoshi.tracking.adapt import check_values
from luoshi.tracking.digest import DigestGrader, Slate
from luoshi.tracking.model import _derived
from luoshi.tracking.reporting import Record

__all__ = ["plan_status", "load_inputs", "StatusInputs", "Point"]

#: Read a few targets' observations by id list up to this many targets; beyond, the plan's.
_BY_ID_LIMIT = 2000
_CHUNK = 500
#: Separators written into the SQL (as bound parameters, SQLite evaluates them for every row).
_COMMA: ColumnClause[Any] = literal_column("','")
_SEMICOLON: ColumnClause[Any] = literal_column("';'")
#: SQLite stores a time as ``YYYY-MM-DD HH:MM:SS.ffffff``: 26 characters.
_SQLITE_TIME_WIDTH = 26


class StatusInputs:
    """What the engine needs for one plan, loaded from the store: targets, observations by
    target, lead units and co-units by target id, and the targets that could not be tracked."""

    __slots__ = ("plan", "tracked", "shaped", "rows", "observations", "leads", "co_units", "skipped")

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.tracked: list[TrackedTarget] = []
        #: Instead of ``tracked`` (and ``rows``), for a grader: each target as (slate, item
        #: id, value, value as a float, value_max, value_max as a float, baseline, database id,
        #: 序号), in order (:class:`luoshi.tracking.digest.Slate`).
        self.shaped: list[tuple] = []
        self.rows: dict[str, Any] = {}
        self.observations: dict[str, list[Point]] = {}
        self.leads: dict[str, str] = {}
        self.co_units: dict[str, tuple[str, ...]] = {}
        self.skipped: list[tuple[str, str]] = []


class TargetRow(NamedTuple):
    """A target as the status workflow reads it (a :class:`luoshi.catalog.TargetLike`)."""

    id: int
    seq: int
    indicator: str
    comparator: str
    value: Decimal
    value_max: Decimal | None
    unit: str
    year: int | None
    kind: str
    indicator_id: str | None
    track_kind: str
    direction: str
    baseline: Decimal | None


class Point(NamedTuple):
    """An observation as the engine reads it (:class:`luoshi.tracking.ObservationLike`)."""

    id: int
    target_id: str
    period: str
    value: Decimal
    reported_at: datetime
    supersedes: int | None


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
        grader = DigestGrader(day, rules)
        connection = session.connection()
        # Observations are only ever added, with growing ids: bounding every read by the last
        # id this transaction sees keeps the aggregate, read on another connection, to the
        # same observations.
        last_id = connection.execute(select(func.max(Observation.id))).scalar() or 0
        cutoff = datetime.combine(_day(day) + timedelta(days=1), time())
        with _aside(store, connection) as run:
            parts = _parts(connection, plan.id)
            pending = [run(_digests, plan.id, part, cutoff, last_id) for part in parts]
            inputs = _load_targets(connection, plan, catalog=catalog, unit=wanted, grader=grader)
            step("评价 grading", 1, 2)
            done = _grade_all(connection, grader, inputs, parts, pending, last_id, store.dialect)
        leads = inputs.leads if wanted is None else {k: v for k, v in inputs.leads.items() if v == wanted}
        units = _units(done, leads)
        leads_of, co_of, make = inputs.leads.get, inputs.co_units.get, status_row
        # A slate's name is its shape's wording, which is each of its targets' (see TargetBuilder).
        rows = [
            make(shaped[8], shaped[0].name, leads_of(shaped[1]), co_of(shaped[1], ()), status)
            for shaped, (status, _) in zip(inputs.shaped, done, strict=True)
        ]
    step("评价 grading", 2, 2)
    return PlanStatus(plan.name, plan.id, day, rows, units, skipped=inputs.skipped)


def _units(done: list[tuple[Status, Record]], leads: dict[str, str]) -> list[UnitReporting]:
    """Each lead unit's reporting record, as :func:`luoshi.tracking.reporting.tally_reporting`
    makes it, summed a column at a time (a plan's 100,000 records, one lead unit each)."""
    by_unit: dict[str, tuple[list[str], list[Record]]] = {}
    lead_of = leads.get
    for status, record in done:
        unit = lead_of(status.target_id)
        if unit:
            found = by_unit.get(unit)
            if found is None:
                found = by_unit[unit] = ([], [])
            found[0].append(status.target_id)
            found[1].append(record)
    units = []
    for unit, (ids, records) in sorted(by_unit.items()):
        due, on_time, late, missing, unreported = zip(*records, strict=True)
        units.append(
            UnitReporting(
                unit,
                len(ids),
                sum(due),
                sum(on_time),
                sum(late),
                sum(missing),
                tuple(ref for ref, now in zip(ids, unreported, strict=True) if now),
            )
        )
    return units


def _day(day: date) -> date:
    return day.date() if isinstance(day, datetime) else day


def _grade_all(
    connection: Connection,
    grader: DigestGrader,
    inputs: StatusInputs,
    parts: list[tuple[int, int, bool]],
    pending: list[Future],
    last_id: int,
    dialect: str,
) -> list[tuple[Status, Record]]:
    """(status, reporting record) of each target, in order: the targets of each part of the
    ids graded as soon as that part's digests come (``pending``, in order)."""
    shaped = inputs.shaped
    done: list[Any] = [None] * len(shaped)
    # Each target's position, by part (targets come in 序号 order, parts in id order).
    lows = [low for low, _, _ in parts]
    by_part: list[list[int]] = [[] for _ in parts]
    for position, target in enumerate(shaped):
        by_part[bisect_right(lows, target[7]) - 1].append(position)
    # SQLite's times are text of one width: a digest whose times are not is graded from the
    # observations (their text may not sort as the times do).
    width = _SQLITE_TIME_WIDTH + 1 if dialect == "sqlite" else 0
    grade = grader.grade
    redo: dict[int, int] = {}
    nothing = (None, None, None, 0, 0)
    for positions, part in zip(by_part, pending, strict=True):
        get = part.result().get
        for position in positions:
            slate, ref, value, fvalue, value_max, fvalue_max, baseline, number, _ = shaped[position]
            periods, values, reported, count, corrections = get(number, nothing)
            if not corrections and (not width or not count or len(reported) == width * count - 1):
                got = grade(
                    slate.own(ref, value, fvalue, value_max, fvalue_max, baseline),
                    periods,
                    values,
                    reported,
                    count,
                )
                if got is not None:
                    done[position] = got
                    continue
            redo[number] = position
    if redo:
        observations = _observations(connection, inputs.plan.id, list(redo), last_id)
        for number, position in redo.items():
            slate, ref, value, fvalue, value_max, fvalue_max, baseline, _, _ = shaped[position]
            target = slate.own(ref, value, fvalue, value_max, fvalue_max, baseline).tracked()
            done[position] = grader.grade_observations(target, observations.get(number, ()))
    return done


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while millions of small acyclic objects (rows,
    Decimals, statuses) are made: its passes over them would cost a third of the time.

    On the way out the objects made meanwhile are moved to the oldest generation
    (``gc.freeze`` then ``gc.unfreeze``) instead of being scanned by the next young
    collection (they are freed by reference counting when the result is dropped), unless the
    process keeps objects frozen for itself (a pre-forking server), which this would undo.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            if not gc.get_freeze_count():
                gc.freeze()
                gc.unfreeze()
            gc.enable()


#: The digests are read in parts (ranges of target ids), one after another by a second thread
#: on a connection of its own: the database (SQLite in this process, without the GIL;
#: PostgreSQL in its own) works on the second core while this thread builds the targets, then
#: grades each part's targets as soon as that part is read. Two threads for two cores: a
#: third would only take turns with them.
_PART_SIZE = 20_000
_MAX_PARTS = 8
_THREADS = 1


def _parts(connection: Connection, plan_id: int) -> list[tuple[int, int, bool]]:
    """The plan's target ids cut into ranges (low, high, dense), one per :data:`_PART_SIZE`
    targets (at most :data:`_MAX_PARTS`); ``dense`` when the plan's targets fill the range,
    as one plan's targets, made together, do (then the range alone picks them)."""
    low, high, count = connection.execute(
        select(func.min(Target.id), func.max(Target.id), func.count()).where(Target.plan_id == plan_id)
    ).one()
    if not count:
        return [(0, 0, True)]
    dense = (high - low + 1) * 4 <= count * 5
    parts = max(1, min(_MAX_PARTS, count // _PART_SIZE))
    step = (high - low) // parts + 1
    return [(start, min(high, start + step - 1), dense) for start in range(low, high + 1, step)]


@contextmanager
def _aside(store: Store, connection: Connection) -> Iterator[Callable[..., Future]]:
    """``run(function, *args)`` calls ``function(connection, dialect, *args)`` on a connection of
    its own in another thread (read-only, rolled back), or, for an in-memory SQLite database
    that another connection would not see, on ``connection``, here and now."""
    engine = store.engine
    url = engine.url
    dialect = store.dialect
    if dialect == "sqlite" and (url.database in (None, "", ":memory:") or url.query.get("mode") == "memory"):

        def now(function: Callable[..., Any], *args: Any) -> Future:
            future: Future = Future()
            future.set_result(function(connection, dialect, *args))
            return future

        yield now
        return

    def call(function: Callable[..., Any], *args: Any) -> Any:
        with engine.connect() as other:
            try:
                return function(other, dialect, *args)
            finally:
                other.rollback()

    with ThreadPoolExecutor(max_workers=_THREADS, thread_name_prefix="luoshi-status") as pool:
        yield lambda function, *args: pool.submit(call, function, *args)


def _digests(
    connection: Connection,
    dialect: str,
    plan_id: int,
    part: tuple[int, int, bool],
    cutoff: datetime,
    last_id: int,
) -> dict:
    """{target id: (periods, values, report times, count, corrections)} of the plan's targets
    with ids in ``part``, over the observations reported before ``cutoff`` with ids up to
    ``last_id``: one row per target that has any (see :mod:`luoshi.tracking.digest`)."""
    low, high, dense = part
    postgres = dialect == "postgresql"
    if postgres:
        # The digest compares report times as ISO text, whatever the server's date style. The
        # index on (target_id, period) gives the observations grouped: a bitmap scan (the
        # planner's choice before the tables are analysed) would have to sort them first.
        # Compiling the query is not worth it.
        connection.exec_driver_sql(
            "SET LOCAL DateStyle = 'ISO, YMD'; SET LOCAL work_mem = '64MB'; SET LOCAL jit = off; SET LOCAL enable_bitmapscan = off"
        )
        joined: Callable[[Any], Any] = lambda column: func.string_agg(cast(column, Text), _COMMA)  # noqa: E731
    else:
        joined = lambda column: func.group_concat(column, _COMMA)  # noqa: E731
    aggregates = (
        joined(Observation.period),
        joined(type_coerce(Observation.value, NullType())),
        joined(type_coerce(Observation.reported_at, NullType())),
        func.count(),
        func.count(Observation.supersedes_id),
    )
    known = (Observation.reported_at < cutoff, Observation.id <= last_id)
    if postgres and dense:
        # The observations of the range's targets by their index, grouped as they come: no
        # join (its plan is poor before the tables are analysed); other plans' are dropped.
        statement = (
            select(Observation.target_id, *aggregates)
            .where(Observation.target_id.between(low, high), *known)
            .group_by(Observation.target_id)
        )
    else:
        # Grouped by the target's id, in its plan_id index's order: SQLite streams the groups
        # (grouping by observation.target_id would sort every observation first).
        statement = (
            select(Target.id, *aggregates)
            .join(Observation, Observation.target_id == Target.id)
            .where(Target.plan_id == plan_id, Target.id.between(low, high), *known)
            .group_by(Target.id)
        )
    if postgres:
        return {row[0]: row[1:] for row in _tuples(connection, statement)}
    # SQLite steps in this thread: a row per target would take the GIL back from the thread
    # building the targets once per row, which costs up to the switch interval each time. So
    # its rows come as one, each column's values joined by ";" (which the periods, the only
    # text that could hold one, are checked for).
    inner = statement.subquery()
    columns = list(inner.c)
    together = select(
        func.group_concat(columns[0], _COMMA),
        *(func.group_concat(column, _SEMICOLON) for column in columns[1:4]),
        func.group_concat(columns[4], _COMMA),
        func.group_concat(columns[5], _COMMA),
    )
    ((numbers, periods, values, reported, counts, corrections),) = _tuples(connection, together)
    if numbers is None:
        return {}
    ids = numbers.split(",")
    periods_list = periods.split(";")
    if len(periods_list) != len(ids):  # a period with a ";" in it: read the rows one by one
        return {row[0]: row[1:] for row in _tuples(connection, statement)}
    return dict(
        zip(
            map(int, ids),
            zip(
                periods_list,
                values.split(";"),
                reported.split(";"),
                map(int, counts.split(",")),
                map(int, corrections.split(",")),
                strict=True,
            ),
            strict=True,
        )
    )


def _tuples(connection: Connection, statement: Select, params: dict | None = None) -> list[tuple]:
    """The rows of ``statement`` as the driver gives them: plain tuples, its own types (SQLite:
    text for exact values, times and dates), no SQLAlchemy row objects."""
    result = connection.execute(statement, params or {})
    try:
        cursor = result.cursor
        return list(cursor.fetchall()) if cursor is not None else [tuple(row) for row in result]
    finally:
        result.close()


def load_inputs(
    connection: Connection, plan: Plan, *, catalog: Catalog | None = None, unit: str | None = None
) -> StatusInputs:
    """The engine's inputs for ``plan`` in four queries, every observation included; ``unit``
    keeps that unit's targets."""
    inputs = _load_targets(connection, plan, catalog=catalog, unit=unit)
    by_id = {row.id: (ref, inputs.observations[ref]) for ref, row in inputs.rows.items()}
    _load_points(connection, plan.id, by_id)
    return inputs


def _load_targets(
    connection: Connection,
    plan: Plan,
    *,
    catalog: Catalog | None = None,
    unit: str | None = None,
    grader: DigestGrader | None = None,
) -> StatusInputs:
    """Targets, lead units and co-units of ``plan``, in three queries: as TrackedTargets (with
    their rows and empty observation lists by item id) or, given a ``grader``, as its slates
    with each target's own values (``inputs.shaped``)."""
    inputs = StatusInputs(plan)
    dues: dict[int, date] = {}
    ref = target_ref
    for target_id, due, name in _tuples(
        connection,
        select(Assignment.target_id, type_coerce(Assignment.due, NullType()), Unit.name)
        .outerjoin(Unit, Unit.id == Assignment.lead_unit_id)
        .where(Assignment.plan_id == plan.id, Assignment.target_id.is_not(None)),
    ):
        if name:
            inputs.leads[ref(target_id)] = name
        if due is not None:
            dues[target_id] = due if isinstance(due, date) else date.fromisoformat(due)
    co: dict[str, list[str]] = {}
    for target_id, name in _tuples(
        connection,
        select(Assignment.target_id, Unit.name)
        .join(AssignmentUnit, AssignmentUnit.assignment_id == Assignment.id)
        .join(Unit, Unit.id == AssignmentUnit.unit_id)
        .where(Assignment.plan_id == plan.id, Assignment.target_id.is_not(None))
        .order_by(Assignment.target_id, AssignmentUnit.position),
    ):
        co.setdefault(ref(target_id), []).append(name)
    inputs.co_units = {key: tuple(names) for key, names in co.items()}
    catalog = catalog or default_catalog()
    shape_of = TargetBuilder(plan_year=plan.year, catalog=catalog).shape_of
    entries: dict[str, Any] = {}
    known: dict[tuple, tuple[TrackedTarget, Slate | None]] = {}
    hundred = Decimal(100)
    start = plan.period_start
    leads, co_units = inputs.leads, inputs.co_units
    tracked, rows, observations, skipped = inputs.tracked, inputs.rows, inputs.observations, inputs.skipped
    shaped = inputs.shaped
    make, exact = tuple.__new__, Decimal
    for (
        target_id,
        seq,
        indicator,
        comparator,
        value,
        value_max,
        measure,
        year,
        kind,
        indicator_id,
        track_kind,
        direction,
        baseline,
        profile,
    ) in _tuples(
        connection,
        select(
            Target.id,
            Target.seq,
            Target.indicator,
            Target.comparator,
            type_coerce(Target.value, NullType()),
            type_coerce(Target.value_max, NullType()),
            Target.unit,
            Target.year,
            Target.kind,
            Target.indicator_id,
            Target.track_kind,
            Target.direction,
            type_coerce(Target.baseline, NullType()),
            type_coerce(Target.profile, NullType()),
        )
        .where(Target.plan_id == plan.id, Target.review != "rejected")
        .order_by(Target.seq),
    ):
        key = f"T{target_id}"  # target_ref, inline: this loop runs once per target
        if unit is not None and leads.get(key) != unit and unit not in co_units.get(key, ()):
            continue
        # float() of the stored text is float() of its Decimal, which goes through text.
        fvalue = float(value)
        if value.__class__ is not exact:
            value = exact(value)
        fvalue_max = None
        if value_max is not None:
            fvalue_max = float(value_max)
            if value_max.__class__ is not exact:
                value_max = exact(value_max)
        if baseline is not None and baseline.__class__ is not exact:
            baseline = exact(baseline)
        due = dues.get(target_id)
        end = due if due is not None and due >= start else None
        # Targets alike in all but their id, values and baseline share a template (and a
        # slate): found here by the stored fields, or made by the builder.
        if profile is not None:  # last year's months: JSON text (SQLite) or a list (psycopg)
            months = json.loads(profile) if isinstance(profile, str) else profile
            profile = None if months is None else tuple(float(v) for v in months)
        alike = (
            indicator,
            comparator,
            measure,
            year,
            kind,
            indicator_id,
            track_kind,
            direction,
            end,
            profile,
        )
        found = known.get((*alike, not value, value == hundred))
        if found is None:
            entry = None
            if indicator_id:
                entry = entries.get(indicator_id)
                if entry is None:
                    entry = entries[indicator_id] = catalog.get(indicator_id)
            try:
                template = shape_of(
                    indicator,
                    comparator,
                    value,
                    value_max,
                    measure,
                    year,
                    kind,
                    key,
                    entry,
                    False,
                    baseline,
                    end,
                    track_kind,
                    direction,
                )
            except TrackingError as error:
                skipped.append((key, error.message))
                continue
            if profile is not None:
                template = replace(template, profile=profile)
            found = known[(*alike, not value, value == hundred)] = (
                template,
                None if grader is None else grader.slate(template),
            )
        template, slate = found
        if template.comparator == "range" and template.id != key:
            try:
                check_values(template, key, value, value_max)
            except TrackingError as error:
                skipped.append((key, error.message))
                continue
        if slate is not None:
            shaped.append((slate, key, value, fvalue, value_max, fvalue_max, baseline, target_id, seq))
            continue
        tracked.append(
            template if template.id == key else _derived(template, key, value, value_max, baseline, indicator)
        )
        rows[key] = make(
            TargetRow,
            (
                target_id,
                seq,
                indicator,
                comparator,
                value,
                value_max,
                measure,
                year,
                kind,
                indicator_id,
                track_kind,
                direction,
                baseline,
            ),
        )
        observations[key] = []
    return inputs


def _point_columns() -> tuple:
    return (
        Observation.id,
        Observation.target_id,
        Observation.period,
        type_coerce(Observation.value, NullType()),
        type_coerce(Observation.reported_at, NullType()),
        Observation.supersedes_id,
    )


def _load_points(connection: Connection, plan_id: int, by_id: dict[int, tuple[str, list[Point]]]) -> None:
    """Append every observation of the plan to its target's list (``by_id``: database id →
    (item id, list)), in one select."""
    statement = (
        select(*_point_columns())
        .join(Target, Target.id == Observation.target_id)
        .where(Target.plan_id == plan_id)
    )
    _append_points(_tuples(connection, statement), by_id)


def _append_points(rows: Sequence[tuple], by_id: dict[int, tuple[str, list[Point]]]) -> None:
    """The exact value and the time are fetched untyped and converted here, once: SQLite
    returns them as text, PostgreSQL already as Decimal and datetime."""
    make, parse, text = tuple.__new__, datetime.fromisoformat, str
    for id_, target_id, period, value, at, supersedes in rows:
        found = by_id.get(target_id)
        if found is None:
            continue
        if value.__class__ is text:
            value = Decimal(value)
        if at.__class__ is text:
            at = parse(at)
        found[1].append(make(Point, (id_, found[0], period, value, at, supersedes)))


def _observations(
    connection: Connection, plan_id: int, numbers: list[int], last_id: int
) -> dict[int, list[Point]]:
    """{target id: its observations with ids up to ``last_id``} for the targets ``numbers``."""
    by_id: dict[int, tuple[str, list[Point]]] = {number: (target_ref(number), []) for number in numbers}
    if len(numbers) > _BY_ID_LIMIT:
        statement = (
            select(*_point_columns())
            .join(Target, Target.id == Observation.target_id)
            .where(Target.plan_id == plan_id, Observation.id <= last_id)
        )
        _append_points(_tuples(connection, statement), by_id)
    else:
        # In the order the plan's select gives them on SQLite (its index), so that of two
        # reports made at the same moment for one period the same one wins.
        statement = (
            select(*_point_columns())
            .where(Observation.target_id.in_(bindparam("numbers", expanding=True)), Observation.id <= last_id)
            .order_by(Observation.target_id, Observation.period, Observation.id)
        )
        for start in range(0, len(numbers), _CHUNK):
            rows = _tuples(connection, statement, {"numbers": numbers[start : start + _CHUNK]})
            _append_points(rows, by_id)
    return {number: points for number, (_, points) in by_id.items()}
