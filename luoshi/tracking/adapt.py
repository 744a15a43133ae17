"""From an extracted target (量化目标) and its catalogue link to a :class:`TrackedTarget`.

The catalogue entry, when there is one, gives the kind, direction, aggregation, reporting
frequency and skipped months; without one they are inferred (:func:`luoshi.catalog.infer_kind`).
The target's own comparator still decides the direction where it is a bound (a ceiling is
lower-is-better). A deadline year later than the plan year makes a multi-year period that
ends on 31 December of that year.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from decimal import Decimal
from types import SimpleNamespace

from luoshi.catalog import Catalog, Indicator, TargetLike, default_catalog, infer_direction, infer_kind
from luoshi.catalog.text import DECLINE_RE
from luoshi.errors import TrackingError
from luoshi.tracking.model import TrackedTarget, _derived

__all__ = ["tracked_target", "TargetBuilder", "check_values", "profile_from_cumulative"]

_CONCENTRATION = ("μg/m³", "mg/L")
_HUNDRED = Decimal(100)


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
    inferred = _infer(target, entry, catalog, link, frequency)
    return _assemble(target, inferred, id, plan_year, baseline, start, end, profile)


class TargetBuilder:
    """Builds the TrackedTargets of many targets of one plan, each as :func:`tracked_target`
    would (followed by ``dataclasses.replace(kind=…, direction=…)`` for a stored kind and
    direction), but cheaply: the first target of each shape (its wording, unit, comparator,
    catalogue entry, deadline, stored kind and direction: all but its id, values and
    baseline) is made and checked in full, the others of that shape are copies of it with
    their own id, value, value_max and baseline.
    """

    __slots__ = ("plan_year", "catalog", "_shapes", "_entries")

    def __init__(self, *, plan_year: int, catalog: Catalog | None = None) -> None:
        self.plan_year = plan_year
        self.catalog = catalog
        self._shapes: dict[tuple, TrackedTarget] = {}
        self._entries: list[Indicator] = []

    def build(
        self,
        target: TargetLike,
        *,
        id: str,
        entry: Indicator | None = None,
        link: bool = True,
        baseline: Decimal | None = None,
        end: date | None = None,
        kind: str | None = None,
        direction: str | None = None,
    ) -> TrackedTarget:
        """The TrackedTarget of ``target``; ``kind`` and ``direction``, when given, replace the
        ones the catalogue or inference gives (a user's correction, stored with the target)."""
        return self.build_row(target, id, entry, link, baseline, end, kind, direction)

    def build_row(
        self,
        target: TargetLike,
        id: str,
        entry: Indicator | None,
        link: bool,
        baseline: Decimal | None,
        end: date | None,
        kind: str | None,
        direction: str | None,
    ) -> TrackedTarget:
        """:meth:`build` with positional arguments, for a loop over a plan's targets."""
        template = self.shape(target, id, entry, link, baseline, end, kind, direction)
        if template.id == id:  # made for this very target
            return template
        return _derived(
            template, id, target.value, getattr(target, "value_max", None), baseline, target.indicator
        )

    def shape(
        self,
        target: TargetLike,
        id: str,
        entry: Indicator | None,
        link: bool,
        baseline: Decimal | None,
        end: date | None,
        kind: str | None,
        direction: str | None,
    ) -> TrackedTarget:
        """The TrackedTarget of the first target of ``target``'s shape (all but its id, values
        and baseline): ``target``'s own when it is the first (then checked in full), else the
        template whose copy with ``target``'s id, value, value_max and baseline is
        ``target``'s (those are not checked here: :func:`check_values`)."""
        return self.shape_of(
            target.indicator,
            target.comparator,
            target.value,
            getattr(target, "value_max", None),
            target.unit,
            getattr(target, "year", None),
            getattr(target, "kind", ""),
            id,
            entry,
            link,
            baseline,
            end,
            kind,
            direction,
        )

    def shape_of(
        self,
        indicator: str,
        comparator: str,
        value: Decimal,
        value_max: Decimal | None,
        unit: str,
        year: int | None,
        extracted: str,
        id: str,
        entry: Indicator | None,
        link: bool,
        baseline: Decimal | None,
        end: date | None,
        kind: str | None,
        direction: str | None,
    ) -> TrackedTarget:
        """:meth:`shape` of a target given by its fields (``extracted``: the extraction's kind)."""
        # What the catalogue entry or the wording (and whether the value is 0 or 100, which
        # inference reads) makes of the target, its deadline and its stored kind and direction.
        key = (
            _entry_key(entry),
            link,
            indicator,
            unit,
            comparator,
            extracted,
            year,
            end,
            kind,
            direction,
            entry is None and not value,
            entry is None and value == _HUNDRED,
        )
        template = self._shapes.get(key)
        if template is not None:
            return template
        target = SimpleNamespace(
            indicator=indicator,
            comparator=comparator,
            value=value,
            value_max=value_max,
            unit=unit,
            year=year,
            kind=extracted,
        )
        made = tracked_target(
            target,  # type: ignore[arg-type]
            id=id,
            plan_year=self.plan_year,
            entry=entry,
            catalog=self.catalog,
            link=link,
            baseline=baseline,
            end=end,
        )
        if kind is not None or direction is not None:
            kind = made.kind if kind is None else kind
            direction = made.direction if direction is None else direction
            if kind != made.kind or direction != made.direction:
                made = replace(made, kind=kind, direction=direction)
        self._shapes[key] = made
        if entry is not None:
            self._entries.append(entry)  # keeps its identity (in the key) from being reused
        return made


def check_values(template: TrackedTarget, id: str, value: Decimal, value_max: Decimal | None) -> None:
    """Raise the :class:`TrackingError` the TrackedTarget constructor would for ``template``
    with this id, value and value_max (a value that is not a Decimal, a range upside down)."""
    if not isinstance(value, Decimal) or (
        template.comparator == "range" and (value_max is None or value_max < value)
    ):
        replace(template, id=id, value=value, value_max=value_max)


def _entry_key(entry: Indicator | None) -> int:
    """A key for a catalogue entry that is cheap to hash: entries are told apart by identity
    (the builder keeps each entry in its keys, so an identity is not reused meanwhile)."""
    return id(entry)


def _infer(
    target: TargetLike, entry: Indicator | None, catalog: Catalog | None, link: bool, frequency: str | None
) -> tuple:
    """What the catalogue entry or the wording says: (kind, direction, aggregation, frequency,
    skip months, indicator id, sense, observed, the entry)."""
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
    sense = (
        "decline"
        if getattr(target, "kind", "") == "decline" or DECLINE_RE.search(target.indicator)
        else "growth"
    )
    observed = "level" if kind == "rate" and target.unit == "倍" else "rate"
    return kind, direction, aggregation, frequency, skip, indicator, sense, observed, entry


def _assemble(
    target: TargetLike,
    inferred: tuple,
    id: str,
    plan_year: int,
    baseline: Decimal | None,
    start: date | None,
    end: date | None,
    profile: Sequence[float] | None,
) -> TrackedTarget:
    kind, direction, aggregation, frequency, skip, indicator, sense, observed, _ = inferred
    year = getattr(target, "year", None)
    if end is None and year is not None and year != plan_year:
        if year < plan_year:
            raise TrackingError(
                f"目标 {id}: 期限 {year} 早于计划年度 {plan_year} (deadline before the plan year)"
            )
        end = date(year, 12, 31)
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
        observed=observed,
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
