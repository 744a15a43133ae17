"""How numbers, comparators and deadlines read in tables and the 分解表."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest

from luoshi.outputs.wording import deadline_words, number_words, value_words


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("140000", "14万"),
        ("13200", "1.32万"),
        ("300000000000", "3000亿"),
        ("1060000000", "10.6亿"),
        ("6600", "6600"),
        ("6.5", "6.5"),
        ("6.50", "6.5"),
        ("100", "100"),
        ("0", "0"),
        ("10000", "1万"),
    ],
)
def test_number_words(value: str, words: str) -> None:
    assert number_words(Decimal(value)) == words


@pytest.mark.parametrize(
    ("comparator", "value", "value_max", "words"),
    [
        (">=", "6.5", None, "6.5以上"),
        (">", "100", None, "超过100"),
        ("<=", "28", None, "不超过28"),
        ("<", "28", None, "低于28"),
        ("≈", "3.2", None, "3.2左右"),
        ("=", "9", None, "9"),
        ("range", "5", "6", "5—6"),
        (">=", "140000", None, "14万以上"),
    ],
)
def test_value_words(found, comparator: str, value: str, value_max: str | None, words: str) -> None:
    target = dataclasses.replace(
        found.extraction.targets[0],
        comparator=comparator,
        value=Decimal(value),
        value_max=None if value_max is None else Decimal(value_max),
    )
    assert value_words(target) == words


def test_deadline_words() -> None:
    assert deadline_words(2024) == "2024年12月底"
    assert deadline_words(None) == ""
