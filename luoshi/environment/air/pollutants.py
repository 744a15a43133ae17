"""The six pollutants (污染物) and the averaged indicators (评价指标) built from them.

Concentrations are held as scaled integers after GB/T 8170 rounding: µg/m³ to integers for
SO2, NO2, O3, PM10 and PM2.5, and CO in tenths of mg/m³ (one decimal), as HJ 633—2026 §4.2.2–
4.2.3 and HJ 663—2013 表 3 require [A]. ``Pollutant.places`` is that number of decimals.
"""

from __future__ import annotations

from enum import StrEnum

from luoshi.errors import MonitoringDataError

__all__ = ["DAILY_INDICATORS", "Indicator", "Pollutant", "parse_pollutant"]


class Pollutant(StrEnum):
    """One of the six basic items of GB 3095 (基本项目)."""

    SO2 = "SO2"
    NO2 = "NO2"
    CO = "CO"
    O3 = "O3"
    PM10 = "PM10"
    PM25 = "PM2.5"

    @property
    def chinese(self) -> str:
        """The Chinese name: 二氧化硫, 二氧化氮, 一氧化碳, 臭氧, 可吸入颗粒物, 细颗粒物."""
        return _CHINESE[self]

    @property
    def places(self) -> int:
        """Decimals kept after rounding: 1 for CO (mg/m³), 0 for the others (µg/m³)."""
        return 1 if self is Pollutant.CO else 0

    @property
    def unit(self) -> str:
        """The unit of its concentrations: mg/m³ for CO, µg/m³ for the others."""
        return "mg/m³" if self is Pollutant.CO else "µg/m³"


_CHINESE = {
    Pollutant.SO2: "二氧化硫",
    Pollutant.NO2: "二氧化氮",
    Pollutant.CO: "一氧化碳",
    Pollutant.O3: "臭氧",
    Pollutant.PM10: "可吸入颗粒物",
    Pollutant.PM25: "细颗粒物",
}

_ALIASES = {
    **{p.value.lower(): p for p in Pollutant},
    **{p.chinese: p for p in Pollutant},
    "pm25": Pollutant.PM25,
    "pm2_5": Pollutant.PM25,
    "pm 2.5": Pollutant.PM25,
    "pm₂.₅": Pollutant.PM25,
    "so₂": Pollutant.SO2,
    "no₂": Pollutant.NO2,
    "o₃": Pollutant.O3,
}


def parse_pollutant(name: str) -> Pollutant:
    """The pollutant a column or a ``pollutant`` cell names (``PM2.5``, ``pm25``, ``细颗粒物``…)."""
    found = _ALIASES.get(str(name).strip().lower())
    if found is None:
        raise MonitoringDataError(
            f"未知污染物 unknown pollutant: {name!r}",
            hint="污染物应为 SO2、NO2、CO、O3、PM10、PM2.5 之一 / expected one of "
            + ", ".join(p.value for p in Pollutant),
        )
    return found


class Indicator(StrEnum):
    """An averaged concentration that has IAQI breakpoints (HJ 633 表 1 / 表 3)."""

    SO2_24H = "SO2_24h"
    SO2_1H = "SO2_1h"
    NO2_24H = "NO2_24h"
    NO2_1H = "NO2_1h"
    CO_24H = "CO_24h"
    CO_1H = "CO_1h"
    O3_1H = "O3_1h"
    O3_8H = "O3_8h"
    PM10_24H = "PM10_24h"
    PM25_24H = "PM2.5_24h"

    @property
    def pollutant(self) -> Pollutant:
        """The pollutant it averages."""
        return Pollutant(self.value.rsplit("_", 1)[0])

    @property
    def chinese(self) -> str:
        """Its name in daily reports: ``二氧化硫24小时平均``, ``臭氧日最大8小时平均``…"""
        return _INDICATOR_CHINESE[self]

    @property
    def short(self) -> str:
        """A short label for table headers: ``SO2``, ``O3-8h``, ``O3-1h``…"""
        return _SHORT.get(self, self.pollutant.value)


_INDICATOR_CHINESE = {
    Indicator.SO2_24H: "二氧化硫24小时平均",
    Indicator.SO2_1H: "二氧化硫1小时平均",
    Indicator.NO2_24H: "二氧化氮24小时平均",
    Indicator.NO2_1H: "二氧化氮1小时平均",
    Indicator.CO_24H: "一氧化碳24小时平均",
    Indicator.CO_1H: "一氧化碳1小时平均",
    Indicator.O3_1H: "臭氧日最大1小时平均",
    Indicator.O3_8H: "臭氧日最大8小时平均",
    Indicator.PM10_24H: "可吸入颗粒物24小时平均",
    Indicator.PM25_24H: "细颗粒物24小时平均",
}

_SHORT = {Indicator.O3_1H: "O3-1h", Indicator.O3_8H: "O3-8h"}

#: The indicators of a daily report (日报), in the order tables show them. HJ 633—2012 uses
#: all seven; HJ 633—2026 drops the O3 daily maximum 1-hour value [A].
DAILY_INDICATORS: tuple[Indicator, ...] = (
    Indicator.SO2_24H,
    Indicator.NO2_24H,
    Indicator.CO_24H,
    Indicator.O3_1H,
    Indicator.O3_8H,
    Indicator.PM10_24H,
    Indicator.PM25_24H,
)
