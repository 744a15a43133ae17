"""The overview page (总览)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from sqlalchemy import select

from luoshi.store import Plan
from luoshi.web.accounts import Principal
from luoshi.web.auth import Access
from luoshi.web.data.overview import overview
from luoshi.web.render import page
from luoshi.web.routes._common import day_of, plan_of, store_of

router = APIRouter()


@router.get("/")
def overview_page(
    request: Request, plan: int | None = None, me: Principal = Depends(Access("read"))
) -> Response:
    store = store_of(request)
    with store.reading() as session:
        plans = session.execute(select(Plan.id, Plan.name).order_by(Plan.id)).all()
        if not plans:
            return page(request, "empty.html", {})
        chosen = plan_of(session, plan)
        plan_id, plan_name = chosen.id, chosen.name
    day = day_of(request)
    unit = me.unit_name if me.role == "reporter" else None
    data = overview(store, plan_id, day, unit)
    return page(
        request,
        "overview.html",
        {"plans": plans, "plan_id": plan_id, "plan_name": plan_name, "day": day, "o": data},
    )
