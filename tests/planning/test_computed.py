"""Air-quality targets get their values computed from monitoring data (luoshi progress compute)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from luoshi.environment.air import air_indicators, read_air
from luoshi.errors import PlanError
from luoshi.planning import create_plan
from luoshi.planning.computed import compute_air_progress
from luoshi.store.models import Observation

AIR_DATA = Path(__file__).resolve().parents[1] / "data" / "environment" / "air_long.csv"
REPORT = (
    "协同推进污染防治。PM2.5平均浓度低于35微克/立方米，空气质量优良天数比例达到80%以上。新增就业1万人。\n"
)


@pytest.fixture
def air_plan(store, tmp_path: Path) -> int:
    source = tmp_path / "air.txt"
    source.write_text(REPORT, encoding="utf-8")
    return create_plan(store, source, year=2016, place="北京市").plan.id


def test_values_are_computed_with_their_provenance(store, air_plan: int) -> None:
    results = compute_air_progress(store, air_plan, [AIR_DATA], period="2016-01", city="北京", by="环保局")
    expected = air_indicators(read_air([AIR_DATA], cities="北京"), dt.date(2016, 1, 1), dt.date(2016, 1, 31))
    assert [(r.indicator, r.value, r.outcome) for r in results] == [
        ("PM2.5平均浓度", expected["pm25_mean"].value, "created"),
        ("空气质量优良天数比例", expected["good_days_ratio"].value, "created"),
    ]
    with store.reading() as session:
        rows = session.scalars(select(Observation).order_by(Observation.id)).all()
    assert [(r.source, r.reported_by, r.period) for r in rows] == [("computed", "环保局", "2016-01")] * 2
    assert all("HJ 663" in r.note and "点位" in r.note for r in rows)


def test_computing_again_changes_nothing(store, air_plan: int) -> None:
    compute_air_progress(store, air_plan, [AIR_DATA], period="2016-01")
    again = compute_air_progress(store, air_plan, [AIR_DATA], period="2016-01")
    assert {r.outcome for r in again} == {"unchanged"}


def test_a_plan_without_air_targets_is_refused(store, tmp_path: Path) -> None:
    source = tmp_path / "jobs.txt"
    source.write_text("新增城镇就业1万人以上。\n", encoding="utf-8")
    plan = create_plan(store, source, year=2016).plan.id
    with pytest.raises(PlanError, match="空气质量"):
        compute_air_progress(store, plan, [AIR_DATA], period="2016-01")


def test_data_outside_the_plan_year_is_refused(store, tmp_path: Path) -> None:
    source = tmp_path / "air2020.txt"
    source.write_text(REPORT, encoding="utf-8")
    plan = create_plan(store, source, year=2020).plan.id
    with pytest.raises(PlanError, match="不覆盖报送期"):
        compute_air_progress(store, plan, [AIR_DATA], period="2020-01")


def test_the_command_prints_each_value_and_its_source(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from luoshi.cli import app

    source = tmp_path / "air.txt"
    source.write_text(REPORT, encoding="utf-8")
    db = str(tmp_path / "luoshi.db")
    runner = CliRunner()
    assert runner.invoke(app, ["plan", "create", str(source), "--year", "2016", "--db", db]).exit_code == 0
    result = runner.invoke(
        app,
        [
            "progress",
            "compute",
            "1",
            "--air",
            str(AIR_DATA),
            "--period",
            "2016-01",
            "--city",
            "北京",
            "--db",
            db,
        ],
    )
    assert result.exit_code == 0, result.output
    assert "PM2.5平均浓度 2016-01" in result.output and "HJ 663—2013" in result.output
    missing = runner.invoke(
        app, ["progress", "compute", "1", "--air", "nope.csv", "--period", "2016-01", "--db", db]
    )
    assert missing.exit_code == 1 and "Traceback" not in missing.output


@pytest.mark.shared
def test_each_month_is_computed_from_its_own_days(store, air_plan: int, shared_dir: Path) -> None:
    """On the real Beijing data: February's value is February's, not January–February's, and
    the status averages the months (PM2.5 is graded on the mean of the period values)."""
    files = sorted((shared_dir / "data" / "air" / "beijing_prsa_2013_2017").glob("PRSA_Data_*.csv"))
    if len(files) != 12:
        pytest.skip("the Beijing PRSA files are not all in ../shared")
    hourly = read_air(files, cities="北京")
    march = dt.datetime(2016, 3, 5, 9, 0)
    compute_air_progress(store, air_plan, files, period="2016-01", city="北京", reported_at=march)
    results = compute_air_progress(store, air_plan, files, period="2016-02", city="北京", reported_at=march)
    january = air_indicators(hourly, dt.date(2016, 1, 1), dt.date(2016, 1, 31), city="北京")[
        "pm25_mean"
    ].value
    february = air_indicators(hourly, dt.date(2016, 2, 1), dt.date(2016, 2, 29), city="北京")[
        "pm25_mean"
    ].value
    both = air_indicators(hourly, dt.date(2016, 1, 1), dt.date(2016, 2, 29), city="北京")["pm25_mean"].value
    assert results[0].value == february != both
    from luoshi.planning import plan_status

    rows = plan_status(store, air_plan, as_of=dt.date(2016, 3, 31)).rows
    pm25 = next(row.status for row in rows if row.indicator == "PM2.5平均浓度")
    assert pm25.actual == ((january + february) / 2).quantize(Decimal("0.01"))
