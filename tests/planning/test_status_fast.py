"""``plan_status`` grades from per-target digests the database aggregates; the statuses and the
reporting records must be exactly those of grading every observation (``load_inputs``, then
the engine's ``statuses`` and ``reporting_rates``), on random plans with corrections, late
and future reports, missing periods, odd periods, deadlines and catalogue frequencies."""

from __future__ import annotations

import random
import uuid
from dataclasses import replace
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import insert, select

from luoshi.catalog import default_catalog
from luoshi.errors import TrackingError
from luoshi.planning import plan_status
from luoshi.planning import status as status_module
from luoshi.planning.plans import plan_rules
from luoshi.planning.status import load_inputs
from luoshi.store.models import Assignment, AssignmentUnit, Observation, Plan, Report, Target, Unit
from luoshi.tracking import reporting_rates, statuses, tracked_target

YEAR = 2023
NOW = datetime(YEAR, 1, 2, 9, 0)
#: (indicator, comparator, value, value_max, unit, track kind, direction, catalogue id, baseline)
SHAPES = (
    ("新增城镇就业", ">=", "140000", None, "人", "flow", "higher", "urban_jobs_new", None),
    ("PM2.5平均浓度", "<", "28", None, "μg/m³", "level", "lower", "pm25", None),
    ("地区生产总值增长", "≈", "5.5", None, "%", "rate", "higher", "gdp_growth", None),
    ("规上工业增加值增长", ">=", "7", None, "%", "rate", "higher", "industrial_value_added_growth", None),
    ("城镇调查失业率", "<=", "5.5", None, "%", "level", "lower", "surveyed_unemployment", None),
    ("生活垃圾分类覆盖率", ">=", "95", None, "%", "share", "higher", None, "60"),
    ("完成老旧小区改造", ">=", "120", None, "个", "flow", "higher", None, None),
    ("单位GDP能耗下降", "≈", "3", None, "%", "rate", "higher", None, None),
    ("产业规模", "=", "2", None, "倍", "rate", "higher", None, "300"),
    ("居民消费价格涨幅", "range", "2", "3", "%", "rate", "lower", None, None),
    ("新建公办幼儿园", ">=", "30", None, "所", "flow", "higher", None, None),
    ("能耗总量", "<=", "500", None, "万吨", "flow", "lower", None, None),
    ("示范项目主体完工", "=", "100", None, "%", "milestone", "higher", None, None),
    ("城乡居民人均可支配收入增长", ">=", "6", None, "%", "rate", "higher", "disposable_income_growth", None),
)
#: Last year's monthly amounts a user may give a target (shaping 序时 by season).
PROFILES = (
    ["8", "6", "8", "8", "8", "9", "8", "8", "8", "9", "8", "12"],
    ["1", "1", "1", "1", "1", "1", "1", "1", "1", "1", "1", "1"],
    ["0", "0", "5", "5", "10", "10", "10", "10", "10", "10", "10", "20.5"],
)
AS_OF = (
    date(YEAR - 1, 12, 31),
    date(YEAR, 2, 26),
    date(YEAR, 3, 10),
    date(YEAR, 7, 26),
    date(YEAR, 12, 31),
    date(YEAR + 1, 1, 31),
)


def _plan(connection, rng: random.Random, name: str, units: list[int]) -> int:  # noqa: ANN001
    report = connection.execute(
        insert(Report).returning(Report.id),
        {
            "name": name,
            "place": "样例市",
            "level": "city",
            "year": YEAR,
            "text": "",
            "sha256": uuid.uuid4().hex * 2,
            "source": None,
            "format": "txt",
            "encoding": None,
            "created_at": NOW,
        },
    ).scalar_one()
    return connection.execute(
        insert(Plan).returning(Plan.id),
        {
            "report_id": report,
            "name": name,
            "year": YEAR,
            "period_start": date(YEAR, 1, 1),
            "period_end": date(YEAR, 12, 31),
            "frequency": "month",
            "deadline_day": rng.choice((25, 25, 10, 31)),
            "rules": None,
            "created_at": NOW,
            "created_by": "test",
        },
    ).scalar_one()


