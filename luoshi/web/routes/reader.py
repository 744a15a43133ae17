"""The report reader (报告原文) and a task's page."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from sqlalchemy import select

from luoshi.store import Plan
from luoshi.web.accounts import Principal
from luoshi.web.auth import Access
from luoshi.web.data.reader import report_paragraphs
from luoshi.web.data.target import paragraph_around
from luoshi.web.render import page, shared_page
from luoshi.web.routes._common import chosen_plan, plan_of, store_of
from luoshi.web.scope import item_units, readable_task

router = APIRouter()


@router.get("/plans/{plan_id}/report")
def report_page(request: Request, plan_id: int, me: Principal = Depends(Access("read"))) -> Response:
    chosen = chosen_plan(request, plan_id)

    def context() -> dict:
        with store_of(request).reading() as session:
            paragraphs = report_paragraphs(session, plan_of(session, plan_id))
        return {"plan_id": plan_id, "plan_name": chosen.name, "paragraphs": paragraphs}

    return shared_page(request, "_report_body.html", plan_id, context, plan_id=plan_id)


@router.get("/tasks/{task_id}")
def task_page(request: Request, task_id: int, me: Principal = Depends(Access("read"))) -> Response:
    from luoshi.store import Unit

    with store_of(request).reading() as session:
        task = readable_task(session, me, task_id)
        plan = session.get(Plan, task.plan_id)
        assert plan is not None
        before, span, after = paragraph_around(plan.report.text, task.start, task.end)
        lead, co = item_units(session, task_id=task.id)
        chosen = select(Unit.id, Unit.name).where(Unit.id.in_([*co, lead or 0]))
        names = {unit_id: name for unit_id, name in session.execute(chosen)}
        lead_name = names.get(lead) if lead else None
        co_names = [names[u] for u in co if u in names]
    return page(
        request,
        "task.html",
        {
            "task": task,
            "plan": plan,
            "before": before,
            "span": span,
            "after": after,
            "lead": lead_name,
            "co": co_names,
        },
    )
