"""Heading and list markers (标题与序号) at the start of a report's lines.

Styles, from the top of a report's hierarchy down:

- ``chapter``: 第一部分 …;
- ``num``: 一、 二、 … (part headings in most reports, section headings under unnumbered
  parts in others);
- ``bare``: an unnumbered short line with the words of a part heading (2024年工作安排,
  全面加强政府自身建设, 名词解释);
- ``paren``: （一） (一);
- ``ordinal``: 第一， 第二、;
- ``item``: 1. 1、 （1） ① 一是.

A marker makes a heading only when the line reads as one: the whole line is short, or its
first sentence is (一、坚持深挖内需潜力，大力推动经济全面恢复增长。坚定落实… is a heading
with its body on the same line). A long paragraph that happens to start with 一、, or
一、二、三产业…, is not a heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from luoshi.reading.blocks import Block
from luoshi.reading.roles import is_part_heading

__all__ = ["Mark", "mark_line", "mark_blocks", "cn_number"]

_CN = "一二三四五六七八九十"
_CN_VALUE = {c: i for i, c in enumerate(_CN, 1)}

_NUM = re.compile(rf"^([{_CN}]{{1,3}})\s*[、．.]\s*(?![{_CN}]{{1,3}}\s*[、．.])")
_CHAPTER = re.compile(rf"^第([{_CN}]{{1,3}})部分\s*[、：:．.，,]?\s*")
_PAREN = re.compile(rf"^[（(]\s*([{_CN}]{{1,3}})\s*[)）]\s*[、．.]?\s*")
_ORDINAL = re.compile(rf"^第([{_CN}]{{1,3}})\s*[，、,：:．.]\s*")
_ITEM = re.compile(
    rf"^(?:[（(]\s*(\d{{1,2}})\s*[)）]|(\d{{1,2}})\s*[.、．](?!\d)|([①-⑳])|([{_CN}]{{1,3}})是(?=[，、,：:\u4e00-\u9fff]))\s*"
)

_SPACED_TITLE = re.compile(r"([^\s，,。；：:！？]{2,30})[ \u3000\u00a0]+\S")
_SENTENCE_END = re.compile(r"[。！？；!?;]")
_BARE_BAD_START = re.compile(r"^(?:[的和与及、，,。；”’）)》]|各位|现在|我们|同时|其中|主要是|重点是)")
_OTHER_HEADING = re.compile(r"名词解释|注释|短语说明|词语解释|附件|附表")
_LINE_ENDS = frozenset("。！？；：!?;:…”’）)】》")
_OPENERS = tuple("“‘（(《〈【[、，,")
_CLOSERS = tuple("”’）)》〉】]")

#: Longest pure heading line, and longest first sentence of a heading with its body.
MAX_HEADING = 60
MAX_LEAD_HEADING = 45
MAX_BARE = 36


@dataclass(frozen=True, slots=True)
class Mark:
    """What a line's start says about its place in the outline.

    ``heading`` is the marker and the heading words (一、2024年工作安排), ``title`` the words
    alone; ``pure`` when the heading is the whole line (no body after it); ``lines`` is how
    many following lines continue a heading broken across lines.
    """

    style: str
    value: int
    heading: str
    title: str
    pure: bool
    lines: int = 0


def cn_number(token: str) -> int:
    """一 → 1, 十二 → 12, 二十三 → 23; Arabic digits and ①-⑳ too."""
    if "①" <= token <= "⑳":
        return ord(token) - ord("①") + 1
    if token.isdecimal():
        return int(token)
    if token == "十":
        return 10
    if token.startswith("十"):
        return 10 + _CN_VALUE.get(token[1], 0)
    if "十" in token:
        tens, _, ones = token.partition("十")
        return _CN_VALUE.get(tens, 1) * 10 + (_CN_VALUE.get(ones, 0) if ones else 0)
    return _CN_VALUE.get(token, 0)


def mark_line(line: str) -> Mark | None:
    """The mark of one trimmed line, or ``None`` for a plain paragraph."""
    first = line[0]
    if first in _CN:
        found = _NUM.match(line)
        if found:
            return _numbered("num", found, line, strict=True)
        found = _ITEM.match(line)
        if found:
            return _item(found, line)
        return _bare(line)
    if first == "第":
        found = _CHAPTER.match(line)
        if found:
            return _numbered("chapter", found, line, strict=True)
        found = _ORDINAL.match(line)
        if found:
            return _numbered("ordinal", found, line, strict=False)
        return _bare(line)
    if first in "（(":
        found = _PAREN.match(line)
        if found:
            return _numbered("paren", found, line, strict=False)
    found = _ITEM.match(line)
    if found:
        return _item(found, line)
    return _bare(line)


def _numbered(style: str, found: re.Match[str], line: str, *, strict: bool) -> Mark | None:
    """A numbered heading; ``strict`` styles need a heading-like line, others take any line."""
    value = cn_number(found.group(1))
    marker = line[: found.end()]
    rest = line[found.end() :]
    end = _SENTENCE_END.search(rest)
    if end is None:
        if len(rest) <= MAX_HEADING:
            title = rest.rstrip("：:，,")
            return Mark(style, value, (marker + title).rstrip(), title, True)
    elif end.end() == len(rest.rstrip("”’）)")):
        if len(rest) <= MAX_LEAD_HEADING:
            title = rest[: end.start()]
            return Mark(style, value, (marker + title).rstrip(), title, True)
    elif end.start() <= MAX_LEAD_HEADING:
        title = rest[: end.start()]
        return Mark(style, value, (marker + title).rstrip(), title, False)
    spaced = _SPACED_TITLE.match(rest)
    if spaced:  # 二、2024年主要任务 今年是…: heading and body parted by a space
        return Mark(style, value, (marker + spaced.group(1)).rstrip(), spaced.group(1), False)
    if strict:
        return None
    return Mark(style, value, marker.rstrip(), "", False)


def _item(found: re.Match[str], line: str) -> Mark:
    token = next(g for g in found.groups() if g)
    marker = line[: found.end()]
    rest = line[found.end() :]
    end = _SENTENCE_END.search(rest)
    title = rest[: end.start()] if end and end.start() <= MAX_LEAD_HEADING else ""
    return Mark(
        "item", cn_number(token), (marker + title).rstrip(), title, end is None and len(rest) <= MAX_HEADING
    )


def _bare(line: str) -> Mark | None:
    """An unnumbered part heading: short, no sentence inside, part-heading words.

    At most one colon, and then the heading words after it (站在新起点：2012年工作回顾), so
    that a wrapped line like 今年政府工作的总体要求是：坚持… is not taken for a heading.
    """
    if len(line) > MAX_BARE or len(line) < 3 or "\t" in line:
        return None
    if line[-1] in "。；！？!?;，,、" or _SENTENCE_END.search(line) or re.search(r"[，,%％]", line):
        return None
    if line[-1] in "：:":
        line_words = line[:-1]
        if not _OTHER_HEADING.search(line_words):
            return None
    else:
        line_words = line
    colons = re.findall(r"[：:]", line_words)
    if len(colons) > 1 or _BARE_BAD_START.match(line) or "工作报告" in re.sub(r"\s", "", line):
        return None
    if colons and not is_part_heading(re.split(r"[：:]", line_words)[-1]):
        return None
    if not is_part_heading(line_words):
        return None
    return Mark("bare", 0, line_words, line_words, True)


def _broken_before(text: str, previous: Block) -> bool:
    """Whether the line before was cut mid-sentence, making this line its continuation.

    A long line that does not end a sentence, or any line ending in an opening quote or
    bracket or a comma (…国务院编制了《).
    """
    last = text[previous.end - 1]
    if last in _OPENERS:
        return True
    return previous.end - previous.start > 30 and last not in _LINE_ENDS


def mark_blocks(text: str, blocks: list[Block]) -> list[Mark | None]:
    """The mark of each block (pieces of over-long lines get none), with broken headings joined.

    A heading whose line ends in an opening quote, bracket or comma (二、“ / 坚定前行、), or
    whose next line starts with a closing one, continues on the next short lines.
    """
    marks: list[Mark | None] = [None if b.piece else mark_line(text[b.start : b.end]) for b in blocks]
    for i, mark in enumerate(marks):
        if mark is not None and mark.style == "bare" and i and _broken_before(text, blocks[i - 1]):
            marks[i] = None
    for i, mark in enumerate(marks):
        if mark is None or not mark.pure or mark.style not in ("num", "chapter", "bare"):
            continue
        heading, extra = mark.heading, 0
        while i + extra + 1 < len(blocks) and extra < 3:
            nxt = blocks[i + extra + 1]
            words = text[nxt.start : nxt.end]
            broken = heading.endswith(_OPENERS) or (extra == 0 and not mark.title)
            next_mark = marks[i + extra + 1]
            tail = (
                extra == 0
                and mark.style in ("num", "chapter")
                and next_mark is not None
                and next_mark.style == "bare"
                and len(heading) + len(words) <= 30
                and not _OTHER_HEADING.search(words)
            )
            if not (broken or tail or words.startswith(_CLOSERS)) or nxt.piece or len(words) > 40:
                break
            if next_mark is not None and next_mark.style != "bare":
                break
            if _SENTENCE_END.search(words[:-1]):
                break
            heading += words
            extra += 1
        if extra:
            title = heading[len(mark.heading) - len(mark.title) :]
            marks[i] = replace(mark, heading=heading, title=title, lines=extra)
            for j in range(i + 1, i + extra + 1):
                marks[j] = Mark("cont", 0, "", "", True)
    return marks
