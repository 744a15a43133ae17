"""The JSON API (接口) under ``/api/v1``, described at ``/api/v1/openapi.json``.

Reads (plans, targets, statuses) take a session cookie or a unit's bearer token; posting
an observation takes a unit's token (``Authorization: Bearer lsk_…``, made with ``luoshi
user token UNIT``) and is allowed only for the targets that unit leads. Errors have one
shape: ``{"error": {"status", "code", "message", "hint"}}``.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, Field
from sqlalchemy import select

from luoshi.planning import add_progress, list_plans, plan_detail
from luoshi.planning.lookup import target_ref
from luoshi.web.accounts import Principal
from luoshi.web.auth import Access
from luoshi.web.cache import cached
from luoshi.web.data.status import cached_status, status_row
from luoshi.web.routes._common import chosen_plan, day_of, plan_of, store_of
from luoshi.web.scope import readable_target, unit_item_ids, writable_target

router = APIRouter(prefix="/api/v1", tags=["api"])


class ObservationIn(BaseModel):
    """A value for a target and period (报送值)."""

    period: str = Field(examples=["2023-06"], max_length=10)
    value: str = Field(examples=["53000"], max_length=60, description="a number, as text, kept exactly")
    note: str = Field("", max_length=10_000)
    unit: str | None = Field(None, max_length=40, description="the unit of measure; checked when given")


def _allowed(request: Request, me: Principal, plan_id: int) -> set[int] | None:
    if me.role != "reporter":
        return None
    with store_of(request).reading() as session:
        return unit_item_ids(session, plan_id, me.unit_id or 0)[1]


@router.get("/plans")
def api_plans(request: Request, me: Principal = Depends(Access("read"))) -> list[dict[str, Any]]:
    """Every plan with its counts."""
    return [plan.to_dict() for plan in list_plans(store_of(request))]


@router.get("/plans/{plan_id}/targets")
def api_targets(
    request: Request, plan_id: int, me: Principal = Depends(Access("read"))
) -> list[dict[str, Any]]:
    """The plan's targets with their catalogue links and assignments (a unit: its own)."""
    with store_of(request).reading() as session:
        plan_of(session, plan_id)
    allowed = _allowed(request, me, plan_id)
    targets = plan_detail(store_of(request), plan_id).targets
    return [t.to_dict() for t in targets if allowed is None or int(t.id[1:]) in allowed]


@router.get("/plans/{plan_id}/status")
def api_status(request: Request, plan_id: int, me: Principal = Depends(Access("read"))) -> dict[str, Any]:
    """Every target's status at ``?as_of=`` (default today) (a unit: its own targets)."""
    chosen_plan(request, plan_id)
    day = day_of(request)
    unit = me.unit_name if me.role == "reporter" else None

    def answer() -> dict[str, Any]:
        result = cached_status(request, plan_id, day, unit)
        return {
            "plan": result.plan,
            "plan_id": result.plan_id,
            "as_of": result.as_of.isoformat(),
            "targets": [row.to_dict() for row in result.rows],
        }

    return cached(request, ("api-status", plan_id, day, unit), answer)


@router.get("/targets/{ref}")
def api_target(request: Request, ref: str, me: Principal = Depends(Access("read"))) -> dict[str, Any]:
    """One target with its status and its observations."""
    from luoshi.store import Observation

    store = store_of(request)
    with store.reading() as session:
        target = readable_target(session, me, ref)
        plan_id = target.plan_id
        observations = [
            {
                "id": o.id,
                "period": o.period,
                "value": str(o.value),
                "unit": o.unit,
                "note": o.note,
                "source": o.source,
                "reported_by": o.reported_by,
                "reported_at": o.reported_at.isoformat(timespec="seconds"),
                "supersedes_id": o.supersedes_id,
            }
            for o in session.scalars(
                select(Observation).where(Observation.target_id == target.id).order_by(Observation.id)
            )
        ]
    ref = target_ref(target.id)
    info = next(t for t in plan_detail(store, plan_id).targets if t.id == ref)
    row = status_row(request, plan_id, day_of(request), ref)
    return {**info.to_dict(), "status": row.status.to_dict() if row else None, "observations": observations}


@router.post("/targets/{ref}/observations", status_code=201)
def api_observe(
    request: Request, ref: str, body: ObservationIn, me: Principal = Depends(Access("write"))
) -> dict[str, Any]:
    """Report a value for a target the caller's unit leads (a correction supersedes)."""
    store = store_of(request)
    with store.reading() as session:
        target = writable_target(session, me, ref)
        item = target_ref(target.id)
    added = add_progress(
        store, item, body.value, period=body.period, note=body.note, unit=body.unit, by=me.name, actor=me.name,
        source="api",
    )  # fmt: skip
    return {
        "target": added.target,
        "period": added.period,
        "observation_id": added.observation_id,
        "supersedes_id": added.supersedes_id,
        "unchanged": added.unchanged,
    }
