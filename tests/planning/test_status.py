"""``plan_status``: loaded in a fixed number of queries, graded by the engine, per unit."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from conftest import JUNE
from sqlalchemy import event, update

from luoshi.errors import UnitNotFound
from luoshi.planning import add_progress, import_progress, plan_status
from luoshi.store.models import Target

END_OF_JULY = date(2023, 7, 31)


def test_statuses_follow_the_reported_values(store, assigned, submission) -> None:
    sheet = submission("人社局", "2023-06", {"T7": 52000, "T8": 6000, "T9": 1500, "T10": 3000})
    import_progress(store, assigned.id, sheet, by="张三", reported_at=JUNE)
    result = plan_status(store, assigned.id, as_of=END_OF_JULY)
    grades = {row.status.target_id: row.status.grade for row in result.rows}
    assert grades["T7"] == "滞后"  # 52000 of 140000 = 37% against 序时 50%
    assert grades["T8"] == "超序时"  # 60% against 50%
    assert grades["T10"] == "符合序时"  # 45.5%: within 10 points
    assert grades["T1"] == "未报送"  # unassigned and unreported
    jobs = next(row for row in result.rows if row.status.target_id == "T7")
    assert (jobs.seq, jobs.indicator, jobs.lead_unit, jobs.co_units) == (
        7,
        "新增就业大学生",
        "人社局",
        ("财政局", "发改委"),
    )
    assert jobs.status.actual == Decimal(52000) and jobs.status.expected == pytest.approx(0.5)
    assert jobs.status.light == "yellow"
    units = {unit.unit: unit for unit in result.units}
    assert set(units) == {"人社局", "生态环境局", "民政局"}
    assert units["人社局"].on_time == 4 and units["人社局"].targets == 4
    assert units["生态环境局"].on_time == 0


def test_values_reported_after_the_as_of_date_do_not_count(store, assigned) -> None:
    add_progress(store, "T7", "52000", period="2023-06", reported_at=datetime(2023, 8, 5))
    before = plan_status(store, assigned.id, as_of=END_OF_JULY)
    after = plan_status(store, assigned.id, as_of=date(2023, 8, 10))
    grade = {row.status.target_id: row.status.grade for row in before.rows}
    assert grade["T7"] == "未报送"
    later = next(row.status for row in after.rows if row.status.target_id == "T7")
    assert later.actual == Decimal(52000)


def test_a_correction_replaces_the_value_it_supersedes(store, assigned) -> None:
    add_progress(store, "T7", "52000", period="2023-06", reported_at=JUNE)
    add_progress(store, "T7", "80000", period="2023-06", reported_at=datetime(2023, 7, 21))
    status = next(
        row.status
        for row in plan_status(store, assigned.id, as_of=END_OF_JULY).rows
        if row.status.target_id == "T7"
    )
    assert status.actual == Decimal(80000) and status.grade == "超序时"


def test_one_units_view(store, assigned) -> None:
    result = plan_status(store, assigned.id, as_of=END_OF_JULY, unit="财政局")
    assert len(result.rows) == 8  # a co-unit of every assigned target
    assert result.units == []  # it leads none
    mine = plan_status(store, assigned.id, as_of=END_OF_JULY, unit="人社局")
    assert [row.status.target_id for row in mine.rows] == ["T7", "T8", "T9", "T10"]
    assert [unit.unit for unit in mine.units] == ["人社局"]
    with pytest.raises(UnitNotFound):
        plan_status(store, assigned.id, unit="统计局")


def test_rejected_targets_are_left_out_and_a_users_kind_wins(store, assigned) -> None:
    with store.engine.begin() as connection:
        connection.execute(update(Target).where(Target.id == 1).values(review="rejected"))
        connection.execute(
            update(Target).where(Target.id == 7).values(track_kind="level", direction="higher")
        )
    add_progress(store, "T7", "52000", period="2023-06", reported_at=JUNE)
    result = plan_status(store, assigned.id, as_of=END_OF_JULY)
    ids = [row.status.target_id for row in result.rows]
    assert "T1" not in ids and len(ids) == 11
    assert next(row.status for row in result.rows if row.status.target_id == "T7").kind == "level"


def test_the_number_of_queries_does_not_grow_with_the_plan(store, assigned) -> None:
    def queries() -> int:
        seen: list[str] = []

        def count(*args: object) -> None:
            seen.append(str(args[2]))

        event.listen(store.engine, "before_cursor_execute", count)
        try:
            plan_status(store, assigned.id, as_of=END_OF_JULY)
        finally:
            event.remove(store.engine, "before_cursor_execute", count)
        return len(seen)

    empty = queries()
    for month in range(1, 7):
        for target in ("T7", "T8", "T9", "T10"):
            add_progress(store, target, str(month * 1000), period=f"2023-{month:02d}", reported_at=JUNE)
    assert queries() == empty <= 10
