"""How a target's numbers read to people (目标值, 完成时限) in tables and the 分解表.

The values stay exact in jsonl and csv; here they are written the way a supervision office
(督查室) writes them: 14万 not 140000, 6.5以上 not ``>= 6.5``, 2024年12月底.
"""

from __future__ import annotations

from decimal import Decimal

from luoshi.extraction.model import Target

__all__ = [
    "number_words",
    "value_words",
    "deadline_words",
    "COMPARATOR_SIGNS",
    "MODALITY_WORDS",
    "TASK_KIND_WORDS",
]

#: How each comparator reads in a table's 比较 column.
COMPARATOR_SIGNS = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "≈": "≈", "=": "=", "range": "区间"}
#: How each modality reads in a table's 约束 column.
MODALITY_WORDS = {"binding": "约束", "strive": "力争"}
#: How each task kind reads in a table's 类型 column.
TASK_KIND_WORDS = {"milestone": "里程碑", "action": "举措"}

# {v}: the value; {m}: the upper value of a range.
_VALUE_PATTERNS = {
    ">=": "{v}以上",
    ">": "超过{v}",
    "<=": "不超过{v}",
    "<": "低于{v}",
    "≈": "{v}左右",
    "=": "{v}",
    "range": "{v}—{m}",
}
_MAGNITUDES = ((Decimal(10) ** 8, "亿"), (Decimal(10) ** 4, "万"))


def number_words(value: Decimal) -> str:
    """A number as a report writes it: 140000 → 14万, 300000000000 → 3000亿, 6.5 → 6.5."""
    for size, word in _MAGNITUDES:
        if abs(value) >= size:
            return _plain(value / size) + word
    return _plain(value)


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")


def value_words(target: Target) -> str:
    """The 目标值 with its comparator in words: 6.5以上, 不超过28, 5—6."""
    maximum = "" if target.value_max is None else number_words(target.value_max)
    return _VALUE_PATTERNS[target.comparator].format(v=number_words(target.value), m=maximum)


def deadline_words(year: int | None) -> str:
    """The 完成时限 for a deadline year: its year end, 2024年12月底; empty when unknown."""
    return "" if year is None else f"{year}年12月底"
