"""Hourly monitoring data (小时监测数据) on a dense grid: one row per site, one column per hour.

Hours carry the labels of HJ 663—2013 附录 A [A]: the value labelled X:00 is the mean of the
hour before X, and a day's values are labelled 1:00 … 24:00, so the value stamped 00:00 on a
date belongs to the day before. Column ``t`` of the grid is the hour labelled
``first_day 00:00 + (t + 1) h``; a day is then 24 consecutive columns, and a (sites, days, 24)
view of the grid needs no copy.

Values are GB/T 8170-rounded scaled integers (see :mod:`~luoshi.environment.air.pollutants`),
``MISSING`` (−1) where the hour is absent, empty or negative. Negative concentrations are
instrument faults, not measurements, and are dropped like gaps [C: common practice].
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from luoshi.environment.air.pollutants import Pollutant
from luoshi.environment.rounding import MISSING, scale_round
from luoshi.errors import MonitoringDataError

__all__ = ["DEFAULT_CITY", "HourlyData", "HourlyRecords", "assemble"]

#: The city name given to sites when none is named (全市 = the whole city).
DEFAULT_CITY = "全市"

_HOUR = np.timedelta64(1, "h")


@dataclass(frozen=True, eq=False)
class HourlyRecords:
    """Hourly values in long form, as a reader returns them: equal-length arrays.

    ``label`` is the HJ 663 label of each value (end of its hour, ``datetime64[h]``);
    ``pollutant`` holds :class:`Pollutant` values; ``value`` is in µg/m³ (CO in mg/m³), NaN
    where empty; ``city`` is empty when the file names no city.
    """

    site: np.ndarray
    label: np.ndarray
    pollutant: np.ndarray
    value: np.ndarray
    city: np.ndarray | None = None
    source: str = ""


@dataclass(frozen=True, eq=False)
class HourlyData:
    """Hourly concentrations of several sites (点位), by pollutant, on one hour grid."""

    sites: tuple[str, ...]
    cities: tuple[str, ...]
    first_day: dt.date
    values: Mapping[Pollutant, np.ndarray]
    sources: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        shape = (len(self.sites), 24 * self.n_days)
        for pollutant, grid in self.values.items():
            if grid.shape != shape:
                raise ValueError(f"{pollutant}: grid of shape {grid.shape}, expected {shape}")
        if len(self.cities) != len(self.sites):
            raise ValueError("one city per site")

    @property
    def n_days(self) -> int:
        """Days covered (a day is 24 grid columns)."""
        return next(iter(self.values.values())).shape[1] // 24 if self.values else 0

    def day(self, index: int) -> dt.date:
        """The date of day ``index``."""
        return self.first_day + dt.timedelta(days=index)

    @classmethod
    def from_arrays(
        cls,
        sites: Sequence[str],
        first_day: dt.date,
        concentrations: Mapping[Pollutant | str, np.ndarray],
        *,
        cities: Sequence[str] | str = DEFAULT_CITY,
        sources: Sequence[str] = (),
    ) -> HourlyData:
        """Grid from float arrays of shape (sites, 24·days) in µg/m³ (CO mg/m³), NaN for gaps;
        column 0 is the hour labelled ``first_day`` 01:00. Rounds per GB/T 8170."""
        grids = {}
        for name, raw in concentrations.items():
            pollutant = Pollutant(name)
            values = np.asarray(raw, dtype=np.float64)
            if values.ndim != 2 or values.shape[1] % 24:
                raise ValueError(f"{pollutant}: need shape (sites, 24·days), got {values.shape}")
            grid = scale_round(values, pollutant.places)
            grid[values < 0] = MISSING
            grids[pollutant] = grid.astype(np.int32)
        city_names = (cities,) * len(sites) if isinstance(cities, str) else tuple(cities)
        return cls(tuple(sites), city_names, first_day, grids, tuple(sources))


def _cities_of(
    sites: np.ndarray, records: Sequence[HourlyRecords], cities: Mapping[str, str] | str | None
) -> tuple[str, ...]:
    if isinstance(cities, str):
        return (cities,) * len(sites)
    named: dict[str, str] = {}
    for r in records:
        if r.city is not None:
            pairs = pd.DataFrame({"site": r.site, "city": r.city}).drop_duplicates()
            pairs = pairs[pairs["city"].astype(str) != ""]
            named.update(zip(pairs["site"].astype(str), pairs["city"].astype(str), strict=True))
    if cities is not None:
        named.update(cities)
    return tuple(named.get(s, DEFAULT_CITY) for s in sites)


def _codes(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Sorted distinct values and each entry's index among them (hash-based, fast on strings)."""
    codes, uniques = pd.factorize(values)
    uniques = np.asarray(uniques, dtype=str)
    order = np.argsort(uniques, kind="stable")
    rank = np.empty_like(order)
    rank[order] = np.arange(len(order))
    return uniques[order], rank[codes]


