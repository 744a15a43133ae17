"""The long format (长表): one row per site, hour and pollutant.

Columns (case-insensitive; Chinese names accepted): ``site`` (点位), ``time`` (时间) — or
``date`` and ``hour`` — ``pollutant`` (污染物), ``value`` (浓度); optional ``unit`` (单位:
µg/m³ or mg/m³, converted as needed) and ``city`` (城市). Without a unit, CO is in mg/m³ and
the rest in µg/m³. Times are HJ 663 hour labels (the end of the averaged hour), and
``24:00`` is accepted for the last hour of a day; with ``hour_label="start"`` they name the
hour's start instead.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from luoshi.environment.air.hourly import HourlyRecords
from luoshi.environment.air.pollutants import Pollutant, parse_pollutant
from luoshi.environment.air.reading.table import find_column, numbers, read_csv
from luoshi.errors import MonitoringDataError

__all__ = ["SITE", "TIME", "POLLUTANT", "VALUE", "read_long"]

SITE = ("site", "station", "点位", "站点", "监测点", "点位名称")
TIME = ("time", "datetime", "时间", "监测时间")
DATE = ("date", "日期")
HOUR = ("hour", "小时", "时")
POLLUTANT = ("pollutant", "污染物", "item", "项目")
VALUE = ("value", "浓度", "值", "concentration")
UNIT = ("unit", "单位")
CITY = ("city", "城市")

_MG = {"mg/m3", "mg/m³", "毫克/立方米"}
_UG = {"ug/m3", "µg/m3", "μg/m3", "ug/m³", "µg/m³", "μg/m³", "微克/立方米"}


def _labels(frame: pd.DataFrame, path: Path) -> np.ndarray:
    time_column = find_column(frame, TIME, "time", path, required=False)
    if time_column is None:
        date_column = find_column(frame, DATE, "time (or date and hour)", path)
        hour_column = find_column(frame, HOUR, "hour", path)
        hours = numbers(frame[hour_column], path, "hour")
        days = _parse_times(frame[date_column].astype(str), path, "date")
        return days.astype("datetime64[h]") + hours.astype(np.int64) * np.timedelta64(1, "h")
    return _parse_times(frame[time_column].astype(str), path, "time")


def _parse_times(text: pd.Series, path: Path, what: str) -> np.ndarray:
    text = text.str.strip()
    late = text.str.contains(r"[ T]24:00", regex=True)
    cleaned = text.where(~late, text.str.replace(r"([ T])24:00", r"\g<1>00:00", regex=True))
    parsed = pd.to_datetime(cleaned, errors="coerce", format="mixed")
    bad = parsed.isna().to_numpy()
    if bad.any():
        row = int(np.flatnonzero(bad)[0])
        raise MonitoringDataError(
            f"第 {row + 1} 行 {what} 无法识别 row {row + 1}: cannot read the {what} {text.iloc[row]!r}",
            hint="时间应写作 2016-01-01 13:00 / write times as 2016-01-01 13:00",
            path=str(path),
            row=row + 1,
        )
    out = parsed.to_numpy().astype("datetime64[h]")
    return out + late.to_numpy() * np.timedelta64(24, "h")


def read_long(path: Path, *, hour_label: str = "end") -> HourlyRecords:
    """Hourly records of a long-format CSV file."""
    frame = read_csv(path, dtype=str)
    site = frame[find_column(frame, SITE, "site", path)].fillna("").astype(str).str.strip().to_numpy()
    if (site == "").any():
        row = int(np.flatnonzero(site == "")[0]) + 1
        raise MonitoringDataError(f"第 {row} 行缺少点位 row {row}: no site", path=str(path), row=row)
    label = _labels(frame, path)
    if hour_label == "start":
        label = label + np.timedelta64(1, "h")
    names = frame[find_column(frame, POLLUTANT, "pollutant", path)].astype(str)
    kinds = {}
    for name in pd.unique(names):
        try:
            kinds[name] = parse_pollutant(name).value
        except MonitoringDataError as error:
            row = int(np.flatnonzero((names == name).to_numpy())[0]) + 1
            raise MonitoringDataError(
                f"第 {row} 行 row {row}: {error.message}", hint=error.hint, path=str(path), row=row
            ) from None
    pollutant = names.map(kinds).to_numpy(dtype=object)
    value = numbers(frame[find_column(frame, VALUE, "value", path)], path, "value")
    unit_column = find_column(frame, UNIT, "unit", path, required=False)
    if unit_column is not None:
        value = value * _unit_factors(frame[unit_column], pollutant, path)
    city_column = find_column(frame, CITY, "city", path, required=False)
    city = None if city_column is None else frame[city_column].fillna("").astype(str).str.strip().to_numpy()
    return HourlyRecords(site, label, pollutant, value, city, str(path))


def _unit_factors(units: pd.Series, pollutant: np.ndarray, path: Path) -> np.ndarray:
    text = units.fillna("").astype(str).str.strip().str.lower().to_numpy()
    is_co = pollutant == Pollutant.CO.value
    mg = np.isin(text, [u.lower() for u in _MG])
    ug = np.isin(text, [u.lower() for u in _UG])
    unknown = ~(mg | ug | (text == ""))
    if unknown.any():
        row = int(np.flatnonzero(unknown)[0])
        raise MonitoringDataError(
            f"第 {row + 1} 行 单位无法识别 row {row + 1}: unknown unit {units.iloc[row]!r}",
            hint="单位应为 µg/m³ 或 mg/m³ / expected µg/m³ or mg/m³",
            path=str(path),
            row=row + 1,
        )
    factor = np.ones(len(text))
    factor[mg & ~is_co] = 1000.0
    factor[ug & is_co] = 0.001
    return factor
