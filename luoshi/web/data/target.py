"""A target's page (目标详情): its sentence in its paragraph, its observations, its assignment."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from luoshi.planning import StatusRow
from luoshi.planning.lookup import target_ref
from luoshi.store import Assignment, AssignmentUnit, Evidence, Observation, Plan, Store, Target, Unit
from luoshi.web.data.status import cached_status

__all__ = ["TargetPage", "target_page", "paragraph_around", "current_points"]


@dataclass
class TargetPage:
    """Everything the target page shows."""

    target: Target
    plan: Plan
    before: str
    span: str
    after: str
    observations: list[Observation]
    superseded: set[int]
    evidence: dict[int, list[tuple[int, str, int]]]
    lead_unit: str | None
    co_units: list[str]
    leader: str
    due: date | None
    status: StatusRow | None
    periods: list[str] = field(default_factory=list)


def paragraph_around(text: str, start: int, end: int) -> tuple[str, str, str]:
    """(the paragraph before the span, the span, after it): provenance in the report's text."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    if line_end < 0:
        line_end = len(text)
    return text[line_start:start], text[start:end], text[end:line_end]


def current_points(observations: list[Observation], superseded: set[int]) -> dict[str, Observation]:
    """The value that counts now per period (latest reported, not superseded)."""
    current: dict[str, Observation] = {}
    for obs in sorted(observations, key=lambda o: (o.reported_at, o.id)):
        if obs.id not in superseded:
            current[obs.period] = obs
    return current


def _assignment(session: Session, target_id: int) -> tuple[str | None, list[str], str, date | None]:
    row = session.execute(
        select(Assignment.id, Assignment.leader, Assignment.due, Unit.name)
        .outerjoin(Unit, Unit.id == Assignment.lead_unit_id)
        .where(Assignment.target_id == target_id)
    ).first()
    if row is None:
        return None, [], "", None
    co = list(
        session.scalars(
            select(Unit.name)
            .join(AssignmentUnit, AssignmentUnit.unit_id == Unit.id)
            .where(AssignmentUnit.assignment_id == row.id)
            .order_by(AssignmentUnit.position)
        )
    )
    return row.name, co, row.leader, row.due


def target_page(store: Store, session: Session, target: Target, day: date) -> TargetPage:
    """The target page's data; ``session`` is the reading session the target came from."""
    plan = session.get(Plan, target.plan_id)
    assert plan is not None
    before, span, after = paragraph_around(plan.report.text, target.start, target.end)
    observations = list(
        session.scalars(
            select(Observation)
            .where(Observation.target_id == target.id)
            .order_by(Observation.reported_at, Observation.id)
        )
    )
    superseded = {o.supersedes_id for o in observations if o.supersedes_id is not None}
    evidence: dict[int, list[tuple[int, str, int]]] = {}
    if observations:
        for row in session.execute(
            select(Evidence.id, Evidence.observation_id, Evidence.filename, Evidence.size).where(
                Evidence.observation_id.in_([o.id for o in observations])
            )
        ):
            evidence.setdefault(row.observation_id, []).append((row.id, row.filename, row.size))
    lead, co, leader, due = _assignment(session, target.id)
    ref = target_ref(target.id)
    status = next((r for r in cached_status(store, plan.id, day).rows if r.status.target_id == ref), None)
    return TargetPage(
        target, plan, before, span, after, observations, superseded, evidence, lead, co, leader, due, status
    )
