"""Quantities (数量): a number with its magnitude, unit, range and hedge, found in text.

``find_quantities(text, start, end)`` scans a span and returns every quantity written with a
unit: ``14万名以上``, ``1.32万元/年``, ``5%—6%``, ``30－50项``, ``10余个``, ``百分之三十``,
``十方面``. Values are exact Decimals in base units (magnitudes multiplied out). Whether a
quantity is a target is decided later (:mod:`luoshi.extraction.targets`); this module only
reads the number grammar.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from luoshi.extraction.numbers import MAGNITUDES, NUMBER_RE, parse_chinese, parse_number
from luoshi.extraction.units import UNIT_RE, canonical_unit

__all__ = ["Quantity", "find_quantities", "SUFFIX_COMPARATORS"]

#: Hedge words written right after a quantity, and the comparator each one means.
SUFFIX_COMPARATORS = {
    "及以上": ">=",
    "以上": ">=",
    "以下": "<=",
    "以内": "<=",
    "之内": "<=",
    "左右": "≈",
    "上下": "≈",
}
_SUFFIX_RE = re.compile("|".join(sorted(SUFFIX_COMPARATORS, key=len, reverse=True)))
_MAGNITUDE_RE = re.compile("|".join(sorted(MAGNITUDES, key=len, reverse=True)))
_RANGE_RE = re.compile(r"(?:——|—|－|-|–|~|～|至|到)")
_PERCENT_WORD_RE = re.compile(r"百分之([零〇一二两三四五六七八九十百点]+|[0-9.]+)")
_FRACTION_RE = re.compile(r"([一二两三四五六七八九十]+)分之([一二两三四五六七八九十]+)")
_NOT_UNITS = frozenset(
    [
        "家庭",
        "家具",
        "家电",
        "家风",
        "条件",
        "条例",
        "条款",
        "所有",
        "所得",
        "处理",
        "处置",
        "场所",
        "场景",
        "场地",
        "名单",
        "名称",
        "户籍",
        "台账",
        "期间",
        "次数",
        "人口",
        "人员",
        "人才",
        "人民",
        "人群",
        "人物",
        "位置",
        "头部",
        "门户",
        "门槛",
        "队伍",
        "组织",
        "组团",
        "类型",
        "片区",
        "道路",
        "口岸",
        "块状",
        "支撑",
        "支持",
        "部门",
        "部署",
        "部分",
        "批准",
        "轮换",
        "套餐",
        "间隔",
        "座谈",
        "对接",
        "对标",
        "对象",
        "单位",
        "单元",
        "款项",
        "种类",
        "种植",
        "根本",
        "列入",
        "首位",
        "首批",
        "首次",
        "首个",
    ]
)
_SI_AFTER_QIAN = ("千瓦", "千米", "千克", "千伏")


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number with its unit as written at ``[start, end)``.

    ``suffix`` is the hedge written after it (以上, 左右 …) or ``"余"`` for 10余个;
    ``chinese`` says the number was written in Chinese numerals (十方面, 两千).
    """

    start: int
    end: int
    value: Decimal
    value_max: Decimal | None
    unit: str
    suffix: str
    chinese: bool


def _number_at(text: str, pos: int, end: int) -> tuple[Decimal, int, bool, Decimal] | None:
    """The number (with a magnitude word) at ``pos``: (value, end, chinese, magnitude)."""
    m = NUMBER_RE.match(text, pos, end)
    if m is None:
        return None
    token = m.group()
    chinese = m.group("chinese") is not None
    if chinese:
        # a Chinese run may swallow a following magnitude-less unit word (千瓦): try shorter runs
        value = parse_chinese(token)
        stop = m.end()
        while value is None and len(token) > 1:
            token = token[:-1]
            stop -= 1
            value = parse_chinese(token)
        if value is None:
            return None
        return value, stop, True, Decimal(1)
    value = parse_number(token)
    if value is None:
        return None
    stop = m.end()
    if text.startswith(_SI_AFTER_QIAN, stop):
        return value, stop, False, Decimal(1)
    mag = _MAGNITUDE_RE.match(text, stop, end)
    if mag is None:
        return value, stop, False, Decimal(1)
    factor = MAGNITUDES[mag.group()]
    return value * factor, mag.end(), False, factor


