"""``bulletin_data``: the statuses are the status engine's, the window follows --period and
--as-of, and each target carries its unit's latest value and note."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from luoshi.bulletins import OutputError, bulletin_data
from luoshi.examples.sample_plan import SAMPLE_AS_OF, build_sample_plan
from luoshi.planning import add_progress, plan_status
from luoshi.store import open_store
from luoshi.tracking import GRADES


def test_counts_are_the_status_engines(sample_db, sample_data) -> None:
    with open_store(sample_db) as store:
        engine = plan_status(store, 1, as_of=SAMPLE_AS_OF)
    assert sample_data.counts() == {grade: engine.grade_counts().get(grade, 0) for grade in GRADES}
    mine = {row.id: (row.grade, row.status.gap) for row in sample_data.rows}
    assert mine == {row.status.target_id: (row.status.grade, row.status.gap) for row in engine.rows}
    assert [unit.unit for unit in sample_data.units] == [unit.unit for unit in engine.units]


def test_the_sample_plan_shows_every_class(sample_data) -> None:
    counts = sample_data.counts()
    assert all(counts[grade] for grade in GRADES[:6]), counts
    assert (sample_data.period, sample_data.period_end) == ("2023-06", date(2023, 6, 30))
    assert [row.id for row in sample_data.lagging()][:1] == ["T1"]  # 严重滞后 first
    assert {unit.unit for unit in sample_data.late_units()} == {"发改委", "生态环境局"}


def test_rows_carry_the_units_and_latest_note(sample_data) -> None:
    jobs = next(row for row in sample_data.rows if row.indicator == "新增就业大学生")
    assert (jobs.number, jobs.lead_unit, jobs.co_units) == (7, "人社局", ("教育局",))
    assert jobs.latest is not None and jobs.latest.period == "2023-06"
    assert "百日千万" in jobs.latest.note and jobs.latest.reported_by == "王芳"
    assert jobs.section.startswith("(九)")


def test_a_period_sets_the_date_to_the_day_after_its_deadline(sample_db) -> None:
    with open_store(sample_db) as store:
        data = bulletin_data(store, 1, period="2023-q2")
        assert (data.period, data.period_end, data.as_of) == ("2023-Q2", date(2023, 6, 30), date(2023, 7, 26))
        # on 26 July the late June reports (28 July) are not known yet: 生态环境局's shows as missing
        graded = {row.id: row.grade for row in data.rows}
        assert graded["T5"] == "未报送"
        later = bulletin_data(store, 1, period="2023-05", as_of=date(2023, 6, 30))
        assert later.period_end == date(2023, 5, 31)
        assert all(row.status.period in (None, "2023-05", "2023-04") for row in later.rows)


def test_values_after_the_period_are_left_out(tmp_path) -> None:
    path = tmp_path / "luoshi.db"
    build_sample_plan(path, as_of=date(2023, 8, 31))  # July's reports are in
    with open_store(path) as store:
        june = bulletin_data(store, 1, period="2023-06", as_of=date(2023, 8, 20))
        july = bulletin_data(store, 1, as_of=date(2023, 8, 31))
    assert {row.status.period for row in june.rows if row.status.period} <= {"2023-06", "2023-05"}
    assert july.period == "2023-07"
    assert any(row.status.period == "2023-07" for row in july.rows)
    latest = {row.id: row.latest for row in june.rows}
    assert latest["T7"] is not None and latest["T7"].period == "2023-06"


@pytest.mark.parametrize(
    ("period", "as_of", "words"),
    [
        ("2024-01", None, "不在计划期"),
        ("2023-06", date(2023, 9, 1), "晚于下一报送期"),
    ],
)
def test_a_window_that_makes_no_sense_is_refused(sample_db, period, as_of, words) -> None:
    with open_store(sample_db) as store, pytest.raises(OutputError, match=words):
        bulletin_data(store, 1, period=period, as_of=as_of)


def test_a_correction_is_the_latest_value(tmp_path) -> None:
    path = tmp_path / "luoshi.db"
    build_sample_plan(path)
    with open_store(path) as store:
        add_progress(
            store, "T7", "60000", period="2023-06", note="更正：漏报", reported_at=datetime(2023, 7, 26)
        )
        data = bulletin_data(store, 1, as_of=SAMPLE_AS_OF)
    jobs = next(row for row in data.rows if row.id == "T7")
    assert jobs.latest is not None and jobs.latest.note == "更正：漏报"
    assert str(jobs.status.actual) == "60000"


def test_on_both_databases(store) -> None:
    build_sample_plan(store)
    data = bulletin_data(store, 1, as_of=SAMPLE_AS_OF)
    assert sum(data.counts().values()) == 12 and data.counts()["严重滞后"] == 1
