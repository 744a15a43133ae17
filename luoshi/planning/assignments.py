"""The 分解表 round trip (任务分解): export a plan's targets and tasks, import who does what.

``export_assignments`` writes every target and task of a plan that was not rejected, in
report order, with its current assignment, through :func:`luoshi.sheets.write_assignment_sheet`.
``import_assignments`` reads the sheet back (:func:`luoshi.sheets.read_assignment_sheet`),
checks every row, and only when all rows are good creates the units it names (单位 are
created as written), then creates, changes or removes assignments, each with an audit event.
A row whose 牵头单位, 责任单位, 责任领导 and 完成时限 are all empty removes the item's
assignment; items left out of the sheet keep theirs.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session, selectinload

from luoshi.errors import RowProblem, SheetError
from luoshi.extraction.model import Target as Extracted
from luoshi.outputs.context import sentence_around
from luoshi.outputs.wording import value_words
from luoshi.planning.lookup import current_user, parse_item, resolve_plan, target_ref, task_ref
from luoshi.planning.model import AssignmentsImported
from luoshi.sheets import AssignmentRow, SheetSource, read_assignment_sheet, write_assignment_sheet
from luoshi.store import Store, record
from luoshi.store.models import Assignment, AssignmentUnit, Plan, Target, Task, Unit

__all__ = ["export_assignments", "import_assignments", "ensure_units"]


def export_assignments(store: Store, ref: str | int, out: Path | str | BinaryIO) -> int:
    """Write the plan's 分解表 to ``out``; the number of rows written."""
    with store.reading() as session:
        plan = resolve_plan(session, ref)
        rows = assignment_rows(session, plan)
        title = f"{plan.name}目标任务分解表"
    write_assignment_sheet(rows, out, title=title)
    return len(rows)


def assignment_rows(session: Session, plan: Plan) -> list[AssignmentRow]:
    """The 分解表 rows of a plan: targets and tasks in report order, with their assignments."""
    text = plan.report.text
    assignments = {
        (a.target_id, a.task_id): a
        for a in session.scalars(
            select(Assignment)
            .where(Assignment.plan_id == plan.id)
            .options(selectinload(Assignment.lead_unit), selectinload(Assignment.co_units))
        )
    }
    items: list[tuple[int, int, AssignmentRow, Assignment | None]] = []
    for target in session.scalars(
        select(Target).where(Target.plan_id == plan.id, Target.review != "rejected")
    ):
        row = AssignmentRow(
            item_id=target_ref(target.id),
            number="",
            content=sentence_around(text, target.start, target.end),
            indicator=target.indicator,
            target_value=value_words(_extracted(target)),
            unit=target.unit,
            section=target.section,
        )
        items.append((target.start, target.end, row, assignments.get((target.id, None))))
    for task in session.scalars(select(Task).where(Task.plan_id == plan.id, Task.review != "rejected")):
        row = AssignmentRow(item_id=task_ref(task.id), number="", content=task.text, section=task.section)
        items.append((task.start, task.end, row, assignments.get((None, task.id))))
    items.sort(key=lambda item: (item[0], item[1]))
    rows = []
    for number, (_, _, row, assignment) in enumerate(items, 1):
        if assignment is not None:
            row = replace(
                row,
                lead_unit=assignment.lead_unit.name if assignment.lead_unit else "",
                co_units=tuple(link.unit.name for link in assignment.co_units),
                leader=assignment.leader,
                due=assignment.due,
            )
        rows.append(replace(row, number=str(number)))
    return rows


def import_assignments(
    store: Store, ref: str | int, source: SheetSource, *, actor: str | None = None
) -> AssignmentsImported:
    """Read a filled 分解表 and store its assignments; all rows or none."""
    user = actor or current_user()
    with store.writing(user) as session:
        plan = resolve_plan(session, ref)
        targets = set(session.scalars(select(Target.id).where(Target.plan_id == plan.id)))
        tasks = set(session.scalars(select(Task.id).where(Task.plan_id == plan.id)))
        known = {target_ref(i) for i in targets} | {task_ref(i) for i in tasks}
        rows = read_assignment_sheet(source, plan_year=plan.year, known_ids=known)
        _check(rows, plan, known, _label(source))
        names = [name for row in rows for name in (row.lead_unit, *row.co_units) if name]
        units, created_units = ensure_units(session, names)
        existing = {
            (a.target_id, a.task_id): a
            for a in session.scalars(
                select(Assignment)
                .where(Assignment.plan_id == plan.id)
                .options(selectinload(Assignment.co_units))
            )
        }
        counts = {"created": 0, "updated": 0, "removed": 0, "unchanged": 0}
        now = datetime.now()
        for row in rows:
            kind, number = parse_item(row.item_id) or ("T", 0)
            key = (number, None) if kind == "T" else (None, number)
            outcome = _apply(session, plan, key, row, existing.get(key), units, user, now)
            counts[outcome] += 1
    return AssignmentsImported(rows=len(rows), units_created=tuple(created_units), **counts)


