"""A plan's status for pages (进度评价), graded once per change of the store.

Grading a plan is the costliest thing a page does; the result depends only on the plan,
the day, the unit and the store's contents, so it is kept in the page cache
(:mod:`luoshi.web.cache`) until the store changes.
"""

from __future__ import annotations

from datetime import date

from fastapi import Request

from luoshi.planning import PlanStatus, StatusRow, plan_status
from luoshi.web.cache import cached

__all__ = ["cached_status", "status_index", "status_row"]


def cached_status(request: Request, plan_id: int, day: date, unit: str | None = None) -> PlanStatus:
    """``plan_status(store, plan_id, as_of=day, unit=unit)``, from the cache when still current."""
    store = request.app.state.store
    return cached(
        request, ("status", plan_id, day, unit), lambda: plan_status(store, plan_id, as_of=day, unit=unit)
    )


def status_index(request: Request, plan_id: int, day: date) -> dict[str, StatusRow]:
    """The plan's status rows by target (``T12``), kept like the status."""

    def index() -> dict[str, StatusRow]:
        return {row.status.target_id: row for row in cached_status(request, plan_id, day).rows}

    return cached(request, ("status-index", plan_id, day), index)


def status_row(request: Request, plan_id: int, day: date, ref: str) -> StatusRow | None:
    """One target's row (``T12``) of the plan's status, or None when it is not graded."""
    return status_index(request, plan_id, day).get(ref)
