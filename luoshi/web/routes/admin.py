"""Plan administration (计划管理): assign units, correct targets, confirm or reject items,
upload the 分解表 and 报送表 (row errors shown on the page), download the 分解表 and the
bulletin (督查通报) as of the day the pages grade at."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal, InvalidOperation

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import RedirectResponse, Response
from sqlalchemy import select

from luoshi.errors import PlanError, SheetError
from luoshi.planning import (
    correct_target,
    export_assignments,
    import_assignments,
    import_progress,
    parse_profile,
)
from luoshi.planning.assignments import assignment_rows
from luoshi.store import Store, Task, record
from luoshi.web.accounts import Principal
from luoshi.web.auth import Access
from luoshi.web.data.assign import assign_item
from luoshi.web.problems import NotFoundProblem
from luoshi.web.render import page
from luoshi.web.routes._common import day_of, plan_of, read_upload, store_of

router = APIRouter(prefix="/admin")
_OFFICE = Access("office")


def _admin_page(
    request: Request,
    plan_id: int,
    *,
    status: int = 200,
    status_msg: str = "",
    problems: list[str] | None = None,
) -> Response:
    store = store_of(request)
    with store.reading() as session:
        plan = plan_of(session, plan_id)
        rows = assignment_rows(session, plan)
        from luoshi.store import Target

        reviews = {
            f"T{t.id}": t.review for t in session.scalars(select(Target).where(Target.plan_id == plan.id))
        }
        reviews |= {
            f"K{t.id}": t.review for t in session.scalars(select(Task).where(Task.plan_id == plan.id))
        }
        name = plan.name
    return page(
        request,
        "admin.html",
        {
            "plan_id": plan_id,
            "plan_name": name,
            "rows": rows,
            "reviews": reviews,
            "status_msg": status_msg,
            "problems": problems or [],
            "failed": status >= 400,
        },
        status=status,
    )


@router.get("/plans/{plan_id}")
def admin_plan(request: Request, plan_id: int, me: Principal = Depends(_OFFICE)) -> Response:
    return _admin_page(request, plan_id, status_msg=request.query_params.get("done", ""))


@router.post("/plans/{plan_id}/assign")
def assign(
    request: Request,
    plan_id: int,
    item: str = Form(...),
    lead: str = Form(""),
    co_units: str = Form(""),
    leader: str = Form(""),
    due: str = Form(""),
    me: Principal = Depends(_OFFICE),
) -> Response:
    try:
        due_date = date.fromisoformat(due) if due.strip() else None
    except ValueError as error:
        raise PlanError(f"日期应写成 YYYY-MM-DD / not a date: {due!r}") from error
    co = [
        name for part in co_units.replace("，", "、").replace(",", "、").split("、") if (name := part.strip())
    ]
    outcome = assign_item(
        store_of(request), plan_id, item, lead=lead, co_units=co, leader=leader, due=due_date, actor=me.name
    )
    return RedirectResponse(f"/admin/plans/{plan_id}?done={outcome}", status_code=303)


@router.post("/plans/{plan_id}/correct")
def correct(
    request: Request,
    plan_id: int,
    target: str = Form(...),
    indicator: str = Form(""),
    kind: str = Form(""),
    direction: str = Form(""),
    baseline: str = Form(""),
    profile: str | None = Form(None),
    cumulative: bool = Form(False),
    profile_shown: bool = Form(False),
    me: Principal = Depends(_OFFICE),
) -> Response:
    """Correct a target. The page's form always sends ``profile_shown``: with it, an empty
    ``profile`` field (which arrives as no field) removes the target's profile."""
    if profile is None and profile_shown:
        profile = ""
    _in_plan(store_of(request), plan_id, target)
    try:
        base = Decimal(baseline.strip()) if baseline.strip() else None
    except InvalidOperation as error:
        raise PlanError(f"上年基数不是数值 / not a number: {baseline!r}") from error
    months = None if profile is None else parse_profile(profile, cumulative=cumulative)
    correct_target(
        store_of(request),
        target,
        indicator=indicator.strip() or None,
        kind=kind or None,
        direction=direction or None,
        baseline=base,
        profile=months,
        actor=me.name,
    )
    return RedirectResponse(f"/targets/{target}", status_code=303)


