"""A plan's status for pages (进度评价缓存), graded once per change of the store.

Grading a plan is the costliest thing a page does; the result depends only on the plan,
the day and the store's contents. Every change to the store writes an audit event, so the
id of the latest event is a version: statuses are cached by (plan, day, unit, version) and
a page pays one small query to learn whether the cache still holds.
"""

from __future__ import annotations

import threading
from datetime import date

from sqlalchemy import func, select

from luoshi.planning import PlanStatus, plan_status
from luoshi.store import AuditEvent, Store

__all__ = ["cached_status", "store_version"]

_CACHE: dict[tuple[str, int, date, str | None, int], PlanStatus] = {}
_LOCK = threading.Lock()
_MAX = 64


def store_version(store: Store) -> int:
    """The id of the latest audit event: it changes whenever anything in the store does."""
    with store.reading() as session:
        return int(session.scalar(select(func.max(AuditEvent.id))) or 0)


def cached_status(store: Store, plan_id: int, day: date, unit: str | None = None) -> PlanStatus:
    """``plan_status(store, plan_id, as_of=day, unit=unit)``, from the cache when still current."""
    key = (store.url, plan_id, day, unit, store_version(store))
    with _LOCK:
        found = _CACHE.get(key)
    if found is not None:
        return found
    result = plan_status(store, plan_id, as_of=day, unit=unit)
    with _LOCK:
        if len(_CACHE) >= _MAX:
            _CACHE.clear()
        _CACHE[key] = result
    return result
