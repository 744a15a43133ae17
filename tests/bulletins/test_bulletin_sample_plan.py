"""The bundled sample plan (luoshi.examples.sample_plan): deterministic, idempotent, and
showing every status class at 31 July 2023."""

from __future__ import annotations

from datetime import date

from luoshi.examples.sample_plan import SAMPLE_AS_OF, build_sample_plan
from luoshi.planning import plan_status
from luoshi.store import open_store


def test_building_again_changes_nothing_and_later_adds_months(tmp_path) -> None:
    path = tmp_path / "luoshi.db"
    first = build_sample_plan(path)
    again = build_sample_plan(path)
    assert (first.id, first.targets, first.assigned, first.observations) == (1, 12, 15, 71)
    assert again.observations == first.observations
    later = build_sample_plan(path, as_of=date(2023, 12, 31))
    assert later.observations > first.observations


def test_two_builds_grade_the_same(tmp_path) -> None:
    grades = []
    for name in ("a.db", "b.db"):
        build_sample_plan(tmp_path / name)
        with open_store(tmp_path / name) as store:
            result = plan_status(store, 1, as_of=SAMPLE_AS_OF)
        grades.append([(row.status.target_id, row.status.grade, row.status.gap) for row in result.rows])
    assert grades[0] == grades[1]