def _target(rng: random.Random, plan_id: int, seq: int) -> dict:
    indicator, comparator, value, value_max, unit, kind, direction, entry, baseline = rng.choice(SHAPES)
    value = str(Decimal(value) * rng.choice((1, 1, 1, Decimal("1.5"), Decimal("0.8"))))
    if comparator == "range":
        value_max = str(Decimal(value) + 1)
    linked = entry is not None and rng.random() < 0.7
    return {
        "plan_id": plan_id,
        "seq": seq,
        "start": seq * 10,
        "end": seq * 10 + 8,
        "text": indicator,
        "section": "",
        "indicator": indicator,
        "comparator": comparator,
        "value": Decimal(value),
        "value_max": None if value_max is None else Decimal(value_max),
        "unit": unit,
        "modality": "binding",
        "year": rng.choice((None,) * 12 + (YEAR, YEAR + 2, YEAR - 1)),
        "kind": rng.choice(("amount", "amount", "growth", "decline", "share")),
        "indicator_id": entry if linked else None,
        "link_confidence": 1.0 if linked else None,
        # A user's correction of the kind or the direction now and then.
        "track_kind": kind if rng.random() < 0.9 else rng.choice(("flow", "level", "rate", "share")),
        "direction": direction if rng.random() < 0.95 else rng.choice(("higher", "lower")),
        "link_source": "catalog" if linked else "inferred",
        "baseline": None if baseline is None else Decimal(baseline),
        "profile": rng.choice(PROFILES) if rng.random() < 0.15 else None,
        "review": "rejected" if rng.random() < 0.03 else "extracted",
    }


