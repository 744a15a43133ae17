"""Sentence and clause boundaries (句, 分句) inside a paragraph, for the target grammar.

A sentence ends at 。！？； or a line break; a clause at ，, ： or a sentence end. The 、 of a
list does not end a clause: 扶持创业2200人、带动就业6600人以上 is one clause with two items.
Brackets and quotes are not tracked: a comma inside （…） still ends a clause, which is what the
grammar wants for the short asides reports write.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

__all__ = ["Segments", "segment"]

_SENTENCE_END = "。！？；;!?\n"
_CLAUSE_END = _SENTENCE_END + "，,：:"
_CLAUSE_RE = re.compile(f"[{re.escape(_CLAUSE_END)}]")


@dataclass(slots=True)
class Segments:
    """Clause boundaries of ``text[start:end]``: ``bounds[i]`` is where clause i starts.

    ``sentence_of[i]`` is the index of the clause that starts clause i's sentence.
    """

    start: int
    end: int
    bounds: list[int]
    sentence_of: list[int]

    def clause_index(self, pos: int) -> int:
        """The index of the clause holding ``pos``."""
        return bisect_right(self.bounds, pos) - 1

    def clause(self, index: int) -> tuple[int, int]:
        """``[start, end)`` of clause ``index``, without its closing punctuation."""
        start = self.bounds[index]
        end = self.bounds[index + 1] - 1 if index + 1 < len(self.bounds) else self.end
        return start, end

    def sentence(self, index: int) -> tuple[int, int]:
        """``[start, end)`` of the sentence holding clause ``index``."""
        first = self.sentence_of[index]
        last = index
        while last + 1 < len(self.bounds) and self.sentence_of[last + 1] == first:
            last += 1
        return self.bounds[first], self.clause(last)[1]


def segment(text: str, start: int, end: int) -> Segments:
    """Split ``text[start:end]`` into clauses and sentences (see :class:`Segments`)."""
    bounds = [start]
    sentence_of = [0]
    current_sentence = 0
    for m in _CLAUSE_RE.finditer(text, start, end):
        nxt = m.end()
        if nxt >= end:
            break
        if m.group() in _SENTENCE_END:
            current_sentence = len(bounds)
        bounds.append(nxt)
        sentence_of.append(current_sentence)
    return Segments(start, end, bounds, sentence_of)
