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
from luoshi.extraction.units import COUNT_UNITS, PHYSICAL_UNITS, TIME_UNITS, frequency_period

__all__ = ["non_target_reason"]

_CJK_RE = re.compile(r"[\u4e00-\u9fff]")
_QUOTE_PAIRS = {"“": "”", '"': '"', "「": "」", "《": "》", "『": "』", "‘": "’"}
#: Set phrases with a numeral that counts nothing (千家万户, 与国际社会一道).
_IDIOM_RE = re.compile(
    "千家万户|千方百计|千军万马|万无一失|千头万绪|百花齐放|百家争鸣|千帆竞发|万家灯火|千载难逢|百年大计|百舸争流|"
    "一个也不能少|一件接着一件|一年接着一年|十年磨一剑|千亿万亩|万亩千亿|百千万|一道|一起|一手|一把手|一盘棋|"
    "一张网|一张图|一站式|一件事|一网通|一条龙|一揽子"
)
_STRUCTURE_RE = re.compile(r"(?:工作|要求|任务|内容|重点|举措|部署)")
_STRUCTURE_BEFORE_RE = re.compile(r"(?:以下|如下|下列)$")
_EXISTING_AFTER_RE = re.compile(r"^(?:在建|已建|已有|现有|已经|续建)")
_EXISTING_BEFORE_RE = re.compile(r"(?:已批建|已建成|已经|现有|已有)[^，,、；;。]{0,4}$")
_FOCUS_RE = re.compile(r"(?<![可予加所足难用得])以[^，,；;。]*$")  # 以12个片区、65个社区中心为重点
_FOCUS_AFTER_RE = re.compile(
    r"[^，,；;。]*?为(?:重点|核心|主|依托|抓手|载体|引领|龙头|支撑|主体|突破口|切入点|着力点|牵引|主线|基础|导向|目标)"
)
_ALL_OF_THEM_RE = re.compile(r"[^，,；;。]*?(?:全部|全面|均已|都)")
_MEETING_RE = re.compile(r"(?:全会|会议|党代会|代表大会)")
_ATTRIBUTE_RE = re.compile(r"(?:投资|总投资|占地|面积|规模|全长|总长|长|年产|产能|容量|装机|总额|收入)$")
_BASELINE_RE = re.compile(r"(?:从|由)$")
_CHANGE_TO_RE = re.compile(r"\s*(?:提高|提升|增加|增长|扩大|下降|降低|减少|缩短|压缩|压减|降)(?:到|至)")
_PAST_RE = re.compile(r"(?:先后|已经|曾经|累计已)[^，,；;。]{0,4}$")
_FACILITY_RE = re.compile(
    r"[\u4e00-\u9fff]{1,8}?(?:厂|项目|基地|公园|电站|变电站|工程|生产线|产业园|园区|矿|站)"
)
_MONEY = {"元", "美元", "欧元", "港元"}
_BARE_MAGNITUDES = ("百", "千", "万", "亿")
_SLOGAN_RE = re.compile(r"[^，,；;。]*?(?:[百千万][\u4e00-\u9fff]|行动)")
_DESCRIPTOR_SUFFIXES = ("以上", "及以上", "以下", "以内")
_COUNT = set(COUNT_UNITS)
_TIME = set(TIME_UNITS)
_PHYSICAL = set(PHYSICAL_UNITS) - {"公里", "米", "平方米", "平方公里"}
_SMALL_CHINESE_END_RE = re.compile(r"^(?:[、，,。；;）)]|以上|$)")


def _inside_quotes(text: str, clause_start: int, pos: int) -> bool:
    """Is ``pos`` inside a quote or title mark (“…”, 《…》) opened shortly before it?"""
    window = max(0, clause_start - 40)
    for opening, closing in _QUOTE_PAIRS.items():
        if opening == closing:
            if text.count(opening, window, pos) % 2:
                return True  # "…" with straight quotes: an odd count means one is open
            continue
        at = text.rfind(opening, window, pos)
        if at >= 0 and text.find(closing, at + 1, pos) < 0:
            return True
    return False


