"""Benchmark (基准): ``luoshi status`` over a synthetic plan loaded from the database.

    python benchmarks/bench_status.py [--targets 100000] [--months 12] [--postgres URL | --no-postgres]

Builds one plan of 100,000 targets (flows, levels, rates and shares, a third of them linked
to catalogue entries), assigned to 60 units, with 12 monthly observations each (1.2 million
rows), bulk-inserted with Core ``insert()`` executemany into a fresh SQLite file and, when
it answers, a fresh schema of the PostgreSQL test database. Then it times
:func:`luoshi.planning.plan_status`, the function ``luoshi status`` calls (the targets read
and built while a second thread reads the observations' per-target digests in parts, each
part's targets graded with their reporting records as it comes; the table is not printed),
and prints target statuses per second, with the two phases. Beside it, the baseline: the
straightforward path the fast one is tested against (every observation read, then
:func:`luoshi.tracking.statuses` and :func:`luoshi.tracking.reporting_rates`), which must
give the same grades.

Goal: at least 50,000 target statuses per second.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
import uuid
from collections import Counter
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from sqlalchemy import create_engine, insert, text
from synthetic import assignment_row, insert_plan, insert_units, target_row

from luoshi.planning import plan_status
from luoshi.planning.plans import plan_rules
from luoshi.planning.status import load_inputs
from luoshi.store import Store, open_store
from luoshi.store.models import Assignment, Observation, Plan, Target
from luoshi.tracking import reporting_rates, statuses

GOAL = 50_000
POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
YEAR = 2023
_BATCH = 20_000
#: (indicator, comparator, value, unit, track kind, direction, catalogue id or None)
_SHAPES = (
    ("新增城镇就业", ">=", Decimal(140000), "人", "flow", "higher", "urban_jobs_new"),
    ("PM2.5平均浓度", "<", Decimal(28), "μg/m³", "level", "lower", "pm25"),
    ("地区生产总值增长", "≈", Decimal("5.5"), "%", "rate", "higher", "gdp_growth"),
    ("生活垃圾分类覆盖率", ">=", Decimal(95), "%", "share", "higher", None),
    ("完成老旧小区改造", ">=", Decimal(120), "个", "flow", "higher", None),
    ("新建公办幼儿园", ">=", Decimal(30), "所", "flow", "higher", None),
)


def build(store: Store, targets: int, months: int) -> int:
    """Insert the synthetic plan; its id."""
    rng = random.Random(20230)
    now = datetime(YEAR, 1, 2, 9, 0)
    with store.engine.begin() as connection:
        plan_id = insert_plan(connection, YEAR, now, name=f"bench-{uuid.uuid4().hex[:8]}")
        unit_ids = insert_units(connection, [f"单位{uuid.uuid4().hex[:6]}-{i}" for i in range(60)], now)
        for start in range(0, targets, _BATCH):
            rows = [
                target_row(
                    plan_id,
                    seq,
                    _SHAPES[seq % len(_SHAPES)],
                    start=seq * 10,
                    end=seq * 10 + 8,
                    text=_SHAPES[seq % len(_SHAPES)][0],
                    linked=seq % 3 == 0,
                )
                for seq in range(start + 1, min(targets, start + _BATCH) + 1)
            ]
            connection.execute(insert(Target), rows)
        first = connection.execute(
            text("SELECT min(id) FROM target WHERE plan_id = :plan"), {"plan": plan_id}
        ).scalar_one()
        assignments = [
            assignment_row(plan_id, first + i, unit_ids[i % len(unit_ids)], now) for i in range(targets)
        ]
        for start in range(0, targets, _BATCH):
            connection.execute(insert(Assignment), assignments[start : start + _BATCH])
        batch = []
        for i in range(targets):
            shape = _SHAPES[(i + 1) % len(_SHAPES)]
            for month in range(1, months + 1):
                batch.append(
                    {
                        "target_id": first + i,
                        "period": f"{YEAR}-{month:02d}",
                        "value": _value(shape, month, rng),
                        "unit": shape[3],
                        "note": "",
                        "source": "import",
                        "reported_by": "bench",
                        "reported_at": datetime(
                            YEAR + month // 12, month % 12 + 1, rng.randint(5, 28), 10, 0
                        ),
                        "supersedes_id": None,
                    }
                )
            if len(batch) >= _BATCH:
                connection.execute(insert(Observation), batch)
                batch = []
        if batch:
            connection.execute(insert(Observation), batch)
    return plan_id


def _value(shape: tuple, month: int, rng: random.Random) -> Decimal:
    kind, target = shape[4], shape[2]
    if kind == "flow":
        return (target * month / 12 * Decimal(rng.uniform(0.7, 1.2))).quantize(Decimal(1))
    if kind == "level":
        return Decimal(rng.randint(20, 36))
    if kind == "rate":
        return Decimal(rng.randint(40, 70)) / 10
    return Decimal(rng.randint(60, 100))


def measure(label: str, store: Store, targets: int, months: int) -> float:
    started = time.perf_counter()
    plan_id = build(store, targets, months)
    built = time.perf_counter() - started
    as_of = date(YEAR + 1, 1, 31)
    marks: dict[tuple[str, int], float] = {}

    def progress(what: str, done: int, _total: int) -> None:
        marks[what, done] = time.perf_counter()

    started = time.perf_counter()
    result = plan_status(store, plan_id, as_of=as_of, on_progress=progress)
    total = time.perf_counter() - started
    assert len(result.rows) == targets, len(result.rows)
    loaded = marks["评价 grading", 1] - started
    rate = targets / total
    counts = result.grade_counts()
    print(f"{label}")
    print(f"  setup        {targets:,} targets, {targets * months:,} observations inserted in {built:.1f} s")
    print(
        f"  status       {total:.2f} s for {targets:,} targets: {rate:,.0f} target statuses/s (goal {GOAL:,})"
    )
    print(
        f"  parts        targets read and built {loaded:.2f} s (observations digested meanwhile) · "
        f"graded with reporting records {total - loaded:.2f} s"
    )
    print(f"  grades       {', '.join(f'{grade} {n:,}' for grade, n in counts.items())}")
    print(f"  units        {len(result.units)} units; {len(result.rows):,} statuses")
    started = time.perf_counter()
    graded = baseline(store, plan_id, as_of)
    took = time.perf_counter() - started
    assert Counter(status.grade for status in graded) == counts, "the baseline grades differently"
    print(
        f"  baseline     {took:.2f} s: {targets / took:,.0f} target statuses/s, every observation read "
        f"and graded by luoshi.tracking ({took / total:.1f}x the time; same grades)"
    )
    return rate


def baseline(store: Store, plan_id: int, as_of: date) -> list:
    """The reference path the fast one is tested against (tests/planning/test_status_fast.py):
    every observation read, then the engine's ``statuses`` and ``reporting_rates``."""
    with store.reading() as session:
        plan = session.get(Plan, plan_id)
        rules = plan_rules(plan)
        inputs = load_inputs(session.connection(), plan)
    graded = statuses(inputs.tracked, inputs.observations, as_of, rules)
    reporting_rates(inputs.tracked, inputs.leads, inputs.observations, as_of, rules, statuses=graded)
    return graded


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--targets", type=int, default=100_000)
    parser.add_argument("--months", type=int, default=12)
    parser.add_argument("--postgres", default=POSTGRES, help="PostgreSQL URL (a fresh schema is made in it)")
    parser.add_argument("--no-postgres", action="store_true", help="SQLite only")
    args = parser.parse_args()
    rates = []
    with tempfile.TemporaryDirectory() as folder, open_store(Path(folder) / "bench.db") as store:
        rates.append(measure("SQLite", store, args.targets, args.months))
    if not args.no_postgres:
        rates += _postgres(args.postgres, args.targets, args.months)
    print("goal met" if min(rates) >= GOAL else "goal NOT met")


def _postgres(url: str, targets: int, months: int) -> list[float]:
    schema = f"bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(url)
    try:
        with admin.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    except Exception as error:  # noqa: BLE001 - a benchmark: say why and go on
        print(f"PostgreSQL skipped: {str(error).splitlines()[0]}")
        return []
    try:
        with open_store(f"{url}?options=-csearch_path%3D{schema}") as store:
            return [measure("PostgreSQL", store, targets, months)]
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


if __name__ == "__main__":
    main()
