"""The targets list with filters (目标), a target's page, its chart and evidence files."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from sqlalchemy import select

from luoshi.planning.lookup import target_ref
from luoshi.store import Evidence, Observation, Plan, Target
from luoshi.tracking import GRADES, KINDS, LIGHTS
from luoshi.web.accounts import Principal
from luoshi.web.auth import Access
from luoshi.web.charts import target_chart
from luoshi.web.data.overview import _short_section
from luoshi.web.data.status import cached_status
from luoshi.web.data.target import current_points, target_page
from luoshi.web.problems import NotFoundProblem
from luoshi.web.render import lang_of, page
from luoshi.web.routes._common import day_of, plan_of, store_of
from luoshi.web.scope import readable_target, unit_item_ids

router = APIRouter()


@router.get("/plans/{plan_id}/targets")
def targets_page(
    request: Request,
    plan_id: int,
    section: str = "",
    unit: str = "",
    kind: str = "",
    grade: str = "",
    light: str = "",
    q: str = "",
    me: Principal = Depends(Access("read")),
) -> Response:
    store = store_of(request)
    day = day_of(request)
    with store.reading() as session:
        plan = plan_of(session, plan_id)
        targets = {
            t.id: t
            for t in session.scalars(select(Target).where(Target.plan_id == plan.id).order_by(Target.seq))
        }
        allowed = None
        if me.role == "reporter":
            allowed = unit_item_ids(session, plan.id, me.unit_id or 0)[1]
        name = plan.name
    status = {row.status.target_id: row for row in cached_status(store, plan_id, day).rows}
    rows = []
    for target in targets.values():
        if allowed is not None and target.id not in allowed:
            continue
        row = status.get(target_ref(target.id))
        sec = _short_section(target.section)
        checks = [
            not section or sec == section,
            not unit or (row is not None and (row.lead_unit == unit or unit in row.co_units)),
            not kind or target.track_kind == kind,
            not grade or (row is not None and row.status.grade == grade),
            not light or (row is not None and row.status.light == light),
            not q or q in target.text or q in target.indicator,
        ]
        if all(checks):
            rows.append((target, sec, row))
    sections = sorted({_short_section(t.section) for t in targets.values()})
    units = sorted({r.lead_unit for r in status.values() if r.lead_unit})
    filters = {"section": section, "unit": unit, "kind": kind, "grade": grade, "light": light, "q": q}
    return page(
        request,
        "targets.html",
        {
            "plan_id": plan_id,
            "plan_name": name,
            "rows": rows,
            "sections": sections,
            "units": units,
            "kinds": KINDS,
            "grades": GRADES,
            "lights": LIGHTS,
            "f": filters,
            "day": day,
        },
    )


@router.get("/targets/{ref}")
def target_detail(request: Request, ref: str, me: Principal = Depends(Access("read"))) -> Response:
    store = store_of(request)
    day = day_of(request)
    with store.reading() as session:
        target = readable_target(session, me, ref)
        data = target_page(store, session, target, day)
        lead_id = None
        if me.role == "reporter":
            from luoshi.web.scope import item_units

            lead_id = item_units(session, target_id=target.id)[0]
    can_submit = me.is_office or (me.role == "reporter" and lead_id == me.unit_id)
    return page(
        request,
        "target.html",
        {"d": data, "ref": target_ref(data.target.id), "day": day, "can_submit": can_submit},
    )


@router.get("/targets/{ref}/chart.svg")
def target_chart_svg(request: Request, ref: str, me: Principal = Depends(Access("read"))) -> Response:
    store = store_of(request)
    day = day_of(request)
    with store.reading() as session:
        target = readable_target(session, me, ref)
        plan = session.get(Plan, target.plan_id)
        assert plan is not None
        observations = [
            o
            for o in session.scalars(select(Observation).where(Observation.target_id == target.id))
            if o.reported_at.date() <= day
        ]
        superseded = {o.supersedes_id for o in observations if o.supersedes_id}
        current = current_points(observations, superseded)
        points = sorted(((p, o.value) for p, o in current.items()), key=lambda item: item[0])
        svg = target_chart(points, target.value, target.track_kind == "flow", plan.year, lang_of(request))
    return Response(svg, media_type="image/svg+xml", headers={"Cache-Control": "private, max-age=60"})


@router.get("/evidence/{evidence_id}")
def evidence_file(request: Request, evidence_id: int, me: Principal = Depends(Access("read"))) -> Response:
    store = store_of(request)
    with store.reading() as session:
        row = session.get(Evidence, evidence_id)
        if row is None:
            raise NotFoundProblem("没有这个文件 / no such file")
        observation = session.get(Observation, row.observation_id)
        assert observation is not None
        readable_target(session, me, target_ref(observation.target_id))
        data, name = row.data, row.filename
    from urllib.parse import quote

    return Response(
        data,
        media_type="application/octet-stream",
        headers={
            "Content-Disposition": f"attachment; filename*=UTF-8''{quote(name)}",
            "X-Content-Type-Options": "nosniff",
        },
    )
