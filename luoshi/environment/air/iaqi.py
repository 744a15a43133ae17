"""Individual and overall air quality indices (空气质量分指数 IAQI, 空气质量指数 AQI) per HJ 633.

The formula (both versions) [A]::

    IAQI = IAQI_Lo + (IAQI_Hi − IAQI_Lo) / (BP_Hi − BP_Lo) · (C − BP_Lo), rounded up (全部进位)

with continuous breakpoints (PM2.5 35→75 maps to 50→100, not the US 35.5–75.4 ↔ 51–100).
The concentration is first rounded per GB/T 8170 (integers, CO one decimal) [A for 2026,
HJ 663—2013 §6.3 for 2012-era data]. On scaled integer concentrations the whole formula is
integer arithmetic, so the ceiling is exact: ``IAQI_Lo + ceil((ΔI · (C − BP_Lo)) / ΔBP)``.
Since rounded concentrations are bounded integers, each indicator's IAQI is tabulated once for
every concentration up to its top breakpoint, and an array's IAQI is one lookup per value.

Special rules [A]:

- SO2 1-hour above 800 µg/m³: HJ 633—2012 reports the SO2 IAQI from the 24-hour mean's IAQI
  (``fallback``); HJ 633—2026 sets IAQI = 200.
- O3 8-hour above 800 µg/m³: HJ 633—2012 reports the O3 IAQI from the 1-hour IAQI
  (``fallback``); HJ 633—2026 sets IAQI = 300.
- Any other concentration above the top breakpoint (e.g. PM2.5 above 500) is not defined by
  either version; the IAQI is 500, as common practice does [C].

AQI = the largest IAQI. 首要污染物 (primary pollutants): when AQI > 50, every indicator whose
IAQI equals the AQI (ties are all primary). 超标污染物 (HJ 633—2012 only): IAQI > 100.
Missing indicators: the AQI comes from the others and, when it is 100 or less, is not
reported (HJ 633—2026 §5.3.1 [A]; applied to 2012 data too [C]: HJ 633—2012 only says a
missing indicator is marked NA).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

from luoshi.environment.air.pollutants import Indicator
from luoshi.environment.air.standards import (
    CATEGORIES,
    IAQI_LEVELS,
    AqiStandard,
    Category,
    aqi_standard_for,
    breakpoints,
)
from luoshi.environment.rounding import MISSING, ceil_div, round_decimal, scale_round

__all__ = [
    "AqiResult",
    "aqi",
    "categories_of",
    "combine",
    "iaqi",
    "iaqi_array",
    "iaqi_scaled",
    "scaled",
]

#: Above these (scaled) concentrations an indicator has its special rule.
_SPECIAL_TOP = {Indicator.SO2_1H: 800, Indicator.O3_8H: 800}
_SPECIAL_2026 = {Indicator.SO2_1H: 200, Indicator.O3_8H: 300}
_CATEGORY_UPPERS = np.array([c.upper for c in CATEGORIES[:-1]])


@lru_cache(maxsize=64)
def _table(indicator: Indicator, standard: AqiStandard) -> np.ndarray:
    """IAQI of every scaled concentration, shifted by one: entry 0 is for a missing value,
    entry c + 1 for concentration c up to the top breakpoint, the last entry for any
    concentration above it (its special rule, or 500)."""
    bp = np.asarray(breakpoints(indicator, standard), dtype=np.int64)
    levels = np.asarray(IAQI_LEVELS[: len(bp)], dtype=np.int64)
    c = np.arange(bp[-1] + 1)
    k = np.clip(np.searchsorted(bp, c, side="left"), 1, len(bp) - 1)
    lo_c, hi_c, lo_i, hi_i = bp[k - 1], bp[k], levels[k - 1], levels[k]
    values = lo_i + ceil_div((hi_i - lo_i) * (c - lo_c), hi_c - lo_c)
    if indicator in _SPECIAL_TOP:
        above = _SPECIAL_2026[indicator] if standard is AqiStandard.HJ633_2026 else MISSING
    else:
        above = IAQI_LEVELS[-1]
    table = np.concatenate([[MISSING], values, [above]]).astype(np.int16)
    table.flags.writeable = False
    return table


def _iaqi_one(indicator: Indicator, c: np.ndarray, standard: AqiStandard, fallback: Any) -> np.ndarray:
    table = _table(indicator, standard)
    top = len(table) - 2
    index = np.clip(c + 1, 0, top + 1)
    value = table[index]
    if fallback is not None and indicator in _SPECIAL_TOP and standard is AqiStandard.HJ633_2012:
        value = np.where(c > top - 1, fallback, value)
    return value


def iaqi_scaled(
    indicator: Indicator,
    concentrations: np.ndarray,
    standard: AqiStandard | np.ndarray,
    *,
    fallback: np.ndarray | None = None,
) -> np.ndarray:
    """IAQI of already rounded, scaled concentrations (CO in tenths of mg/m³); int64,
    :data:`~luoshi.environment.rounding.MISSING` where the concentration is missing.

    ``standard`` is one version, or an array of version codes (0 = 2012, 1 = 2026)
    broadcastable to ``concentrations``, for data that span 2026-03-01. ``fallback`` is the
    IAQI that HJ 633—2012 reports for SO2 1-hour or O3 8-hour values above 800 (the SO2
    24-hour IAQI, the O3 1-hour IAQI); without it those values have no IAQI (MISSING).
    """
    c = np.asarray(concentrations)
    if isinstance(standard, AqiStandard):
        return _iaqi_one(indicator, c, standard, fallback)
    codes = np.asarray(standard)
    old = _iaqi_one(indicator, c, AqiStandard.HJ633_2012, fallback)
    if not codes.any():
        return np.broadcast_to(old, np.broadcast_shapes(old.shape, codes.shape)).copy()
    new = _iaqi_one(indicator, c, AqiStandard.HJ633_2026, fallback)
    return np.where(codes == AqiStandard.HJ633_2026.code, new, old)


def scaled(indicator: Indicator, concentrations: Any) -> np.ndarray:
    """Concentrations (µg/m³; CO mg/m³) rounded per GB/T 8170 and scaled to integers; NaN and
    negative values become MISSING."""
    values = np.asarray(concentrations, dtype=np.float64)
    out = scale_round(values, indicator.pollutant.places)
    return np.where(values < 0, MISSING, out)


def iaqi_array(
    indicator: Indicator,
    concentrations: Any,
    standard: AqiStandard | dt.date = AqiStandard.HJ633_2012,
    *,
    fallback: np.ndarray | None = None,
) -> np.ndarray:
    """IAQI of an array of concentrations in natural units (vectorized; MISSING for NaN)."""
    if isinstance(standard, dt.date):
        standard = aqi_standard_for(standard)
    return iaqi_scaled(indicator, scaled(indicator, concentrations), standard, fallback=fallback)


def _as_standard(standard: AqiStandard | dt.date | str | None, day: dt.date | None) -> AqiStandard:
    if isinstance(standard, AqiStandard):
        return standard
    if isinstance(standard, dt.date):
        return aqi_standard_for(standard)
    if isinstance(standard, str):
        return AqiStandard.parse(standard)
    return aqi_standard_for(day) if day is not None else AqiStandard.HJ633_2012


def iaqi(
    indicator: Indicator | str,
    concentration: Any,
    standard: AqiStandard | dt.date | str | None = None,
    *,
    fallback: int | None = None,
) -> int | None:
    """The IAQI of one concentration (µg/m³; CO mg/m³), rounded first in Decimal per GB/T 8170.

    ``standard`` is a version, a date (the version in force that day) or None (HJ 633—2012).
    Returns None for a missing value, and for an SO2 1-hour or O3 8-hour value above 800
    under HJ 633—2012 when no ``fallback`` IAQI is given.

    >>> iaqi("PM2.5_24h", 36), iaqi("PM2.5_24h", 75, "2026"), iaqi("O3_8h", 801, "2026")
    (52, 114, 300)
    """
    indicator = Indicator(indicator)
    if concentration is None or (isinstance(concentration, float) and np.isnan(concentration)):
        return None
    places = indicator.pollutant.places
    value = int(round_decimal(concentration, places).scaleb(places))
    if value < 0:
        return None
    result = iaqi_scaled(
        indicator,
        np.array([value]),
        _as_standard(standard, None),
        fallback=None if fallback is None else np.array([fallback]),
    )
    out = int(result[0])
    return None if out == MISSING else out


def combine(
    iaqis: Sequence[np.ndarray], counted: Sequence[np.ndarray | bool] | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """AQI and primary-pollutant bits from the IAQI arrays of several indicators.

    ``counted[i]`` says where indicator ``i`` belongs in the AQI (e.g. the O3 1-hour value
    only on HJ 633—2012 days). Returns ``(aqi, primary)``: the AQI (MISSING where there is
    none, or where an indicator is missing and the others give 100 or less) and, where
    AQI > 50, bit ``i`` set for every indicator whose IAQI equals the AQI.
    """
    stack = np.stack(np.broadcast_arrays(*iaqis))
    if counted is None:
        use = np.ones(stack.shape, dtype=bool)
    else:
        use = np.stack(np.broadcast_arrays(*[np.asarray(c, dtype=bool) for c in counted], stack[0]))[:-1]
    present = use & (stack >= 0)
    best = np.where(present, stack, MISSING).max(axis=0)
    lacking = (use & (stack < 0)).any(axis=0)
    value = np.where(lacking & (best <= 100), MISSING, best)
    bits = (present & (stack == value) & (value > 50)).astype(np.int64)
    weights = (1 << np.arange(len(iaqis), dtype=np.int64)).reshape((-1,) + (1,) * (stack.ndim - 1))
    primary = (bits * weights).sum(axis=0)
    return value, primary


def categories_of(aqi_values: np.ndarray) -> np.ndarray:
    """Category levels 1 (优) … 6 (严重污染) of AQI values; MISSING where the AQI is."""
    values = np.asarray(aqi_values)
    level = np.searchsorted(_CATEGORY_UPPERS, values, side="left") + 1
    return np.where(values < 0, MISSING, level)


@dataclass(frozen=True)
class AqiResult:
    """The AQI of one place and time: every IAQI, the AQI, its category and primary pollutants."""

    standard: AqiStandard
    iaqi: dict[Indicator, int | None]
    aqi: int | None
    category: Category | None
    primary: tuple[Indicator, ...]
    #: 超标污染物, IAQI > 100 (HJ 633—2012 only; the 2026 version dropped it).
    exceeding: tuple[Indicator, ...]


def aqi(
    concentrations: Mapping[Indicator | str, Any],
    standard: AqiStandard | dt.date | str | None = None,
    *,
    day: dt.date | None = None,
) -> AqiResult:
    """The AQI of one set of concentrations (µg/m³; CO mg/m³; None for a missing one).

    The version is ``standard`` when given, else the one in force on ``day``, else
    HJ 633—2012. The special rules draw on the other indicators given: SO2 1-hour above 800
    falls back to the SO2 24-hour IAQI, O3 8-hour above 800 to the O3 1-hour IAQI (2012).

    >>> r = aqi({"PM2.5_24h": 76, "PM10_24h": 151, "O3_8h": 100}, day=dt.date(2016, 5, 1))
    >>> r.aqi, r.category.name, [p.value for p in r.primary]
    (102, '轻度污染', ['PM2.5_24h'])
    """
    version = _as_standard(standard, day)
    given = {Indicator(k): v for k, v in concentrations.items()}
    values: dict[Indicator, int | None] = {}
    for indicator in sorted(given, key=lambda i: i in _SPECIAL_TOP):
        fallback = None
        if indicator is Indicator.SO2_1H:
            fallback = values.get(Indicator.SO2_24H)
        elif indicator is Indicator.O3_8H:
            fallback = values.get(Indicator.O3_1H)
        values[indicator] = iaqi(indicator, given[indicator], version, fallback=fallback)
    order = list(given)
    arrays = [np.array([MISSING if values[i] is None else values[i]]) for i in order]
    total, primary = combine(arrays) if arrays else (np.array([MISSING]), np.array([0]))
    value = int(total[0])
    found = value != MISSING
    return AqiResult(
        standard=version,
        iaqi={i: values[i] for i in order},
        aqi=value if found else None,
        category=CATEGORIES[int(categories_of(total)[0]) - 1] if found else None,
        primary=tuple(i for n, i in enumerate(order) if int(primary[0]) >> n & 1),
        exceeding=tuple(i for i in order if version is AqiStandard.HJ633_2012 and (values[i] or 0) > 100),
    )
