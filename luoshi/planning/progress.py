"""Progress reports (进度报送): a unit's 报送表, its import, and one value added by hand.

A unit's targets are those it leads (牵头单位). Every value is an :class:`Observation` row,
never updated: reporting a period again with a different value inserts a correction that
supersedes the current one (both stay); the same value again changes nothing.

Checks, all-or-nothing per sheet, each bad row named with its Excel row number: the value
is a number in the target's unit of measure; the period is one the plan accepts (its
frequency, inside the plan period); a target is the unit's own; and a flow's year-to-date
total (累计值) does not fall below an earlier period's, nor rise above a later one's.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from luoshi.errors import PlanError, RowProblem, SheetError
from luoshi.outputs.wording import value_words
from luoshi.planning.assignments import _extracted
from luoshi.planning.lookup import current_user, find_unit, resolve_plan, resolve_target, target_ref
from luoshi.planning.model import ProgressAdded, ProgressImported, TemplateWritten
from luoshi.planning.periods import check_period, period_problem
from luoshi.sheets import (
    ProgressExpectation,
    ProgressTemplateRow,
    SheetSource,
    parse_decimal,
    read_progress_sheet,
    write_progress_template,
)
from luoshi.store import Store, record
from luoshi.store.accounts import Evidence
from luoshi.store.models import OBSERVATION_SOURCES, Assignment, Observation, Plan, Target, Unit
from luoshi.tracking import parse_period

__all__ = ["progress_template", "import_progress", "add_progress", "current_values", "Attachment"]


@dataclass(frozen=True, slots=True)
class Attachment:
    """An evidence file (佐证材料) sent with a value: its name, content type and bytes."""

    filename: str
    content_type: str
    data: bytes


@dataclass(frozen=True, slots=True)
class _Current:
    """The value that counts now for a target and period: the latest one not superseded."""

    id: int
    value: Decimal
    unit: str
    note: str


def progress_template(
    store: Store, ref: str | int, unit: str, period: str, out: Path | str | BinaryIO
) -> TemplateWritten:
    """Write ``unit``'s 报送表 for ``period``: its targets, their values, units and last reports."""
    with store.reading() as session:
        plan = resolve_plan(session, ref)
        label = check_period(period, plan)
        department = find_unit(session, unit)
        targets = _unit_targets(session, plan, department.id)
        if not targets:
            raise PlanError(
                f"{department.name} 在计划 {plan.name} 中没有牵头的目标 / leads no target of this plan",
                hint="报送表列出单位牵头的目标；先在分解表中指定牵头单位并导入",
            )
        current = current_values(session, [t.id for t in targets])
        rows = []
        for target in targets:
            earlier = _neighbour(current.get(target.id, {}), label, before=True)
            this = current.get(target.id, {}).get(label)
            rows.append(
                ProgressTemplateRow(
                    target_id=target_ref(target.id),
                    number=str(target.seq),
                    indicator=target.indicator,
                    target_value=value_words(_extracted(target)),
                    unit=target.unit,
                    last_value=earlier.value if earlier else None,
                    value=this.value if this else None,
                    note=this.note if this else "",
                )
            )
        title = f"{plan.name} {department.name} {label} 进度报送表"
        name = department.name
    write_progress_template(rows, out, unit=name, period=label, title=title)
    return TemplateWritten(name, label, len(rows))


class _Expected:
    """What a 报送表 is checked against, looked up once the sheet says whose it is and when."""

    def __init__(self, session: Session, plan: Plan) -> None:
        self.session = session
        self.plan = plan
        self.unit: Unit | None = None
        self.targets: dict[str, Target] = {}
        self.current: dict[int, dict[str, _Current]] = {}

    def __call__(self, unit: str, period: str) -> Mapping[str, ProgressExpectation]:
        plan = self.plan
        self.unit = find_unit(self.session, unit)
        label, _ = period_problem(period, plan.frequency, plan.period_start, plan.period_end)
        targets = _unit_targets(self.session, plan, self.unit.id)
        self.targets = {target_ref(t.id): t for t in targets}
        self.current = current_values(self.session, [t.id for t in targets])
        return {
            ref: ProgressExpectation(
                unit=t.unit,
                cumulative=t.track_kind == "flow",
                last_value=_last(self.current.get(t.id, {}), label),
                plan_start=plan.period_start,
                plan_end=plan.period_end,
            )
            for ref, t in self.targets.items()
        }


