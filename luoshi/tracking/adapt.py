"""From an extracted target (量化目标) and its catalogue link to a :class:`TrackedTarget`.

The catalogue entry, when there is one, gives the kind, direction, aggregation, reporting
frequency and skipped months; without one they are inferred (:func:`luoshi.catalog.infer_kind`).
The target's own comparator still decides the direction where it is a bound (a ceiling is
lower-is-better). A deadline year later than the plan year makes a multi-year period that
ends on 31 December of that year.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from luoshi.catalog import Catalog, Indicator, TargetLike, default_catalog, infer_direction, infer_kind
from luoshi.catalog.text import DECLINE_RE
from luoshi.errors import TrackingError
from luoshi.tracking.model import TrackedTarget

__all__ = ["tracked_target", "profile_from_cumulative"]

_CONCENTRATION = ("μg/m³", "mg/L")


def tracked_target(
    target: TargetLike,
    *,
    id: str,
    plan_year: int,
    entry: Indicator | None = None,
    catalog: Catalog | None = None,
    link: bool = True,
    baseline: Decimal | None = None,
    frequency: str | None = None,
    start: date | None = None,
    end: date | None = None,
    profile: Sequence[float] | None = None,
) -> TrackedTarget:
    """A TrackedTarget for an extracted target.

    ``entry`` is the catalogue link (a user's correction wins); without it and with ``link``,
    the target's wording is matched against ``catalog`` (the shipped one by default).
    ``start``/``end`` override the plan period (an assignment's 完成时限 is an ``end``).
    """
    if entry is None and link:
        found = (catalog or default_catalog()).match(target.indicator, target.unit, target.comparator)
        entry = found.entry if found else None
    if entry is not None:
        kind, direction = entry.kind, entry.direction
        aggregation = entry.aggregation or "mean"
        frequency = frequency or entry.frequency
        skip = entry.skip_months
        indicator = entry.id
    else:
        kind, direction = infer_kind(target), infer_direction(target)
        aggregation = "mean" if target.unit in _CONCENTRATION else "latest"
        skip = ()
        indicator = ""
    year = getattr(target, "year", None)
    if end is None and year is not None and year != plan_year:
        if year < plan_year:
            raise TrackingError(
                f"目标 {id}: 期限 {year} 早于计划年度 {plan_year} (deadline before the plan year)"
            )
        end = date(year, 12, 31)
    sense = (
        "decline"
        if getattr(target, "kind", "") == "decline" or DECLINE_RE.search(target.indicator)
        else "growth"
    )
    return TrackedTarget(
        id=id,
        kind=kind,
        comparator=target.comparator,
        value=target.value,
        unit=target.unit,
        direction=direction,
        value_max=getattr(target, "value_max", None),
        baseline=baseline,
        year=plan_year,
        start=start,
        end=end,
        frequency=frequency,
        aggregation=aggregation,
        observed="level" if kind == "rate" and target.unit == "倍" else "rate",
        sense=sense,
        profile=None if profile is None else tuple(float(v) for v in profile),
        skip_months=skip,
        name=target.indicator,
        indicator=indicator,
    )


def profile_from_cumulative(values: Sequence[Decimal | float]) -> tuple[float, ...]:
    """Last year's twelve monthly amounts from its twelve year-to-date totals (累计值 → 当月值)."""
    if len(values) != 12:
        raise TrackingError(f"需要12个月的累计值 (twelve year-to-date values), got {len(values)}")
    totals = [float(v) for v in values]
    monthly = [totals[0]] + [b - a for a, b in zip(totals, totals[1:], strict=False)]
    if any(v < 0 for v in monthly):
        raise TrackingError("累计值出现下降 (a year-to-date total decreases)", hint="检查是否填成了当月值")
    return tuple(monthly)