def ensure_units(session: Session, names: Iterable[str]) -> tuple[dict[str, int], list[str]]:
    """({name: unit id} for every name, the names newly created), creating missing units.

    Concurrent imports naming the same new unit both succeed: the insert skips a name
    another transaction has just created.
    """
    wanted = list(dict.fromkeys(name.strip() for name in names if name.strip()))
    if not wanted:
        return {}, []
    found = dict(session.execute(select(Unit.name, Unit.id).where(Unit.name.in_(wanted))).all())
    missing = [name for name in wanted if name not in found]
    created: list[str] = []
    if missing:
        insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
        now = datetime.now()
        statement = (
            insert(Unit)
            .values([{"name": name, "created_at": now} for name in missing])
            .on_conflict_do_nothing(index_elements=["name"])
            .returning(Unit.id, Unit.name)
        )
        for unit_id, name in session.execute(statement):
            found[name] = unit_id
            created.append(name)
            record(session, "create", "unit", unit_id, after={"name": name})
        found.update(session.execute(select(Unit.name, Unit.id).where(Unit.name.in_(missing))).all())
    return found, created


def _check(rows: Sequence[AssignmentRow], plan: Plan, known: set[str], path: str | None) -> None:
    """Refuse the sheet, listing every bad row, when any row cannot be stored."""
    problems = []
    seen: dict[str, int] = {}
    for row in rows:
        if row.item_id in seen:
            problems.append(
                RowProblem(row.row, "系统编号", f"与第{seen[row.item_id]}行重复 / the same item twice")
            )
        seen[row.item_id] = row.row
        if row.item_id not in known:
            problems.append(
                RowProblem(row.row, "系统编号", f"{row.item_id} 不属于本计划 / not an item of this plan")
            )
        if not row.lead_unit and (row.co_units or row.leader or row.due):
            problems.append(RowProblem(row.row, "牵头单位", "缺少牵头单位 / no lead unit"))
        if len(set(row.co_units)) < len(row.co_units):
            problems.append(RowProblem(row.row, "责任单位", "责任单位重复 / a co-unit is listed twice"))
        if row.due is not None and row.due < plan.period_start:
            problems.append(
                RowProblem(
                    row.row, "完成时限", f"{row.due.isoformat()} 早于计划开始 / before the plan starts"
                )
            )
    if problems:
        raise SheetError(
            f"分解表有 {len(problems)} 处错误，未做任何更改 / {len(problems)} problems; nothing was changed",
            hint="改正这些行后重新导入 / fix these rows and import again",
            path=path,
            problems=problems,
        )


def _apply(
    session: Session,
    plan: Plan,
    key: tuple[int | None, int | None],
    row: AssignmentRow,
    assignment: Assignment | None,
    units: dict[str, int],
    user: str,
    now: datetime,
) -> str:
    """Create, update or remove one item's assignment; the outcome's name."""
    entity_id = target_ref(key[0]) if key[0] is not None else task_ref(key[1] or 0)
    after = _state(row.lead_unit or None, row.co_units, row.leader, row.due)
    if assignment is None:
        if after["lead_unit"] is None:
            return "unchanged"
        assignment = Assignment(plan_id=plan.id, target_id=key[0], task_id=key[1])
        session.add(assignment)
        _set(assignment, row, units, user, now)
        record(session, "create", "assignment", entity_id, after=after)
        return "created"
    before = _state(
        assignment.lead_unit.name if assignment.lead_unit else None,
        tuple(link.unit.name for link in assignment.co_units),
        assignment.leader,
        assignment.due,
    )
    if before == after:
        return "unchanged"
    if after["lead_unit"] is None:
        session.delete(assignment)
        record(session, "delete", "assignment", entity_id, before=before)
        return "removed"
    _set(assignment, row, units, user, now)
    record(session, "update", "assignment", entity_id, before=before, after=after)
    return "updated"


def _set(assignment: Assignment, row: AssignmentRow, units: dict[str, int], user: str, now: datetime) -> None:
    assignment.lead_unit_id = units[row.lead_unit]
    assignment.co_units = [
        AssignmentUnit(unit_id=units[name], position=position) for position, name in enumerate(row.co_units)
    ]
    assignment.leader = row.leader
    assignment.due = row.due
    assignment.updated_at = now
    assignment.updated_by = user


def _state(lead: str | None, co: Sequence[str], leader: str, due: date | None) -> dict[str, Any]:
    return {"lead_unit": lead, "co_units": list(co), "leader": leader or "", "due": due}


def _extracted(target: Target) -> Extracted:
    return Extracted(
        report="",
        start=target.start,
        end=target.end,
        text=target.text,
        section=target.section,
        indicator=target.indicator,
        comparator=target.comparator,
        value=target.value,
        value_max=target.value_max,
        unit=target.unit,
        modality=target.modality,
        year=target.year,
        kind=target.kind,
    )


def _label(source: SheetSource) -> str | None:
    return str(source) if isinstance(source, str | Path) else None