def assemble(
    records: Iterable[HourlyRecords], *, cities: Mapping[str, str] | str | None = None
) -> HourlyData:
    """One grid from the records of one or more files.

    ``cities`` maps site to city, or names one city for every site; by default the files'
    own city column, else :data:`DEFAULT_CITY`. The same site, hour and pollutant given twice
    with different values is an error.
    """
    parts = [r for r in records if len(r.site)]
    if not parts:
        raise MonitoringDataError(
            "没有任何小时监测数据 no hourly values in the input",
            hint="检查文件是否为空或格式是否正确 / check that the files hold hourly data",
        )
    site = np.concatenate([np.asarray(r.site, dtype=object) for r in parts])
    label = np.concatenate([r.label.astype("datetime64[h]") for r in parts])
    pollutant = np.concatenate([np.asarray(r.pollutant, dtype=object) for r in parts])
    value = np.concatenate([r.value.astype(np.float64) for r in parts])
    site_names, site_index = _codes(site)
    kinds, kind_index = _codes(pollutant)
    first = (label.min() - _HOUR).astype("datetime64[D]")
    last = (label.max() - _HOUR).astype("datetime64[D]")
    n_days = int((last - first).astype(int)) + 1
    column = ((label - first.astype("datetime64[h]")) // _HOUR).astype(np.int64) - 1
    width = 24 * n_days
    grids: dict[Pollutant, np.ndarray] = {}
    for k, kind in enumerate(kinds):
        p = Pollutant(kind)
        chosen = kind_index == k
        raw = value[chosen]
        scaled = scale_round(raw, p.places)
        scaled[raw < 0] = MISSING
        cell = site_index[chosen] * width + column[chosen]
        if np.bincount(cell, minlength=len(site_names) * width).max() > 1:
            _check_duplicates(cell, scaled, site_names, width, first, p, parts)
        grid = np.full(len(site_names) * width, MISSING, dtype=np.int32)
        keep = scaled >= 0
        grid[cell[keep]] = scaled[keep]
        grids[p] = grid.reshape(len(site_names), width)
    return HourlyData(
        sites=tuple(str(s) for s in site_names),
        cities=_cities_of(site_names, parts, cities),
        first_day=dt.date.fromisoformat(str(first)),
        values=grids,
        sources=tuple(r.source for r in parts if r.source),
    )


def _check_duplicates(
    cell: np.ndarray,
    scaled: np.ndarray,
    sites: np.ndarray,
    width: int,
    first: np.datetime64,
    pollutant: Pollutant,
    parts: Sequence[HourlyRecords],
) -> None:
    order = np.argsort(cell, kind="stable")
    sorted_cells = cell[order]
    same = sorted_cells[1:] == sorted_cells[:-1]
    if not same.any():
        return
    clash = same & (scaled[order][1:] != scaled[order][:-1])
    if not clash.any():
        return
    where = int(sorted_cells[1:][clash][0])
    site, column = divmod(where, width)
    label = first.astype("datetime64[h]") + (column + 1) * _HOUR
    raise MonitoringDataError(
        f"同一点位同一小时有两个不同的值 two different values for site {sites[site]}, "
        f"{pollutant.value}, hour {label}",
        hint="检查是否重复读入了文件 / check for files read twice or overlapping periods",
        path=", ".join(r.source for r in parts if r.source) or None,
    )
