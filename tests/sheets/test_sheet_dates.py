"""完成时限 as offices write them: days, months, year ends, quarters, Excel date cells."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from luoshi.sheets import parse_due
from luoshi.sheets.dates import due_words


@pytest.mark.parametrize(
    ("value", "due"),
    [
        ("2024年12月底", date(2024, 12, 31)),
        ("2024年12月31日", date(2024, 12, 31)),
        ("2024年12月31日前", date(2024, 12, 31)),
        ("2024-12-31", date(2024, 12, 31)),
        ("2024/6/15", date(2024, 6, 15)),
        ("2024.6.15", date(2024, 6, 15)),
        ("20240615", date(2024, 6, 15)),
        ("2024年6月", date(2024, 6, 30)),
        ("2024年2月底", date(2024, 2, 29)),
        ("2024-06", date(2024, 6, 30)),
        ("２０２４年６月底", date(2024, 6, 30)),
        ("2024年", date(2024, 12, 31)),
        ("2024年底", date(2024, 12, 31)),
        ("2024", date(2024, 12, 31)),
        (2024, date(2024, 12, 31)),
        ("年底", date(2023, 12, 31)),
        ("年内", date(2023, 12, 31)),
        ("全年", date(2023, 12, 31)),
        ("6月底", date(2023, 6, 30)),
        ("十二月", date(2023, 12, 31)),
        ("6月中旬", date(2023, 6, 20)),
        ("三季度", date(2023, 9, 30)),
        ("2024年第二季度末", date(2024, 6, 30)),
        ("上半年", date(2023, 6, 30)),
        (datetime(2023, 10, 1, 0, 0), date(2023, 10, 1)),
        (date(2023, 10, 1), date(2023, 10, 1)),
        (45291, date(2023, 12, 31)),
        (None, None),
        ("", None),
        ("长期坚持", None),
        ("持续推进", None),
    ],
)
def test_due(value: object, due: date | None) -> None:
    assert parse_due(value, plan_year=2023) == due


@pytest.mark.parametrize("value", ["明年", "下个月", "2024年2月30日", "2024-13", "前", "尽快", 12, True])
def test_not_dates(value: object) -> None:
    with pytest.raises(ValueError):
        parse_due(value, plan_year=2023)


@pytest.mark.parametrize(
    ("due", "words"),
    [(date(2024, 12, 31), "2024年12月底"), (date(2024, 6, 15), "2024年6月15日"), (None, "")],
)
def test_due_words_read_back(due: date | None, words: str) -> None:
    assert due_words(due) == words
    assert parse_due(words, plan_year=2024) == due
