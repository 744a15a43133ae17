"""A report's metadata (报告信息): place (地区), level (层级) and plan year (计划年份).

Read from the text where it says them: the meeting line (2024年1月29日在杭州市第十四届人民代表
大会第四次会议上), the speaker line (杭州市人民政府市长 …), the review and plan headings
(一、2023年工作回顾 → plan year 2024). The plan year is the meeting year, since reports are
given at the start of the year they plan. The corpus file name pattern ``YEAR_place_level``
is only a weak fallback, used when the text says nothing. When no meeting or speaker line
names the place, the division the text keeps naming at the level it speaks for is taken
(:mod:`luoshi.reading.gazetteer`).

Level comes from the place's suffix: 省 and 自治区 (and the four 直辖市) are ``province``;
市, 州, 盟 and 地区 ``city``; 县, 区, 旗 ``county``; 国务院 ``national``. A county-level city
(县级市, e.g. 安国市) cannot be told from a prefecture-level one by its name and reads as
``city``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from luoshi.reading.gazetteer import place_from_mentions
from luoshi.reading.years import YEAR as _YEAR
from luoshi.reading.years import year_value

__all__ = [
    "Metadata",
    "detect_metadata",
    "detect_place",
    "detect_year",
    "level_of",
    "metadata_from_name",
    "LEVELS",
]

LEVELS = ("national", "province", "city", "county")

_HEAD = 2000  # the meeting and speaker lines are near the top
_HEADING_LINE = 48  # longest line read as a heading when looking for the plan year
_MEETING_DATE = re.compile(
    rf"({_YEAR})\s*年\s*[\d一二三四五六七八九十]{{1,3}}\s*月\s*[\d一二三四五六七八九十]{{1,3}}\s*日"
)
_MEETING_WORDS = re.compile(r"人民代表大会|会议|大会")
_REVIEW_HEADING = re.compile(
    rf"^\s*(?:[一二三四五六七八九十]{{1,2}}[、．.]\s*|第[一二三四五六七八九十]部分\s*)?[^。\n]{{0,12}}?({_YEAR})年[^。\n]{{0,14}}?回顾[^。\n]{{0,8}}$",
    re.MULTILINE,
)
_INLINE_REVIEW = re.compile(rf"({_YEAR})年(?:政府)?工作回顾")
_PLAN_HEADING = re.compile(
    rf"^\s*(?:[一二三四五六七八九十]{{1,2}}[、．.]\s*|第[一二三四五六七八九十]部分\s*)?[^。\n]{{0,12}}?({_YEAR})年[^。\n]{{0,16}}?"
    r"(?:安排|建议|任务|目标|要求|思路|部署|重点|取向|谋划|工作)[^。\n]{0,12}$",
    re.MULTILINE,
)
_THIS_YEAR_IS = re.compile(
    rf"(?:^|\n)\s*({_YEAR})年是[^。\n]{{0,60}}?(?:开局之年|关键之年|关键一年|攻坚之年|收官之年|之年)"
)

_SUFFIX = r"(?:特别行政区|自治区|自治州|自治县|自治旗|省|市|州|盟|县|区|旗|地区|林区|特区)"
_PLACE = rf"[\u4e00-\u9fff]{{1,14}}?{_SUFFIX}"
_CONGRESS = re.compile(
    rf"(?:在|召开的)\s*({_PLACE})\s*第?[一二三四五六七八九十\d]{{1,3}}\s*届\s*人民代表大会"
)
_GOVERNMENT = re.compile(
    rf"({_PLACE})\s*人民政府\s*(?:代理?|常务副)?\s*(?:省长|市长|县长|区长|州长|主席|盟长|旗长|专员)"
)
_HEAD_OF = re.compile(rf"^\s*({_PLACE})\s*(?:代理?)?(?:省长|市长|县长|区长|州长|盟长|旗长)", re.MULTILINE)
_ON_BEHALF = re.compile(rf"我代表({_PLACE})人民政府")
_NATIONAL = re.compile(
    r"在第?[一二三四五六七八九十\d]{1,3}届全国人民代表大会|^\s*国务院总理|我代表国务院", re.MULTILINE
)
_GENERIC_START = re.compile(r"^[全本我各该]")
_MUNICIPALITIES = ("北京", "天津", "上海", "重庆")


@dataclass(frozen=True, slots=True)
class Metadata:
    """What the text says about the report: each field ``None`` when it does not say."""

    place: str | None
    level: str | None
    year: int | None


def detect_metadata(text: str) -> Metadata:
    """Place, level and plan year as the text states them (the place, when no meeting or
    speaker line says it, from the division the text keeps naming: :mod:`.gazetteer`)."""
    place = detect_place(text) or place_from_mentions(text)
    return Metadata(place=place, level=level_of(place) if place else None, year=detect_year(text))


def detect_year(text: str) -> int | None:
    """The plan year: the meeting date, else the review heading's year + 1, else a plan heading's year."""
    head = text[:_HEAD]
    for line in head.split("\n")[:12]:
        found = _MEETING_DATE.search(line)
        if found and _MEETING_WORDS.search(line):
            return year_value(found.group(1))
    reviews = [
        year_value(m.group(1))
        for line in _short_lines_with(text, "回顾")
        for m in _REVIEW_HEADING.finditer(line)
    ]
    if reviews:
        return max(reviews) + 1
    headings = "\n".join(line for line in text.split("\n") if len(line) <= _HEADING_LINE)
    plans = [year_value(m.group(1)) for m in _PLAN_HEADING.finditer(headings)]
    if plans:
        return max(plans)
    inline = [year_value(m.group(1)) for m in _INLINE_REVIEW.finditer(text)]
    if inline:
        return max(inline) + 1
    stated = [year_value(m.group(1)) for m in _THIS_YEAR_IS.finditer(text)]
    if stated:
        return max(stated)
    return None


def _short_lines_with(text: str, word: str) -> list[str]:
    """The lines of ``text`` short enough to be headings that contain ``word``."""
    lines = []
    at = text.find(word)
    while at >= 0:
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        if end - start <= _HEADING_LINE:
            lines.append(text[start:end])
        at = text.find(word, end)
    return lines


def detect_place(text: str) -> str | None:
    """The place the report is for (绍兴市, 保定市清苑区, 国务院), or ``None``.

    Only the meeting and speaker lines near the top (short lines) and the sentence
    我代表…人民政府 are read, so places the report merely mentions are not taken.
    """
    head = text[:_HEAD]
    if _NATIONAL.search(head):
        return "国务院"
    short = "\n".join(line for line in head.split("\n") if len(line) <= 80)
    for pattern, where in ((_CONGRESS, short), (_GOVERNMENT, short), (_HEAD_OF, short), (_ON_BEHALF, head)):
        for found in pattern.finditer(where):
            place = _clean_place(found.group(1))
            if place:
                return place
    return None


def _clean_place(raw: str) -> str | None:
    """The place name at the end of ``raw``, without the words of the sentence before it."""
    place = re.split(r"的|在|召开|会议上", raw)[-1]
    if _GENERIC_START.match(place) and len(place) <= 2:
        return None
    if len(place) < 2 or not re.search(rf"{_SUFFIX}$", place):
        return None
    return place


def level_of(place: str) -> str | None:
    """``national``, ``province``, ``city`` or ``county`` from a place's name."""
    if place in ("国务院", "全国", "中国", "中华人民共和国"):
        return "national"
    if place.startswith(_MUNICIPALITIES) and len(place) <= 3:
        return "province"
    last = re.search(rf"{_SUFFIX}$", place)
    if last is None:
        return None
    suffix = last.group(0)
    if suffix in ("省", "自治区", "特别行政区"):
        return "province"
    if suffix in ("市", "州", "自治州", "盟", "地区"):
        # 保定市安国市: a city inside a city is a county-level city (县级市).
        return "county" if re.search(r"市.+市$", place) else "city"
    return "county"


def metadata_from_name(name: str) -> Metadata:
    """Year and level from a corpus file name like ``2024_shaoxing_city`` (place left out)."""
    tokens = name.split("_")
    year = int(tokens[0]) if tokens and len(tokens[0]) == 4 and tokens[0].isdigit() else None
    level = next((token for token in reversed(tokens[1:]) if token in LEVELS), None)
    if year is None or level is None:
        return Metadata(place=None, level=None, year=None)
    return Metadata(place=None, level=level, year=year)
