"""The national real-time archive format (全国空气质量实时数据归档, one file a day).

``date,hour,type,<one column per site or city>``: ``date`` as 20160101 (or 2016-01-01),
``hour`` 0–23 as the end-of-hour label of the real-time report (CNEMC stamps each hourly mean
with the hour it ends [B]), ``type`` the quantity. Only the hourly concentrations (``PM2.5``,
``PM10``, ``SO2``, ``NO2``, ``O3``, ``CO``; CO in mg/m³) are read; the derived rows (``AQI``,
``*_24h``, ``O3_8h``…) are skipped, because luoshi computes them itself. Any other type is
an error.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from luoshi.environment.air.hourly import HourlyRecords
from luoshi.environment.air.pollutants import parse_pollutant
from luoshi.environment.air.reading.table import find_column, numbers, read_csv
from luoshi.errors import MonitoringDataError

__all__ = ["COLUMNS", "read_archive"]

COLUMNS = ("date", "hour", "type")


def _derived(kind: str) -> bool:
    upper = kind.upper()
    return upper == "AQI" or upper.endswith("_24H") or upper.endswith("_8H")


def read_archive(path: Path, *, hour_label: str = "end") -> HourlyRecords:
    """Hourly records of one archive file (sites or cities as columns)."""
    frame = read_csv(path, dtype={"date": str, "type": str})
    date_col, hour_col, type_col = (find_column(frame, (c,), c, path) for c in COLUMNS)
    kinds = frame[type_col].astype(str).str.strip()
    keep = np.zeros(len(frame), dtype=bool)
    canonical = np.empty(len(frame), dtype=object)
    for kind in pd.unique(kinds):
        rows = (kinds == kind).to_numpy()
        if _derived(kind):
            continue
        try:
            canonical[rows] = parse_pollutant(kind).value
        except MonitoringDataError as error:
            row = int(np.flatnonzero(rows)[0]) + 1
            raise MonitoringDataError(
                f"第 {row} 行 row {row}: {error.message}", hint=error.hint, path=str(path), row=row
            ) from None
        keep |= rows
    frame, canonical = frame[keep], canonical[keep]
    sites = [c for c in frame.columns if c not in (date_col, hour_col, type_col)]
    if not sites:
        raise MonitoringDataError("没有点位列 no site columns after date,hour,type", path=str(path))
    text = frame[date_col].astype(str).str.strip().str.replace("-", "", regex=False)
    days = pd.to_datetime(text, format="%Y%m%d", errors="coerce")
    if days.isna().any():
        row = int(np.flatnonzero(days.isna().to_numpy())[0])
        raise MonitoringDataError(
            f"日期无法识别 cannot read the date {frame[date_col].iloc[row]!r}",
            hint="日期应写作 20160101 / write dates as 20160101",
            path=str(path),
        )
    hours = numbers(frame[hour_col], path, "hour")
    label = days.to_numpy().astype("datetime64[h]") + hours.astype(np.int64).astype("timedelta64[h]")
    if hour_label == "start":
        label = label + np.timedelta64(1, "h")
    values = numbers(frame[sites], path, "concentration")
    n_rows, n_sites = values.shape
    return HourlyRecords(
        site=np.tile(np.array(sites, dtype=object), n_rows),
        label=np.repeat(label, n_sites),
        pollutant=np.repeat(canonical, n_sites),
        value=values.reshape(-1),
        source=str(path),
    )
