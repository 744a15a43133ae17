"""The wide hourly format of the Beijing multi-site data (PRSA, UCI; 北京12个国控点).

One file per site: ``No, year, month, day, hour, PM2.5, PM10, SO2, NO2, CO, O3, …, station``,
hour 0–23, all pollutants in µg/m³ (CO too: divided by 1000 here), ``NA`` for a gap.
The hour is read as the HJ 663 label, the end of the averaged hour, as Chinese real-time
publication stamps values [C: the data's documentation does not say]; ``hour_label="start"``
shifts every value one hour later.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from luoshi.environment.air.hourly import HourlyRecords
from luoshi.environment.air.pollutants import Pollutant
from luoshi.environment.air.reading.table import find_column, numbers, read_csv
from luoshi.errors import MonitoringDataError

__all__ = ["COLUMNS", "read_beijing"]

COLUMNS = ("year", "month", "day", "hour", "station")
_POLLUTANTS = (Pollutant.PM25, Pollutant.PM10, Pollutant.SO2, Pollutant.NO2, Pollutant.CO, Pollutant.O3)


def read_beijing(path: Path, *, hour_label: str = "end") -> HourlyRecords:
    """Hourly records of one PRSA file."""
    frame = read_csv(path, low_memory=False)
    parts = {name: find_column(frame, (name,), name, path) for name in COLUMNS}
    stamp = {k: numbers(frame[parts[k]], path, k) for k in ("year", "month", "day", "hour")}
    if any(np.isnan(v).any() for v in stamp.values()):
        row = int(np.flatnonzero(np.any([np.isnan(v) for v in stamp.values()], axis=0))[0])
        raise MonitoringDataError(
            f"第 {row + 1} 行时间不完整 row {row + 1}: year, month, day or hour is empty",
            path=str(path),
            row=row + 1,
        )
    days = (
        (stamp["year"].astype(np.int64) - 1970).astype("datetime64[Y]")
        + (stamp["month"].astype(np.int64) - 1).astype("timedelta64[M]")
    ).astype("datetime64[D]") + (stamp["day"].astype(np.int64) - 1).astype("timedelta64[D]")
    label = days.astype("datetime64[h]") + stamp["hour"].astype(np.int64).astype("timedelta64[h]")
    if hour_label == "start":
        label = label + np.timedelta64(1, "h")
    site = frame[parts["station"]].astype(str).to_numpy()
    columns = [find_column(frame, (p.value,), p.value, path) for p in _POLLUTANTS]
    values = numbers(frame[columns], path, "concentration")
    values[:, _POLLUTANTS.index(Pollutant.CO)] /= 1000.0
    n = len(frame)
    return HourlyRecords(
        site=np.repeat(site, len(_POLLUTANTS)),
        label=np.repeat(label, len(_POLLUTANTS)),
        pollutant=np.tile(np.array([p.value for p in _POLLUTANTS], dtype=object), n),
        value=values.reshape(-1),
        source=str(path),
    )
