"""Scoring (评分): does a predicted target match a gold one, as gold/GUIDELINES.md section 7 says.

This is the matching logic of the reference scorer (``shared/tools/score_targets.py``) in
exact arithmetic: values are :class:`~decimal.Decimal`, magnitudes (万, 亿 …) are multiplied
out without float rounding, and two numbers are the same when they differ by at most one
part in a million, as the reference allows. The reference is the spec; a test runs both on
the same predictions and requires the same figures.

A prediction is any mapping with ``start``, ``end``, ``comparator``, ``value``, ``unit`` and,
for ranges, ``value_max`` (a :class:`~luoshi.extraction.Target` as a dict, or a JSON line); a
gold target is a mapping from a ``NAME.gold.jsonl`` line with its span already located.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

__all__ = ["FAMILY", "Span", "norm_unit", "same_number", "matches", "char_f1", "match_pairs"]

#: Comparators in families: a prediction needs only the gold target's family.
FAMILY = {
    ">=": "floor",
    ">": "floor",
    "≥": "floor",
    "<=": "ceiling",
    "<": "ceiling",
    "≤": "ceiling",
    "≈": "approx",
    "~": "approx",
    "=": "exact",
    "range": "range",
}

_SYNONYM = {
    "名": "人",
    "位": "人",
    "微克/立方米": "μg/m³",
    "ug/m3": "μg/m³",
    "µg/m³": "μg/m³",
    "μg/m3": "μg/m³",
    "％": "%",
    "千米": "公里",
    "km": "公里",
    "元/人": "元",
    "percent": "%",
    "pp": "个百分点",
    "百分点": "个百分点",
    "times": "倍",
}
# Longest first: 万亿 before 亿 before 万.
_MAGNITUDE = [
    ("万亿", Decimal(10) ** 12),
    ("千亿", Decimal(10) ** 11),
    ("百亿", Decimal(10) ** 10),
    ("十亿", Decimal(10) ** 9),
    ("亿", Decimal(10) ** 8),
    ("千万", Decimal(10) ** 7),
    ("百万", Decimal(10) ** 6),
    ("十万", Decimal(10) ** 5),
    ("万", Decimal(10) ** 4),
    ("千", Decimal(10) ** 3),
    ("百", Decimal(10) ** 2),
]
# 千 before these is an SI prefix (千瓦, 千克), not a magnitude.
_SI_AFTER_QIAN = ("瓦", "克", "米", "伏", "帕", "焦")
_TOLERANCE = Decimal("1e-6")
_HUNDRED = Decimal(100)

Span = tuple[int, int]


def norm_unit(unit: str | None, value: Decimal | None) -> tuple[str, Decimal | None]:
    """The canonical unit and the value scaled to it: ``("万元", 1.32)`` → ``("元", 13200)``."""
    u = (unit or "").strip().replace(" ", "")
    u = _SYNONYM.get(u, u)
    for word, factor in _MAGNITUDE:
        rest = u[len(word) :]
        if u.startswith(word) and rest and not rest.startswith("分点"):
            if word == "千" and rest.startswith(_SI_AFTER_QIAN):
                break
            return _SYNONYM.get(rest, rest), (None if value is None else value * factor)
    return u, value


def same_number(a: Decimal | None, b: Decimal | None) -> bool:
    """Equal within one part in a million (of the larger, or of 1); None equals only None."""
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= _TOLERANCE * max(Decimal(1), abs(a), abs(b))


def _number(raw: Any) -> Decimal | None:
    """A prediction's number as an exact Decimal; ValueError when it is not a finite number."""
    if raw is None:
        return None
    if isinstance(raw, Decimal):
        number = raw
    else:
        try:
            # str() keeps a float's shortest form: 1.32 stays 1.32, not 1.3200000000000000621…
            number = Decimal(str(int(raw) if isinstance(raw, bool) else raw).strip())
        except InvalidOperation as error:
            raise ValueError(f"not a number: {raw!r}") from error
    # The reference takes float("inf") as a number equal to every other; here it matches nothing.
    if not number.is_finite():
        raise ValueError(f"not a finite number: {raw!r}")
    return number


def _full_share(unit: str, value: Decimal | None) -> bool:
    """100% can only be reached, not passed: 达100% (floor) and 全覆盖 (exact) mean the same."""
    return unit == "%" and same_number(value, _HUNDRED)


def matches(gold: Mapping[str, Any], pred: Mapping[str, Any], gold_span: Span) -> bool:
    """Whether ``pred`` matches ``gold`` (whose anchor lies at ``gold_span``): spans overlap,
    comparators are of one family, and units and values agree once normalized."""
    g_start, g_end = gold_span
    if not (int(pred["start"]) < g_end and g_start < int(pred["end"])):
        return False
    gu, gv = norm_unit(gold.get("unit"), _number(gold.get("value")))
    g_family = FAMILY[gold["comparator"]]
    p_family = FAMILY.get(str(pred.get("comparator")).strip())
    if g_family != p_family and not ({g_family, p_family} == {"floor", "exact"} and _full_share(gu, gv)):
        return False
    try:
        pv_raw, pm_raw = _number(pred.get("value")), _number(pred.get("value_max"))
    except ValueError:
        return False
    pu, pv = norm_unit(pred.get("unit"), pv_raw)
    if gv == 0 and pv == 0:  # a zero target (清零, 零事故) needs no unit
        return True
    if gu != pu or not same_number(gv, pv):
        return False
    if gold["comparator"] == "range":
        _, gm = norm_unit(gold.get("unit"), _number(gold.get("value_max")))
        _, pm = norm_unit(pred.get("unit"), pm_raw)
        return same_number(gm, pm)
    return True


def match_pairs(
    gold: Sequence[Mapping[str, Any]], gold_spans: Sequence[Span], pred: Sequence[Mapping[str, Any]]
) -> set[tuple[int, int]]:
    """Every (gold index, prediction index) pair that matches.

    One quantity shared by several indicators may be written as one target or as several, by
    the gold and by the extractor alike, so a prediction may match several gold targets and a
    gold target several predictions; recall and precision count them apart.
    """
    return {
        (gi, pi)
        for gi, (g, span) in enumerate(zip(gold, gold_spans, strict=True))
        for pi, p in enumerate(pred)
        if matches(g, p, span)
    }


def char_f1(a: str | None, b: str | None) -> float:
    """Character-overlap F1 of two indicator wordings (scored apart from the match)."""
    a, b = a or "", b or ""
    if not a or not b:
        return 0.0
    common = sum(min(a.count(c), b.count(c)) for c in set(a))
    if not common:
        return 0.0
    p, r = common / len(b), common / len(a)
    return 2 * p * r / (p + r)
