"""A department's page (单位): its targets and tasks, what is due this period, and the form
to submit a value with a note and an evidence file (报送)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse, Response
from sqlalchemy import select

from luoshi.planning import ProgressAdded, add_progress
from luoshi.planning.lookup import target_ref
from luoshi.planning.plans import plan_rules
from luoshi.planning.progress import Attachment
from luoshi.store import Plan, Target, Task, Unit
from luoshi.tracking import reporting_periods
from luoshi.web.accounts import Principal
from luoshi.web.auth import Access
from luoshi.web.data.status import status_index
from luoshi.web.problems import NotFoundProblem
from luoshi.web.render import page
from luoshi.web.routes._common import day_of, plan_of, read_upload, store_of
from luoshi.web.scope import unit_item_ids, visible_unit, writable_target

router = APIRouter()


def due_period(plan: Plan, day: object) -> str | None:
    """The period being reported now: the latest one that has ended by ``day``."""
    rules = plan_rules(plan)
    periods = reporting_periods(
        plan.period_start, plan.period_end, rules.frequency, rules.deadline_day, rules.deadline_months
    )
    ended = [p for p in periods if p.end < day]  # type: ignore[operator]
    return ended[-1].label if ended else None


@router.get("/units/{unit_id}")
def unit_page(
    request: Request, unit_id: int, plan: int | None = None, me: Principal = Depends(Access("read"))
) -> Response:
    visible_unit(me, unit_id)
    store = store_of(request)
    day = day_of(request)
    with store.reading() as session:
        unit = session.get(Unit, unit_id)
        if unit is None:
            raise NotFoundProblem("没有这个单位 / no such unit")
        chosen = plan_of(session, plan)
        led, targets, tasks = unit_item_ids(session, chosen.id, unit.id)
        task_rows = (
            list(session.scalars(select(Task).where(Task.id.in_(tasks)).order_by(Task.seq))) if tasks else []
        )
        period = due_period(chosen, day)
        plan_id, plan_name, unit_name = chosen.id, chosen.name, unit.name
        target_rows = (
            {t.id: t for t in session.scalars(select(Target).where(Target.id.in_(targets)))}
            if targets
            else {}
        )
    status = status_index(request, plan_id, day)
    rows = [
        (t, status.get(target_ref(t.id)), t.id in led)
        for t in sorted(target_rows.values(), key=lambda t: t.seq)
    ]
    return page(
        request,
        "unit.html",
        {
            "unit_id": unit_id,
            "unit_name": unit_name,
            "plan_id": plan_id,
            "plan_name": plan_name,
            "rows": rows,
            "tasks": task_rows,
            "period": period,
            "day": day,
            "message": request.query_params.get("saved", ""),
        },
    )


@router.post("/targets/{ref}/observations")
async def submit_value(
    request: Request,
    ref: str,
    period: str = Form(...),
    value: str = Form(...),
    note: str = Form(""),
    evidence: UploadFile | None = File(None),
    me: Principal = Depends(Access("write")),
) -> Response:
    """A value from the department's form (source ``submission``), with its evidence file in
    the same transaction."""
    store = store_of(request)
    attachment = None
    if evidence is not None and evidence.filename:
        data = await read_upload(evidence, request.app.state.settings.max_upload_bytes)
        attachment = Attachment(evidence.filename, evidence.content_type or "", data)

    def save() -> tuple[str, ProgressAdded]:
        with store.reading() as session:
            item = target_ref(writable_target(session, me, ref).id)
        added = add_progress(
            store, item, value, period=period, note=note, by=me.name, actor=me.name,
            source="submission", attachment=attachment,
        )  # fmt: skip
        return item, added

    item, added = await run_in_threadpool(save)
    outcome = ("evidence_added" if attachment else "unchanged") if added.unchanged else "saved"
    return RedirectResponse(f"/targets/{item}?saved={outcome}", status_code=303)
