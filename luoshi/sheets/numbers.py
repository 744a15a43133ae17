"""Numbers as offices type them (数值) → exact Decimal, never through a float's rounding.

Accepted: numbers in cells; text with thousands separators (1,234.5), full-width digits
(１２３４．５), a trailing per cent sign (5.5% → 5.5, the value in the target's unit, which
is then %), a magnitude word (1.2万 → 12000, 3亿 → 300000000), and the target's own unit
of measure written after the number (14万人 when the unit is 万人 → 14). When the unit of
measure itself starts with the magnitude (万人, 亿元), 14万 means 14 of that unit. Anything
else (约14万, 已完成, 14-15) is not a number.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation

from luoshi.sheets.cells import float_decimal, squash

__all__ = ["parse_decimal"]

_MAGNITUDES = {"万": Decimal(10) ** 4, "亿": Decimal(10) ** 8}
_PLAIN = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d{1,3})?")
_GROUPED = re.compile(r"[+-]?\d{1,3}(,\d{3})+(\.\d+)?")


def parse_decimal(value: object, *, unit: str = "") -> Decimal:
    """The exact Decimal a cell holds; ValueError when it is not a number.

    ``unit`` is the target's unit of measure (计量单位), used to read 14万人 or 14万 in a
    万人 column. Floats from number cells convert through their shortest text
    (:func:`luoshi.sheets.cells.float_decimal`), so 0.1 is Decimal("0.1").
    """
    if isinstance(value, bool) or value is None or isinstance(value, date):
        raise ValueError(f"not a number: {value!r}")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError(f"not a finite number: {value!r}")
        return float_decimal(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"not a finite number: {value!r}")
        return value
    return _parse_text(str(value), squash(unit))


def _parse_text(raw: str, unit: str) -> Decimal:
    text = squash(raw).replace("−", "-")
    if text.startswith("'"):
        text = text[1:]
    if unit and text.endswith(unit) and len(text) > len(unit):
        text = text[: -len(unit)]
    if text.endswith("%"):
        text = text[:-1]
    factor = Decimal(1)
    if text[-1:] in _MAGNITUDES:
        word = text[-1]
        text = text[:-1]
        if not unit.startswith(word):
            factor = _MAGNITUDES[word]
    if _GROUPED.fullmatch(text):
        text = text.replace(",", "")
    if not _PLAIN.fullmatch(text):
        raise ValueError(f"not a number: {raw!r}")
    try:
        number = Decimal(text)
    except InvalidOperation as error:  # pragma: no cover - the pattern admits only numbers
        raise ValueError(f"not a number: {raw!r}") from error
    return number * factor if factor != 1 else number
