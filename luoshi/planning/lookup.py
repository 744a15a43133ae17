"""Finding what a user names (查找): a plan by id or name, a unit by name, a target by id.

Every miss is a :class:`~luoshi.errors.NotFound` whose hint lists what there is, so that a
typo is one glance away from its fix. Item ids are ``T12`` (target 12) and ``K7`` (task 7);
a bare number names a target.
"""

from __future__ import annotations

import getpass
import re

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from luoshi.errors import PlanNotFound, TargetNotFound, UnitNotFound
from luoshi.store.models import Plan, Target, Unit

__all__ = [
    "resolve_plan",
    "find_unit",
    "resolve_target",
    "target_ref",
    "task_ref",
    "parse_item",
    "current_user",
]

_ITEM_RE = re.compile(r"^\s*([TtKk]?)(\d+)\s*$")
_SHOWN = 8


def target_ref(target_id: int) -> str:
    """The item id of a target: ``T12``."""
    return f"T{target_id}"


def task_ref(task_id: int) -> str:
    """The item id of a task: ``K7``."""
    return f"K{task_id}"


def parse_item(text: str) -> tuple[str, int] | None:
    """(``T`` or ``K``, number) for ``T12``, ``K7`` or ``12`` (a target); None otherwise."""
    found = _ITEM_RE.match(text)
    if found is None:
        return None
    return (found[1].upper() or "T"), int(found[2])


def current_user() -> str:
    """The operating-system user, who is recorded when no ``--by`` is given."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name (some containers)
        return "unknown"


def resolve_plan(session: Session, ref: str | int) -> Plan:
    """The plan with id ``ref`` (a number) or name ``ref``."""
    text = str(ref).strip()
    plan = None
    if text.isdigit():
        plan = session.get(Plan, int(text))
    if plan is None:
        plan = session.scalars(select(Plan).where(Plan.name == text)).first()
    if plan is None:
        names = session.execute(select(Plan.id, Plan.name).order_by(Plan.id).limit(_SHOWN)).all()
        known = "、".join(f"{row.id} {row.name}" for row in names)
        raise PlanNotFound(
            f"没有这个计划 / no plan {text!r}",
            hint=f"已有计划 / plans: {known}" if known else "先用 luoshi plan create 建立计划",
        )
    return plan


def find_unit(session: Session, name: str) -> Unit:
    """The unit named ``name`` (its name or its short name)."""
    text = name.strip()
    unit = session.scalars(select(Unit).where(or_(Unit.name == text, Unit.short_name == text))).first()
    if unit is None:
        count = session.scalar(select(func.count()).select_from(Unit)) or 0
        names = session.scalars(select(Unit.name).order_by(Unit.name).limit(_SHOWN * 2)).all()
        more = " …" if count > len(names) else ""
        raise UnitNotFound(
            f"没有这个单位 / no unit {text!r}",
            hint=(
                f"已有单位 / units: {'、'.join(names)}{more}"
                if names
                else "单位由导入的分解表建立 / units come from an imported 分解表"
            ),
        )
    return unit


def resolve_target(session: Session, ref: str) -> Target:
    """The target ``T12`` (or ``12``)."""
    item = parse_item(ref)
    target = session.get(Target, item[1]) if item is not None and item[0] == "T" else None
    if target is None:
        raise TargetNotFound(
            f"没有这个目标 / no target {ref!r}",
            hint="目标编号形如 T12，见 luoshi plan show 或报送表的系统编号列",
        )
    return target
