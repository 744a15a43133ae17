"""Where a computed figure comes from (来源): the standards, sites, period and days behind it.

:class:`Provenance` travels with every evaluation, and :func:`indicator_values` turns an
evaluation into the plain figures a target can be tracked by (PM2.5平均浓度, 优良天数比例…),
each carrying its provenance, so that an observation computed from monitoring data records
which standard version, how many sites and how many days it counted.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from luoshi.environment.air.annual import AirEvaluation

__all__ = ["INDICATOR_KEYS", "IndicatorValue", "Provenance", "indicator_values"]


@dataclass(frozen=True)
class Provenance:
    """The standards, unit (city or site), sites, period, valid days and files of a figure."""

    standards: tuple[str, ...]
    unit: str
    level: str
    sites: tuple[str, ...]
    start: dt.date
    end: dt.date
    days: int
    sources: tuple[str, ...]
    notes: tuple[str, ...]

    def describe(self) -> str:
        """One line: ``HJ 663—2013; GB 3095—2012 二级; HJ 633—2012 | 北京 12 个点位 | 2016-01-01—2016-12-31, 有效天数 366``."""
        return (
            f"{'; '.join(self.standards)} | {self.unit} {len(self.sites)} 个点位 sites | "
            f"{self.start.isoformat()}—{self.end.isoformat()}, 有效天数 valid days {self.days}"
        )


@dataclass(frozen=True)
class IndicatorValue:
    """One figure for tracking: ``value`` in ``unit`` (None when it cannot be computed)."""

    key: str
    name: str
    value: Decimal | None
    unit: str
    valid: bool
    validity: str
    source: Provenance


#: The keys :func:`indicator_values` returns, with their Chinese names and units.
INDICATOR_KEYS: dict[str, tuple[str, str]] = {
    "pm25_mean": ("PM2.5平均浓度", "微克/立方米"),
    "pm10_mean": ("PM10平均浓度", "微克/立方米"),
    "so2_mean": ("二氧化硫平均浓度", "微克/立方米"),
    "no2_mean": ("二氧化氮平均浓度", "微克/立方米"),
    "co_p95": ("一氧化碳日均值第95百分位数", "毫克/立方米"),
    "o3_p90": ("臭氧日最大8小时平均第90百分位数", "微克/立方米"),
    "good_days": ("空气质量优良天数", "天"),
    "good_days_ratio": ("空气质量优良天数比例", "%"),
    "polluted_heavy_days": ("重度及以上污染天数", "天"),
    "composite_index": ("环境空气质量综合指数", ""),
}


def indicator_values(evaluation: AirEvaluation) -> dict[str, IndicatorValue]:
    """The trackable figures of an evaluation, keyed as in :data:`INDICATOR_KEYS`."""
    source = evaluation.provenance
    out: dict[str, IndicatorValue] = {}

    def put(key: str, value: Decimal | None, valid: bool, validity: str) -> None:
        name, unit = INDICATOR_KEYS[key]
        out[key] = IndicatorValue(key, name, value, unit, valid, validity, source)

    for key, figure_key in (
        ("pm25_mean", "PM2.5_mean"),
        ("pm10_mean", "PM10_mean"),
        ("so2_mean", "SO2_mean"),
        ("no2_mean", "NO2_mean"),
        ("co_p95", "CO_p95"),
        ("o3_p90", "O3_p90"),
    ):
        figure = evaluation.figures.get(figure_key)
        if figure is not None:
            put(key, figure.value, figure.validity.valid, figure.validity.describe())
    days = evaluation.good_days
    text = days.validity.describe()
    put("good_days", Decimal(days.good), days.validity.valid, text)
    put("good_days_ratio", days.ratio, days.validity.valid, text)
    put("polluted_heavy_days", Decimal(days.heavy), days.validity.valid, text)
    index = evaluation.composite
    index_valid = index.value is not None and all(
        f.validity.valid for f in evaluation.figures.values() if f.in_composite
    )
    put(
        "composite_index",
        index.value,
        index_valid,
        "" if index_valid else "部分统计量无效 some figures invalid",
    )
    return out
