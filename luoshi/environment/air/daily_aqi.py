"""Daily AQI (日报 AQI) of sites or cities, with the HJ 633 version chosen day by day.

HJ 633—2012 builds the daily AQI from seven indicators (SO2, NO2, CO, PM10, PM2.5 24-hour
means, O3 daily maximum 1-hour and MDA8); HJ 633—2026 from six (no O3 1-hour) [A]. Each day
uses the version in force on its date (2026-03-01 switch) unless one is imposed. A city's
AQI is computed from the city's daily concentrations, not from its sites' AQI.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

from luoshi.environment.air.daily import DailyValues
from luoshi.environment.air.iaqi import categories_of, combine, iaqi_scaled
from luoshi.environment.air.pollutants import DAILY_INDICATORS, Indicator
from luoshi.environment.air.standards import AQI_SWITCH, AqiStandard
from luoshi.environment.rounding import MISSING

__all__ = ["DailyAqi", "daily_aqi", "standards_by_day"]


def standards_by_day(first_day: dt.date, n_days: int, standard: AqiStandard | None = None) -> np.ndarray:
    """Version code of each day (0 = HJ 633—2012, 1 = HJ 633—2026): by date, or all ``standard``."""
    if standard is not None:
        return np.full(n_days, standard.code, dtype=np.int8)
    dates = np.datetime64(first_day, "D") + np.arange(n_days)
    return (dates >= np.datetime64(AQI_SWITCH, "D")).astype(np.int8)


@dataclass(frozen=True, eq=False)
class DailyAqi:
    """IAQI of each indicator, AQI, category level (1–6) and primary-pollutant bits of every
    unit and day; arrays of shape (units, days), MISSING where there is no value.

    Bit ``i`` of ``primary`` stands for ``indicators[i]``.
    """

    daily: DailyValues
    standards: np.ndarray
    indicators: tuple[Indicator, ...]
    iaqi: dict[Indicator, np.ndarray]
    aqi: np.ndarray
    category: np.ndarray
    primary: np.ndarray

    def primary_of(self, bits: int) -> tuple[Indicator, ...]:
        """The indicators a primary-pollutant bit set stands for."""
        return tuple(ind for n, ind in enumerate(self.indicators) if bits >> n & 1)

    def standard_of(self, day: int) -> AqiStandard:
        """The HJ 633 version used on day ``day``."""
        return AqiStandard.HJ633_2026 if self.standards[day] else AqiStandard.HJ633_2012


def daily_aqi(daily: DailyValues, standard: AqiStandard | None = None) -> DailyAqi:
    """The daily AQI of every unit of ``daily`` (version by date unless ``standard``)."""
    codes = standards_by_day(daily.first_day, daily.n_days, standard)
    per_day = codes[None, :]
    indicators = tuple(i for i in DAILY_INDICATORS if i in daily.values)
    iaqis: dict[Indicator, np.ndarray] = {}
    for indicator in indicators:
        fallback = iaqis.get(Indicator.O3_1H) if indicator is Indicator.O3_8H else None
        iaqis[indicator] = iaqi_scaled(indicator, daily.values[indicator], per_day, fallback=fallback).astype(
            np.int16
        )
    counted = [per_day == 0 if i is Indicator.O3_1H else True for i in indicators]
    if indicators:
        value, primary = combine([iaqis[i] for i in indicators], counted)
    else:
        shape = (len(daily.units), daily.n_days)
        value, primary = np.full(shape, MISSING), np.zeros(shape, dtype=np.int64)
    return DailyAqi(
        daily=daily,
        standards=codes,
        indicators=indicators,
        iaqi=iaqis,
        aqi=value.astype(np.int16),
        category=categories_of(value).astype(np.int8),
        primary=primary.astype(np.int16),
    )
