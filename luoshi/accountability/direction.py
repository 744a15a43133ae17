"""Which way is better for the figure a target states (方向: 越高越好 / 越低越好).

A comparator that bounds the figure says it outright (以上 → higher, 以内 → lower). For a
figure without one (左右, a bare figure, a range) the direction comes from the indicator:

1. the catalogue entry (:mod:`luoshi.catalog`) when the target links to one, turned to what
   the target states: a growth rate keeps the entry's direction (居民消费价格涨幅: lower); a
   decline rate entry (能耗降低) keeps it for a decline wording; a level or flow stated as a
   change follows the change: growth of a higher-is-better measure is higher, decline of a
   lower-is-better one (PM2.5浓度下降) is higher too, and the other two lower;
2. otherwise the wording: a decline (下降, 降低) is better when larger; a price rise (涨幅,
   价格) and rates people want low (失业率, 赤字率, 负债率, 发生率, 死亡率, 浓度, 能耗, 排放)
   are lower; a zero target (清零) is lower; everything else higher.
"""

from __future__ import annotations

import re
from decimal import Decimal

from luoshi.catalog import Indicator

__all__ = ["direction_of", "HIGHER", "LOWER"]

HIGHER = "higher"
LOWER = "lower"

_DECLINE_NAME_RE = re.compile(r"下降|降低|降幅|减少|压减|削减")
_PRICE_RE = re.compile(r"价格|涨幅|物价|cpi|CPI")
_LOWER_RE = re.compile(
    r"失业率|赤字率|负债率|发生率|死亡率|事故|浓度|能耗|排放|债务率|不良|贫困发生|上访|案件|超标|亏损|空置"
)


def direction_of(
    comparator: str, indicator: str, value: Decimal, sense: str | None, entry: Indicator | None
) -> tuple[str, str]:
    """``higher`` or ``lower`` for the figure a target states, and where that came from.

    ``sense`` is the target's change sense (``growth``, ``decline`` or None for a level, see
    :func:`luoshi.accountability.wording.change_sense`); ``entry`` its catalogue entry, if any.
    """
    if comparator in (">=", ">"):
        return HIGHER, "a floor (以上)"
    if comparator in ("<=", "<"):
        return LOWER, "a ceiling (以内)"
    if entry is not None:
        return _from_entry(entry, sense), f"catalogue {entry.id} ({entry.direction})"
    return _from_wording(indicator, value, sense)


def _from_entry(entry: Indicator, sense: str | None) -> str:
    base = entry.direction
    if entry.kind == "rate":
        entry_sense = "decline" if _DECLINE_NAME_RE.search(entry.name) else "growth"
        if sense is None or sense == entry_sense:
            return base
        return _flip(base)
    if sense == "growth" or sense is None:
        return base
    return _flip(base)  # a decline of a measure: more decline is better when the measure is lower-is-better


def _from_wording(indicator: str, value: Decimal, sense: str | None) -> tuple[str, str]:
    if sense == "decline":
        return HIGHER, "a decline (下降): more is better"
    if _PRICE_RE.search(indicator):
        return LOWER, "a price rise (涨幅)"
    if _LOWER_RE.search(indicator) and sense is None:
        return LOWER, "a rate wanted low (失业率, 浓度 …)"
    if value == 0:
        return LOWER, "a zero target (清零)"
    return HIGHER, "by default"


def _flip(direction: str) -> str:
    return LOWER if direction == HIGHER else HIGHER
