"""``luoshi air`` and ``luoshi water`` through Typer's test runner, on the sub-apps themselves."""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from luoshi.commands.air import app as air_app
from luoshi.commands.water import app as water_app
from luoshi.errors import LuoshiError, MonitoringDataError

runner = CliRunner()


def test_daily_writes_chinese_first_csv(env_data, tmp_path):
    out = tmp_path / "daily.csv"
    result = runner.invoke(air_app, ["daily", str(env_data / "air_long.csv"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0])[:3] == ["级别 level", "名称 name", "日期 date"]
    assert [r["名称 name"] for r in rows] == ["北京", "东城", "西城"]
    assert rows[0]["细颗粒物 PM2.5 (µg/m³)"] == "84"  # (82 + 86) / 2
    assert rows[0]["AQI"] and rows[0]["标准 standard"] == "HJ 633—2012"


def test_daily_level_and_standard_options(env_data):
    result = runner.invoke(
        air_app, ["daily", str(env_data / "air_long.csv"), "--level", "city", "--standard", "2026"]
    )
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output.lstrip("\ufeff"))))
    assert len(rows) == 1 and rows[0]["标准 standard"] == "HJ 633—2026"


@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_annual_formats(env_data, fmt):
    args = ["annual", str(env_data / "air_long.csv"), "--from", "2016-01-01", "--to", "2016-01-31", "-f", fmt]
    result = runner.invoke(air_app, args)
    assert result.exit_code == 0, result.output
    if fmt == "json":
        document = json.loads(result.output)
        assert document["unit"] == "北京"
        assert document["figures"]["PM2.5_mean"]["value"] == "84"
        assert document["figures"]["PM2.5_mean"]["valid"] is False  # one day in January
        assert document["provenance"]["sites"] == ["东城", "西城"]
    elif fmt == "csv":
        assert "优良天数比例" in result.output and "有效性 validity" in result.output
    else:
        assert "环境空气质量评价" in result.output and "无效 invalid" in result.output


def test_annual_with_sites(env_data):
    args = ["annual", str(env_data / "air_long.csv"), "--year", "2016", "--sites", "-f", "json"]
    result = runner.invoke(air_app, args)
    assert [d["unit"] for d in json.loads(result.output)] == ["北京", "东城", "西城"]


@pytest.mark.parametrize(
    "args",
    [
        ["annual", "{f}"],
        ["annual", "{f}", "--year", "2016", "--from", "2016-01-01"],
        ["annual", "{f}", "--from", "2016-13-01", "--to", "2016-12-31"],
        ["annual", "{f}", "--year", "2016", "--area-class", "3"],
    ],
)
def test_usage_errors_exit_2(env_data, args):
    result = runner.invoke(air_app, [a.format(f=env_data / "air_long.csv") for a in args])
    assert result.exit_code == 2


def test_bad_input_raises_a_luoshi_error_for_the_cli_handler(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("site,time,pollutant,value\nA,2016-01-01 01:00,PM1,3\n")
    result = runner.invoke(air_app, ["daily", str(bad)])
    assert isinstance(result.exception, MonitoringDataError)
    assert "unknown pollutant" in str(result.exception) and result.exception.hint


def test_year_without_data(env_data):
    result = runner.invoke(air_app, ["annual", str(env_data / "air_long.csv"), "--year", "2020"])
    assert isinstance(result.exception, LuoshiError) and "没有监测数据" in str(result.exception)


@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_water_classify(env_data, fmt):
    result = runner.invoke(water_app, ["classify", str(env_data / "water_sections.csv"), "-f", fmt])
    assert result.exit_code == 0, result.output
    if fmt == "json":
        document = json.loads(result.output)
        assert document["summary"]["meeting"] == 2 and document["summary"]["meeting_ratio"] == "50.0"
        assert document["ignored_columns"] == ["备注"]  # 日期 is read as the sample date
    else:
        assert "断面" in result.output and "劣Ⅴ" in result.output


def test_water_bad_value(tmp_path):
    bad = tmp_path / "water.csv"
    bad.write_text("断面,氨氮\n甲,0.5\n乙,高\n", encoding="utf-8")
    result = runner.invoke(water_app, ["classify", str(bad)])
    assert isinstance(result.exception, MonitoringDataError) and "row 2" in str(result.exception)