def non_target_reason(
    text: str,
    clause_start: int,
    clause_end: int,
    q: Quantity,
    later: list[Quantity],
    has_comparator: bool,
    previous_end: int = -1,
) -> str | None:
    """Why ``q`` is not a target, or None when it may be one.

    ``later`` are the quantities after ``q`` in the same clause, ``previous_end`` where the one
    before it ends; ``has_comparator`` says a comparator word governs ``q`` (a time span is a
    target only with one: 缩短到5个工作日).
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
    if (
        after.startswith("的")
        and q.unit != "%"
        and (later or q.suffix in _DESCRIPTOR_SUFFIXES or _ATTRIBUTE_RE.search(before))
    ):
        return "descriptor"  # 投资100亿元以上的大项目, 占地120亩的项目; but 组建20亿元的基金 is a target
    if q.suffix in _DESCRIPTOR_SUFFIXES and q.unit in _MONEY and _CJK_RE.match(after[:1] or " "):
        return "descriptor"  # 50亿元以上重大项目: a class of projects, not an amount to deliver
    if q.unit in _PHYSICAL and _FACILITY_RE.match(text, q.end, clause_end):
        return "capacity in a facility's name"  # 百万吨饲料加工厂, 城南300亩公园建设
    if previous_end == q.start and q.suffix in _DESCRIPTOR_SUFFIXES:
        return "descriptor"  # 14台35蒸吨/小时以下燃煤锅炉: the second describes the first's things
    if before.endswith("”") and q.unit in ("条", "款"):
        return "name of a policy"  # “民营经济”33条
    if _BASELINE_RE.search(before) and _CHANGE_TO_RE.match(text, q.end, clause_end):
        return "baseline"  # 从47.5%提高到51.5%: the first figure is where it starts
    if _PAST_RE.search(before):
        return "past"
    if not q.unit:
        return "no unit"
    if _IDIOM_RE.search(text, max(0, q.start - 4), q.end + 4):
        return "idiom"
    if q.unit == "方面" and (_STRUCTURE_RE.match(text, q.end) or _STRUCTURE_BEFORE_RE.search(before)):
        return "report structure"
    if _EXISTING_AFTER_RE.match(after) or _EXISTING_BEFORE_RE.search(before):
        return "existing things"
    if _FOCUS_RE.search(text, clause_start, q.start) and _FOCUS_AFTER_RE.match(text, q.end, clause_end):
        return "existing things picked out"
    if q.unit in _COUNT and not q.suffix and _ALL_OF_THEM_RE.match(text, q.end, clause_end):
        return "existing things, all of them"  # 26所公办中职学校全部达到省定标准: the target is 全部
    if q.unit == "次" and _MEETING_RE.match(text, q.end):
        return "name of a meeting"
    if (
        q.chinese
        and text[q.start] in _BARE_MAGNITUDES
        and (before.endswith("每") or q.unit in ("元", "美元") or _SLOGAN_RE.match(text, q.end, clause_end))
    ):
        return "per-unit denominator, class or slogan"  # 每万人, 亿元以上项目, 百场千企万品
    if q.chinese and q.value == 1 and q.unit in ("批", "片", "件", "种"):
        return "vague amount"  # 一批, 打成一片
    if (
        q.chinese
        and q.value < 10
        and not _SMALL_CHINESE_END_RE.match(after)
        and frequency_period(text, clause_start, q.start, q.unit) is None  # 每月开展一次
    ):
        return "Chinese numeral as an article"
    if q.unit in _TIME and not has_comparator:
        return "duration"
    if q.unit in _MONEY and later and later[0].start == q.end and later[0].unit in _COUNT:
        return "descriptor"  # 过五十亿元2家: firms of that size, counted
    if later and after[:1] and _CJK_RE.match(after[:1]) and after[:1] not in "和及与或":
        # 10亿元以上产业项目100个, 年销售额超100亿元企业1家: the first only describes the thing counted
        count_later = any(nxt.unit in _COUNT for nxt in later)
        if q.unit in _MONEY or (count_later and (q.suffix in _DESCRIPTOR_SUFFIXES or q.unit not in _COUNT)):
            return "descriptor"  # also 年可支配收入10—50万元群体比例提高2个百分点
    return None
