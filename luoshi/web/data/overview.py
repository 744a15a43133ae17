"""The overview (总览): counts per class and light, by section and by lead unit; the most
lagging targets; units that have not reported; each unit's reporting discipline."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import select

from luoshi.planning import PlanStatus, StatusRow
from luoshi.planning.lookup import target_ref
from luoshi.store import Store, Target
from luoshi.tracking import GRADE_RANK, GRADES, LIGHTS, UnitReporting

__all__ = ["Overview", "overview"]


@dataclass
class Overview:
    """What the overview shows for one plan at one day."""

    status: PlanStatus
    grades: Counter[str]
    lights: Counter[str]
    by_section: dict[str, Counter[str]] = field(default_factory=dict)
    by_unit: dict[str, Counter[str]] = field(default_factory=dict)
    lagging: list[StatusRow] = field(default_factory=list)
    unreported: list[UnitReporting] = field(default_factory=list)
    discipline: list[UnitReporting] = field(default_factory=list)
    grade_order: tuple[str, ...] = GRADES
    light_order: tuple[str, ...] = LIGHTS


def _short_section(section: str) -> str:
    return section.split("/")[-1].strip()[:40] or "—"


def overview(store: Store, status: PlanStatus) -> Overview:
    """The overview of a plan's status (a reporter's status has only its unit's targets)."""
    with store.reading() as session:
        sections = {
            target_ref(row.id): _short_section(row.section)
            for row in session.execute(
                select(Target.id, Target.section).where(Target.plan_id == status.plan_id)
            )
        }
    result = Overview(status, Counter(), Counter())
    for row in status.rows:
        grade, light = row.status.grade, row.status.light
        result.grades[grade] += 1
        result.lights[light] += 1
        result.by_section.setdefault(sections.get(row.status.target_id, "—"), Counter())[grade] += 1
        result.by_unit.setdefault(row.lead_unit or "—", Counter())[grade] += 1
    ranked = [row for row in status.rows if row.status.grade in GRADE_RANK or row.status.grade == "未报送"]
    ranked.sort(
        key=lambda r: (GRADE_RANK.get(r.status.grade, -1), r.status.gap if r.status.gap is not None else 0)
    )
    result.lagging = [r for r in ranked if r.status.grade in ("严重滞后", "滞后", "未报送")][:10]
    result.unreported = [u for u in status.units if u.unreported]
    result.discipline = sorted(
        status.units, key=lambda u: (u.on_time_rate if u.on_time_rate is not None else 2, u.unit)
    )
    return result
