"""Synthetic plans for the benchmarks (合成计划): rows inserted with Core ``insert()``, fast.

The status, web and bulletin benchmarks each build a plan of their own shape; what a report,
a plan, its units, its targets and their assignments look like as rows is written once here.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, insert

from luoshi.store.models import Plan, Report, Unit

__all__ = ["insert_plan", "insert_units", "target_row", "assignment_row"]


def insert_plan(connection: Connection, year: int, now: datetime, *, name: str, text: str = "") -> int:
    """A report (its ``text``) adopted as a monthly plan for ``year``, due by the 25th; its id."""
    report_id = connection.execute(
        insert(Report).returning(Report.id),
        {
            "name": name,
            "place": "样例市",
            "level": "city",
            "year": year,
            "text": text,
            "sha256": uuid.uuid4().hex * 2,
            "source": None,
            "format": "txt",
            "encoding": None,
            "created_at": now,
        },
    ).scalar_one()
    return connection.execute(
        insert(Plan).returning(Plan.id),
        {
            "report_id": report_id,
            "name": name,
            "year": year,
            "period_start": date(year, 1, 1),
            "period_end": date(year, 12, 31),
            "frequency": "month",
            "deadline_day": 25,
            "rules": None,
            "created_at": now,
            "created_by": "bench",
        },
    ).scalar_one()


def insert_units(connection: Connection, names: list[str], now: datetime) -> list[int]:
    """Units (单位) of these names; their ids in order."""
    return [
        connection.execute(insert(Unit).returning(Unit.id), {"name": name, "created_at": now}).scalar_one()
        for name in names
    ]


def target_row(
    plan_id: int,
    seq: int,
    shape: tuple,
    *,
    start: int,
    end: int,
    text: str,
    section: str = "",
    linked: bool = False,
    review: str = "extracted",
) -> dict[str, Any]:
    """A target row from a shape (indicator, comparator, value, unit, track kind, direction[,
    catalogue id]); ``linked`` keeps the shape's catalogue id."""
    indicator, comparator, value, unit, kind, direction, *rest = shape
    entry = rest[0] if linked and rest else None
    return {
        "plan_id": plan_id,
        "seq": seq,
        "start": start,
        "end": end,
        "text": text,
        "section": section,
        "indicator": indicator,
        "comparator": comparator,
        "value": value if isinstance(value, Decimal) else Decimal(value),
        "value_max": None,
        "unit": unit,
        "modality": "binding",
        "year": None,
        "kind": "amount",
        "indicator_id": entry,
        "link_confidence": 1.0 if entry else None,
        "track_kind": kind,
        "direction": direction,
        "link_source": "catalog" if entry else "inferred",
        "baseline": None,
        "review": review,
    }


def assignment_row(
    plan_id: int, target_id: int, unit_id: int, now: datetime, due: date | None = None
) -> dict[str, Any]:
    """The row assigning a target to its lead unit."""
    return {
        "plan_id": plan_id,
        "target_id": target_id,
        "task_id": None,
        "lead_unit_id": unit_id,
        "leader": "",
        "due": due,
        "updated_at": now,
        "updated_by": "bench",
    }
