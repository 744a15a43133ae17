"""Building a bulletin's data from the store (通报数据): :func:`bulletin_data`.

The statuses are the status engine's (:mod:`luoshi.tracking`) over the inputs the plan
workflow loads (:func:`luoshi.planning.status.load_inputs`), so a bulletin's counts are
``luoshi status``'s at the same date. A bulletin covers a reporting period (``period``,
2023-06 or 2023-Q2): values for later periods are left out, and unless an ``as_of`` date is
given the bulletin is evaluated on the day after that period's reporting deadline (报送期限),
when every unit's report for it is due, which is when an office writes one. With neither,
the date is today and the period the latest one already due.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Connection, select

from luoshi.bulletins.model import BulletinData, BulletinRow, LatestValue, OutputError
from luoshi.catalog import Catalog
from luoshi.planning.lookup import resolve_plan, target_ref
from luoshi.planning.plans import plan_rules
from luoshi.planning.status import load_inputs
from luoshi.store import Store
from luoshi.store.models import Observation, Plan, Target
from luoshi.tracking import Rules, parse_period, reporting_rates, statuses
from luoshi.tracking.periods import deadline_after, latest_due, reporting_periods

__all__ = ["bulletin_data", "bulletin_window"]


def bulletin_data(
    store: Store,
    plan: str | int,
    *,
    as_of: date | None = None,
    period: str | None = None,
    office: str = "",
    number: str = "",
    catalog: Catalog | None = None,
) -> BulletinData:
    """The bulletin of ``plan`` (id or name) for ``period`` at ``as_of`` (see the module's doc);
    ``office`` and ``number`` are the issuer and the 文号 it carries."""
    with store.reading() as session:
        found = resolve_plan(session, plan)
        rules = plan_rules(found)
        day, label, end = bulletin_window(found, rules, as_of=as_of, period=period)
        connection = session.connection()
        inputs = load_inputs(connection, found, catalog=catalog)
        points: Mapping[str, Sequence[Any]] = inputs.observations
        if period is not None:
            points = {
                ref: [p for p in got if parse_period(p.period)[1] <= end] for ref, got in points.items()
            }
        graded = statuses(inputs.tracked, points, day, rules)
        units = reporting_rates(inputs.tracked, inputs.leads, points, day, rules, statuses=graded)
        details = _details(connection, found.id)
        latest = _latest(
            connection, found.id, cutoff=datetime.combine(day + timedelta(days=1), time()), end=end
        )
        report = found.report
        rows = []
        for status in graded:
            ref = status.target_id
            detail = details[ref]
            rows.append(
                BulletinRow(
                    id=ref,
                    number=detail.seq,
                    section=detail.section,
                    indicator=detail.indicator,
                    text=detail.text,
                    unit=detail.unit,
                    lead_unit=inputs.leads.get(ref),
                    co_units=inputs.co_units.get(ref, ()),
                    status=status,
                    latest=latest.get(ref),
                )
            )
        return BulletinData(
            plan_id=found.id,
            plan_name=found.name,
            place=report.place,
            level=report.level,
            year=found.year,
            as_of=day,
            period=label,
            period_end=end,
            rows=tuple(rows),
            units=tuple(units.values()),
            frequency=found.frequency,
            deadline_day=found.deadline_day,
            office=office,
            number=number,
            skipped=tuple(inputs.skipped),
        )


def bulletin_window(
    plan: Plan, rules: Rules, *, as_of: date | None = None, period: str | None = None
) -> tuple[date, str, date]:
    """(evaluation date, period label, the period's last day) for a bulletin of ``plan``."""
    periods = reporting_periods(
        plan.period_start, plan.period_end, rules.frequency, rules.deadline_day, rules.deadline_months
    )
    if period is None:
        day = as_of or date.today()
        due = latest_due(periods, tuple(p.deadline for p in periods), day)
        if due is None:
            return day, "", min(day, plan.period_end)
        return day, due.label, due.end
    first, last, label = parse_period(period.strip().upper())
    if first < plan.period_start or last > plan.period_end:
        raise OutputError(
            f"报送期 {label} 不在计划期 {plan.period_start}—{plan.period_end} 内 / the period is outside the plan",
            hint=f"写成 {plan.year}-06 或 {plan.year}-Q2",
        )
    deadline = deadline_after(last, rules.deadline_day, rules.deadline_months)
    if as_of is None:
        return deadline + timedelta(days=1), label, last
    later = [p for p in periods if p.end > last]
    if later and as_of > later[0].deadline:
        raise OutputError(
            f"评价日期 {as_of} 晚于下一报送期 {later[0].label} 的截止日 {later[0].deadline} / "
            f"--as-of is past the next period's deadline, so {label}'s bulletin would count it as unreported",
            hint=f"去掉 --as-of（默认 {deadline + timedelta(days=1)}），或改用 --period {later[0].label}",
        )
    return as_of, label, last


def _details(connection: Connection, plan_id: int) -> dict[str, Any]:
    """Each target's 序号, section, words and unit of measure, by item id."""
    columns = (Target.id, Target.seq, Target.text, Target.section, Target.indicator, Target.unit)
    rows = connection.execute(select(*columns).where(Target.plan_id == plan_id))
    return {target_ref(row.id): row for row in rows}


def _latest(connection: Connection, plan_id: int, *, cutoff: datetime, end: date) -> dict[str, LatestValue]:
    """Per target, the latest value known before ``cutoff`` for a period ending by ``end``
    that no known correction supersedes: the one with the latest period, then report time."""
    statement = (
        select(
            Observation.id,
            Observation.target_id,
            Observation.period,
            Observation.value,
            Observation.unit,
            Observation.note,
            Observation.reported_by,
            Observation.reported_at,
            Observation.supersedes_id,
        )
        .join(Target, Target.id == Observation.target_id)
        .where(Target.plan_id == plan_id, Observation.reported_at < cutoff)
    )
    known = [row for row in connection.execute(statement) if parse_period(row.period)[1] <= end]
    superseded = {row.supersedes_id for row in known if row.supersedes_id is not None}
    best: dict[int, Any] = {}
    for row in known:
        if row.id in superseded:
            continue
        key = (parse_period(row.period)[1], row.reported_at, row.id)
        held = best.get(row.target_id)
        if held is None or key > held[0]:
            best[row.target_id] = (key, row)
    return {
        target_ref(target_id): LatestValue(
            value=row.value,
            unit=row.unit,
            period=row.period,
            note=row.note or "",
            reported_by=row.reported_by or "",
            reported_at=row.reported_at,
        )
        for target_id, (_, row) in best.items()
    }
