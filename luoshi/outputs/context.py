"""The words around a span: the sentence (句) a target or an error lies in, for people to read.

Sentences are split by the reading stage's own splitter (:func:`luoshi.reading.sentences`)
over the line holding the span, so the 分解表 and ``luoshi eval --errors`` show the same
sentence the extractor saw.
"""

from __future__ import annotations

from luoshi.reading import Node, sentences

__all__ = ["sentence_around"]


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence (or sentences) of ``text`` that ``[start, end)`` lies in."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    if line_end < 0:
        line_end = len(text)
    around = [
        s for s in sentences(text, Node("paragraph", line_start, line_end)) if s.start < end and start < s.end
    ]
    if not around:
        return text[line_start:line_end].strip()
    return text[around[0].start : around[-1].end]
