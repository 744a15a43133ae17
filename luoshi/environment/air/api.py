"""The air API in three calls (空气质量计算入口): daily AQI, period evaluation, trackable figures.

    hourly = read_air(paths, cities="北京")
    cities, sites = air_daily(hourly)
    [beijing] = air_evaluate(hourly, dt.date(2016, 1, 1), dt.date(2016, 12, 31))
    figures = air_indicators(hourly, dt.date(2016, 1, 1), dt.date(2016, 6, 30))
    figures["pm25_mean"].value, figures["pm25_mean"].source.describe()

:func:`air_indicators` is what target tracking (落实进度) calls: each figure comes with a
:class:`~luoshi.environment.air.provenance.Provenance` naming the standards, the sites and
the valid days behind it.
"""

from __future__ import annotations

import datetime as dt

from luoshi.environment.air.annual import AirEvaluation, evaluate_period, evaluate_units
from luoshi.environment.air.daily import city_daily, site_daily
from luoshi.environment.air.daily_aqi import DailyAqi, daily_aqi
from luoshi.environment.air.hourly import HourlyData
from luoshi.environment.air.provenance import IndicatorValue, indicator_values
from luoshi.environment.air.standards import AirLimits, AqiStandard

__all__ = ["air_daily", "air_evaluate", "air_indicators"]


def air_daily(hourly: HourlyData, *, standard: AqiStandard | None = None) -> tuple[DailyAqi, DailyAqi]:
    """Daily values and AQI of every city and every site: ``(cities, sites)``."""
    sites = site_daily(hourly)
    cities = city_daily(hourly, sites)
    return daily_aqi(cities, standard), daily_aqi(sites, standard)


def air_evaluate(
    hourly: HourlyData,
    start: dt.date,
    end: dt.date,
    *,
    standard: AqiStandard | None = None,
    limit_set: AirLimits | None = None,
    area_class: int = 2,
    composite: str = "ranking",
    sites: bool = False,
) -> list[AirEvaluation]:
    """The HJ 663 evaluation of every city over ``start`` … ``end`` (and of every site too
    with ``sites``), cities first."""
    city_aqi, site_aqi = air_daily(hourly, standard=standard)
    options = {"limit_set": limit_set, "area_class": area_class, "composite": composite}
    out = evaluate_units(city_aqi, start, end, **options)
    if sites:
        out += evaluate_units(site_aqi, start, end, **options)
    return out


def air_indicators(
    hourly: HourlyData,
    start: dt.date,
    end: dt.date,
    *,
    city: str | None = None,
    standard: AqiStandard | None = None,
    limit_set: AirLimits | None = None,
) -> dict[str, IndicatorValue]:
    """The trackable figures of one city (the only one when None) over a period, each with
    its provenance (see :data:`~luoshi.environment.air.provenance.INDICATOR_KEYS`)."""
    city_aqi = daily_aqi(city_daily(hourly), standard)
    evaluation = evaluate_period(city_aqi, start, end, unit=city, limit_set=limit_set)
    return indicator_values(evaluation)