@router.post("/plans/{plan_id}/review")
def review(
    request: Request,
    plan_id: int,
    item: str = Form(...),
    state: str = Form(...),
    me: Principal = Depends(_OFFICE),
) -> Response:
    store = store_of(request)
    if state not in ("confirmed", "rejected", "extracted"):
        raise PlanError(f"未知审核状态 / unknown review state {state!r}")
    if item.upper().startswith("K"):
        with store.writing(me.name) as session:
            task = session.get(Task, int(item[1:]) if item[1:].isdigit() else 0)
            if task is None or task.plan_id != plan_id:
                raise NotFoundProblem(f"没有这个任务 / no task {item}")
            if task.review != state:
                record(
                    session,
                    "update",
                    "task",
                    f"K{task.id}",
                    before={"review": task.review},
                    after={"review": state},
                )
                task.review = state
    else:
        _in_plan(store, plan_id, item)
        correct_target(store, item, review=state, actor=me.name)
    return RedirectResponse(f"/admin/plans/{plan_id}?done={state}", status_code=303)


def _in_plan(store: Store, plan_id: int, ref: str) -> None:
    from luoshi.planning.lookup import resolve_target

    with store.reading() as session:
        if resolve_target(session, ref).plan_id != plan_id:
            raise NotFoundProblem(f"{ref} 不属于本计划 / not in this plan")


@router.post("/plans/{plan_id}/assignments")
async def upload_assignments(
    request: Request, plan_id: int, file: UploadFile = File(...), me: Principal = Depends(_OFFICE)
) -> Response:
    try:
        data = await read_upload(file, request.app.state.settings.max_upload_bytes)
        result = import_assignments(store_of(request), plan_id, data, actor=me.name)
    except SheetError as error:
        return _admin_page(
            request, plan_id, status_msg=error.message, problems=[str(p) for p in error.problems], status=400
        )
    message = f"{result.rows} 行：新建 {result.created}，更改 {result.updated}，删除 {result.removed}，未变 {result.unchanged}"
    return _admin_page(request, plan_id, status_msg=message)


@router.post("/plans/{plan_id}/progress")
async def upload_progress(
    request: Request, plan_id: int, file: UploadFile = File(...), me: Principal = Depends(_OFFICE)
) -> Response:
    try:
        data = await read_upload(file, request.app.state.settings.max_upload_bytes)
        result = import_progress(store_of(request), plan_id, data, by=me.name, actor=me.name)
    except SheetError as error:
        return _admin_page(
            request, plan_id, status_msg=error.message, problems=[str(p) for p in error.problems], status=400
        )
    message = f"{result.unit} {result.period}：新报 {result.created}，更正 {result.corrected}，未变 {result.unchanged}"
    return _admin_page(request, plan_id, status_msg=message)


@router.get("/plans/{plan_id}/assignments.xlsx")
def download_assignments(request: Request, plan_id: int, me: Principal = Depends(_OFFICE)) -> Response:
    out = io.BytesIO()
    export_assignments(store_of(request), plan_id, out)
    return Response(
        out.getvalue(),
        media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        headers={"Content-Disposition": "attachment; filename=assignments.xlsx"},
    )


#: The bulletin formats a page offers, with their media types.
_BULLETIN_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "html": "text/html; charset=utf-8",
    "md": "text/markdown; charset=utf-8",
}


@router.get("/plans/{plan_id}/bulletin.{fmt}")
def download_bulletin(request: Request, plan_id: int, fmt: str, me: Principal = Depends(_OFFICE)) -> Response:
    """The 督查通报 of the plan as of the pages' day, rendered as :mod:`luoshi.bulletins` does for the CLI."""
    from luoshi.bulletins import bulletin_data, render_bulletin  # matplotlib: only when asked

    if fmt not in _BULLETIN_TYPES:
        raise NotFoundProblem(f"bulletin.{fmt}")
    out = io.BytesIO()
    render_bulletin(bulletin_data(store_of(request), plan_id, as_of=day_of(request)), out, fmt)
    return Response(
        out.getvalue(),
        media_type=_BULLETIN_TYPES[fmt],
        headers={"Content-Disposition": f"attachment; filename=bulletin.{fmt}"},
    )
