"""Sentences (句), clauses (分句), lead sentences (引领句) and inline items (一是…二是…).

These are computed on demand from a node's span, not stored in the outline, so reading a
report stays fast. Splitting respects quotes and brackets roughly: a mark inside “…”, （…）
or 《…》 does not split, a closing quote or bracket right after a sentence end stays with
its sentence, and an opening that is never closed stops counting after 200 characters.

- a sentence ends at 。！？； (and ! ? ;), the end mark included in its span;
- a clause ends at those or at ，、：(and , :), the mark left out of its span;
- the lead sentence of a paragraph is its first sentence when that is a short statement of
  the topic ending in 。 (全面落实“双碳”战略。) and more text follows; a leading list marker
  （一） 1. 一是 is not part of it;
- inline items are the 一是… 二是… (or 第一，… 第二，…) runs inside a paragraph.
"""

from __future__ import annotations

import re

from luoshi.reading.headings import cn_number
from luoshi.reading.report import Node

__all__ = ["sentences", "clauses", "lead_span", "inline_items", "LEAD_MAX"]

#: Longest lead sentence, in characters without its end mark.
LEAD_MAX = 24

_SENTENCE_MARKS = frozenset("。！？；!?;")
_CLAUSE_MARKS = frozenset("，、：,:") | _SENTENCE_MARKS
_OPEN = {
    "“": "”",
    "‘": "’",
    "（": "）",
    "(": ")",
    "《": "》",
    "【": "】",
    "[": "]",
    "「": "」",
    "『": "』",
    "〔": "〕",
}
_CLOSE = frozenset(_OPEN.values())
_INTERESTING = re.compile(r"[。！？；!?;，、：,:“”‘’（）()《》【】\[\]「」『』〔〕]")
_UNCLOSED_LIMIT = 200
_SPACE = " \t\r\n\u3000\u00a0"
_MARKER = re.compile(
    r"(?:[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]|\d{1,2}\s*[.、．](?!\d)|[①-⑳]|[一二三四五六七八九十]{1,3}[、．.]"
    r"|[一二三四五六七八九十]{1,3}是(?=[，、,：:\u4e00-\u9fff])|第[一二三四五六七八九十]{1,3}[，、,：:])[，、,：:]?\s*"
)
_INLINE_ITEM = re.compile(r"(?:([一二三四五六七八九十]{1,2})是|第([一二三四五六七八九十]{1,2})[，,、])")
_TRAILING = frozenset(" \t\r\n\u3000\u00a0，,；;、")
_AFTER = frozenset("。；;，,：:！？!?")
_NOT_LEAD = re.compile(r"[\d０-９！？；!?;]")


def _cuts(text: str, start: int, end: int, *, keep_mark: bool) -> list[tuple[int, int]]:
    """``(piece_end, next_start)`` for each split point in ``text[start:end]``.

    With ``keep_mark`` (sentences) a piece ends after its mark and any closing quotes that
    follow it; without (clauses) it ends before its mark.
    """
    marks = _SENTENCE_MARKS if keep_mark else _CLAUSE_MARKS
    cuts: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for found in _INTERESTING.finditer(text, start, end):
        c, at = found.group(), found.start()
        if stack and at - stack[-1][1] > _UNCLOSED_LIMIT:
            stack.clear()
        if c in _OPEN:
            if not (stack and stack[-1][0] == c):
                stack.append((c, at))
            continue
        if c in _CLOSE:
            if stack and _OPEN[stack[-1][0]] == c:
                stack.pop()
                if not stack and keep_mark and at > start and text[at - 1] in _SENTENCE_MARKS:
                    cuts.append((at + 1, at + 1))  # 。” : the quote ends the sentence
            continue
        if c in marks and not stack:
            if keep_mark:
                after = at + 1
                while after < end and text[after] in _CLOSE:
                    after += 1
                if not cuts or cuts[-1][0] < after:
                    cuts.append((after, after))
            else:
                cuts.append((at, at + 1))
    return cuts


def _spans(text: str, start: int, end: int, *, keep_mark: bool) -> list[tuple[int, int]]:
    spans = []
    begin = start
    for piece_end, next_start in [*_cuts(text, start, end, keep_mark=keep_mark), (end, end)]:
        s, e = begin, max(begin, piece_end)
        while s < e and text[s] in _SPACE:
            s += 1
        while e > s and text[e - 1] in _SPACE:
            e -= 1
        if e > s and not all(ch in _CLAUSE_MARKS or ch in _CLOSE for ch in text[s:e]):
            spans.append((s, e))
        begin = max(begin, next_start)
    return spans


def sentences(text: str, node: Node) -> list[Node]:
    """The sentences of ``node``'s span, each ending with its end mark (。) when it has one."""
    return [
        Node("sentence", s, e, role=node.role) for s, e in _spans(text, node.start, node.end, keep_mark=True)
    ]


def clauses(text: str, node: Node) -> list[Node]:
    """The clauses of ``node``'s span: split at 。！？；，、：, the marks left out."""
    return [
        Node("clause", s, e, role=node.role) for s, e in _spans(text, node.start, node.end, keep_mark=False)
    ]


def lead_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The ``[start, end)`` of the lead sentence of the paragraph ``text[start:end]``, or None."""
    stop = text.find("。", start, min(end, start + LEAD_MAX + 12))
    if stop < 0 or stop + 1 >= end:
        return None
    marker = _MARKER.match(text, start, stop)
    begin = marker.end() if marker else start
    words = text[begin:stop]
    if not 2 <= len(words) <= LEAD_MAX or _NOT_LEAD.search(words) or words.count("，") + words.count(",") > 1:
        return None
    if words.count("“") != words.count("”") or words.count("（") != words.count("）"):
        return None
    if words.startswith(("各位", "今年", "过去", "一年来", "同时", "此外", "其中")):
        return None
    return begin, stop + 1


def inline_items(text: str, node: Node) -> list[Node]:
    """The 一是… 二是… (第一，… 第二，…) items inside ``node``'s span, each up to the next one.

    Markers count only at the span's start or after punctuation, and only in order
    (一是, 二是, 三是 …); fewer than two give no items.
    """
    starts: list[tuple[int, int]] = []
    expected = 1
    for found in _INLINE_ITEM.finditer(text, node.start, node.end):
        at = found.start()
        before = text[node.start : at].rstrip(_SPACE)
        if before and before[-1] not in _AFTER:
            continue
        if cn_number(found.group(1) or found.group(2)) != expected:
            continue
        starts.append((at, found.end()))
        expected += 1
    if len(starts) < 2:
        return []
    items = []
    for k, (s, marker_end) in enumerate(starts):
        e = starts[k + 1][0] if k + 1 < len(starts) else node.end
        while e > s and text[e - 1] in _TRAILING:
            e -= 1
        items.append(Node("item", s, e, heading=text[s:marker_end], role=node.role))
    return items
