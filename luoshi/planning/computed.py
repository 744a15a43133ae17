"""Observations computed from monitoring data (监测数据计算): air by HJ 633 / HJ 663, water by GB 3838.

PM2.5平均浓度, 空气质量优良天数比例 and 断面水质达标率 are not numbers a department types in: they
follow from monitoring data by the national standards. ``compute_air_progress`` (hourly air
data, :func:`luoshi.environment.air.air_indicators`) and ``compute_water_progress`` (water
samples, :mod:`luoshi.environment.water`) evaluate the *period itself* — a month's days, a
month's samples — and record each figure for the targets linked to those indicators, with
source ``computed`` and a note that names the standards, the sites or sections and the days,
so the number can be traced to how it was made.

The period's own figure, not the year to date: the status engine grades these levels on the
mean of the period values reported so far (``aggregation = "mean"``), so a year-to-date
figure recorded every month would count January in every month's value. Like any other value
a computed one never overwrites: computing a period again supersedes the last value when the
data changed, and changes nothing when they did not.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from luoshi.errors import PlanError
from luoshi.planning.lookup import resolve_plan, target_ref
from luoshi.planning.periods import check_period
from luoshi.planning.progress import current_values, store_value
from luoshi.store import Store
from luoshi.store.models import Plan, Target
from luoshi.tracking import parse_period

__all__ = [
    "AIR_INDICATORS",
    "WATER_INDICATORS",
    "ComputedValue",
    "compute_air_progress",
    "compute_water_progress",
    "water_figure",
]

#: Catalogue entries (luoshi/catalog/indicators.toml) whose values come from air monitoring,
#: and the key of the figure :func:`~luoshi.environment.air.air_indicators` computes for each.
AIR_INDICATORS = {"pm25": "pm25_mean", "good_air_days": "good_days_ratio"}
#: Catalogue entries whose values come from surface-water monitoring (GB 3838).
WATER_INDICATORS = ("surface_water_quality", "surface_water_worst")
REPORTER = "luoshi (HJ 663—2013)"
WATER_REPORTER = "luoshi (GB 3838—2002)"
#: Wording that names the class shares (Ⅰ—Ⅲ类 / 优良) rather than sections meeting their targets.
_GOOD_WORDS = re.compile(r"优良|好于|[ⅠⅡⅢIi1一二三]+\s*[-—~至到]?\s*[ⅠⅡⅢIi1一二三]*\s*类|iii", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ComputedValue:
    """What one computation did for one target: ``outcome`` is created, corrected, unchanged or
    skipped (no valid figure: ``why`` says so); ``note`` is the provenance that was stored."""

    target: str
    indicator: str
    period: str
    value: Decimal | None
    unit: str
    valid: bool
    note: str
    outcome: str
    why: str = ""


@dataclass(frozen=True, slots=True)
class _Figure:
    """One computed figure for one target: its name, value (None: cannot be computed), note."""

    name: str
    value: Decimal | None
    valid: bool
    note: str
    why: str = ""


def compute_air_progress(
    store: Store,
    plan_ref: str | int,
    paths: Iterable[Path | str],
    *,
    period: str,
    city: str | None = None,
    by: str | None = None,
    reported_at: dt.datetime | None = None,
) -> list[ComputedValue]:
    """Compute the plan's air-quality targets for ``period`` (its own days) from hourly files."""
    from luoshi.environment.air import air_indicators, read_air  # numpy and pandas: only when used

    reporter = by or REPORTER
    with store.writing(reporter) as session:
        plan = resolve_plan(session, plan_ref)
        label = check_period(period, plan)
        targets = _linked(session, plan, tuple(AIR_INDICATORS))
        if not targets:
            raise PlanError(
                f"计划 {plan.name} 中没有与空气质量指标关联的目标 / no target of this plan is linked to an "
                "air-quality indicator (PM2.5平均浓度, 空气质量优良天数比例)",
                hint="用 luoshi plan edit-target 把目标关联到 pm25 或 good_air_days",
            )
        hourly = read_air(list(paths), cities=city)
        first = hourly.first_day
        start, end = _days(plan, label, first, first + dt.timedelta(days=hourly.n_days - 1))
        figures = air_indicators(hourly, start, end, city=city)
        found = {}
        for target in targets:
            figure = figures[AIR_INDICATORS[target.indicator_id or ""]]
            note = f"{figure.validity}; {figure.source.describe()}"
            why = "" if figure.value is not None else "无法计算 / cannot be computed from these data"
            found[target.id] = _Figure(figure.name, figure.value, figure.valid, note, why)
        return _record(session, targets, label, found, reporter, reported_at)


def water_figure(target: Target) -> str:
    """Which share of :class:`luoshi.environment.water.WaterSummary` a water target names:
    ``worst_ratio`` (劣Ⅴ类), ``good_ratio`` (Ⅰ—Ⅲ类, 优良) or ``meeting_ratio`` (断面达标)."""
    if target.indicator_id == "surface_water_worst":
        return "worst_ratio"
    if _GOOD_WORDS.search(target.indicator) or "达标" not in target.indicator:
        return "good_ratio"
    return "meeting_ratio"


