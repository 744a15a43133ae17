"""Assigning one item from a page (分配单位): lead unit, co-units, leader, due date; audited.

The 分解表 import assigns many items at once (:func:`luoshi.planning.import_assignments`);
this is the same change for one item, with the same audit event (before and after).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from luoshi.errors import PlanError
from luoshi.planning.assignments import ensure_units
from luoshi.planning.lookup import parse_item, resolve_plan
from luoshi.store import Assignment, AssignmentUnit, Store, Target, Task, record

__all__ = ["assign_item"]


def assign_item(
    store: Store,
    plan_id: int,
    item: str,
    *,
    lead: str,
    co_units: list[str],
    leader: str = "",
    due: date | None = None,
    actor: str,
) -> str:
    """Give target ``T12`` or task ``K7`` to ``lead`` (empty: remove the assignment); the outcome."""
    parsed = parse_item(item)
    if parsed is None:
        raise PlanError(f"不是目标或任务编号 / not an item id: {item!r}", hint="形如 T12 或 K7")
    kind, number = parsed
    lead = lead.strip()
    co = [name.strip() for name in co_units if name.strip() and name.strip() != lead]
    with store.writing(actor) as session:
        plan = resolve_plan(session, plan_id)
        row = session.get(Target, number) if kind == "T" else session.get(Task, number)
        if row is None or row.plan_id != plan.id:
            raise PlanError(f"{item} 不属于本计划 / not an item of this plan")
        if due is not None and due < plan.period_start:
            raise PlanError("完成时限早于计划开始 / the due date is before the plan starts")
        column = Assignment.target_id if kind == "T" else Assignment.task_id
        assignment = session.scalars(
            select(Assignment).where(column == number).options(selectinload(Assignment.co_units))
        ).first()
        before = None
        if assignment is not None:
            before = {
                "lead_unit": assignment.lead_unit.name if assignment.lead_unit else None,
                "co_units": [link.unit.name for link in assignment.co_units],
                "leader": assignment.leader,
                "due": assignment.due,
            }
        if not lead:
            if assignment is None:
                return "unchanged"
            session.delete(assignment)
            record(session, "delete", "assignment", f"{kind}{number}", before=before)
            return "removed"
        units, _ = ensure_units(session, [lead, *co])
        after = {"lead_unit": lead, "co_units": co, "leader": leader, "due": due}
        if before == after:
            return "unchanged"
        if assignment is None:
            assignment = Assignment(
                plan_id=plan.id,
                target_id=number if kind == "T" else None,
                task_id=number if kind == "K" else None,
            )
            session.add(assignment)
        assignment.lead_unit_id = units[lead]
        assignment.co_units = [AssignmentUnit(unit_id=units[name], position=i) for i, name in enumerate(co)]
        assignment.leader = leader
        assignment.due = due
        assignment.updated_at = datetime.now()
        assignment.updated_by = actor
        record(
            session,
            "create" if before is None else "update",
            "assignment",
            f"{kind}{number}",
            before=before,
            after=after,
        )
    return "created" if before is None else "updated"
