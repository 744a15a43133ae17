"""The judging rules, case by case (luoshi.accountability.rules)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from luoshi.accountability import Tolerance, judge

D = Decimal

# comparator, value, value_max, actual, direction, percent, actual comparator, exact word, verdict
CASES = [
    # >= and > : floors (以上, 超过)
    (">=", "8", None, "8", "higher", True, "=", False, "met"),
    (">=", "8", None, "7.9", "higher", True, "=", False, "missed"),
    (">", "5", None, "5", "higher", True, "=", False, "missed"),
    (">", "5", None, "5", "higher", True, ">", False, "met"),  # 超过5% reported as 超过5%
    (">", "5", None, "5.1", "higher", True, "=", False, "met"),
    # <= and < : ceilings (以内, 低于)
    ("<=", "5.5", None, "5.5", "lower", True, "=", False, "met"),
    ("<=", "5.5", None, "5.6", "lower", True, "=", False, "missed"),
    ("<", "28", None, "28", "lower", False, "=", False, "missed"),
    ("<", "28", None, "28", "lower", False, "<", False, "met"),
    ("<", "28", None, "27", "lower", False, "=", False, "met"),
    # = : a bare figure, by the direction
    ("=", "6", None, "6.5", "higher", True, "=", False, "met"),
    ("=", "6", None, "5.9", "higher", True, "=", False, "missed"),
    ("=", "3", None, "2.1", "lower", True, "=", False, "met"),
    ("=", "3", None, "3.1", "lower", True, "=", False, "missed"),
    ("=", "100", None, "179", "higher", False, "=", False, "met"),  # 新建口袋公园100个 → 179个
    # ≈ : 左右 within 0.5 percentage points, or beyond on the better side
    ("≈", "5", None, "4.5", "higher", True, "=", False, "met"),
    ("≈", "5", None, "4.4", "higher", True, "=", False, "missed"),
    ("≈", "5", None, "5.2", "higher", True, "=", False, "met"),
    ("≈", "5", None, "9", "higher", True, "=", False, "met"),  # exceeding a 左右 growth target
    ("≈", "5.5", None, "3", "higher", True, "=", False, "missed"),  # national GDP 2022
    ("≈", "3", None, "0.2", "lower", True, "=", False, "met"),  # CPI: far below a ceiling-like 左右
    ("≈", "3", None, "3.5", "lower", True, "=", False, "met"),
    ("≈", "3", None, "3.6", "lower", True, "=", False, "missed"),
    # ≈ outside %: within 5 % of the value
    ("≈", "12000000", None, "11400000", "higher", False, "=", False, "met"),
    ("≈", "12000000", None, "11399999", "higher", False, "=", False, "missed"),
    ("≈", "1400000000000", None, "1330000000000", "higher", False, "=", False, "met"),
    ("≈", "28", None, "29.4", "lower", False, "=", False, "met"),
    ("≈", "28", None, "29.5", "lower", False, "=", False, "missed"),
    # range: within, or beyond on the better side
    ("range", "5", "6", "5.5", "higher", True, "=", False, "met"),
    ("range", "5", "6", "7", "higher", True, "=", False, "met"),
    ("range", "5", "6", "4.9", "higher", True, "=", False, "missed"),
    ("range", "5", "6", "4", "lower", True, "=", False, "met"),
    ("range", "5", "6", "6.1", "lower", True, "=", False, "missed"),
    # exact words: 全覆盖 needs 100, 清零 needs 0
    ("=", "100", None, "100", "higher", True, "=", True, "met"),
    ("=", "100", None, "99", "higher", True, "=", True, "missed"),
    ("=", "0", None, "0", "lower", False, "=", True, "met"),
    ("=", "0", None, "3", "lower", False, "=", True, "missed"),
]


@pytest.mark.parametrize(
    ("comparator", "value", "value_max", "actual", "direction", "percent", "bound", "word", "verdict"), CASES
)
def test_judge(comparator, value, value_max, actual, direction, percent, bound, word, verdict) -> None:
    ruling = judge(
        comparator,
        D(value),
        D(actual),
        direction=direction,
        value_max=None if value_max is None else D(value_max),
        percent=percent,
        actual_comparator=bound,
        exact_word=word,
    )
    assert ruling.verdict == verdict, ruling.rule
    assert ruling.rule


def test_the_tolerance_can_be_changed() -> None:
    strict = Tolerance(points=D("0.2"), relative=D("0.01"))
    assert judge("≈", D(5), D("4.7"), direction="higher", percent=True).verdict == "met"
    assert judge("≈", D(5), D("4.7"), direction="higher", percent=True, tolerance=strict).verdict == "missed"
    assert judge("≈", D(100), D(98), direction="higher", tolerance=strict).verdict == "missed"


def test_the_rule_reads_with_the_numbers() -> None:
    ruling = judge("≈", D("5.5"), D(3), direction="higher", percent=True)
    assert ruling.rule == "3 ≥ 5.5 − 0.5个百分点 (左右)"
