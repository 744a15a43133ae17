"""The judging rules (判定规则): was a target met, given the figure reported for it?

Pure functions on exact numbers; the actual is already in the target's unit and sense
(:mod:`luoshi.accountability.linking` converts 吨 to 斤 and a 下降 to a negative 增长).

========== =====================================================================
comparator met when
========== =====================================================================
``>=``     actual ≥ value (以上, 不低于, 达到)
``>``      actual > value (超过, 突破), or actual = value stated as 超过
``<=``     actual ≤ value (以内, 控制在, 不超过)
``<``      actual < value (低于), or actual = value stated as 低于
``=``      actual ≥ value when higher is better, ≤ value when lower is better
``≈``      within the tolerance of value (左右): ±0.5 percentage points for a figure in %
           or 个百分点, ±5 % of value otherwise; beyond it on the better side also counts
           (GDP增长5.2% meets 5%左右; 居民消费价格上涨0.2% meets 涨幅3%左右)
``range``  value ≤ actual ≤ value_max, or beyond it on the better side
exact word a target that is a word (全覆盖 = 100 %, 清零 = 0) needs the actual at that figure:
           ≥ 100 for 全覆盖, ≤ 0 for 清零
========== =====================================================================

The tolerance is a :class:`Tolerance`; ``DEFAULT_TOLERANCE`` is the one above.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from luoshi.accountability.direction import HIGHER

__all__ = ["DEFAULT_TOLERANCE", "MET", "MISSED", "Ruling", "Tolerance", "judge"]

MET = "met"
MISSED = "missed"


@dataclass(frozen=True, slots=True)
class Tolerance:
    """How far from a 左右 (≈) target an actual may fall and still count as met.

    ``points``: percentage points, for figures in % or 个百分点; ``relative``: a share of the
    target value, for every other unit.
    """

    points: Decimal = Decimal("0.5")
    relative: Decimal = Decimal("0.05")


DEFAULT_TOLERANCE = Tolerance()


@dataclass(frozen=True, slots=True)
class Ruling:
    """A verdict (``met`` or ``missed``) and the rule that gave it, in words: ``5.2 ≥ 5 − 0.5 (左右)``."""

    verdict: str
    rule: str


def judge(
    comparator: str,
    value: Decimal,
    actual: Decimal,
    *,
    direction: str,
    value_max: Decimal | None = None,
    percent: bool = False,
    actual_comparator: str = "=",
    exact_word: bool = False,
    tolerance: Tolerance = DEFAULT_TOLERANCE,
) -> Ruling:
    """Judge one target (``comparator``, ``value``, ``value_max``) against its ``actual``.

    ``direction`` is ``higher`` or ``lower`` (which way is better); ``percent`` says the figure
    is in % or 个百分点 (for the 左右 tolerance); ``actual_comparator`` is how the review
    bounds its figure (超过 is ``>``); ``exact_word`` marks a target stated by a word (全覆盖).
    """
    a, v = _plain(actual), _plain(value)
    higher = direction == HIGHER
    if exact_word:
        if value == 0:
            return _ruling(actual <= 0, f"{a} ≤ 0 (清零)")
        return _ruling(actual >= value, f"{a} ≥ {v} (全覆盖)")
    if comparator == ">=":
        return _ruling(actual >= value, f"{a} ≥ {v}")
    if comparator == ">":
        return _ruling(actual > value or (actual == value and actual_comparator == ">"), f"{a} > {v}")
    if comparator == "<=":
        return _ruling(actual <= value, f"{a} ≤ {v}")
    if comparator == "<":
        return _ruling(actual < value or (actual == value and actual_comparator == "<"), f"{a} < {v}")
    if comparator == "range" and value_max is not None:
        low, high = min(value, value_max), max(value, value_max)
        inside = low <= actual <= high
        beyond = actual > high if higher else actual < low
        words = f"{_plain(low)} ≤ {a} ≤ {_plain(high)}"
        return _ruling(inside or beyond, words + (" or above" if higher else " or below"))
    if comparator == "≈":
        room = tolerance.points if percent else abs(value) * tolerance.relative
        unit = "个百分点" if percent else f"({_plain(tolerance.relative * 100)}%)"
        if higher:
            return _ruling(actual >= value - room, f"{a} ≥ {v} − {_plain(room)}{unit} (左右)")
        return _ruling(actual <= value + room, f"{a} ≤ {v} + {_plain(room)}{unit} (左右)")
    if higher:
        return _ruling(actual >= value, f"{a} ≥ {v} (higher is better)")
    return _ruling(actual <= value, f"{a} ≤ {v} (lower is better)")


def _ruling(met: bool, rule: str) -> Ruling:
    return Ruling(MET if met else MISSED, rule)


def _plain(value: Decimal) -> str:
    """A Decimal as people write it: 5.20 → 5.2, 1.3E+12 → 1300000000000."""
    text = format(value.normalize(), "f")
    return text
