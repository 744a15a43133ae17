"""Page text back to paragraphs (版面还原): the pure half of PDF reading, no PDF library here.

A PDF gives lines as they were laid out on each page. This module turns them back into one
paragraph a line:

- running headers and footers (页眉页脚: the same line at the top or bottom of many pages,
  digits ignored) and page numbers (页码: ``- 3 -``, ``— 3 —``, ``第3页``, ``3/20``, a bare
  number) at a page's edge are dropped;
- spaces a PDF puts between two Chinese characters are removed;
- a line broken by the layout is joined to the next one: a full-width line that does not end
  with sentence-final punctuation (。；！？：” …) is continued, unless the next line starts
  a heading (一、 （一） 1. 第一部分 …). Short lines are ends of paragraphs or headings and
  keep their break. Two ASCII words are joined with a space.
"""

from __future__ import annotations

import re
from collections import Counter

__all__ = ["layout_text", "page_lines", "drop_furniture", "join_lines"]

_CJK = r"\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
_HAS_CJK = re.compile(rf"[{_CJK}]")
_CJK_GAP = re.compile(rf"(?<=[{_CJK}])[ \t\u00a0]+(?=[{_CJK}])")
_PAGE_NUMBER = re.compile(
    r"^(?:[-—–－~·\s]*\d{1,4}[-—–－~·\s]*"
    r"|第\s*[\d一二三四五六七八九十百]+\s*页(?:\s*[,，/／]?\s*共\s*\d+\s*页)?"
    r"|\d{1,4}\s*[/／]\s*\d{1,4}"
    r"|(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?"
    r"|[-—–－]?\s*[ivxlcIVXLC]{1,6}\s*[-—–－]?)$",
    re.IGNORECASE,
)
_TERMINAL = frozenset("。；！？：”’」』…!?;:")
_HEADING = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}\s*[、．.]"
    r"|[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]"
    r"|\d{1,2}\s*[.、．](?!\d)"
    r"|第[一二三四五六七八九十\d]{1,3}(?:部分|章|节|[，、,：:])"
    r"|[①-⑳]"
    r"|附件|附表|附录|名词解释)"
)
_EDGE = 2  # lines at each end of a page compared across pages
_PEEL = 3  # lines at most dropped from each end
_MIN_FULL = 40  # a line narrower than this (20 Chinese characters) is never full width


def layout_text(pages: list[str]) -> str:
    """The text of a document given the extracted text of each page."""
    return join_lines([line for page in drop_furniture([page_lines(p) for p in pages]) for line in page])


def page_lines(page_text: str) -> list[str]:
    """The non-empty lines of one page, trimmed, without spaces between Chinese characters."""
    lines = []
    for raw in page_text.splitlines():
        line = _CJK_GAP.sub("", raw.strip(" \t\u3000\u00a0"))
        if line:
            lines.append(line)
    return lines


def drop_furniture(pages: list[list[str]]) -> list[list[str]]:
    """Pages without running headers and footers, and without page numbers at their edges.

    Lines are peeled from each end of a page (three at most) while they are a page number or
    a line that repeats at the edges of many pages.
    """
    repeated = _repeated_edges(pages)

    def furniture(line: str) -> bool:
        return bool(_PAGE_NUMBER.match(line)) or _key(line) in repeated

    cleaned = []
    for lines in pages:
        first, last = 0, len(lines)
        while first < last and first < _PEEL and furniture(lines[first]):
            first += 1
        while last > first and len(lines) - last < _PEEL and furniture(lines[last - 1]):
            last -= 1
        cleaned.append(lines[first:last])
    return cleaned


def _key(line: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", line))


def _repeated_edges(pages: list[list[str]]) -> set[str]:
    """Edge lines found on at least half the pages (and on two at least)."""
    if len(pages) < 2:
        return set()
    seen: Counter[str] = Counter()
    for lines in pages:
        edges = set(lines[:_EDGE]) | set(lines[-_EDGE:])
        seen.update({_key(line) for line in edges})
    floor = max(2, (len(pages) + 1) // 2)
    return {key for key, count in seen.items() if count >= floor}


def _width(line: str) -> int:
    """Display width: a Chinese character counts two, other characters one."""
    return len(line) + sum(1 for c in line if ord(c) >= 0x2E80)


def join_lines(lines: list[str]) -> str:
    """Lines joined back into paragraphs, one a line (see the module docstring)."""
    if not lines:
        return ""
    widths = sorted(_width(line) for line in lines if len(line) >= 4) or [0]
    full = max(_MIN_FULL, 0.8 * widths[(len(widths) * 3) // 4])
    out = [lines[0]]
    last = lines[0]  # the last physical line of the paragraph being built
    for line in lines[1:]:
        if last[-1] not in _TERMINAL and _width(last) >= full and not _HEADING.match(line):
            out[-1] += _gap(last, line) + line
        else:
            out.append(line)
        last = line
    return "\n".join(out)


def _gap(before: str, after: str) -> str:
    """A space between two lines of English (words or numbers), nothing in Chinese text."""
    end, start = before[-1], after[0]
    if (
        start.isascii()
        and start.isalnum()
        and end.isascii()
        and (end.isalnum() or end in ",)")
        and not _HAS_CJK.search(before)
    ):
        return " "
    return ""
