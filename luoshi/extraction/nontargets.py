"""Quantities that are not targets (非目标), per section 3 of gold/GUIDELINES.md.

Each check looks at a quantity in its clause and says why it is not a commitment: an ordinal
(第3), a name with digits (5G, G60, “3个100”工程), a size class (千亿级), a descriptor of the
thing counted (10亿元以上产业项目100个: the 10亿元 only describes the projects), a count of
things that already exist (在建, 已批建), the report's own structure (十方面工作), an idiom
(千家万户), or a small Chinese numeral used as an article (一个, 两个).
"""

from __future__ import annotations

import re

from luoshi.extraction.quantities import Quantity
from luoshi.extraction.units import COUNT_UNITS, TIME_UNITS

__all__ = ["non_target_reason"]

_CJK_RE = re.compile(r"[\u4e00-\u9fff]")
_QUOTE_PAIRS = {"“": "”", "\"": "\"", "「": "」", "《": "》", "『": "』", "‘": "’"}
_IDIOMS = ("千家万户", "千方百计", "千军万马", "万无一失", "千头万绪", "百花齐放", "千帆竞发", "万家灯火",
           "千载难逢", "百年大计", "一个也不能少", "一件接着一件", "一年接着一年", "十年磨一剑", "百舸争流",
           "千亿万亩", "万亩千亿", "百千万")
_STRUCTURE_RE = re.compile(r"方面(?:工作|要求|任务|内容|重点|举措|部署)")
_EXISTING_AFTER_RE = re.compile(r"^(?:在建|已建|已有|现有|已经|续建)")
_EXISTING_BEFORE_RE = re.compile(r"(?:已批建|已建成|已经|现有|已有)[^，,、；;。]{0,4}$")
_FOCUS_RE = re.compile(r"(?<![可予加所足难用得])以[^，,、；;。]{0,4}$")  # 以12个片区为重点
_DESCRIPTOR_SUFFIXES = ("以上", "及以上", "以下", "以内")
_COUNT = set(COUNT_UNITS)
_TIME = set(TIME_UNITS)
_SMALL_CHINESE_END_RE = re.compile(r"^(?:[、，,。；;）)]|以上|$)")


def _inside_quotes(text: str, clause_start: int, pos: int) -> bool:
    """Is ``pos`` inside an open quote or title mark (“…”, 《…》) that began in this clause?"""
    open_mark = None
    for ch in text[max(0, clause_start - 40) : pos]:
        if open_mark is None and ch in _QUOTE_PAIRS:
            open_mark = ch
        elif open_mark is not None and ch == _QUOTE_PAIRS[open_mark]:
            open_mark = None
    return open_mark is not None


def non_target_reason(
    text: str, clause_start: int, clause_end: int, q: Quantity, later: list[Quantity], has_comparator: bool
) -> str | None:
    """Why ``q`` is not a target, or None when it may be one.

    ``later`` are the quantities after ``q`` in the same clause; ``has_comparator`` says a
    comparator word governs ``q`` (a time span is a target only with one: 缩短到5个工作日).
    """
    before = text[max(clause_start, q.start - 6) : q.start]
    after = text[q.end : min(clause_end, q.end + 8)]
    if before.endswith("第") or (before and before[-1].isascii() and before[-1].isalpha()):
        return "ordinal or name"
    if after[:1].isascii() and after[:1].isalpha():
        return "name with digits"
    if _inside_quotes(text, clause_start, q.start):
        return "quoted name"
    if after.startswith(("级", "强", "佳", "周年", "岁")):
        return "size class or rank"
    if after.startswith("的") and later:
        return "descriptor"
    if after.startswith("的") and q.unit not in _COUNT:
        return "descriptor"
    if not q.unit:
        return "no unit"
    context = text[max(0, q.start - 4) : q.end + 4]
    if any(idiom in context for idiom in _IDIOMS):
        return "idiom"
    if q.unit == "方面" and _STRUCTURE_RE.match(text, q.end):
        return "report structure"
    if _EXISTING_AFTER_RE.match(after) or _EXISTING_BEFORE_RE.search(before):
        return "existing things"
    if _FOCUS_RE.search(before) and "为" in text[q.end : min(clause_end, q.end + 12)]:
        return "existing things picked out"
    if q.chinese and q.value < 10 and not _SMALL_CHINESE_END_RE.match(after):
        return "Chinese numeral as an article"
    if q.unit in _TIME and not has_comparator:
        return "duration"
    if later and after[:1] and _CJK_RE.match(after[:1]) and after[:1] not in "和及与或":
        # 10亿元以上产业项目100个, 年销售额超100亿元企业1家: the first only describes the thing counted
        count_later = any(nxt.unit in _COUNT for nxt in later)
        if count_later and (q.suffix in _DESCRIPTOR_SUFFIXES or q.unit not in _COUNT):
            return "descriptor"
    return None
