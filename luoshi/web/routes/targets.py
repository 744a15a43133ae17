"""The targets list with filters (目标), a target's page, its chart and evidence files."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from sqlalchemy import select

from luoshi.planning.lookup import parse_item, target_ref
from luoshi.store import Evidence, Observation, Target
from luoshi.tracking import GRADES, KINDS, LIGHTS
from luoshi.web.accounts import Principal
from luoshi.web.auth import Access
from luoshi.web.cache import cached
from luoshi.web.charts import target_chart
from luoshi.web.data.overview import _short_section
from luoshi.web.data.status import status_index, status_row
from luoshi.web.data.target import TargetPage, current_points, target_page
from luoshi.web.problems import Forbidden, NotFoundProblem
from luoshi.web.render import lang_of, page, shared_page
from luoshi.web.routes._common import day_of, plan_of, store_of
from luoshi.web.scope import NOT_YOURS, may_read, readable_target, unit_item_ids

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
    filters = {"section": section, "unit": unit, "kind": kind, "grade": grade, "light": light, "q": q}
    reporter_unit = me.unit_id or 0 if me.role == "reporter" else None

    def context() -> dict:
        with store.reading() as session:
            plan = plan_of(session, plan_id)
            targets = list(
                session.scalars(select(Target).where(Target.plan_id == plan.id).order_by(Target.seq))
            )
            allowed = None if reporter_unit is None else unit_item_ids(session, plan.id, reporter_unit)[1]
            name = plan.name
        status = status_index(request, plan_id, day)
        rows = []
        for target in targets:
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
        return {
            "plan_id": plan_id,
            "plan_name": name,
            "rows": rows,
            "sections": sorted({_short_section(t.section) for t in targets}),
            "units": sorted({r.lead_unit for r in status.values() if r.lead_unit}),
            "kinds": KINDS,
            "grades": GRADES,
            "lights": LIGHTS,
            "f": filters,
            "day": day,
        }

    key = (plan_id, day, reporter_unit, section, unit, kind, grade, light)
    # A free-text search is rendered for its request only, not kept.
    return shared_page(request, "_targets_body.html", key, context, plan_id=plan_id, keep=not q)


def readable_page(request: Request, me: Principal, ref: str) -> TargetPage:
    """The target page's data of ``T12``, if the caller may read the target."""
    store = store_of(request)
    item = parse_item(ref)
    target_id = item[1] if item and item[0] == "T" else 0
    data = cached(request, ("target", target_id), lambda: target_page(store, target_id))
    if data is None:
        raise NotFoundProblem(f"没有这个目标 / no target {ref}")
    if not may_read(me, data.lead_unit_id, data.co_unit_ids):
        raise Forbidden(NOT_YOURS)
    return data


@router.get("/targets/{ref}")
def target_detail(request: Request, ref: str, me: Principal = Depends(Access("read"))) -> Response:
    data = readable_page(request, me, ref)
    day = day_of(request)
    ref = target_ref(data.target.id)
    can_submit = me.is_office or (me.role == "reporter" and data.lead_unit_id == me.unit_id)
    context = {"d": data, "ref": ref, "day": day, "can_submit": can_submit}
    context["status"] = status_row(request, data.plan.id, day, ref)
    return page(request, "target.html", context)


@router.get("/targets/{ref}/chart.svg")
def target_chart_svg(request: Request, ref: str, me: Principal = Depends(Access("read"))) -> Response:
    data = readable_page(request, me, ref)
    day, lang = day_of(request), lang_of(request)

    def draw() -> bytes:
        known = [o for o in data.observations if o.reported_at.date() <= day]
        superseded = {o.supersedes_id for o in known if o.supersedes_id}
        current = current_points(known, superseded)
        points = sorted(((p, o.value) for p, o in current.items()), key=lambda item: item[0])
        return target_chart(points, data.target.value, data.target.track_kind == "flow", data.plan.year, lang)

    svg = cached(request, ("chart", data.target.id, day, lang), draw)
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
