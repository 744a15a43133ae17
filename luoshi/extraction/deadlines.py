"""Deadline years (完成时限): 到2027年, 2025年前, 三年内 → the year a target is due.

A target is due in the report's plan year unless its sentence names another deadline
before it. The year is returned only when it differs from the plan year (the codebook
omits it otherwise).
"""

from __future__ import annotations

import re

from luoshi.extraction.numbers import parse_chinese

__all__ = ["deadline_year"]

_YEAR_RE = re.compile(
    r"(?:到|至|于|在)(20\d\d)年(?:底|末|前)?|(20\d\d)年(?:底|末|前|以前|之前)|(?:到|至)(\d\d)年"
)
_WITHIN_RE = re.compile(r"([一二两三四五六七八九十]|\d)年内")


def deadline_year(text: str, sentence_start: int, pos: int, plan_year: int | None) -> int | None:
    """The deadline year stated in ``text[sentence_start:pos]``, or None for the plan year."""
    year = None
    for m in _YEAR_RE.finditer(text, sentence_start, pos):
        full = m.group(1) or m.group(2)
        year = int(full) if full else 2000 + int(m.group(3))
    if year is None and plan_year is not None:
        for m in _WITHIN_RE.finditer(text, sentence_start, pos):
            span = parse_chinese(m.group(1)) if not m.group(1).isdigit() else int(m.group(1))
            if span:
                year = plan_year + int(span) - 1
    if year is None or year == plan_year:
        return None
    return year
