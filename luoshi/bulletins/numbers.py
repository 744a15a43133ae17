"""Numbers and dates as Chinese officials write them (数字写法): 14万人, 1.32万元, 80亿元,
37.9%, 低于序时12.1个百分点, 2023年7月31日, 截至6月底, 二季度.

Magnitudes reuse :func:`luoshi.tracking.reasons.format_number` (万 from ten thousand, 亿
from a hundred million, at most two decimals); shares of a whole are written with one
decimal, as bulletins do.
"""

from __future__ import annotations

import calendar
from datetime import date
from decimal import Decimal

from luoshi.tracking import parse_period
from luoshi.tracking.reasons import format_number

__all__ = [
    "amount",
    "goal_words",
    "share",
    "points",
    "date_words",
    "cutoff_words",
    "period_words",
    "count_share",
    "is_percent_unit",
]

_QUARTERS = ("一", "二", "三", "四")
_PERCENT_UNITS = ("%", "‰", "个百分点")
_GOALS = {">=": "{}以上", ">": "高于{}", "<=": "不高于{}", "<": "低于{}", "≈": "{}左右", "range": "不低于{}"}


def amount(value: Decimal | float | None, unit: str = "", places: int | None = None) -> str:
    """14万人, 1.32万元/年, 28微克/立方米, 92%; — when there is no value. ``places`` rounds
    first (a level's mean of 29.17 is written 29.2)."""
    if value is None:
        return "—"
    if places is not None:
        value = round(float(value), places)
    return f"{format_number(value)}{unit}"


def goal_words(
    comparator: str, value: Decimal | float | None, unit: str, value_max: Decimal | None = None
) -> str:
    """A target as a bulletin states it: 14万人以上, 低于28微克/立方米, 5%左右, 5%—6%."""
    if value is None:
        return "—"
    text = amount(value, unit)
    if comparator == "range" and value_max is not None:
        return f"{amount(value, unit)}—{amount(value_max, unit)}"
    return _GOALS.get(comparator, "{}").format(text)


def share(value: float | None) -> str:
    """A share of a whole (0..1) in per cent with one decimal: 0.379 → 37.9%; — for None."""
    if value is None:
        return "—"
    return f"{value * 100:.1f}%"


def points(gap: float | None) -> str:
    """A gap in percentage points, unsigned, one decimal: 12.1个百分点."""
    if gap is None:
        return "—"
    return f"{abs(gap):.1f}个百分点"


def count_share(count: int, total: int) -> str:
    """A count's share of a total with one decimal (0.0% when the total is zero)."""
    return share(count / total if total else 0.0)


def date_words(day: date) -> str:
    """2023年7月31日."""
    return f"{day.year}年{day.month}月{day.day}日"


def cutoff_words(day: date, *, year: bool = True) -> str:
    """截至… words for a date: 2023年6月底 at a month's end, else 2023年6月15日."""
    last = calendar.monthrange(day.year, day.month)[1]
    head = f"{day.year}年" if year else ""
    if day.day == last:
        return f"{head}{day.month}月底"
    return f"{head}{day.month}月{day.day}日"


def period_words(label: str | None) -> str:
    """A reporting period as words: 2023-06 → 6月, 2023-Q2 → 二季度, 2023-H1 → 上半年, 2023 → 全年."""
    if not label:
        return "—"
    text = str(label)
    if "-Q" in text:
        return f"{_QUARTERS[int(text[-1]) - 1]}季度"
    if "-H" in text:
        return "上半年" if text.endswith("1") else "下半年"
    if len(text) == 4 and text.isdigit():
        return "全年"
    first, last, _ = parse_period(text)
    if first == last:
        return f"{first.month}月{first.day}日"
    return f"{first.month}月"


def is_percent_unit(unit: str) -> bool:
    """Whether values in ``unit`` are shares in per cent (so gaps are 个百分点)."""
    return unit in _PERCENT_UNITS
