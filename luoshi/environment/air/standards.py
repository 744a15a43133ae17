"""The numbers of the standards (标准): IAQI breakpoints (HJ 633), AQI categories (类别) and
concentration limits (浓度限值, GB 3095), each version kept side by side.

Everything here is marked [A] in shared/reference/standards_env.md (read from the official
texts) unless its docstring says otherwise. Concentrations are scaled integers as in
:mod:`luoshi.environment.air.pollutants` (CO in tenths of mg/m³).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from luoshi.environment.air.pollutants import Indicator, Pollutant

__all__ = [
    "AQI_SWITCH",
    "CATEGORIES",
    "IAQI_LEVELS",
    "AirLimits",
    "AqiStandard",
    "Category",
    "LimitStandard",
    "aqi_standard_for",
    "breakpoints",
    "category_of",
    "limits",
    "limit_standard_for",
]

#: The day HJ 633—2026 and GB 3095—2026 took effect; HJ 633—2012 applies to earlier days.
AQI_SWITCH = dt.date(2026, 3, 1)

#: IAQI at each breakpoint (表 1 of HJ 633—2012, 表 3 of HJ 633—2026).
IAQI_LEVELS: tuple[int, ...] = (0, 50, 100, 150, 200, 300, 400, 500)


class AqiStandard(StrEnum):
    """The version of the AQI technical regulation (环境空气质量指数技术规定)."""

    HJ633_2012 = "HJ 633—2012"
    HJ633_2026 = "HJ 633—2026"

    @property
    def code(self) -> int:
        """0 for 2012, 1 for 2026: the value held in per-day version arrays."""
        return 0 if self is AqiStandard.HJ633_2012 else 1

    @classmethod
    def parse(cls, text: str) -> AqiStandard:
        """``2012``, ``2026``, ``HJ 633-2012``… as a standard."""
        for standard in cls:
            if str(text).strip().endswith(standard.value[-4:]):
                return standard
        raise ValueError(f"unknown AQI standard {text!r}: expected 2012 or 2026")


def aqi_standard_for(day: dt.date) -> AqiStandard:
    """HJ 633—2026 from 2026-03-01, HJ 633—2012 before."""
    return AqiStandard.HJ633_2026 if day >= AQI_SWITCH else AqiStandard.HJ633_2012


_COMMON: dict[Indicator, tuple[int, ...]] = {
    Indicator.SO2_24H: (0, 50, 150, 475, 800, 1600, 2100, 2620),
    Indicator.SO2_1H: (0, 150, 500, 650, 800),
    Indicator.NO2_24H: (0, 40, 80, 180, 280, 565, 750, 940),
    Indicator.NO2_1H: (0, 100, 200, 700, 1200, 2340, 3090, 3840),
    Indicator.CO_24H: (0, 20, 40, 140, 240, 360, 480, 600),  # tenths of mg/m³
    Indicator.CO_1H: (0, 50, 100, 350, 600, 900, 1200, 1500),  # tenths of mg/m³
    Indicator.O3_1H: (0, 160, 200, 300, 400, 800, 1000, 1200),
    Indicator.O3_8H: (0, 100, 160, 215, 265, 800),
}

_BREAKPOINTS: dict[AqiStandard, dict[Indicator, tuple[int, ...]]] = {
    AqiStandard.HJ633_2012: {
        **_COMMON,
        Indicator.PM10_24H: (0, 50, 150, 250, 350, 420, 500, 600),
        Indicator.PM25_24H: (0, 35, 75, 115, 150, 250, 350, 500),
    },
    AqiStandard.HJ633_2026: {
        **_COMMON,
        Indicator.PM10_24H: (0, 50, 120, 250, 350, 420, 500, 600),
        Indicator.PM25_24H: (0, 35, 60, 115, 150, 250, 350, 500),
    },
}


def breakpoints(indicator: Indicator, standard: AqiStandard) -> tuple[int, ...]:
    """The concentration breakpoints (scaled) at IAQI 0, 50, 100, … for ``indicator``.

    SO2 1-hour stops at IAQI 200 (800 µg/m³) and O3 8-hour at IAQI 300 (800 µg/m³): above
    those the special rules of :mod:`luoshi.environment.air.iaqi` apply.
    """
    return _BREAKPOINTS[standard][indicator]


@dataclass(frozen=True)
class Category:
    """An AQI category (空气质量指数类别, HJ 633 表 2 / 2026 表 1)."""

    level: int
    grade: str
    name: str
    colour: str
    rgb: tuple[int, int, int]
    upper: int | None

    @property
    def good(self) -> bool:
        """优 or 良: the days counted as 优良天数."""
        return self.level <= 2


CATEGORIES: tuple[Category, ...] = (
    Category(1, "一级", "优", "绿色", (0, 228, 0), 50),
    Category(2, "二级", "良", "黄色", (255, 255, 0), 100),
    Category(3, "三级", "轻度污染", "橙色", (255, 126, 0), 150),
    Category(4, "四级", "中度污染", "红色", (255, 0, 0), 200),
    Category(5, "五级", "重度污染", "紫色", (153, 0, 76), 300),
    Category(6, "六级", "严重污染", "褐红色", (126, 0, 35), None),
)


def category_of(aqi: int) -> Category:
    """The category of an AQI value: 0–50 优, 51–100 良, …, above 300 严重污染."""
    for category in CATEGORIES:
        if category.upper is None or aqi <= category.upper:
            return category
    raise AssertionError("unreachable")


class LimitStandard(StrEnum):
    """The ambient air quality standard (环境空气质量标准) whose limits an evaluation uses."""

    GB3095_2012 = "GB 3095—2012"
    GB3095_2026 = "GB 3095—2026 过渡阶段"
    GB3095_2026_FINAL = "GB 3095—2026 浓度限值"


def limit_standard_for(year: int) -> LimitStandard:
    """GB 3095—2012 up to 2025; GB 3095—2026's transition limits for 2026–2030; its final
    limits from 2031. A year that straddles 2026-03-01 is an open question (see
    :func:`luoshi.environment.air.annual.evaluate_period`)."""
    if year <= 2025:
        return LimitStandard.GB3095_2012
    return LimitStandard.GB3095_2026 if year <= 2030 else LimitStandard.GB3095_2026_FINAL


@dataclass(frozen=True)
class AirLimits:
    """Concentration limits (scaled integers) of one standard for one area class (功能区类别).

    ``annual``: 年平均 (SO2, NO2, PM10, PM2.5); ``daily``: 24 小时/日平均 (SO2, NO2, CO, PM10,
    PM2.5); ``o3_8h``: 日最大 8 小时平均; ``o3_1h``: 1 小时平均.
    """

    standard: LimitStandard
    area_class: int
    annual: dict[Pollutant, int]
    daily: dict[Pollutant, int]
    o3_8h: int
    o3_1h: int


_P = Pollutant
_LIMITS: dict[tuple[LimitStandard, int], tuple[dict, dict, int, int]] = {
    (LimitStandard.GB3095_2012, 1): (
        {_P.SO2: 20, _P.NO2: 40, _P.PM10: 40, _P.PM25: 15},
        {_P.SO2: 50, _P.NO2: 80, _P.CO: 40, _P.PM10: 50, _P.PM25: 35},
        100,
        160,
    ),
    (LimitStandard.GB3095_2012, 2): (
        {_P.SO2: 60, _P.NO2: 40, _P.PM10: 70, _P.PM25: 35},
        {_P.SO2: 150, _P.NO2: 80, _P.CO: 40, _P.PM10: 150, _P.PM25: 75},
        160,
        200,
    ),
    (LimitStandard.GB3095_2026, 1): (
        {_P.SO2: 20, _P.NO2: 40, _P.PM10: 40, _P.PM25: 15},
        {_P.SO2: 50, _P.NO2: 80, _P.CO: 40, _P.PM10: 50, _P.PM25: 35},
        100,
        160,
    ),
    (LimitStandard.GB3095_2026, 2): (
        {_P.SO2: 60, _P.NO2: 40, _P.PM10: 60, _P.PM25: 30},
        {_P.SO2: 150, _P.NO2: 80, _P.CO: 40, _P.PM10: 120, _P.PM25: 60},
        160,
        200,
    ),
    (LimitStandard.GB3095_2026_FINAL, 1): (
        {_P.SO2: 20, _P.NO2: 30, _P.PM10: 20, _P.PM25: 10},
        {_P.SO2: 50, _P.NO2: 50, _P.CO: 40, _P.PM10: 50, _P.PM25: 25},
        100,
        160,
    ),
    (LimitStandard.GB3095_2026_FINAL, 2): (
        {_P.SO2: 20, _P.NO2: 30, _P.PM10: 50, _P.PM25: 25},
        {_P.SO2: 50, _P.NO2: 50, _P.CO: 40, _P.PM10: 100, _P.PM25: 50},
        160,
        200,
    ),
}


def limits(standard: LimitStandard = LimitStandard.GB3095_2012, area_class: int = 2) -> AirLimits:
    """The limits of ``standard`` for area class 1 (一类区, 一级) or 2 (二类区, 二级)."""
    if area_class not in (1, 2):
        raise ValueError(f"area class must be 1 or 2, not {area_class!r}")
    annual, daily, o3_8h, o3_1h = _LIMITS[(standard, area_class)]
    return AirLimits(standard, area_class, dict(annual), dict(daily), o3_8h, o3_1h)
