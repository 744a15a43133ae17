"""Surface-water targets get their values computed from samples by GB 3838 (luoshi progress
compute --water): the share the target names, from the period's own samples, with provenance.

The test table (tests/data/environment/water_sections.csv) has five sections sampled in
January and February 2024: 江桥 (target Ⅲ), 新桥 (Ⅱ), 城南 (Ⅳ), 东湖 (lake, Ⅲ) and 西闸 (no
target).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from luoshi.cli import app
from luoshi.environment.water import classify_samples, read_water, summarize
from luoshi.errors import MonitoringDataError, PlanError
from luoshi.planning import create_plan, plan_status
from luoshi.planning.computed import compute_water_progress
from luoshi.store.models import Observation

WATER = Path(__file__).resolve().parents[1] / "data" / "environment" / "water_sections.csv"
REPORT = (
    "深入打好碧水保卫战。地表水省控断面水质达标率达到100%，地表水Ⅲ类以上水质断面比例达到80%以上，"
    "劣Ⅴ类水体比例低于5%。\n"
)


@pytest.fixture
def water_plan(store, tmp_path: Path) -> int:
    source = tmp_path / "water.txt"
    source.write_text(REPORT, encoding="utf-8")
    return create_plan(store, source, year=2024, place="样例市").plan.id


def _summary(first: dt.date, last: dt.date):
    return summarize(classify_samples(read_water(WATER, between=(first, last))))


def test_each_target_gets_the_share_it_names_from_the_periods_samples(store, water_plan) -> None:
    january = _summary(dt.date(2024, 1, 1), dt.date(2024, 1, 31))
    results = compute_water_progress(store, water_plan, WATER, period="2024-01", by="环境监测站")
    assert [(r.target, r.indicator, r.value, r.outcome) for r in results] == [
        ("T1", "断面水质达标比例", january.meeting_ratio, "created"),
        ("T2", "Ⅰ—Ⅲ类（优良）断面比例", january.good_ratio, "created"),
        ("T3", "劣Ⅴ类断面比例", january.worst_ratio, "created"),
    ]
    with store.reading() as session:
        rows = session.scalars(select(Observation).order_by(Observation.id)).all()
    assert {(r.source, r.reported_by, r.period) for r in rows} == {("computed", "环境监测站", "2024-01")}
    assert all("GB 3838" in r.note and "2024-01-05—2024-01-05" in r.note for r in rows)


def test_february_is_computed_from_februarys_samples_only(store, water_plan) -> None:
    march = dt.datetime(2024, 3, 10, 9, 0)
    compute_water_progress(store, water_plan, WATER, period="2024-01", reported_at=march)
    results = compute_water_progress(store, water_plan, WATER, period="2024-02", reported_at=march)
    february = _summary(dt.date(2024, 2, 1), dt.date(2024, 2, 29))
    whole = summarize(classify_samples(read_water(WATER)))
    assert [r.value for r in results] == [february.meeting_ratio, february.good_ratio, february.worst_ratio]
    assert february.sections == 3 and whole.sections == 5  # 江桥, 新桥, 东湖 were sampled in February
    # The engine grades a level on the mean of the period values so far.
    status = plan_status(store, water_plan, as_of=dt.date(2024, 3, 31))
    t2 = next(row.status for row in status.rows if row.status.target_id == "T2")
    january = _summary(dt.date(2024, 1, 1), dt.date(2024, 1, 31))
    assert t2.actual == ((january.good_ratio + february.good_ratio) / 2).quantize(Decimal("0.01"))


def test_computing_again_changes_nothing(store, water_plan) -> None:
    compute_water_progress(store, water_plan, WATER, period="2024-01")
    again = compute_water_progress(store, water_plan, WATER, period="2024-01")
    assert {r.outcome for r in again} == {"unchanged"}


def test_a_table_without_dates_is_taken_whole_and_says_so(store, water_plan, tmp_path) -> None:
    undated = tmp_path / "undated.csv"
    lines = WATER.read_text(encoding="utf-8").splitlines()
    undated.write_text(
        "\n".join(",".join(c for i, c in enumerate(line.split(",")) if i != 3) for line in lines)
    )
    results = compute_water_progress(store, water_plan, undated, period="2024-01")
    assert all("无日期" in r.note for r in results)
    assert results[0].value == summarize(classify_samples(read_water(WATER))).meeting_ratio


def test_no_sample_in_the_period_and_no_water_target_are_refused(store, water_plan, tmp_path) -> None:
    with pytest.raises(MonitoringDataError, match="没有"):
        compute_water_progress(store, water_plan, WATER, period="2024-05")
    source = tmp_path / "jobs.txt"
    source.write_text("新增城镇就业1万人以上。\n", encoding="utf-8")
    jobs = create_plan(store, source, year=2024).plan.id
    with pytest.raises(PlanError, match="地表水"):
        compute_water_progress(store, jobs, WATER, period="2024-01")


def test_the_command_computes_water_and_refuses_two_tables(tmp_path: Path) -> None:
    source = tmp_path / "water.txt"
    source.write_text(REPORT, encoding="utf-8")
    db = str(tmp_path / "luoshi.db")
    runner = CliRunner()
    assert runner.invoke(app, ["plan", "create", str(source), "--year", "2024", "--db", db]).exit_code == 0
    base = ["progress", "compute", "1", "--water", "--period", "2024-01", "--db", db]
    result = runner.invoke(app, [*base[:3], str(WATER), *base[3:]])
    assert result.exit_code == 0, result.output
    assert "T1 断面水质达标比例 2024-01" in result.output and "GB 3838" in result.output
    two = runner.invoke(app, [*base[:3], str(WATER), str(WATER), *base[3:]])
    assert two.exit_code == 2 and "一个文件" in two.output
