"""What the indicator catalogue (指标库) holds: canonical indicators (指标) and a link to one (匹配).

An :class:`Indicator` is a canonical measure with its unit, the direction that is better
(越高越好 / 越低越好) and its kind (类型), which decides how the status engine
(:mod:`luoshi.tracking`) grades progress on it:

========== ============================================== ==================================
kind       meaning                                        example
========== ============================================== ==================================
flow       cumulative over the year (累计)                 城镇新增就业, 一般公共预算收入
level      a state: the year-to-date mean or latest value PM2.5平均浓度, 城镇登记失业率
rate       a growth rate (增速, 增幅, 下降率)                 地区生产总值增长, 居民消费价格涨幅
share      coverage that rises toward a proportion (覆盖率) 垃圾分类覆盖, 清洁取暖率
milestone  stages against a planned date (节点)            主体完工, 建成投用
========== ============================================== ==================================
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Indicator", "Match", "KINDS", "DIRECTIONS", "AGGREGATIONS", "FREQUENCIES"]

#: flow 累计量 · level 水平值 · rate 增速 · share 覆盖率 · milestone 节点
KINDS = ("flow", "level", "rate", "share", "milestone")
#: higher 越高越好 · lower 越低越好
DIRECTIONS = ("higher", "lower")
#: How a level aggregates monthly values: mean 均值 (PM2.5) · latest 最新值 (登记失业率)
AGGREGATIONS = ("mean", "latest")
#: Reporting frequency (报送频次): 月 · 季 · 半年 · 年
FREQUENCIES = ("month", "quarter", "half", "year")


@dataclass(frozen=True, slots=True)
class Indicator:
    """One canonical indicator (指标) of the catalogue.

    ``unit`` is the canonical unit as extraction writes it; ``units`` the other units a
    target on it may be stated in. ``profile`` says whether last year's monthly profile
    should shape 序时进度 for a flow (seasonal flows: revenue, grain, tourism);
    ``aggregation`` says how a level aggregates (mean or latest). ``skip_months`` are
    months with no separate figure (1 for statistics published as 1-2月).
    """

    id: str
    name: str
    en: str
    domain: str
    unit: str
    direction: str
    kind: str
    synonyms: tuple[str, ...] = ()
    units: tuple[str, ...] = ()
    profile: bool = False
    aggregation: str | None = None
    frequency: str = "month"
    skip_months: tuple[int, ...] = ()

    @property
    def all_units(self) -> tuple[str, ...]:
        """The canonical unit first, then the alternatives."""
        return (self.unit, *self.units)


@dataclass(frozen=True, slots=True)
class Match:
    """A link from a target's indicator wording to a catalogue entry (指标匹配).

    ``confidence`` is in 0..1; ``reason`` says in English what the link rests on
    (an exact synonym, a contained synonym, character overlap, unit and growth-word agreement).
    """

    entry: Indicator
    confidence: float
    reason: str
    synonym: str = ""