def _special_at(text: str, pos: int, end: int) -> Quantity | None:
    """百分之三十 (30 %) and 三分之一 (1/3, no unit) at ``pos``."""
    m = _PERCENT_WORD_RE.match(text, pos, end)
    if m is not None:
        raw = m.group(1)
        value = parse_number(raw) if raw[0].isdigit() else _chinese_decimal(raw)
        if value is not None:
            return Quantity(pos, m.end(), value, None, "%", "", not raw[0].isdigit())
    m = _FRACTION_RE.match(text, pos, end)
    if m is not None:
        den, num = parse_chinese(m.group(1)), parse_chinese(m.group(2))
        if den and num is not None:
            return Quantity(pos, m.end(), num / den, None, "", "", True)
    return None


def _chinese_decimal(raw: str) -> Decimal | None:
    """三十点五 → 30.5."""
    whole, _, frac = raw.partition("点")
    value = parse_chinese(whole)
    if value is None:
        return None
    if frac:
        digits = [parse_chinese(ch) for ch in frac]
        if any(d is None or d > 9 for d in digits):
            return None
        value += Decimal("0." + "".join(str(d) for d in digits))
    return value


def _quantity_at(text: str, pos: int, end: int) -> Quantity | None:
    """The whole quantity (number, unit, range, hedge) that starts at ``pos``, if any."""
    special = _special_at(text, pos, end)
    if special is not None:
        return special
    first = _number_at(text, pos, end)
    if first is None:
        return None
    value, stop, chinese, magnitude = first
    suffix = ""
    if text.startswith(("余", "多"), stop):
        suffix, stop = "余", stop + 1
    unit_m = UNIT_RE.match(text, stop, end)
    if unit_m is not None and text[unit_m.start() : unit_m.end() + 1] in _NOT_UNITS:
        unit_m = None  # 千万家庭, 三项条件: the measure word starts a longer word
    unit = unit_m.group() if unit_m else ""
    if unit_m:
        stop = unit_m.end()
    value_max = None
    range_m = _RANGE_RE.match(text, stop, end)
    if range_m is not None and not suffix:
        second = _number_at(text, range_m.end(), end)
        if second is not None and second[2] == chinese:
            value2, stop2, _, magnitude2 = second
            if magnitude == 1 and magnitude2 > 1:
                value *= magnitude2  # 3—5万人: the first number shares the second's magnitude
            unit2_m = UNIT_RE.match(text, stop2, end)
            unit2 = unit2_m.group() if unit2_m else ""
            if unit2_m is not None and unit2 and unit in ("", unit2) and value2 > value:
                value_max, unit, stop = value2, unit2, unit2_m.end()  # 5%—6%, 30－50项
    if not unit:
        return None
    if not suffix:
        if text.startswith("余", stop):
            suffix, stop = "余", stop + 1
        else:
            hedge = _SUFFIX_RE.match(text, stop, end)
            if hedge is not None:
                suffix, stop = hedge.group(), hedge.end()
    return Quantity(pos, stop, value, value_max, canonical_unit(unit), suffix, chinese)


_START_RE = re.compile(r"[0-9０-９零〇一二两三四五六七八九十百千万亿]|百分之")


def find_quantities(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    """Every quantity with a unit in ``text[start:end]``, left to right, not overlapping."""
    stop = len(text) if end is None else end
    found: list[Quantity] = []
    pos = start
    while True:
        m = _START_RE.search(text, pos, stop)
        if m is None:
            return found
        at = m.start()
        # a number starts at a digit run's first character only
        if at > start and text[at - 1] in "0123456789０１２３４５６７８９.．" and m.group()[0].isdigit():
            pos = at + 1
            continue
        quantity = _quantity_at(text, at, stop)
        if quantity is None:
            skip = NUMBER_RE.match(text, at, stop)
            pos = skip.end() if skip else at + 1
            continue
        found.append(quantity)
        pos = quantity.end
