"""Observations computed from monitoring data (监测数据计算): air-quality targets by HJ 633 / HJ 663.

PM2.5平均浓度 and 空气质量优良天数比例 are not numbers a department types in: they follow from
hourly monitoring data by the national standards. ``compute_air_progress`` evaluates the
plan's year to date (from the plan's first day to the end of the period) with
:func:`luoshi.environment.air.air_indicators` and records each figure for the targets linked
to those indicators, with source ``computed`` and a note that names the standards, the
sites and the valid days, so the number can be traced to how it was made. Like any other
value it never overwrites: a new computation for the same period supersedes the last.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from luoshi.errors import PlanError
from luoshi.planning.lookup import resolve_plan, target_ref
from luoshi.planning.periods import check_period
from luoshi.planning.progress import current_values, store_value
from luoshi.store import Store
from luoshi.store.models import Target
from luoshi.tracking import parse_period

__all__ = ["AIR_INDICATORS", "ComputedValue", "compute_air_progress"]

#: Catalogue entries (luoshi/catalog/indicators.toml) whose values come from air monitoring,
#: and the key of the figure :func:`~luoshi.environment.air.air_indicators` computes for each.
AIR_INDICATORS = {"pm25": "pm25_mean", "good_air_days": "good_days_ratio"}
REPORTER = "luoshi (HJ 663—2013)"


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
    """Compute the plan's air-quality targets for ``period`` (year to date) from hourly files."""
    from luoshi.environment.air import air_indicators, read_air  # numpy and pandas: only when used

    reporter = by or REPORTER
    with store.writing(reporter) as session:
        plan = resolve_plan(session, plan_ref)
        label = check_period(period, plan)
        targets = list(
            session.scalars(
                select(Target)
                .where(
                    Target.plan_id == plan.id,
                    Target.indicator_id.in_(AIR_INDICATORS),
                    Target.review != "rejected",
                )
                .order_by(Target.seq)
            )
        )
        if not targets:
            raise PlanError(
                f"计划 {plan.name} 中没有与空气质量指标关联的目标 / no target of this plan is linked to an "
                "air-quality indicator (PM2.5平均浓度, 空气质量优良天数比例)",
                hint="用 luoshi plan edit-target 把目标关联到 pm25 或 good_air_days",
            )
        hourly = read_air(list(paths), cities=city)
        _, period_end, _ = parse_period(label)
        first = hourly.first_day
        last = first + dt.timedelta(days=hourly.n_days - 1)
        start, end = max(plan.period_start, first), min(period_end, last)
        if start > end:
            raise PlanError(
                f"监测数据（{first}—{last}）不在计划期 {plan.period_start}—{period_end} 内 / the data do not "
                "cover the plan's year to date",
                hint="检查数据文件的日期和 --period",
            )
        figures = air_indicators(hourly, start, end, city=city)
        current = current_values(session, [t.id for t in targets])
        results = []
        for target in targets:
            figure = figures[AIR_INDICATORS[target.indicator_id or ""]]
            note = f"{figure.validity}; {figure.source.describe()}"
            if figure.value is None:
                results.append(
                    ComputedValue(
                        target_ref(target.id),
                        figure.name,
                        label,
                        None,
                        target.unit,
                        False,
                        note,
                        "skipped",
                        "无法计算 / cannot be computed from these data",
                    )  # fmt: skip
                )
                continue
            outcome, _ = store_value(
                session,
                target,
                label,
                figure.value,
                target.unit,
                note,
                current.get(target.id, {}).get(label),
                "computed",
                reporter,
                reported_at or dt.datetime.now(),
            )
            results.append(
                ComputedValue(
                    target_ref(target.id),
                    figure.name,
                    label,
                    figure.value,
                    target.unit,
                    figure.valid,
                    note,
                    outcome,
                )
            )
    return results