def import_progress(
    store: Store,
    ref: str | int,
    source: SheetSource,
    *,
    by: str | None = None,
    reported_at: datetime | None = None,
    actor: str | None = None,
) -> ProgressImported:
    """Import a filled 报送表; every row is checked and nothing is stored unless all are good.

    ``by`` is who reported (报送人, default the OS user); ``reported_at`` when (default now;
    give it to back-fill a report made on paper earlier). ``actor`` is who made the change
    for the audit log (default ``by``).
    """
    reporter = by or current_user()
    with store.writing(actor or reporter) as session:
        plan = resolve_plan(session, ref)
        expected = _Expected(session, plan)
        submission = read_progress_sheet(source, expected=expected)
        label = check_period(submission.period, plan)
        problems = []
        for entry in submission.entries:
            target = expected.targets[entry.target_id]
            problem = _flow_problem(target, expected.current.get(target.id, {}), label, entry.value)
            if problem:
                problems.append(RowProblem(entry.row, "本期值", problem))
        if problems:
            raise SheetError(
                f"报送表有 {len(problems)} 处错误，未做任何更改 / {len(problems)} problems; nothing was changed",
                hint="改正这些行后重新导入 / fix these rows and import again",
                path=str(source) if isinstance(source, str | Path) else None,
                problems=problems,
            )
        counts = {"created": 0, "corrected": 0, "unchanged": 0}
        now = reported_at or datetime.now()
        for entry in submission.entries:
            target = expected.targets[entry.target_id]
            this = expected.current.get(target.id, {}).get(label)
            outcome, _ = store_value(
                session, target, label, entry.value, entry.unit, entry.note, this, "submission", reporter, now
            )
            counts[outcome] += 1
        assert expected.unit is not None
        unit_name = expected.unit.name
    return ProgressImported(unit=unit_name, period=label, **counts)


def add_progress(
    store: Store,
    target: str,
    value: str | Decimal,
    *,
    period: str,
    note: str = "",
    unit: str | None = None,
    by: str | None = None,
    reported_at: datetime | None = None,
    actor: str | None = None,
    source: str = "manual",
    attachment: Attachment | None = None,
) -> ProgressAdded:
    """Add one value for a target (``T12``) and period; a different value for a period
    already reported supersedes the current one. ``unit``, when given, must be the target's
    unit of measure; ``by``, ``reported_at`` and ``actor`` as for :func:`import_progress`;
    ``source`` one of :data:`luoshi.store.models.OBSERVATION_SOURCES` (``manual`` on the
    command line, ``submission`` from the web form, ``api`` from the API).

    An ``attachment`` is stored with the value in the same transaction; when the value
    repeats the current one (nothing new to store), it is attached to the current one."""
    if source not in OBSERVATION_SOURCES:
        raise ValueError(f"unknown source {source!r}")
    reporter = by or current_user()
    with store.writing(actor or reporter) as session:
        row = resolve_target(session, target)
        plan = session.get(Plan, row.plan_id)
        assert plan is not None
        label = check_period(period, plan)
        number = _number(value, row.unit)
        if unit is not None and unit.strip() != row.unit:
            raise PlanError(
                f"计量单位 {unit!r} 不是目标的单位 {row.unit!r} / not the target's unit of measure",
                hint=f"按 {row.unit} 填写数值",
            )
        current = current_values(session, [row.id]).get(row.id, {})
        problem = _flow_problem(row, current, label, number)
        if problem:
            raise PlanError(problem, hint="累计值应逐期不减；若是更正，请同时更正相邻报送期")
        outcome, new = store_value(
            session,
            row,
            label,
            number,
            row.unit,
            note,
            current.get(label),
            source,
            reporter,
            reported_at or datetime.now(),
        )
        this = current.get(label)
        if attachment is not None:
            attached = new if new is not None else this.id if this is not None else None
            assert attached is not None  # "unchanged" means there is a current value
            _attach(session, attached, attachment, reporter)
    return ProgressAdded(
        target=target_ref(row.id),
        period=label,
        observation_id=new,
        supersedes_id=this.id if this and outcome == "corrected" else None,
        unchanged=outcome == "unchanged",
    )


