"""Cell text in and out (单元格文本): formula-injection defence and tolerant normalisation.

Formula injection (公式注入): text that starts with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return can be taken for a formula by Excel, WPS or a CSV export. :func:`safe_text`
puts one apostrophe character (U+0027 ``'``) in front of such text (and of text that
already looks escaped, '=…), and the cell is stored as a string; the apostrophe stays
visible in the cell, which is the point: nobody mistakes it for a formula, here or in any
later copy. :func:`unescape` takes it off again, so a written text reads back unchanged.
Plain signed numbers (-5, +3.2%) are left alone: they cannot run anything.

Offices type in Excel and WPS: :func:`cell_text` turns whatever a cell holds (a number,
a date, text with stray spaces) into text, and :func:`squash` folds full-width letters
and digits (ＴＩ２ → T12) and drops all whitespace, for ids, headers and units of measure.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from decimal import Decimal

__all__ = ["FORMULA_STARTS", "cell_text", "float_decimal", "safe_text", "squash", "unescape"]

#: First characters that make a spreadsheet read text as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_ESCAPED = (*FORMULA_STARTS, "'")
_SIGNED_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)%?")
_SPACE = re.compile(r"\s+")


def safe_text(text: str) -> str:
    """``text`` as a cell may hold it without being taken for a formula: '=1+1 for =1+1."""
    formula = text.startswith(FORMULA_STARTS) and not _SIGNED_NUMBER.fullmatch(text)
    if formula or unescape(text) != text:
        return "'" + text
    return text


def unescape(text: str) -> str:
    """Undo :func:`safe_text`: drop the one apostrophe it put in front."""
    if len(text) > 1 and text[0] == "'" and text[1:].startswith(_ESCAPED):
        return text[1:]
    return text


def float_decimal(value: float) -> Decimal:
    """A float cell as the exact decimal Excel shows: the shortest text that reads back as
    the same float (repr), cut to Excel's 15 significant digits (0.1+0.2 → 0.3)."""
    exact = Decimal(repr(value))
    digits = exact.as_tuple().digits
    if len(digits) <= 15:
        return exact
    return Decimal(format(value, ".15g"))


def cell_text(value: object) -> str:
    """A cell's value as trimmed text: numbers without float noise (1.0 → 1), dates ISO."""
    if value is None:
        return ""
    if isinstance(value, str):
        return unescape(value.strip())
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return ""
        value = float_decimal(value)
    if isinstance(value, Decimal):
        if value == value.to_integral_value():
            return str(value.quantize(Decimal(1)))
        return format(value.normalize(), "f")
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def squash(text: str) -> str:
    """Full-width folded (NFKC) and every whitespace removed: for ids, header names, units."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text))
