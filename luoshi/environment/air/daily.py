"""Daily values (日评价数据) of sites and cities from hourly data, with GB 3095 validity.

Site level (HJ 663—2013 表 A.1, GB 3095 表 4) [A]:

- 24-hour mean of SO2, NO2, CO, PM10, PM2.5 = mean of the day's hourly values labelled
  1:00 … 24:00; valid with at least 20 valid hours.
- O3 8-hour mean at X = mean of the hourly values X−7 … X, valid with at least 6 of them;
  the daily maximum 8-hour mean (日最大 8 小时平均, MDA8) is the largest of the windows
  labelled 8:00 … 24:00 (17 windows inside the day), valid with at least 14 valid windows,
  or with fewer when it still exceeds the limit (HJ 663—2013 §6.1.2; the 二级 limit,
  160 µg/m³, by default).
- O3 daily maximum 1-hour value (only HJ 633—2012's daily AQI uses it): the largest valid
  hour; valid with at least 20 valid hours, or when it exceeds the 1-hour limit (200 µg/m³).
  Neither standard states this rule; it mirrors the two above [C].

Every mean is rounded per GB/T 8170 before use (HJ 663—2013 §6.3), in integer arithmetic.

City level (表 A.2) [A]: each daily value is the mean of the valid site values (O3 MDA8 the
mean of the sites' MDA8, not the MDA8 of a city series), rounded; it is valid when the valid
sites are at least 75 % of the city's sites (50 % for fewer than 4 sites, §6.1.4). The city's
O3 daily maximum 1-hour value is the largest of the city's hourly means (each a mean of the
sites' hourly values under the same 75 % rule) [B: reading of 表 A.2].
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np

from luoshi.environment.air.hourly import HourlyData
from luoshi.environment.air.pollutants import Indicator, Pollutant
from luoshi.environment.rounding import MISSING, div_round

__all__ = [
    "MIN_HOURS",
    "MIN_O3_WINDOWS",
    "MIN_WINDOW_HOURS",
    "DailyValues",
    "city_daily",
    "min_valid_sites",
    "site_daily",
]

MIN_HOURS = 20
MIN_WINDOW_HOURS = 6
MIN_O3_WINDOWS = 14
_O3_8H_LIMIT = 160
_O3_1H_LIMIT = 200

_MEANS = {
    Indicator.SO2_24H: Pollutant.SO2,
    Indicator.NO2_24H: Pollutant.NO2,
    Indicator.CO_24H: Pollutant.CO,
    Indicator.PM10_24H: Pollutant.PM10,
    Indicator.PM25_24H: Pollutant.PM25,
}


@dataclass(frozen=True, eq=False)
class DailyValues:
    """Daily values of several units (sites or cities): for each indicator an int32 array of
    shape (units, days), scaled, MISSING where invalid.

    ``members[u]`` are the sites behind unit ``u`` (the site itself at site level);
    ``site_counts`` (city level) the number of valid sites behind each daily value (not
    kept for the O3 1-hour maximum, which comes from hourly city means).
    """

    level: str
    units: tuple[str, ...]
    members: tuple[tuple[str, ...], ...]
    first_day: dt.date
    values: Mapping[Indicator, np.ndarray]
    site_counts: Mapping[Indicator, np.ndarray] = field(default_factory=dict)
    sources: tuple[str, ...] = ()

    @property
    def n_days(self) -> int:
        """Days covered."""
        return next(iter(self.values.values())).shape[1]

    def dates(self) -> np.ndarray:
        """The date of each day, as ``datetime64[D]``."""
        return np.datetime64(self.first_day, "D") + np.arange(self.n_days)


def _daily_mean(grid: np.ndarray) -> np.ndarray:
    hours = grid.reshape(grid.shape[0], -1, 24)
    ok = hours >= 0
    count = ok.sum(axis=-1)
    total = np.where(ok, hours, 0).sum(axis=-1, dtype=np.int64)
    return np.where(count >= MIN_HOURS, div_round(total, count), MISSING).astype(np.int32)


def _daily_max_hour(grid: np.ndarray, limit: int) -> np.ndarray:
    hours = grid.reshape(grid.shape[0], -1, 24)
    count = (hours >= 0).sum(axis=-1)
    top = hours.max(axis=-1)
    return np.where((count >= MIN_HOURS) | (top > limit), top, MISSING).astype(np.int32)


def _mda8(grid: np.ndarray, limit: int) -> np.ndarray:
    hours = grid.reshape(grid.shape[0], -1, 24)
    ok = hours >= 0
    shape = hours.shape[:-1] + (1,)
    total = np.concatenate([np.zeros(shape, np.int64), np.where(ok, hours, 0).cumsum(-1, dtype=np.int64)], -1)
    count = np.concatenate([np.zeros(shape, np.int32), ok.cumsum(-1, dtype=np.int32)], -1)
    window_total = total[..., 8:] - total[..., :17]
    window_count = count[..., 8:] - count[..., :17]
    valid = window_count >= MIN_WINDOW_HOURS
    means = np.where(valid, div_round(window_total, window_count), MISSING)
    best = means.max(axis=-1)
    enough = valid.sum(axis=-1) >= MIN_O3_WINDOWS
    return np.where(enough | (best > limit), best, MISSING).astype(np.int32)


def site_daily(hourly: HourlyData, *, o3_8h_limit: int = _O3_8H_LIMIT) -> DailyValues:
    """Daily values of every site (点位日评价数据).

    ``o3_8h_limit`` is the limit an MDA8 with fewer than 14 valid windows must exceed to
    count (HJ 663—2013 §6.1.2): 160 (二级) by default, 100 for 一类区 evaluations.
    """
    values: dict[Indicator, np.ndarray] = {}
    for indicator, pollutant in _MEANS.items():
        if pollutant in hourly.values:
            values[indicator] = _daily_mean(hourly.values[pollutant])
    if Pollutant.O3 in hourly.values:
        ozone = hourly.values[Pollutant.O3]
        values[Indicator.O3_1H] = _daily_max_hour(ozone, _O3_1H_LIMIT)
        values[Indicator.O3_8H] = _mda8(ozone, o3_8h_limit)
    return DailyValues(
        level="site",
        units=hourly.sites,
        members=tuple((s,) for s in hourly.sites),
        first_day=hourly.first_day,
        values=values,
        sources=hourly.sources,
    )


def min_valid_sites(n_sites: np.ndarray | int) -> np.ndarray:
    """Valid sites a city value needs: 75 % of its sites, 50 % when it has fewer than 4
    (HJ 663—2013 §6.1.4), rounded up."""
    n = np.asarray(n_sites, dtype=np.int64)
    return np.maximum(np.where(n >= 4, -(-3 * n // 4), -(-n // 2)), 1)


def _group_mean(values: np.ndarray, order: np.ndarray, starts: np.ndarray, need: np.ndarray):
    ok = values >= 0
    total = np.add.reduceat(np.where(ok, values, 0).astype(np.int64)[order], starts, axis=0)
    count = np.add.reduceat(ok[order].astype(np.int32), starts, axis=0)
    mean = np.where(count >= need[:, None], div_round(total, count), MISSING).astype(np.int32)
    return mean, count


def city_daily(hourly: HourlyData, sites: DailyValues | None = None) -> DailyValues:
    """Daily values of every city (城市日评价数据), from its sites' values.

    ``sites`` is :func:`site_daily` of the same data, when already computed.
    """
    if sites is None:
        sites = site_daily(hourly)
    names, code = np.unique(np.asarray(hourly.cities, dtype=str), return_inverse=True)
    order = np.argsort(code, kind="stable")
    sizes = np.bincount(code, minlength=len(names))
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    need = min_valid_sites(sizes)
    values: dict[Indicator, np.ndarray] = {}
    counts: dict[Indicator, np.ndarray] = {}
    for indicator, site_values in sites.values.items():
        if indicator is Indicator.O3_1H:
            continue
        values[indicator], counts[indicator] = _group_mean(site_values, order, starts, need)
    if Pollutant.O3 in hourly.values and Indicator.O3_1H in sites.values:
        city_hours, _ = _group_mean(hourly.values[Pollutant.O3], order, starts, need)
        values[Indicator.O3_1H] = _daily_max_hour(city_hours, _O3_1H_LIMIT)
    site_names = np.asarray(hourly.sites)[order]
    members = tuple(tuple(site_names[s : s + n]) for s, n in zip(starts, sizes, strict=True))
    return DailyValues(
        level="city",
        units=tuple(str(n) for n in names),
        members=members,
        first_day=hourly.first_day,
        values=values,
        site_counts=counts,
        sources=hourly.sources,
    )
