"""What the route modules share: the store, the as-of day, the plan a page is about, uploads."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from fastapi import Request, UploadFile
from sqlalchemy import select
from sqlalchemy.orm import Session

from luoshi.errors import SheetError
from luoshi.store import Plan, Store
from luoshi.web.cache import cached
from luoshi.web.problems import NotFoundProblem

__all__ = ["store_of", "day_of", "plan_of", "PlanName", "plan_names", "chosen_plan", "read_upload"]


def store_of(request: Request) -> Store:
    return request.app.state.store


def day_of(request: Request) -> date:
    """The day statuses are graded at: ``?as_of=``, the settings' day, else today."""
    asked = request.query_params.get("as_of") or request.app.state.settings.as_of
    if asked:
        try:
            return date.fromisoformat(asked)
        except ValueError:
            pass
    return date.today()


def plan_of(session: Session, plan_id: int | None) -> Plan:
    """The plan asked for, or the newest plan."""
    plan = (
        session.get(Plan, plan_id)
        if plan_id
        else session.scalars(select(Plan).order_by(Plan.id.desc())).first()
    )
    if plan is None:
        raise NotFoundProblem("没有这个计划 / no such plan")
    return plan


class PlanName(NamedTuple):
    """A plan's id and name, as the pages list them."""

    id: int
    name: str


def plan_names(request: Request) -> list[PlanName]:
    """Every plan's id and name, oldest first."""

    def read() -> list[PlanName]:
        with store_of(request).reading() as session:
            rows = session.execute(select(Plan.id, Plan.name).order_by(Plan.id))
            return [PlanName(row.id, row.name) for row in rows]

    return cached(request, ("plans",), read)


def chosen_plan(request: Request, plan_id: int | None) -> PlanName:
    """The plan asked for, or the newest plan (as :func:`plan_of`)."""
    plans = plan_names(request)
    found = next((p for p in plans if p.id == plan_id), None) if plan_id else (plans[-1] if plans else None)
    if found is None:
        raise NotFoundProblem("没有这个计划 / no such plan")
    return found


async def read_upload(upload: UploadFile, limit: int) -> bytes:
    """An uploaded file's bytes, refused beyond ``limit`` without reading more than that."""
    data = await upload.read(limit + 1)
    if len(data) > limit:
        raise SheetError(
            f"文件超过 {limit // 1024} KB，拒绝上传 / the file is larger than {limit // 1024} KB",
            hint="压缩或拆分后重试 / make it smaller",
            path=upload.filename,
        )
    return data
