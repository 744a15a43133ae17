"""``luoshi air annual`` on the real Beijing data (12 national sites, 2013-03 … 2017-02), in ../shared.

The figures are the municipal centre's real-time (unaudited) data recomputed by HJ 663—2013;
Beijing's official bulletins (from audited data) give PM2.5 85.9 / 80.6 / 73 µg/m³ and 优良天数
172 / 186 / 198 for 2014 / 2015 / 2016, so these land within a few units of them.
"""

from __future__ import annotations

import csv
import io

import pytest
from typer.testing import CliRunner

from luoshi.commands.air import app

pytestmark = pytest.mark.shared

#: year: PM2.5 annual mean, 优良天数, valid AQI days, 优良天数比例, the figures found invalid
EXPECTED = {
    2014: ("84", "166", "356", "46.6", ["NO2 年平均", "NO2 24小时平均第98百分位数"]),
    2015: ("79", "189", "363", "52.1", []),
    2016: ("72", "197", "362", "54.4", []),
}

FIGURES = [
    "SO2 年平均",
    "SO2 24小时平均第98百分位数",
    "NO2 年平均",
    "NO2 24小时平均第98百分位数",
    "PM10 年平均",
    "PM10 24小时平均第95百分位数",
    "PM2.5 年平均",
    "PM2.5 24小时平均第95百分位数",
    "CO 24小时平均第95百分位数",
    "O3 日最大8小时平均第90百分位数",
]


@pytest.fixture(scope="module")
def beijing_files(shared_dir):
    files = sorted((shared_dir / "data" / "air" / "beijing_prsa_2013_2017").glob("PRSA_Data_*.csv"))
    if len(files) != 12:
        pytest.skip("the Beijing PRSA files are not all in ../shared")
    return [str(f) for f in files]


@pytest.mark.parametrize("year", sorted(EXPECTED))
def test_annual_table_for_the_city(beijing_files, year):
    result = CliRunner().invoke(
        app, ["annual", *beijing_files, "--year", str(year), "--city", "北京", "-f", "csv"]
    )
    assert result.exit_code == 0, result.output
    rows = {r["项目 item"]: r for r in csv.DictReader(io.StringIO(result.output.lstrip("\ufeff")))}
    pm25, good, valid_days, ratio, invalid = EXPECTED[year]
    assert all(name in rows for name in FIGURES)
    assert rows["PM2.5 年平均"]["数值 value"] == pm25
    assert rows["优良天数"]["数值 value"] == good and rows["优良天数"]["有效天数 days"] == valid_days
    assert rows["优良天数比例"]["数值 value"] == ratio
    for name in FIGURES:
        validity = rows[name]["有效性 validity"]
        assert validity.startswith("无效" if name in invalid else "有效"), (name, validity)
    assert rows["综合达标 all six meet"]["数值 value"] == "不达标"


def test_annual_table_is_printed_with_validity(beijing_files):
    result = CliRunner().invoke(app, ["annual", *beijing_files, "--year", "2014", "--city", "北京"])
    assert result.exit_code == 0, result.output
    for text in (
        "北京 2014-01-01—2014-12-31 环境空气质量评价",
        "有效性",
        "2014-02 24 天 < 25",
        "优良天数比例",
        "综合指数",
    ):
        assert text in result.output
