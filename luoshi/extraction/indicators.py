"""Indicator words (指标): what a target measures, as the report names it.

The indicator is the text between the start of the target's list item and its quantity
(新增就业大学生|14万名以上), without the modal and time words that open the clause (力争,
确保, 全年) and the comparator word that closes it (达到, 不低于). When the quantity comes
first (50%惠企政策实现…), the indicator is what follows it.
"""

from __future__ import annotations

import re

from luoshi.extraction.comparators import PREFIX_COMPARATORS
from luoshi.extraction.units import COUNT_UNITS

__all__ = ["item_start", "indicator_words", "target_kind"]

_SEPARATORS = "、，,：:；;。 \u3000\t和及与其中"
_OPENERS_RE = re.compile(
    r"^(?:力争|争取|努力|力求|确保|全年|今年|年内|当年|其中|同时|并且|并|要|将|使|让|实现|累计|共|预计|计划|拟)+"
)
_CLOSERS_RE = re.compile(
    "(?:"
    + "|".join(re.escape(w) for w in sorted(PREFIX_COMPARATORS, key=len, reverse=True))
    + r"|平均为|平均|为|在|到|至|分别|均|各)+$"
)
#: The thing counted when it follows its quantity (新建6个|院士农业试验基地), up to the next item.
_TAIL_RE = re.compile(r"(?![的以余多])[\u4e00-\u9fff“”（）()][^、，,；;。：:0-9０-９]{0,23}")
_GROWTH_RE = re.compile(r"增长|增速|增幅|涨幅|提高|提升|增加|上升|增|翻")
_DECLINE_RE = re.compile(r"下降|降低|减少|压减|压降|压缩|削减|降")
_COUNT = set(COUNT_UNITS)


def item_start(text: str, clause_start: int, previous_end: int, quantity_start: int) -> int:
    """Where the list item holding a quantity begins: after the previous item's seam."""
    start = previous_end
    while start < quantity_start and text[start] in _SEPARATORS:
        start += 1
    return start


def indicator_words(text: str, start: int, quantity_start: int, quantity_end: int, clause_end: int) -> str:
    """The indicator for a quantity at ``[quantity_start, quantity_end)`` whose item starts at ``start``.

    新增就业大学生|14万名 → 新增就业大学生; 实施|1000万平方米|旧住房更新改造 → 实施旧住房更新改造:
    when the thing counted follows the quantity, it joins the words before.
    """
    words = text[start:quantity_start].strip()
    words = _OPENERS_RE.sub("", words)
    words = _CLOSERS_RE.sub("", words).strip("，,、：: ")
    tail = _TAIL_RE.match(text, quantity_end, clause_end)
    if tail is not None:
        words += tail.group()
    return words


def target_kind(indicator: str, unit: str) -> str:
    """growth, decline, share, count or amount (see ``TARGET_KINDS``)."""
    if unit in ("%", "‰", "个百分点", "倍"):
        if _DECLINE_RE.search(indicator):
            return "decline"
        if _GROWTH_RE.search(indicator) or unit == "倍":
            return "growth"
        return "share"
    return "count" if unit in _COUNT else "amount"