_WATER_NAMES = {
    "meeting_ratio": "断面水质达标比例",
    "good_ratio": "Ⅰ—Ⅲ类（优良）断面比例",
    "worst_ratio": "劣Ⅴ类断面比例",
}


def compute_water_progress(
    store: Store,
    plan_ref: str | int,
    path: Path | str,
    *,
    period: str,
    include_tn: bool = False,
    by: str | None = None,
    reported_at: dt.datetime | None = None,
) -> list[ComputedValue]:
    """Compute the plan's surface-water targets for ``period`` from a table of samples.

    Each section's class is the worst of its items' classes (GB 3838—2002, single-factor, on
    the period mean of its samples; total nitrogen of lakes only with ``include_tn``). A table
    with a date column contributes the samples of the period's days; one without is taken
    whole, and the note says so."""
    from luoshi.environment.water import classify_samples, read_water, summarize

    reporter = by or WATER_REPORTER
    with store.writing(reporter) as session:
        plan = resolve_plan(session, plan_ref)
        label = check_period(period, plan)
        targets = _linked(session, plan, WATER_INDICATORS)
        if not targets:
            raise PlanError(
                f"计划 {plan.name} 中没有与地表水水质指标关联的目标 / no target of this plan is linked to a "
                "surface-water indicator (断面水质达标率, Ⅰ—Ⅲ类比例, 劣Ⅴ类比例)",
                hint="用 luoshi plan edit-target 把目标关联到 surface_water_quality 或 surface_water_worst",
            )
        start, end = _days(plan, label, plan.period_start, plan.period_end)
        samples = read_water(path, between=(start, end))
        summary = summarize(classify_samples(samples, include_tn=include_tn))
        days = (
            f"样品日期 samples {samples.dates[0]}—{samples.dates[1]}"
            if samples.dates
            else "表中无日期列，全部样品计入 / no date column: every sample counted"
        )
        classes = "、".join(
            f"{n}类 {count}" for n, count in zip(_CLASSES, summary.by_class.values(), strict=True)
        )
        note = (
            f"GB 3838—2002 单因子评价; {summary.sections} 个断面 sections ({classes}), "
            f"{summary.with_target} 个有水质目标、{summary.meeting} 个达标; {days}; {Path(path).name}"
        )
        found = {}
        for target in targets:
            which = water_figure(target)
            value = getattr(summary, which)
            why = ""
            if target.unit != "%":
                value, why = None, f"目标单位 {target.unit!r} 不是 % / the target is not a share in %"
            elif value is None:
                why = (
                    "没有标明水质目标的断面 / no section has a target class"
                    if which == "meeting_ratio"
                    else "没有可评价的断面 / no section could be classified"
                )
            found[target.id] = _Figure(_WATER_NAMES[which], value, value is not None, note, why)
        return _record(session, targets, label, found, reporter, reported_at)


_CLASSES = ("Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "Ⅴ", "劣Ⅴ")


def _linked(session: Session, plan: Plan, indicators: tuple[str, ...]) -> list[Target]:
    """The plan's targets linked to these catalogue entries (rejected ones left out), in order."""
    return list(
        session.scalars(
            select(Target)
            .where(
                Target.plan_id == plan.id, Target.indicator_id.in_(indicators), Target.review != "rejected"
            )
            .order_by(Target.seq)
        )
    )


def _days(plan: Plan, label: str, first: dt.date, last: dt.date) -> tuple[dt.date, dt.date]:
    """The period's own days within the plan and within the data (``first``—``last``)."""
    period_start, period_end, _ = parse_period(label)
    start = max(period_start, plan.period_start, first)
    end = min(period_end, plan.period_end, last)
    if start > end:
        raise PlanError(
            f"监测数据（{first}—{last}）不覆盖报送期 {label}（{period_start}—{period_end}）/ the data do not "
            "cover the period",
            hint="检查数据文件的日期和 --period",
        )
    return start, end


def _record(
    session: Session,
    targets: list[Target],
    label: str,
    figures: dict[int, _Figure],
    reporter: str,
    reported_at: dt.datetime | None,
) -> list[ComputedValue]:
    """Store each target's figure for the period (source ``computed``); what happened to each."""
    current = current_values(session, [t.id for t in targets])
    results = []
    for target in targets:
        figure = figures[target.id]
        ref = target_ref(target.id)
        if figure.value is None:
            results.append(
                ComputedValue(
                    ref, figure.name, label, None, target.unit, False, figure.note, "skipped", figure.why
                )
            )
            continue
        outcome, _ = store_value(
            session,
            target,
            label,
            figure.value,
            target.unit,
            figure.note,
            current.get(target.id, {}).get(label),
            "computed",
            reporter,
            reported_at or dt.datetime.now(),
        )
        results.append(
            ComputedValue(
                ref, figure.name, label, figure.value, target.unit, figure.valid, figure.note, outcome
            )
        )
    return results
