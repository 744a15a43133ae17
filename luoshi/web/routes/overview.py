"""The overview page (总览)."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from luoshi.web.accounts import Principal
from luoshi.web.auth import Access
from luoshi.web.data.overview import overview
from luoshi.web.data.status import cached_status
from luoshi.web.render import page, shared_page
from luoshi.web.routes._common import chosen_plan, day_of, plan_names, store_of

router = APIRouter()


@router.get("/")
def overview_page(
    request: Request, plan: int | None = None, me: Principal = Depends(Access("read"))
) -> Response:
    plans = plan_names(request)
    if not plans:
        return page(request, "empty.html", {})
    plan_id, plan_name = chosen_plan(request, plan)
    day = day_of(request)
    unit = me.unit_name if me.role == "reporter" else None

    def context() -> dict:
        data = overview(store_of(request), cached_status(request, plan_id, day, unit))
        return {"plans": plans, "plan_id": plan_id, "plan_name": plan_name, "day": day, "o": data}

    return shared_page(
        request,
        "_overview_body.html",
        (plan_id, day, unit),
        context,
        plan_id=plan_id,
        template="overview.html",
        extra={"day": day, "today": date.today()},
    )