def _attach(session: Session, observation_id: int, attachment: Attachment, by: str) -> None:
    row = Evidence(
        observation_id=observation_id,
        filename=(attachment.filename or "file")[:255],
        content_type=(attachment.content_type or "application/octet-stream")[:100],
        size=len(attachment.data),
        sha256=hashlib.sha256(attachment.data).hexdigest(),
        data=attachment.data,
        uploaded_by=by,
        uploaded_at=datetime.now(),
    )
    session.add(row)
    session.flush()
    after = {"observation": observation_id, "filename": row.filename, "sha256": row.sha256, "size": row.size}
    record(session, "create", "evidence", row.id, after=after)


def current_values(session: Session, target_ids: Iterable[int]) -> dict[int, dict[str, _Current]]:
    """{target id: {period: the value that counts now}} (latest reported, not superseded)."""
    ids = list(target_ids)
    if not ids:
        return {}
    newer = aliased(Observation)
    found: dict[int, dict[str, _Current]] = {}
    for start in range(0, len(ids), 500):
        statement = (
            select(Observation)
            .outerjoin(newer, newer.supersedes_id == Observation.id)
            .where(Observation.target_id.in_(ids[start : start + 500]), newer.id.is_(None))
            .order_by(Observation.reported_at, Observation.id)
        )
        for observation in session.scalars(statement):
            found.setdefault(observation.target_id, {})[observation.period] = _Current(
                observation.id, observation.value, observation.unit, observation.note
            )
    return found


def _unit_targets(session: Session, plan: Plan, unit_id: int) -> list[Target]:
    return list(
        session.scalars(
            select(Target)
            .join(Assignment, Assignment.target_id == Target.id)
            .where(Target.plan_id == plan.id, Assignment.lead_unit_id == unit_id, Target.review != "rejected")
            .order_by(Target.seq)
        )
    )


def store_value(
    session: Session,
    target: Target,
    period: str,
    value: Decimal,
    unit: str,
    note: str,
    this: _Current | None,
    source: str,
    reporter: str,
    now: datetime,
) -> tuple[str, int | None]:
    """Insert the value (superseding ``this``); (outcome, the new row's id)."""
    if this is not None and this.value == value and this.unit == unit and this.note == (note or ""):
        return "unchanged", None
    observation = Observation(
        target_id=target.id,
        period=period,
        value=value,
        unit=unit,
        note=note or "",
        source=source,
        reported_by=reporter,
        reported_at=now,
        supersedes_id=this.id if this else None,
    )
    session.add(observation)
    session.flush()
    after = {
        "target": target_ref(target.id),
        "period": period,
        "value": value,
        "unit": unit,
        "note": note or "",
        "source": source,
        "reported_by": reporter,
        "supersedes_id": observation.supersedes_id,
    }
    if this is None:
        record(session, "create", "observation", observation.id, after=after)
        return "created", observation.id
    before = {"id": this.id, "value": this.value, "unit": this.unit, "note": this.note}
    record(session, "supersede", "observation", observation.id, before=before, after=after)
    return "corrected", observation.id


def _flow_problem(target: Target, current: Mapping[str, _Current], label: str, value: Decimal) -> str | None:
    """Why a flow's year-to-date value cannot be ``value`` in period ``label`` (None if it can)."""
    if target.track_kind != "flow":
        return None
    earlier = _neighbour(current, label, before=True)
    later = _neighbour(current, label, before=False)
    if earlier is not None and value < earlier.value:
        return f"累计值 {value} 低于此前报送的 {earlier.value} / a year-to-date total may not fall"
    if later is not None and value > later.value:
        return f"累计值 {value} 高于此后报送期已报的 {later.value} / more than a later period's total"
    return None


def _neighbour(current: Mapping[str, _Current], label: str | None, *, before: bool) -> _Current | None:
    """The current value of the nearest period before (or after) ``label``."""
    if label is None:
        return None
    _, end, _ = parse_period(label)
    side = [
        (other, value)
        for period, value in current.items()
        if ((other := parse_period(period)[1]) < end) == before and other != end
    ]
    if not side:
        return None
    return (max if before else min)(side, key=lambda item: item[0])[1]


def _last(current: Mapping[str, _Current], label: str | None) -> Decimal | None:
    earlier = _neighbour(current, label, before=True)
    return earlier.value if earlier else None


def _number(value: str | Decimal, unit: str) -> Decimal:
    try:
        number: Decimal | None = parse_decimal(value, unit=unit)
    except (ValueError, IndexError):
        number = None
    if number is None:
        raise PlanError(f"不是数值 / not a number: {value!r}", hint="填写数值，例如 52000 或 5.2")
    return number
