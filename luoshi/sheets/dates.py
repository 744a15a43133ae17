"""Deadlines as offices write them (完成时限) → a date.

A month without a day means its last day, a year alone its 31 December, and words
without a year mean the plan year (``plan_year``):

=====================================  ======================
2024年12月31日 · 2024-12-31 · 2024/12/31  that day
2024年6月 · 2024年6月底 · 2024-06         30 June 2024
2024年 · 2024年底 · 2024 (a number)       31 December 2024
年底 · 年末 · 年内 · 全年 · 12月底         31 December of the plan year
一季度 · 2024年第二季度末 · 上半年          the quarter's or half's last day
6月上旬 · 6月中旬 · 6月下旬                 the 10th, 20th, last day
=====================================  ======================

A trailing 前/之前/以前/完成 is ignored (2024年6月底前). Date cells (Excel dates) are taken as
they are, and whole numbers in the range of Excel's date serials as dates. 长期, 长期坚持,
持续推进 and 常态化 mean "no fixed deadline" and read as None, as does an empty cell.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta

from luoshi.sheets.cells import squash

__all__ = ["due_words", "parse_due"]

_NUMERALS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_MONTH = r"(\d{1,2}|十[一二]?|[一二三四五六七八九])"
_OPEN_ENDED = {"长期", "长期坚持", "持续推进", "常态化", "持续", "长期推进"}
_SUFFIX = re.compile(r"(之前|以前|前|完成|为止)+$")
_YEAR = r"(?:(\d{4})年)?"
_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})"), "day"),
    (re.compile(r"(\d{4})(\d{2})(\d{2})"), "day"),
    (re.compile(r"(\d{4})年" + _MONTH + r"月(\d{1,2})[日号]"), "day"),
    (re.compile(r"(\d{4})[-/.](\d{1,2})"), "month"),
    (re.compile(_YEAR + _MONTH + r"月(?:份)?(底|末|上旬|中旬|下旬)?"), "month"),
    (re.compile(r"(?:(\d{4})年|今年|本年|当年)?(?:底|末|内|年底|年末|年内|全年)?"), "year"),
    (re.compile(r"(\d{4})"), "year"),
    (re.compile(_YEAR + r"(?:第)?([1-4一二三四])季度(?:末|底)?"), "quarter"),
    (re.compile(_YEAR + r"([上下])半年(?:末|底)?"), "half"),
]
_TENS = {"上旬": 10, "中旬": 20}


def _number(text: str) -> int:
    if text.isdigit():
        return int(text)
    if text.startswith("十"):
        return 10 + (_NUMERALS[text[1]] if len(text) > 1 else 0)
    return _NUMERALS[text]


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def parse_due(value: object, *, plan_year: int) -> date | None:
    """The date a 完成时限 cell means; None when empty or open-ended; ValueError when unreadable."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        raise ValueError(f"not a date: {value!r}")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        if 1900 <= value <= 2200:
            return date(value, 12, 31)
        if 20000 <= value <= 80000:  # an Excel date serial (1954-2119)
            return date(1899, 12, 30) + timedelta(days=value)
        raise ValueError(f"not a date: {value!r}")
    text = _SUFFIX.sub("", squash(str(value)).lstrip("'"))
    if not text or text in _OPEN_ENDED:
        if not text and squash(str(value)):
            raise ValueError(f"not a date: {value!r}")
        return None
    return _parse_text(text, plan_year, value)


def _parse_text(text: str, plan_year: int, raw: object) -> date:
    for pattern, kind in _PATTERNS:
        found = pattern.fullmatch(text)
        if found is None:
            continue
        groups = found.groups()
        try:
            if kind == "day":
                return date(int(groups[0]), _number(groups[1]), int(groups[2]))
            year = int(groups[0]) if groups[0] else plan_year
            if kind == "year":
                return date(year, 12, 31)
            if kind == "quarter":
                return _month_end(year, _number(groups[1]) * 3)
            if kind == "half":
                return _month_end(year, 6 if groups[1] == "上" else 12)
            month = _number(groups[1])
            if len(groups) > 2 and groups[2] in _TENS:
                return date(year, month, _TENS[groups[2]])
            return _month_end(year, month)
        except (ValueError, KeyError) as error:
            raise ValueError(f"not a date: {raw!r}") from error
    raise ValueError(f"not a date: {raw!r}")


def due_words(due: date | None) -> str:
    """A deadline as the 分解表 writes it: 2024年12月底 for a month's last day, else 2024年6月15日."""
    if due is None:
        return ""
    if due == _month_end(due.year, due.month):
        return f"{due.year}年{due.month}月底"
    return f"{due.year}年{due.month}月{due.day}日"
