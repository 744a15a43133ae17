"""Comparator words (比较词): how a quantity bounds its indicator.

``>=`` 以上, 不低于, 不少于, 至少, 达到, 达, 提高到 · ``>`` 超过, 高于, 突破, 超, 逾, X余 ·
``<=`` 以内, 以下, 不超过, 不高于, 控制在, 下降至, 降至, 缩短到 · ``<`` 低于 · ``≈`` 左右, 约,
上下 · ``range`` 5%—6% · ``=`` a bare quantity, 稳定在, 保持 (gold/GUIDELINES.md, section 4).
A hedge after the quantity (以上, 左右) wins over a word before it (控制在3%左右 is ``≈``).
"""

from __future__ import annotations

import re

from luoshi.extraction.quantities import SUFFIX_COMPARATORS, Quantity

__all__ = ["PREFIX_COMPARATORS", "prefix_comparator", "suffix_comparator"]

#: Words written before a quantity, longest first when matched.
PREFIX_COMPARATORS = {
    "不低于": ">=",
    "不少于": ">=",
    "不小于": ">=",
    "至少": ">=",
    "达到": ">=",
    "提高到": ">=",
    "提高至": ">=",
    "提升到": ">=",
    "提升至": ">=",
    "增加到": ">=",
    "增加至": ">=",
    "增长到": ">=",
    "增长至": ">=",
    "恢复到": ">=",
    "恢复至": ">=",
    "扩大到": ">=",
    "扩大至": ">=",
    "达": ">=",
    "保持在": "=",
    "超过": ">",
    "高于": ">",
    "突破": ">",
    "超": ">",
    "逾": ">",
    "多于": ">",
    "不超过": "<=",
    "不高于": "<=",
    "不大于": "<=",
    "控制在": "<=",
    "控制到": "<=",
    "下降至": "<=",
    "下降到": "<=",
    "降至": "<=",
    "降到": "<=",
    "降低到": "<=",
    "降低至": "<=",
    "缩短到": "<=",
    "缩短至": "<=",
    "压缩到": "<=",
    "压缩至": "<=",
    "压减到": "<=",
    "压减至": "<=",
    "减少到": "<=",
    "减少至": "<=",
    "少于": "<",
    "低于": "<",
    "小于": "<",
    "约": "≈",
    "大约": "≈",
    "接近": "≈",
    "将近": "≈",
    "近": "≈",
    "稳定在": "=",
    "保持": "=",
}
_PREFIX_RE = re.compile(
    "(?:" + "|".join(re.escape(w) for w in sorted(PREFIX_COMPARATORS, key=len, reverse=True)) + r")\s*$"
)
#: A comparator word may stand a little before its quantity when what lies between ends in
#: 的 (分别不少于城市建成区面积的7.5%, 恢复到疫情前的90%).
_GAPPED_RE = re.compile(
    "(?:"
    + "|".join(re.escape(w) for w in sorted(PREFIX_COMPARATORS, key=len, reverse=True) if len(w) > 1)
    + r")[^，,；;。、0-9０-９]{1,14}的$"
)


_AT_LEAST_VERB_RE = re.compile(r"(?:至少|不少于|不低于)[\u4e00-\u9fff]{1,4}$")


def prefix_comparator(text: str, clause_start: int, quantity_start: int) -> tuple[str, int] | None:
    """The comparator word right before a quantity: (comparator, where the word starts)."""
    window_start = max(clause_start, quantity_start - 20)
    before = text[window_start:quantity_start]
    m = _PREFIX_RE.search(before)
    if m is not None:
        word = m.group().rstrip()
        if word in ("达", "超") and m.start() > 0 and before[m.start() - 1] in "发到抵送直":
            return None  # 发达, 到达: not a comparator
        if word == "近" and m.start() > 0 and before[m.start() - 1] in "最就邻附临贴靠":
            return None  # 最近, 就近: not "nearly"
        return PREFIX_COMPARATORS[word], window_start + m.start()
    m = _AT_LEAST_VERB_RE.search(before)
    if m is not None:
        return ">=", window_start + m.start()  # 每县至少打造2座
    m = _GAPPED_RE.search(before)
    if m is not None:
        word = next(w for w in sorted(PREFIX_COMPARATORS, key=len, reverse=True) if m.group().startswith(w))
        return PREFIX_COMPARATORS[word], window_start + m.start()
    return None


def suffix_comparator(quantity: Quantity) -> str | None:
    """The comparator a quantity's own hedge gives: 以上 → ``>=``, 10余个 → ``>``."""
    if quantity.value_max is not None:
        return "range"
    if quantity.suffix == "余":
        return ">"
    return SUFFIX_COMPARATORS.get(quantity.suffix)
