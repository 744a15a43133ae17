"""The Chinese number grammar (数字): Arabic, Chinese and mixed numerals to exact Decimals.

Government reports write numbers every way at once: ``1,000``, ``1.32万``, ``3000亿``,
``3.8万亿``, ``两千二百``, ``一万三千``, ``十``, ``三分之一``, ``百分之三十``, and fullwidth
digits (``１２``). No library parses this mix into exact values, so it is written here, as
small pure functions that return :class:`decimal.Decimal` (never floats: a target of 1.32万
is exactly 13200).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

__all__ = [
    "CHINESE_DIGITS",
    "MAGNITUDES",
    "parse_arabic",
    "parse_chinese",
    "parse_number",
    "format_chinese",
    "NUMBER_RE",
]

CHINESE_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_BIG_UNITS = {"万": 10**4, "亿": 10**8}

#: Magnitude words written after an Arabic number (1.32万, 3000亿, 3.8万亿), longest first.
MAGNITUDES = {
    "万亿": Decimal(10**12),
    "千亿": Decimal(10**11),
    "百亿": Decimal(10**10),
    "千万": Decimal(10**7),
    "百万": Decimal(10**6),
    "十万": Decimal(10**5),
    "亿": Decimal(10**8),
    "万": Decimal(10**4),
    "千": Decimal(10**3),
    "百": Decimal(10**2),
}

_ARABIC = r"[0-9０-９]+(?:[,，][0-9０-９]{3})*(?:[.．][0-9０-９]+)?"
_CHINESE = r"[零〇一二两三四五六七八九十百千万亿]+"
#: One number token: Arabic (with separators and decimals) or a run of Chinese numerals.
NUMBER_RE = re.compile(f"(?P<arabic>{_ARABIC})|(?P<chinese>{_CHINESE})")

_FULLWIDTH = str.maketrans("０１２３４５６７８９．", "0123456789.")


def parse_arabic(token: str) -> Decimal | None:
    """``"1,000"`` → 1000, ``"１２.５"`` → 12.5; None when it is not one number."""
    cleaned = token.translate(_FULLWIDTH).replace(",", "").replace("，", "")
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        return None


def parse_chinese(token: str) -> Decimal | None:
    """A Chinese numeral to its value: ``两千二百`` → 2200, ``十五`` → 15, ``一万三千`` → 13000.

    Returns None for a run that is not one well-formed number (``十四五``, ``一一``,
    ``二〇二四`` read digit by digit is a year, not a quantity).
    """
    if not token:
        return None
    total = 0  # everything at or above the last 亿
    wan = 0  # the 万 group
    section = 0  # below 万
    digit: int | None = None
    last_small = 10**4  # small units must fall within a section: 千 > 百 > 十
    last_big = 10**9  # big units must fall: 亿 > 万
    for ch in token:
        if ch in CHINESE_DIGITS:
            if digit is not None:
                return None  # two digits in a row: 十四五, 一一
            digit = CHINESE_DIGITS[ch]
            if digit == 0:
                digit = None if section or wan or total else 0
                if digit == 0 and len(token) > 1:
                    return None
        elif ch in _SMALL_UNITS:
            unit = _SMALL_UNITS[ch]
            if unit >= last_small or digit == 0 or (digit is None and (section or wan or total)):
                return None  # 千百万 is not a number; 一万十 is not either
            section += (1 if digit is None else digit) * unit
            digit, last_small = None, unit
        else:
            unit = _BIG_UNITS[ch]
            if unit >= last_big:
                return None
            group = section + (digit or 0)
            if unit == 10**8:
                total = (total + wan + group or 1) * unit
                wan = 0
            else:
                wan = (group or 1) * unit
            section, digit, last_small, last_big = 0, None, 10**4, unit
    return Decimal(total + wan + section + (digit or 0))


def parse_number(token: str) -> Decimal | None:
    """Any single number token as :data:`NUMBER_RE` finds it."""
    if token[0] in "0123456789０１２３４５６７８９":
        return parse_arabic(token)
    return parse_chinese(token)


_DIGIT_NAMES = "零一二三四五六七八九"


def format_chinese(value: int) -> str:
    """The usual Chinese numeral for a whole number below 1e12 (2200 → 二千二百).

    The inverse of :func:`parse_chinese`, used by tests and by bulletins that spell numbers.
    """
    if value < 0 or value >= 10**12:
        raise ValueError("format_chinese takes 0 <= value < 1e12")
    if value == 0:
        return "零"

    def below_10000(n: int) -> str:
        out: list[str] = []
        zero = False
        for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            d, n = divmod(n, unit)
            if d:
                if zero and out:
                    out.append("零")
                out.append(_DIGIT_NAMES[d] + name)
                zero = False
            else:
                zero = True
        return "".join(out)

    parts = []
    yi, rest = divmod(value, 10**8)
    wan, ones = divmod(rest, 10**4)
    if yi:
        parts.append(below_10000(yi) + "亿")
    if wan:
        if yi and wan < 1000:
            parts.append("零")
        parts.append(below_10000(wan) + "万")
    if ones:
        if (yi or wan) and ones < 1000:
            parts.append("零")
        parts.append(below_10000(ones))
    text = "".join(parts)
    return text[1:] if text.startswith("一十") else text
