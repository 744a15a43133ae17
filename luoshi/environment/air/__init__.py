"""Air quality (环境空气质量) from hourly monitoring data: HJ 633 AQI and HJ 663 evaluation.

The layers, each a module with one job:

- :mod:`.pollutants`, :mod:`.standards`: the pollutants, indicators, breakpoints, categories
  and limits of each standard version;
- :mod:`.iaqi`: IAQI and AQI (vectorized and for single values), special rules, primary
  pollutants;
- :mod:`.hourly`, :mod:`.reading`: hourly data on a grid, and the file readers;
- :mod:`.daily`, :mod:`.daily_aqi`: daily site and city values with GB 3095 validity, and
  their AQI;
- :mod:`.statistics`, :mod:`.validity`, :mod:`.composite`, :mod:`.annual`: the period
  evaluation of HJ 663—2013;
- :mod:`.provenance`: what a figure was computed from, for target tracking;
- :mod:`.report`: tables and files for people;
- :mod:`.api`: the three calls most users need.
"""

from __future__ import annotations

from luoshi.environment.air.annual import AirEvaluation, Figure, evaluate_period, evaluate_year
from luoshi.environment.air.api import air_daily, air_evaluate, air_indicators
from luoshi.environment.air.daily import DailyValues, city_daily, site_daily
from luoshi.environment.air.daily_aqi import DailyAqi, daily_aqi
from luoshi.environment.air.hourly import HourlyData, HourlyRecords, assemble
from luoshi.environment.air.iaqi import AqiResult, aqi, iaqi, iaqi_array
from luoshi.environment.air.pollutants import Indicator, Pollutant
from luoshi.environment.air.provenance import IndicatorValue, Provenance, indicator_values
from luoshi.environment.air.reading import read_air
from luoshi.environment.air.standards import (
    AQI_SWITCH,
    AqiStandard,
    Category,
    LimitStandard,
    aqi_standard_for,
    category_of,
    limits,
)

__all__ = [
    "AQI_SWITCH",
    "AirEvaluation",
    "AqiResult",
    "AqiStandard",
    "Category",
    "DailyAqi",
    "DailyValues",
    "Figure",
    "HourlyData",
    "HourlyRecords",
    "Indicator",
    "IndicatorValue",
    "LimitStandard",
    "Pollutant",
    "Provenance",
    "air_daily",
    "air_evaluate",
    "air_indicators",
    "aqi",
    "aqi_standard_for",
    "assemble",
    "category_of",
    "city_daily",
    "daily_aqi",
    "evaluate_period",
    "evaluate_year",
    "iaqi",
    "iaqi_array",
    "indicator_values",
    "limits",
    "read_air",
    "site_daily",
]
