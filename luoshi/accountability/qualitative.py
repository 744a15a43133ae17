"""A review that judges a target in words (定性表述): 城镇调查失业率明显低于年初预期目标.

Some reviews give no figure for a target but say how it went against the plan. When a
target has no actual, the review's text is searched for its core wording followed, within
the same sentence, by such words:

* 完成/实现/达到 (年度/年初/全年) (预期) 目标/任务, 如期完成, 圆满完成 → met;
* 未(能)完成/实现/达到 … 目标 → missed;
* 低于 … 目标 → met when lower is better, else missed; 高于/超过/好于 … 目标 → met when
  higher is better (好于 and 优于 always).

Only the review's stretch of text is searched (from the first to the last figure the
review reports for year N, to the ends of their paragraphs).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from luoshi.accountability.direction import HIGHER, LOWER

__all__ = ["Statement", "find_statement"]

_TARGET = r"(?:年初|年度|全年|今年)?(?:的)?(?:预期|计划|既定)?(?:目标|任务)"
_MISSED_RE = re.compile(rf"未(?:能)?(?:完成|实现|达到){_TARGET}")
_MET_RE = re.compile(rf"(?:完成|实现|达到)(?:了)?{_TARGET}|如期完成|圆满完成|超额完成")
_BELOW_RE = re.compile(rf"低于{_TARGET}")
_ABOVE_RE = re.compile(rf"(?:高于|超过|超出){_TARGET}")
_BETTER_RE = re.compile(rf"(?:好于|优于){_TARGET}")
_SENTENCE_END_RE = re.compile(r"[。；;！？!?\n，,]")
#: How far after the wording the judging words may stand.
_WINDOW = 30


@dataclass(frozen=True, slots=True)
class Statement:
    """Where the review judges a target in words: ``[start, end)`` of the clause, and the verdict."""

    start: int
    end: int
    verdict: str
    words: str


def find_statement(text: str, core: str, direction: str, start: int, end: int) -> Statement | None:
    """The first statement judging the indicator ``core`` (城镇调查失业率) in ``text[start:end]``."""
    if len(core) < 3:
        return None
    at = text.find(core, start, end)
    while at >= 0:
        stop = _SENTENCE_END_RE.search(text, at, min(end, at + len(core) + _WINDOW))
        clause_end = stop.start() if stop is not None else min(end, at + len(core) + _WINDOW)
        clause = text[at:clause_end]
        verdict = _verdict(clause, direction)
        if verdict is not None:
            return Statement(at, clause_end, verdict, clause)
        at = text.find(core, at + len(core), end)
    return None


def _verdict(clause: str, direction: str) -> str | None:
    if _MISSED_RE.search(clause):
        return "missed"
    if _BETTER_RE.search(clause) or _MET_RE.search(clause):
        return "met"
    if _BELOW_RE.search(clause):
        return "met" if direction == LOWER else "missed"
    if _ABOVE_RE.search(clause):
        return "met" if direction == HIGHER else "missed"
    return None
