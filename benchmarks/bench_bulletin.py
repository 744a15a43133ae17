"""Benchmark (基准): a bulletin (督查通报) for a plan of 500 targets, in every format.

    python benchmarks/bench_bulletin.py [--targets 500] [--units 40] [--no-pdf]

Builds one synthetic plan in a fresh SQLite file (500 targets of five kinds across eight
report sections, led by 40 units, six months of reports with some late, some missing and
some notes), then times :func:`luoshi.bulletins.bulletin_data` (the store and the status
engine) and each renderer from that data: docx (with the two charts), pdf (the docx through
LibreOffice, when installed), xlsx, md and html. Prints seconds per format.

Goal: the DOCX in under 5 seconds.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
import uuid
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from sqlalchemy import insert, text
from synthetic import assignment_row, insert_plan, insert_units, target_row

from luoshi.bulletins import FORMATS, bulletin_data, render_bulletin
from luoshi.bulletins.formats.pdf import soffice
from luoshi.store import Store, open_store
from luoshi.store.models import Assignment, Observation, Target

GOAL_DOCX = 5.0
YEAR = 2023
AS_OF = date(YEAR, 7, 31)
_SHAPES = (
    ("新增城镇就业", ">=", Decimal(140000), "人", "flow", "higher"),
    ("PM2.5平均浓度", "<", Decimal(28), "微克/立方米", "level", "lower"),
    ("生活垃圾分类覆盖率", ">=", Decimal(95), "%", "share", "higher"),
    ("完成老旧小区改造", ">=", Decimal(120), "个", "flow", "higher"),
    ("规上工业增加值增长", ">=", Decimal("6.5"), "%", "rate", "higher"),
)
_SECTIONS = [f"（{n}）第{n}方面工作" for n in "一二三四五六七八"]


def build(store: Store, targets: int, units: int) -> int:
    """Insert the synthetic plan; its id."""
    rng = random.Random(500)
    now = datetime(YEAR, 1, 2, 9, 0)
    with store.engine.begin() as connection:
        plan_id = insert_plan(connection, YEAR, now, name=f"bench-{uuid.uuid4().hex[:8]}")
        unit_ids = insert_units(connection, [f"市第{i + 1}局" for i in range(units)], now)
        rows = [
            target_row(
                plan_id,
                seq,
                _SHAPES[seq % len(_SHAPES)],
                start=seq * 10,
                end=seq * 10 + 8,
                text=f"{_SHAPES[seq % len(_SHAPES)][0]}{seq}号目标",
                section=_SECTIONS[(seq - 1) * len(_SECTIONS) // targets],
            )
            for seq in range(1, targets + 1)
        ]
        connection.execute(insert(Target), rows)
        first = connection.execute(
            text("SELECT min(id) FROM target WHERE plan_id = :plan"), {"plan": plan_id}
        ).scalar_one()
        connection.execute(
            insert(Assignment),
            [assignment_row(plan_id, first + i, unit_ids[i % units], now) for i in range(targets)],
        )
        batch = []
        for i in range(targets):
            shape = _SHAPES[(i + 1) % len(_SHAPES)]
            pace = rng.uniform(0.2, 1.3)
            last = 6 if rng.random() > 0.08 else 5
            for month in range(1, last + 1):
                day = 20 if rng.random() > 0.05 else 28
                batch.append(
                    {
                        "target_id": first + i,
                        "period": f"{YEAR}-{month:02d}",
                        "value": _value(shape, month, pace, rng),
                        "unit": shape[3],
                        "note": "受项目审批进度影响，下半年将加快推进。"
                        if pace < 0.6 and month == last
                        else "",
                        "source": "import",
                        "reported_by": "bench",
                        "reported_at": datetime(YEAR, month + 1, day, 10, 0),
                        "supersedes_id": None,
                    }
                )
        connection.execute(insert(Observation), batch)
    return plan_id


def _value(shape: tuple, month: int, pace: float, rng: random.Random) -> Decimal:
    kind, target = shape[4], shape[2]
    if kind == "flow":
        return (target * month / 12 * Decimal(pace)).quantize(Decimal(1))
    if kind == "level":
        return Decimal(rng.randint(20, 36))
    if kind == "rate":
        return Decimal(rng.randint(40, 80)) / 10
    return Decimal(rng.randint(60, 100))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--targets", type=int, default=500)
    parser.add_argument("--units", type=int, default=40)
    parser.add_argument("--no-pdf", action="store_true", help="skip the PDF (LibreOffice)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="luoshi-bench-") as folder:
        store = open_store(Path(folder) / "bench.db")
        started = time.perf_counter()
        plan_id = build(store, args.targets, args.units)
        print(
            f"built a plan of {args.targets} targets, {args.units} units in {time.perf_counter() - started:.2f} s"
        )
        started = time.perf_counter()
        data = bulletin_data(store, plan_id, as_of=AS_OF)
        load = time.perf_counter() - started
        store.close()
        counts = "、".join(f"{grade}{n}" for grade, n in data.counts().items() if n)
        print(f"bulletin_data: {load:.2f} s ({counts}; {len(data.late_units())} late units)")
        timings = {}
        for name in FORMATS:
            if name == "pdf" and (args.no_pdf or soffice() is None):
                print("pdf: skipped (LibreOffice not installed or --no-pdf)")
                continue
            out = Path(folder) / f"bulletin.{name}"
            started = time.perf_counter()
            render_bulletin(data, out, name)
            timings[name] = time.perf_counter() - started
            print(f"{name}: {timings[name]:.2f} s ({out.stat().st_size // 1024} KB)")
    docx = timings["docx"]
    verdict = "meets" if docx < GOAL_DOCX else "MISSES"
    print(
        f"docx {docx:.2f} s {verdict} the goal of {GOAL_DOCX:.0f} s ({docx + load:.2f} s with the data load)"
    )
    return 0 if docx < GOAL_DOCX else 1


if __name__ == "__main__":
    sys.exit(main())
