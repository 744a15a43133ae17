"""How a judgement's numbers read to people (目标值 5.5%左右, 实绩 3%), shared by the formats."""

from __future__ import annotations

from decimal import Decimal

from luoshi.accountability.model import Judgement
from luoshi.outputs.wording import number_words as _number_words

__all__ = ["target_words", "actual_words", "plain"]

_TRILLION = Decimal(10) ** 12
_PATTERNS = {
    ">=": "{v}{u}以上",
    ">": "超过{v}{u}",
    "<=": "不超过{v}{u}",
    "<": "低于{v}{u}",
    "≈": "{v}{u}左右",
    "=": "{v}{u}",
    "range": "{v}—{m}{u}",
}


def target_words(judgement: Judgement) -> str:
    """The target's figure as a report writes it: 5.5%左右, 1100万人以上."""
    t = judgement.target
    top = "" if t.value_max is None else number_words(t.value_max)
    return _PATTERNS.get(t.comparator, "{v}{u}").format(v=number_words(t.value), m=top, u=t.unit)


def actual_words(judgement: Judgement) -> str:
    """The actual's figure: 3%, 83.8亿斤 (in the target's unit), or 未提及 when silent."""
    if judgement.actual_value is None:
        return "—"
    return f"{number_words(judgement.actual_value)}{judgement.target.unit}"


def number_words(value: Decimal) -> str:
    """A number as a report writes it: 1.3万亿, 1100万, 5.5."""
    if abs(value) >= _TRILLION:
        return plain(value / _TRILLION) + "万亿"
    return _number_words(value)


def plain(value: Decimal | None) -> str:
    """An exact number as text, empty for None: 1300000000000, 5.5."""
    return "" if value is None else format(value.normalize(), "f")
