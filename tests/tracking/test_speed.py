"""Speed of the batch engine: many targets with twelve monthly observations each.

A sanity floor only, since shared CI machines are noisy; run this file directly for the
figure docs/tracking.md reports::

    .venv/bin/python tests/tracking/test_speed.py 100000
"""

from __future__ import annotations

import random
import sys
import time
from datetime import date, datetime
from decimal import Decimal

from luoshi.tracking import Observation, TrackedTarget, group_observations, statuses

_KINDS = [
    ("flow", ">=", "人", "higher", 140000),
    ("level", "<", "μg/m³", "lower", 28),
    ("rate", "≈", "%", "higher", 6),
    ("share", "=", "%", "higher", 100),
    ("milestone", "=", "%", "higher", 100),
]


def synthetic_plan(count: int, seed: int = 2024) -> tuple[list[TrackedTarget], list[Observation]]:
    """``count`` targets of every kind, each with twelve monthly observations of 2024."""
    chance = random.Random(seed)
    targets, observations = [], []
    for number in range(count):
        kind, comparator, unit, direction, value = _KINDS[number % len(_KINDS)]
        target_id = f"T{number}"
        targets.append(
            TrackedTarget(
                target_id,
                kind=kind,
                comparator=comparator,
                value=Decimal(value),
                unit=unit,
                direction=direction,
                year=2024,
            )
        )
        for month in range(1, 13):
            amount = month * chance.randint(8000, 13000) if kind == "flow" else chance.randint(1, 120)
            reported = datetime(2024, month, 28) if month < 12 else datetime(2025, 1, 10)
            observations.append(
                Observation(
                    target_id, f"2024-{month:02d}", Decimal(amount), reported, id=f"{target_id}-{month}"
                )
            )
    return targets, observations


def measure(count: int, repeat: int = 3) -> tuple[float, float]:
    """(statuses per second grading pre-grouped observations, the same including grouping); best of ``repeat``."""
    targets, observations = synthetic_plan(count)
    best_grade = best_total = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        grouped = group_observations(observations)
        grouped_at = time.perf_counter()
        result = statuses(targets, grouped, date(2025, 1, 31))
        finished = time.perf_counter()
        assert len(result) == count
        best_grade = min(best_grade, finished - grouped_at)
        best_total = min(best_total, finished - started)
    return count / best_grade, count / best_total


def test_the_batch_engine_grades_many_targets_quickly() -> None:
    graded, total = measure(10_000, repeat=2)
    print(f"\n{graded:,.0f} statuses/s ({total:,.0f}/s including grouping)")
    assert graded > 20_000


if __name__ == "__main__":
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    graded, total = measure(size)
    print(f"{size:,} targets × 12 observations: {graded:,.0f} statuses/s ({total:,.0f}/s including grouping)")
