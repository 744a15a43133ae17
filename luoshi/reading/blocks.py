"""Lines of a report as blocks (段落块): trimmed ``[start, end)`` spans, the outline's raw units.

A block is one non-blank line without the white space around it. A line so long that its
paragraph breaks were evidently lost (a whole report on one line, as some web exports give)
is cut after its sentence ends into ``piece`` blocks, so that a review part and a plan part on
the same line can still be told apart; pieces of one line are joined again into a single
paragraph inside each part.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

__all__ = ["Block", "split_blocks", "GIANT_LINE"]

#: A line longer than this (in characters) is cut into sentence pieces.
GIANT_LINE = 4000

_SPACE = " \t\r\f\v\u3000\u00a0\ufeff\u200b"
_LINE = re.compile(r"([^\r\n]*)(?:\r\n|\r|\n|$)")
_SENTENCE = re.compile(r"[^。！？!?]*(?:[。！？!?]+[”’」』）)]*|$)")


@dataclass(slots=True)
class Block:
    """One trimmed line (or sentence piece of an over-long line) of the text."""

    start: int
    end: int
    line: int
    piece: bool = False


def split_blocks(text: str) -> list[Block]:
    """The blocks of ``text`` in order: every non-blank line, trimmed.

    Lines end at ``\n``; text given in memory with ``\r\n`` or lone ``\r`` breaks is split
    there too (the ``\r`` stays outside every block).
    """
    blocks: list[Block] = []
    for number, (offset, line) in enumerate(_lines(text)):
        if not line:
            continue
        if line[0] in _SPACE or line[-1] in _SPACE:
            stripped = line.strip(_SPACE)
            start = offset + len(line) - len(line.lstrip(_SPACE))
        else:
            stripped, start = line, offset
        end = start + len(stripped)
        if end - start > GIANT_LINE:
            blocks.extend(_pieces(text, start, end, number))
        elif end > start:
            blocks.append(Block(start, end, number))
    return blocks


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """``(offset, line)`` for each line, without its line break."""
    if "\r" not in text:
        offset = 0
        for line in text.split("\n"):
            yield offset, line
            offset += len(line) + 1
        return
    for found in _LINE.finditer(text):
        yield found.start(), found.group(1)


def _pieces(text: str, start: int, end: int, number: int) -> list[Block]:
    pieces = []
    for found in _SENTENCE.finditer(text, start, end):
        s, e = found.start(), found.end()
        while s < e and text[s] in _SPACE:
            s += 1
        while e > s and text[e - 1] in _SPACE:
            e -= 1
        if e > s:
            pieces.append(Block(s, e, number, piece=True))
    return pieces
