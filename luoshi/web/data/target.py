"""A target's page (目标详情): its sentence in its paragraph, its observations, its assignment.

The page's data does not depend on the day or on who asks (the status and the caller's rights
are added by the route), so it is read once per change of the store (:mod:`luoshi.web.cache`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from luoshi.catalog import default_catalog
from luoshi.store import Assignment, AssignmentUnit, Evidence, Observation, Plan, Report, Store, Target, Unit

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
    lead_unit_id: int | None = None
    co_unit_ids: set[int] = field(default_factory=set)
    #: The catalogue calls its indicator seasonal (a monthly profile should shape 序时).
    seasonal: bool = False


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


class _Assigned(NamedTuple):
    lead: str | None
    lead_id: int | None
    co: list[str]
    co_ids: set[int]
    leader: str
    due: date | None


def _assignment(session: Session, target_id: int) -> _Assigned:
    row = session.execute(
        select(Assignment.id, Assignment.leader, Assignment.due, Assignment.lead_unit_id, Unit.name)
        .outerjoin(Unit, Unit.id == Assignment.lead_unit_id)
        .where(Assignment.target_id == target_id)
    ).first()
    if row is None:
        return _Assigned(None, None, [], set(), "", None)
    co = session.execute(
        select(Unit.id, Unit.name)
        .join(AssignmentUnit, AssignmentUnit.unit_id == Unit.id)
        .where(AssignmentUnit.assignment_id == row.id)
        .order_by(AssignmentUnit.position)
    ).all()
    return _Assigned(
        row.name, row.lead_unit_id, [c.name for c in co], {c.id for c in co}, row.leader, row.due
    )


def target_page(store: Store, target_id: int) -> TargetPage | None:
    """The target page's data, or None when there is no such target."""
    with store.reading() as session:
        target = session.get(Target, target_id)
        return None if target is None else _page(session, target)


def _page(session: Session, target: Target) -> TargetPage:
    plan = session.get(Plan, target.plan_id)
    assert plan is not None
    before, span, after = paragraph_around(
        session.scalar(select(Report.text).where(Report.id == plan.report_id)) or "", target.start, target.end
    )
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
    a = _assignment(session, target.id)
    entry = default_catalog().get(target.indicator_id) if target.indicator_id else None
    return TargetPage(
        target, plan, before, span, after, observations, superseded, evidence, a.lead, a.co, a.leader, a.due,
        a.lead_id, a.co_ids, bool(entry and entry.profile),
    )  # fmt: skip
