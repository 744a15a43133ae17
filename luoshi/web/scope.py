"""Which items a caller may see and change (数据范围).

The office (admin, supervisor), viewers and public readers see every item; a reporter sees
the targets and tasks its unit leads (牵头) or shares (责任单位), and may report values only
for the targets it leads — the same rule the 报送表 import applies. Each check raises
:class:`~luoshi.web.problems.Forbidden`; a missing item is :class:`NotFoundProblem`.
"""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from luoshi.planning.lookup import parse_item
from luoshi.store import Assignment, AssignmentUnit, Target, Task
from luoshi.web.accounts import Principal
from luoshi.web.problems import Forbidden, NotFoundProblem

#: Why a reporter may not read a target.
NOT_YOURS = "此目标不属于本单位 / not your unit's target"

__all__ = [
    "may_read",
    "item_units",
    "readable_target",
    "writable_target",
    "readable_task",
    "visible_unit",
    "unit_item_ids",
]


def item_units(
    session: Session, *, target_id: int | None = None, task_id: int | None = None
) -> tuple[int | None, set[int]]:
    """(the lead unit's id, the co-units' ids) of a target's or task's assignment."""
    column = Assignment.target_id if target_id is not None else Assignment.task_id
    key = target_id if target_id is not None else task_id
    row = session.execute(select(Assignment.id, Assignment.lead_unit_id).where(column == key)).first()
    if row is None:
        return None, set()
    co = set(session.scalars(select(AssignmentUnit.unit_id).where(AssignmentUnit.assignment_id == row.id)))
    return row.lead_unit_id, co


def may_read(principal: Principal, lead: int | None, co: set[int]) -> bool:
    """Whether the caller may read an item led by ``lead`` and shared with ``co``."""
    if principal.role != "reporter":
        return True
    return principal.unit_id is not None and principal.unit_id in ({lead} | co)


def _target(session: Session, ref: str) -> Target:
    item = parse_item(ref)
    target = session.get(Target, item[1]) if item and item[0] == "T" else None
    if target is None:
        raise NotFoundProblem(f"没有这个目标 / no target {ref}")
    return target


def readable_target(session: Session, principal: Principal, ref: str) -> Target:
    """The target ``T12`` if the caller may read it."""
    target = _target(session, ref)
    if principal.role == "reporter" and not may_read(principal, *item_units(session, target_id=target.id)):
        raise Forbidden(NOT_YOURS)
    return target


def writable_target(session: Session, principal: Principal, ref: str) -> Target:
    """The target ``T12`` if the caller may report values for it (a reporter: lead unit only)."""
    target = readable_target(session, principal, ref)
    if principal.role == "reporter":
        lead, _ = item_units(session, target_id=target.id)
        if lead != principal.unit_id:
            raise Forbidden("只有牵头单位可以报送 / only the lead unit reports")
    elif not principal.is_office:
        raise Forbidden("只读用户不能报送 / read-only")
    return target


def readable_task(session: Session, principal: Principal, task_id: int) -> Task:
    """The task if the caller may read it."""
    task = session.get(Task, task_id)
    if task is None:
        raise NotFoundProblem(f"没有这个任务 / no task K{task_id}")
    if principal.role == "reporter" and not may_read(principal, *item_units(session, task_id=task.id)):
        raise Forbidden("此任务不属于本单位 / not your unit's task")
    return task


def visible_unit(principal: Principal, unit_id: int) -> None:
    """Refuse a reporter another unit's page."""
    if principal.role == "reporter" and principal.unit_id != unit_id:
        raise Forbidden("不是本单位 / not your unit")


def unit_item_ids(session: Session, plan_id: int, unit_id: int) -> tuple[set[int], set[int], set[int]]:
    """(targets the unit leads, targets it leads or shares, tasks it leads or shares) in a plan."""
    rows = session.execute(
        select(Assignment.target_id, Assignment.task_id, Assignment.lead_unit_id)
        .outerjoin(AssignmentUnit, AssignmentUnit.assignment_id == Assignment.id)
        .where(
            Assignment.plan_id == plan_id,
            or_(Assignment.lead_unit_id == unit_id, AssignmentUnit.unit_id == unit_id),
        )
    ).all()
    led = {r.target_id for r in rows if r.target_id is not None and r.lead_unit_id == unit_id}
    targets = {r.target_id for r in rows if r.target_id is not None}
    tasks = {r.task_id for r in rows if r.task_id is not None}
    return led, targets, tasks