def _value(rng: random.Random, kind: str, month: int) -> Decimal:
    if kind == "flow":
        return Decimal(rng.randint(0, 160000) * month // 12)
    if kind == "milestone":
        return Decimal(rng.choice((0, 30, 60, 100)))
    return (
        (Decimal(rng.randint(0, 1200)) / 10).normalize()
        if rng.random() < 0.5
        else Decimal(rng.randint(1, 120))
    )


def _period(rng: random.Random, month: int) -> str:
    odd = rng.random()
    if odd < 0.015:
        return f"{YEAR}-Q{(month - 1) // 3 + 1}"
    if odd < 0.025:
        return f"{YEAR}-{month:02d}-15"
    if odd < 0.03:
        return f"{YEAR + 1}-01"
    return f"{YEAR}-{month:02d}"


def _observations(rng: random.Random, target_id: int, kind: str, start_id: int) -> list[dict]:
    """A target's reports: some months missing, late, early, future; corrections; repeats."""
    rows: list[dict] = []
    next_id = start_id
    for month in range(1, 13):
        if rng.random() < 0.15:
            continue
        first = datetime(YEAR, month, 1) + timedelta(days=rng.randint(20, 75), seconds=rng.randint(0, 86399))
        if rng.random() < 0.3:
            first = first.replace(microsecond=rng.randint(0, 999999))
        period = _period(rng, month)
        row = {
            "id": next_id,
            "target_id": target_id,
            "period": period,
            "value": _value(rng, kind, month),
            "unit": "",
            "note": "",
            "source": "import",
            "reported_by": "test",
            "reported_at": first,
            "supersedes_id": None,
        }
        rows.append(row)
        next_id += 1
        if rng.random() < 0.12:  # a correction, sometimes itself corrected
            previous = row
            for _ in range(rng.choice((1, 1, 2))):
                later = previous["reported_at"] + timedelta(
                    days=rng.randint(0, 40), seconds=rng.randint(1, 999)
                )
                previous = {
                    **previous,
                    "id": next_id,
                    "value": _value(rng, kind, month),
                    "reported_at": later,
                    "supersedes_id": previous["id"],
                }
                rows.append(previous)
                next_id += 1
        elif rng.random() < 0.02:  # reported twice without a correction
            again = {**row, "id": next_id, "value": _value(rng, kind, month)}
            again["reported_at"] = first + timedelta(days=rng.randint(1, 20))
            rows.append(again)
            next_id += 1
    return rows


def _build(store, seed: int) -> list[int]:  # noqa: ANN001
    """Three plans: one of 300 targets made together, two of 60 with their ids interleaved."""
    rng = random.Random(seed)
    plans = []
    with store.engine.begin() as connection:
        units = [
            connection.execute(
                insert(Unit).returning(Unit.id),
                {"name": f"单位{i}-{uuid.uuid4().hex[:4]}", "created_at": NOW},
            ).scalar_one()
            for i in range(7)
        ]
        main = _plan(connection, rng, f"main-{seed}", units)
        left = _plan(connection, rng, f"left-{seed}", units)
        right = _plan(connection, rng, f"right-{seed}", units)
        plans = [main, left, right]
        rows = [_target(rng, main, seq) for seq in range(1, 301)]
        for seq in range(1, 61):
            rows += [_target(rng, left, seq), _target(rng, right, seq)]
        connection.execute(insert(Target), rows)
        targets = connection.execute(select(Target.id, Target.plan_id, Target.track_kind)).all()
        next_id = (
            connection.execute(select(Observation.id).order_by(Observation.id.desc())).scalar() or 0
        ) + 1
        observations = []
        for target_id, _, kind in targets:
            if rng.random() < 0.05:
                continue  # nothing reported at all
            made = _observations(rng, target_id, kind, next_id)
            next_id += len(made)
            observations += made
        connection.execute(insert(Observation), observations)
        for number, (target_id, _plan_id, _) in enumerate(targets):
            if rng.random() < 0.1:
                continue  # unassigned
            due = rng.choice((None,) * 6 + (date(YEAR, 6, 30), date(YEAR, 9, 15), date(YEAR - 1, 12, 31)))
            assignment = connection.execute(
                insert(Assignment).returning(Assignment.id),
                {
                    "plan_id": _plan_id,
                    "target_id": target_id,
                    "task_id": None,
                    "lead_unit_id": units[number % len(units)] if rng.random() < 0.95 else None,
                    "leader": "",
                    "due": due,
                    "updated_at": NOW,
                    "updated_by": "test",
                },
            ).scalar_one()
            if rng.random() < 0.3:
                connection.execute(
                    insert(AssignmentUnit),
                    [
                        {"assignment_id": assignment, "unit_id": unit, "position": position}
                        for position, unit in enumerate(rng.sample(units, 2))
                    ],
                )
    return plans


def _reference(store, plan_id: int, day: date, unit: str | None = None):  # noqa: ANN001, ANN202
    """Statuses and unit records from every observation, the way ``plan_status`` graded before."""
    with store.reading() as session:
        plan = session.get(Plan, plan_id)
        rules = plan_rules(plan)
        inputs = load_inputs(session.connection(), plan, unit=unit)
    graded = statuses(inputs.tracked, inputs.observations, day, rules)
    leads = inputs.leads if unit is None else {k: v for k, v in inputs.leads.items() if v == unit}
    units = list(reporting_rates(inputs.tracked, leads, inputs.observations, day, rules).values())
    return inputs, graded, units


@pytest.mark.parametrize("seed", [1, 2])
def test_digests_grade_as_every_observation_does(store, seed: int, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(status_module, "_PART_SIZE", 40)  # several parts, read by two threads
    for plan_id in _build(store, seed):
        for day in AS_OF:
            result = plan_status(store, plan_id, as_of=day)
            inputs, graded, units = _reference(store, plan_id, day)
            assert [row.status.to_dict() for row in result.rows] == [status.to_dict() for status in graded]
            assert result.units == units
            assert result.skipped == inputs.skipped
            assert [row.seq for row in result.rows] == [inputs.rows[s.target_id].seq for s in graded]
            assert [row.indicator for row in result.rows] == [
                inputs.rows[s.target_id].indicator for s in graded
            ]
            assert [row.lead_unit for row in result.rows] == [inputs.leads.get(s.target_id) for s in graded]


def test_one_units_view_is_the_same_too(store, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(status_module, "_PART_SIZE", 40)
    plan_id = _build(store, 3)[0]
    with store.reading() as session:
        names = session.scalars(select(Unit.name).order_by(Unit.id)).all()
    for name in names[:3]:
        result = plan_status(store, plan_id, as_of=date(YEAR, 7, 26), unit=name)
        _, graded, units = _reference(store, plan_id, date(YEAR, 7, 26), unit=name)
        assert [row.status.to_dict() for row in result.rows] == [status.to_dict() for status in graded]
        assert result.units == units


def test_targets_are_built_as_tracked_target_builds_them(store) -> None:  # noqa: ANN001
    """``load_inputs`` shares one checked template per shape; each target equals the one
    ``tracked_target`` (then ``replace`` with the stored kind and direction) makes alone, with
    its stored profile."""
    plan_id = _build(store, 4)[0]
    catalog = default_catalog()
    with store.reading() as session:
        plan = session.get(Plan, plan_id)
        inputs = load_inputs(session.connection(), plan)
        dues = dict(session.execute(select(Assignment.target_id, Assignment.due)).all())
        rows = session.scalars(
            select(Target).where(Target.plan_id == plan_id, Target.review != "rejected")
        ).all()
    built = {target.id: target for target in inputs.tracked}
    skipped = dict(inputs.skipped)
    for row in rows:
        ref = f"T{row.id}"
        due = dues.get(row.id)
        try:
            alone = tracked_target(
                row,
                id=ref,
                plan_year=plan.year,
                entry=catalog.get(row.indicator_id) if row.indicator_id else None,
                link=False,
                baseline=row.baseline,
                end=due if due is not None and due >= plan.period_start else None,
                profile=None if row.profile is None else [float(v) for v in row.profile],
            )
            if alone.kind != row.track_kind or alone.direction != row.direction:
                alone = replace(alone, kind=row.track_kind, direction=row.direction)
        except TrackingError as error:
            assert skipped[ref] == error.message
            continue
        assert built[ref] == alone
        assert (built[ref].fvalue, built[ref].fvalue_max, built[ref].lower) == (
            alone.fvalue,
            alone.fvalue_max,
            alone.lower,
        )
