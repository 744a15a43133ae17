"""Indicator wording for linking a target to its actual (指标措辞比对), and the target's hedge family.

A plan says 国内生产总值增长5.5%左右 and next year's review says 全年国内生产总值增长3%; a
county plans 城镇实现新增就业8.9万人以上 and reports 新增城镇就业9.29万人. To see that these
speak of one measure, both wordings are normalised (:func:`luoshi.catalog.text.normalize`:
full-width forms, brackets, punctuation, the place prefix 全市/全省), then stripped of the
words that say how the figure moves or how firmly it is promised rather than what it
measures: growth words (增长, 上涨, 下降 …), verbs and hedges (完成, 达到, 控制在, 左右),
time words (全年, 年末) and place words (国内, 地区, 全市). What is left (生产总值, 新增城镇就业)
is compared by character overlap (a Dice coefficient over the characters as a multiset),
lowered when the two name different sectors or measures (工业 against 服务业, 产值 against
投资, as :mod:`luoshi.catalog.text` lists them).

:func:`change_sense` tells a change (增长5%, 下降2.5%: ``growth`` or ``decline``) from a
level (失业率5.5%, 比重提高到18%: ``None``); :func:`hedge_family` names the wording family of
a target's comparator for economists (左右 against 以上, see ``HEDGE_FAMILIES``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from luoshi.catalog.text import measures, normalize, qualifiers

__all__ = [
    "HEDGE_FAMILIES",
    "Wording",
    "change_sense",
    "overlap",
    "wording_of",
    "core_wording",
    "hedge_family",
    "similarity",
    "sentence_subject",
]

_UP = r"增长|增速|增幅|涨幅|上涨|上升|提高|提升|增加(?!值)|扩大|翻番|翻一番"
_DOWN = r"下降|降低|降幅|减少|压减|压降|压缩|削减|回落|下调"
_CHANGE_RE = re.compile(rf"(?P<up>{_UP})|(?P<down>{_DOWN})")
#: A change word that says where the figure ends up (提高到18%, 降至5%) makes a level, not a change.
_TO_LEVEL_RE = re.compile(r"^(?:到|至|为|了?到)")
_LEVEL_VERB_RE = re.compile(r"(?:降|增|升|减|提)至")
_NUMBER_RE = re.compile(r"[0-9０-９一二三四五六七八九十百千万亿两零]")

_STRIP_RE = re.compile(
    "|".join(
        (
            r"同比|比上年|比去年|较上年|上年|实际|年均",
            _UP,
            _DOWN,
            r"完成|实现|达到|保持|控制|稳定|确保|力争|争取|预期目标|预期|目标|全年|年末|年底|平均",
            r"大关|预计|分别|突破|超过|以上|左右|以内|不低于|不超过|低于|高于|提高到|降到|降至|增至",
            r"国内|地区|全社会|全市|全省|全县|全区|全国|全州|我市|我省|我县|我区|本市",
        )
    )
)
_RATIO_RE = re.compile(
    r"^(.+?)(?:相当于|占)(?:全市|全省|全县|全区|全国|地区|国内)?[^占]*?的?(比例|比重|比率|占比)"
)
_NOISE_RE = re.compile(r"(?<![a-z])[0-9.%‰^\[\]]+")

#: Wording families of a target's comparator (措辞类型), for studies of 左右 against 以上:
#: about 左右/约 · floor 以上/不低于/超过/达到 · ceiling 以内/控制在/不超过/低于 ·
#: range 5%—6% · point a bare figure or 保持/稳定在 · word an exact word (全覆盖, 清零).
HEDGE_FAMILIES = ("about", "floor", "ceiling", "range", "point", "word")
_FAMILY_OF = {
    "≈": "about",
    ">=": "floor",
    ">": "floor",
    "<=": "ceiling",
    "<": "ceiling",
    "range": "range",
    "=": "point",
}
_HEDGE_RE = re.compile(
    r"左右|上下|约|近|以上|不低于|不少于|超过|突破|高于|达到|力争|以内|以下|不超过|不高于|控制在|低于|保持在|稳定在|全覆盖|全部|清零|消除"
)


def core_wording(indicator: str) -> str:
    """What a wording measures, without growth words, verbs, hedges and place: 全市生产总值完成增长 → 生产总值.

    A ratio keeps its numerator: 环保投入相当于全市生产总值的比例 → 环保投入比例, so that it does
    not meet 研发经费支出相当于全市生产总值的比例 on the words they share.
    """
    text = normalize(indicator)
    ratio = _RATIO_RE.search(text)
    if ratio is not None and ratio.group(1):
        text = ratio.group(1) + ratio.group(2)
    text = _STRIP_RE.sub("", text)
    return _NOISE_RE.sub("", text)


@dataclass(frozen=True, slots=True)
class Wording:
    """A core wording with what :func:`overlap` reads from it, computed once."""

    core: str
    chars: Counter[str]
    qualifiers: frozenset[str]
    measures: frozenset[str]


def wording_of(core: str) -> Wording:
    """The :class:`Wording` of a core wording (see :func:`core_wording`)."""
    return Wording(core, Counter(core), qualifiers(core), measures(core))


def overlap(one: Wording, other: Wording) -> float:
    """Character overlap of two core wordings (0..1), lowered when their sectors or measures differ."""
    if len(one.core) < 2 or len(other.core) < 2:
        return 1.0 if one.core and one.core == other.core else 0.0
    if one.core == other.core:
        return 1.0
    chars = other.chars
    common = sum(min(count, chars[char]) for char, count in one.chars.items() if char in chars)
    score = 2 * common / (len(one.core) + len(other.core))
    if one.qualifiers != other.qualifiers:
        score *= 0.7
    if one.measures != other.measures:
        score *= 0.7
    return score


def similarity(one: str, other: str) -> float:
    """:func:`overlap` of two core wordings given as text."""
    return overlap(wording_of(one), wording_of(other))


def change_sense(text: str) -> str | None:
    """``growth`` or ``decline`` when a statement gives a change (增长5%, 下降2.5%), None for a level.

    ``text`` is a target's or actual's words from its indicator to its quantity; the last
    change word before the first figure decides, unless it says where the figure ends up
    (提高到18%, 降至5%), which is a level.
    """
    number = _NUMBER_RE.search(text)
    head = text if number is None else text[: number.start()]
    last = None
    for found in _CHANGE_RE.finditer(head):
        last = found
    if last is None:
        return None
    after = head[last.end() :]
    if _TO_LEVEL_RE.match(after) or _LEVEL_VERB_RE.search(head[last.start() :]):
        return None
    return "growth" if last.group("up") else "decline"


def hedge_family(comparator: str, text: str, exact_word: bool) -> tuple[str, str]:
    """The wording family of a target (about, floor, ceiling, range, point, word) and its hedge word.

    The hedge word is the one the text uses (左右, 以上, 不低于, 控制在 …), empty for a bare figure.
    """
    found = _HEDGE_RE.findall(text)
    hedge = found[-1] if found else ""
    if exact_word:
        return "word", hedge
    return _FAMILY_OF.get(comparator, "point"), hedge


_SUBJECT_END_RE = re.compile(r"[0-9０-９]|突破|达到|达|超过|完成|实现|增长|增加|下降|为|是|比|，|,|、")
_SENTENCE_START_RE = re.compile(r"[。；;！？!?\n]")


def sentence_subject(text: str, start: int) -> str:
    """The subject that opens the sentence holding ``start``: 全市生产总值突破4万亿元大关，…增长8.1% → 全市生产总值.

    For an actual whose own indicator words are only a change word (增长), when the subject
    was elided in a chain of figures.
    """
    begin = start
    while begin > 0 and not _SENTENCE_START_RE.match(text[begin - 1]):
        begin -= 1
    head = text[begin:start]
    end = _SUBJECT_END_RE.search(head)
    return (head if end is None else head[: end.start()]).strip()
