"""The air readers: long, Beijing PRSA and national archive formats, and their error messages."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from luoshi.environment.air import Indicator, Pollutant, read_air, site_daily
from luoshi.environment.air.reading import read_records, read_site_cities, sniff
from luoshi.environment.rounding import MISSING
from luoshi.errors import InputNotFound, LuoshiError, MonitoringDataError

LONG = "air_long.csv"
ARCHIVE = "china_sites_20160101.csv"
BEIJING = "PRSA_Data_Testsite_20160101-20160102.csv"


@pytest.mark.parametrize(("name", "kind"), [(LONG, "long"), (ARCHIVE, "archive"), (BEIJING, "beijing")])
def test_sniff(env_data, name, kind):
    assert sniff(env_data / name) == kind


def test_long_format_with_24_00_labels_and_units(env_data):
    hourly = read_air([env_data / LONG])
    assert hourly.sites == ("东城", "西城") and hourly.cities == ("北京", "北京")
    assert hourly.n_days == 1 and str(hourly.first_day) == "2016-01-01"
    daily = site_daily(hourly)
    # PM2.5 at 东城 = 70 + h for h = 1 … 24: mean 82.5 → 82 (half to even)
    assert daily.values[Indicator.PM25_24H][:, 0].tolist() == [82, 86]
    assert daily.values[Indicator.CO_24H][:, 0].tolist() == [12, 12]


def test_archive_format_skips_derived_rows(env_data):
    records = read_records(env_data / ARCHIVE)
    assert set(records.pollutant) == {p.value for p in Pollutant}
    hourly = read_air([env_data / ARCHIVE])
    assert hourly.sites == ("1001A", "1002A")
    # hour 0 of 2016-01-01 belongs to 2015-12-31 (HJ 663 labels)
    assert str(hourly.first_day) == "2015-12-31" and hourly.n_days == 2
    daily = site_daily(hourly)
    assert daily.values[Indicator.PM25_24H][:, 0].tolist() == [MISSING, MISSING]
    # 2016-01-01 has the hours labelled 1 … 23 (23 ≥ 20); 1002A lacks hours 3 and 4 (21 left)
    pm = hourly.values[Pollutant.PM25][:, 24:48]
    assert (pm >= 0).sum(axis=1).tolist() == [23, 21]
    expected = [round(pm[n][pm[n] >= 0].mean()) for n in range(2)]
    assert daily.values[Indicator.PM25_24H][:, 1].tolist() == expected


def test_archive_day_complete_with_next_midnight(env_data, tmp_path):
    text = (env_data / ARCHIVE).read_text()
    lines = text.splitlines()
    midnight = [
        line.replace("20160101,0,", "20160102,0,", 1) for line in lines if line.startswith("20160101,0,")
    ]
    path = tmp_path / "china_sites_two.csv"
    path.write_text("\n".join(lines + midnight) + "\n")
    daily = site_daily(read_air([path]))
    assert daily.values[Indicator.PM25_24H][0, 1] >= 0  # 1001A: 24 hours
    assert daily.values[Indicator.PM25_24H][1, 1] >= 0  # 1002A: 22 hours


def test_beijing_format_co_in_micrograms(env_data):
    hourly = read_air([env_data / BEIJING])
    assert hourly.sites == ("Testsite",)
    co = hourly.values[Pollutant.CO][0]
    assert co[co >= 0][:2].tolist() == [7, 7]  # 700 µg/m³ → 0.7 mg/m³; 710 → 0.7
    assert (hourly.values[Pollutant.O3][0] == MISSING).sum() >= 2


def test_hour_label_start_shifts_one_hour(env_data):
    end = read_air([env_data / BEIJING])
    start = read_air([env_data / BEIJING], hour_label="start")
    assert end.first_day.isoformat() == "2015-12-31" and start.first_day.isoformat() == "2016-01-01"
    assert start.n_days == 2


def test_several_files_and_a_city_table(env_data, tmp_path):
    table = tmp_path / "cities.csv"
    table.write_text("site,city\n1001A,北京\n1002A,北京\nTestsite,测试\n")
    mapping = read_site_cities(table)
    hourly = read_air([env_data / ARCHIVE, env_data / BEIJING], cities=mapping)
    assert dict(zip(hourly.sites, hourly.cities, strict=True)) == mapping


def write(tmp_path: Path, text: str, name: str = "data.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("site,time,pollutant\nA,2016-01-01 01:00,PM2.5\n", "unrecognised air data format"),
        ("site,time,pollutant,value\nA,2016-01-01 01:00,PM2.5,12\nA,2016-01-01 02:00,PM2.5,abc\n", "row 2"),
        ("site,time,pollutant,value\nA,2016-01-01 01:00,PM1,12\n", "unknown pollutant"),
        ("site,time,pollutant,value\nA,yesterday,PM2.5,12\n", "cannot read the time"),
        ("site,time,pollutant,value,unit\nA,2016-01-01 01:00,PM2.5,12,ppm\n", "unknown unit"),
        ("site,pollutant,value\nA,PM2.5,12\n", "missing column"),
        ("site,time,pollutant,value\n,2016-01-01 01:00,PM2.5,3\n", "no site"),
        (
            "site,time,pollutant,value\nA,2016-01-01 01:00,PM2.5,12\nA,2016-01-01 01:00,PM2.5,13\n",
            "two different values",
        ),
        ("date,hour,type,1001A\n20160101,1,PM2.5,10\n20160101,1,NH3,4\n", "unknown pollutant"),
        ("date,hour,type,1001A\n2016013x,1,PM2.5,10\n", "cannot read the date"),
        ("date,hour,type,1001A\n20160101,1,PM2.5,x1\n", "not a number"),
    ],
)
def test_bad_input_is_a_monitoring_data_error(tmp_path, text, message):
    with pytest.raises(MonitoringDataError) as caught:
        read_air([write(tmp_path, text)])
    assert message in str(caught.value)
    assert caught.value.path and caught.value.path.endswith("data.csv") or "different" in message


def test_same_value_twice_is_fine(tmp_path):
    text = "site,time,pollutant,value\nA,2016-01-01 01:00,PM2.5,12\nA,2016-01-01 01:00,PM2.5,12\n"
    assert read_air([write(tmp_path, text)]).values[Pollutant.PM25][0, 0] == 12


def test_missing_file(tmp_path):
    with pytest.raises(InputNotFound):
        read_air([tmp_path / "absent.csv"])


def test_empty_input(tmp_path):
    with pytest.raises(LuoshiError, match="no hourly values"):
        read_air([write(tmp_path, "site,time,pollutant,value\n")])


def test_chinese_headers_and_date_hour_columns(tmp_path):
    text = "点位,日期,小时,污染物,浓度\n甲,2016-01-01,1,细颗粒物,12\n甲,2016-01-01,2,二氧化硫,4\n"
    hourly = read_air([write(tmp_path, text)])
    assert hourly.values[Pollutant.PM25][0, 0] == 12 and hourly.values[Pollutant.SO2][0, 1] == 4
    assert np.all(hourly.values[Pollutant.PM25][0, 1:] == MISSING)
