"""Annual (or any period's) air quality evaluation (环境空气质量年度评价) per HJ 663—2013.

For each pollutant (表 1) [A]: SO2 and NO2 annual mean and 24-hour 98th percentile; PM10 and
PM2.5 annual mean and 24-hour 95th percentile; CO 24-hour 95th percentile; O3 MDA8 90th
percentile. Each figure is rounded (integers; CO one decimal), compared with its limit
(annual limit for a mean, 24-hour or 8-hour limit for a percentile), and carries its 超标倍数
and its validity (324 days a year, 27 a month, 25 in February). A pollutant is 达标 when all
its figures are (§5.1.1.2); the six together (综合达标) count an invalid figure as 不达标
(§6.2). Also: the daily 达标率 per pollutant, 优良天数 and 优良天数比例 (days with AQI ≤ 100
over days with an AQI, one decimal) [B], the days of each category and primary pollutant,
and the composite index (:mod:`~luoshi.environment.air.composite`).

Limits: those in force in the period's last year (GB 3095—2012 up to 2025, GB 3095—2026's
transition limits for 2026–2030), 二级 unless asked. HJ 663—2026 (three-year sliding means, exceptional events) is not implemented: its
text was not available, and a period from 2026-03-01 on is evaluated by the 2013 rules with
a note saying so. How a year that straddles 2026-03-01 should splice the two AQI versions is
an open question; here each day uses its own version, and the provenance says so [C].
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

import numpy as np

from luoshi.environment.air.composite import CompositeIndex, composite_index
from luoshi.environment.air.daily_aqi import DailyAqi
from luoshi.environment.air.pollutants import Indicator, Pollutant
from luoshi.environment.air.provenance import Provenance
from luoshi.environment.air.standards import AQI_SWITCH, CATEGORIES, AirLimits, limit_standard_for, limits
from luoshi.environment.air.statistics import exceedance, mean, percentile, rate
from luoshi.environment.air.validity import Validity, period_validity
from luoshi.environment.rounding import MISSING
from luoshi.errors import MonitoringDataError

__all__ = [
    "AirEvaluation",
    "Figure",
    "GoodDays",
    "PollutantResult",
    "evaluate_period",
    "evaluate_units",
    "evaluate_year",
]

#: (pollutant, daily indicator, percentile, has an annual mean), in table order.
_PLAN = (
    (Pollutant.SO2, Indicator.SO2_24H, 98, True),
    (Pollutant.NO2, Indicator.NO2_24H, 98, True),
    (Pollutant.PM10, Indicator.PM10_24H, 95, True),
    (Pollutant.PM25, Indicator.PM25_24H, 95, True),
    (Pollutant.CO, Indicator.CO_24H, 95, False),
    (Pollutant.O3, Indicator.O3_8H, 90, False),
)


@dataclass(frozen=True)
class Figure:
    """One statistic of the evaluation table: value, limit, 达标, 超标倍数 and validity."""

    key: str
    name: str
    pollutant: Pollutant
    percentile: int | None
    value: Decimal | None
    unit: str
    limit: Decimal
    meets: bool | None
    exceedance: Decimal | None
    validity: Validity
    in_composite: bool


@dataclass(frozen=True)
class PollutantResult:
    """A pollutant's 达标 (all its figures meet their limits and are valid; None when a
    figure is invalid), its daily 达标率 and its days over the daily limit."""

    pollutant: Pollutant
    figures: tuple[str, ...]
    meets: bool | None
    daily_rate: Decimal | None
    days_over: int
    valid_days: int


@dataclass(frozen=True)
class GoodDays:
    """优良天数 and 优良天数比例, days per category (优 … 严重污染) and per primary pollutant."""

    good: int
    valid: int
    ratio: Decimal | None
    by_category: tuple[int, ...]
    primary_days: dict[Indicator, int]
    validity: Validity

    @property
    def heavy(self) -> int:
        """重度及以上污染天数 (categories 五级 and 六级)."""
        return self.by_category[4] + self.by_category[5]


@dataclass(frozen=True)
class AirEvaluation:
    """The HJ 663 evaluation of one unit (city or site) over one period."""

    unit: str
    level: str
    start: dt.date
    end: dt.date
    limits: AirLimits
    figures: dict[str, Figure]
    pollutants: dict[Pollutant, PollutantResult]
    meets_all: bool
    good_days: GoodDays
    composite: CompositeIndex
    provenance: Provenance


def _window(row: np.ndarray, first: int, last: int) -> np.ndarray:
    """Entries ``first`` … ``last − 1`` of ``row``, MISSING outside it."""
    out = np.full(last - first, MISSING, dtype=np.int64)
    lo, hi = max(first, 0), min(last, len(row))
    if hi > lo:
        out[lo - first : hi - first] = row[lo:hi]
    return out


def _decimal(value: int, pollutant: Pollutant) -> Decimal | None:
    return None if value == MISSING else Decimal(value).scaleb(-pollutant.places)


def _figure(key, name, pollutant, pct, value, limit, validity, in_composite) -> Figure:
    limit_value = Decimal(limit).scaleb(-pollutant.places)
    number = _decimal(value, pollutant)
    return Figure(
        key=key,
        name=name,
        pollutant=pollutant,
        percentile=pct,
        value=number,
        unit=pollutant.unit,
        limit=limit_value,
        meets=None if number is None else number <= limit_value,
        exceedance=None if number is None else exceedance(number, limit_value),
        validity=validity,
        in_composite=in_composite,
    )


def _pollutant_figures(values, start, end, limit_set: AirLimits, variant: str):
    figures: dict[str, Figure] = {}
    results: dict[Pollutant, PollutantResult] = {}
    means: dict[Pollutant, Decimal | None] = {}
    percentiles: dict[Pollutant, Decimal | None] = {}
    for pollutant, indicator, pct, has_mean in _PLAN:
        if indicator not in values:
            continue
        days = values[indicator]
        validity = period_validity(days >= 0, start, end)
        daily_limit = limit_set.o3_8h if pollutant is Pollutant.O3 else limit_set.daily[pollutant]
        keys = []
        if has_mean:
            key = f"{pollutant.value}_mean"
            figure = _figure(
                key, f"{pollutant.value} 年平均", pollutant, None, mean(days),
                limit_set.annual[pollutant], validity, True,
            )  # fmt: skip
            figures[key], means[pollutant] = figure, figure.value
            keys.append(key)
        key = f"{pollutant.value}_p{pct}"
        what = "日最大8小时平均" if pollutant is Pollutant.O3 else "24小时平均"
        figure = _figure(
            key, f"{pollutant.value} {what}第{pct}百分位数", pollutant, pct, percentile(days, pct),
            daily_limit, validity, variant == "hj663" or not has_mean,
        )  # fmt: skip
        figures[key], percentiles[pollutant] = figure, figure.value
        keys.append(key)
        valid_days = days[days >= 0]
        over = int((valid_days > daily_limit).sum())
        own = [figures[k] for k in keys]
        results[pollutant] = PollutantResult(
            pollutant=pollutant,
            figures=tuple(keys),
            meets=None if not validity.valid else all(f.meets for f in own),
            daily_rate=rate(len(valid_days) - over, len(valid_days)),
            days_over=over,
            valid_days=len(valid_days),
        )
    return figures, results, means, percentiles


def _good_days(aqi: DailyAqi, unit: int, first: int, last: int, start, end) -> GoodDays:
    values = _window(aqi.aqi[unit], first, last)
    levels = _window(aqi.category[unit], first, last)
    bits = _window(aqi.primary[unit], first, last)
    valid = values >= 0
    bits = np.where(valid, bits, 0)
    counts = np.bincount(levels[valid], minlength=len(CATEGORIES) + 1)[1:]
    good = int(counts[0] + counts[1])
    primary = {ind: int(((bits >> n) & 1).sum()) for n, ind in enumerate(aqi.indicators)}
    return GoodDays(
        good=good,
        valid=int(valid.sum()),
        ratio=rate(good, int(valid.sum())),
        by_category=tuple(int(c) for c in counts),
        primary_days={k: v for k, v in primary.items() if v},
        validity=period_validity(valid, start, end),
    )


def _notes(aqi: DailyAqi, first: int, last: int, start, end, variant: str) -> tuple[str, ...]:
    notes = ["优良天数有效性沿用 324/27/25 天规则 validity of 优良天数 uses the 324/27/25-day rule [C]"]
    if variant == "ranking":
        notes.append("综合指数按城市排名技术规定口径 composite index per the city-ranking rule [B]")
    else:
        notes.append("综合指数按 HJ 663—2013 附录C composite index per HJ 663—2013 Annex C [A]")
    if end >= AQI_SWITCH:
        notes.append("按 HJ 663—2013 方法统计; HJ 663—2026 未实现 HJ 663—2026 rules not implemented [C]")
    if start < AQI_SWITCH <= end:
        notes.append(
            "本期跨越 2026-03-01, 各日按当日适用的 HJ 633 版本计算 AQI; 官方衔接方法未知 "
            "the period straddles 2026-03-01: each day uses its own AQI version [C]"
        )
    notes.append("未扣除沙尘影响 dust days not deducted")
    return tuple(notes)


def evaluate_period(
    aqi: DailyAqi,
    start: dt.date,
    end: dt.date,
    *,
    unit: str | None = None,
    limit_set: AirLimits | None = None,
    area_class: int = 2,
    composite: str = "ranking",
) -> AirEvaluation:
    """Evaluate one unit of ``aqi`` (a city or site name; the only unit when None) over the
    days ``start`` … ``end`` inclusive.

    ``limit_set`` defaults to the limits in force in the period's last year
    (:func:`~luoshi.environment.air.standards.limit_standard_for`) for ``area_class``.
    """
    daily = aqi.daily
    if unit is None:
        if len(daily.units) != 1:
            raise MonitoringDataError(
                f"数据含 {len(daily.units)} 个{'城市' if daily.level == 'city' else '点位'}, 请指定一个 "
                f"the data hold {len(daily.units)} units: name one",
                hint="可选 choose from: " + ", ".join(daily.units[:20]),
            )
        index = 0
    elif unit in daily.units:
        index = daily.units.index(unit)
    else:
        raise MonitoringDataError(
            f"数据中没有 {unit!r} no such city or site in the data",
            hint="可选 choose from: " + ", ".join(daily.units[:20]),
        )
    first = (start - daily.first_day).days
    last = (end - daily.first_day).days + 1
    if last <= 0 or first >= daily.n_days or last <= first:
        covered = f"{daily.first_day}—{daily.first_day + dt.timedelta(days=daily.n_days - 1)}"
        raise MonitoringDataError(
            f"{start}—{end} 没有监测数据 no data in this period (data cover {covered})",
            hint="检查 --year 或所读文件的时间范围 / check the year and the files' period",
        )
    if limit_set is None:
        limit_set = limits(limit_standard_for(end.year), area_class)
    values = {ind: _window(arr[index], first, last) for ind, arr in daily.values.items()}
    figures, results, means, pcts = _pollutant_figures(values, start, end, limit_set, composite)
    index_limits = limit_set if limit_set.area_class == 2 else limits(limit_set.standard, 2)
    good = _good_days(aqi, index, first, last, start, end)
    used = sorted({aqi.standard_of(d).value for d in range(max(first, 0), min(last, daily.n_days))})
    grade = "二级" if limit_set.area_class == 2 else "一级"
    provenance = Provenance(
        standards=("HJ 663—2013", f"{limit_set.standard.value} {grade}", *used),
        unit=daily.units[index],
        level=daily.level,
        sites=daily.members[index],
        start=start,
        end=end,
        days=good.valid,
        sources=daily.sources,
        notes=_notes(aqi, first, last, start, end, composite),
    )
    return AirEvaluation(
        unit=daily.units[index],
        level=daily.level,
        start=start,
        end=end,
        limits=limit_set,
        figures=figures,
        pollutants=results,
        meets_all=len(results) == len(_PLAN) and all(r.meets for r in results.values()),
        good_days=good,
        composite=composite_index(means, pcts, index_limits, composite),
        provenance=provenance,
    )


def evaluate_year(aqi: DailyAqi, year: int, **options) -> AirEvaluation:
    """:func:`evaluate_period` over the calendar year ``year``."""
    return evaluate_period(aqi, dt.date(year, 1, 1), dt.date(year, 12, 31), **options)


def evaluate_units(aqi: DailyAqi, start: dt.date, end: dt.date, **options) -> list[AirEvaluation]:
    """:func:`evaluate_period` for every unit of ``aqi``, in order."""
    return [evaluate_period(aqi, start, end, unit=u, **options) for u in aqi.daily.units]
