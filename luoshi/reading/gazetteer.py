"""The place a report is for, from the places it names (地名录): when no meeting or speaker line
says it, the division the report keeps naming is its own.

A city's report rarely writes its own full name outside the title lines, but it names itself
over and over: 毕节发展史上, 哈尔滨具有重要里程碑意义, 清苑发展进程中. The speaker's phrase says
which level to look for (我代表市人民政府 → a city; 县政府 → a county; 我州 → an autonomous
prefecture), and the gazetteer of China's administrative divisions — the 2020 division codes
(行政区划代码) shipped with the ``cpca`` package (MIT licence), read from its data file without
importing it — lists the candidates of that level. Each candidate's short name (毕节 for
毕节市, 黔南 for 黔南布依族苗族自治州) is counted in the text; the most named one wins if it is
named at least three times and clearly more than the next.

Some short names are everyday words: 资源 (资源县), 合作 (合作市), 振兴, 新建, 平安, 城区,
全州 … are found in almost every report. They are left out (:data:`COMMON_WORDS`: the short
names found in more than 30 of the 242 reports of the development corpus that are not those
reports' own places, 新增城镇 hiding 增城 and 搬迁安置 hiding 迁安 among them).

The name returned is the one the text uses: a report from before 2015 calls itself 徐水县,
which the 2020 gazetteer knows as 徐水区.
"""

from __future__ import annotations

import csv
import functools
import importlib.util
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["Division", "divisions", "place_from_mentions", "COMMON_WORDS"]

#: Short names that are everyday words (see the module's docstring).
COMMON_WORDS = frozenset(
    [
        "资源",
        "合作",
        "振兴",
        "新建",
        "平安",
        "惠民",
        "城区",
        "新兴",
        "和政",
        "解放",
        "友好",
        "青山",
        "富裕",
        "公安",
        "新城",
        "城中",
        "大新",
        "前进",
        "富民",
        "增城",
        "金山",
        "共和",
        "大城",
        "和县",
        "市中",
        "新和",
        "同心",
        "安居",
        "港口",
        "利通",
        "大安",
        "大兴",
        "古城",
        "复兴",
        "安新",
        "安定",
        "延长",
        "运河",
        "兴业",
        "老城",
        "双城",
        "温泉",
        "新市",
        "大关",
        "和平",
        "惠农",
        "大通",
        "成县",
        "平和",
        "通城",
        "安宁",
        "东方",
        "南部",
        "乐业",
        "朝阳",
        "迁安",
        "城东",
        "高要",
        "清水",
        "范县",
        "全州",
        "矿区",
        "郊区",
        "长安",
        "永安",
        "白云",
        "东区",
        "西区",
        "河口",
        "江北",
        "江南",
        "红旗",
        "县",
    ]
)
_SUFFIX = re.compile(r"(?:自治州|自治县|自治旗|特别行政区|自治区|地区|林区|省|市|县|区|盟|旗|州)$")
#: The speaker's level: 我代表市人民政府, 县政府向大会…
_SPEAKER = re.compile(
    r"代表\s*(?:本届)?([省市县区州旗盟])\s*(?:第[一二三四五六七八九十]+届)?\s*(?:人民)?政府"
)
#: 全市上下, 我州: the report's own level, when the speaker line does not say it.
_SELF = re.compile(r"([全我本])([省市县区州旗盟])")
_MUNICIPALITIES = ("110000", "120000", "310000", "500000")
_MIN_MENTIONS = 3
_MARGIN = 1.4


@dataclass(frozen=True, slots=True)
class Division:
    """One administrative division: its six-digit code, name, short name and level."""

    code: str
    name: str
    short: str
    level: str  # province, city or county


@functools.cache
def divisions() -> tuple[Division, ...]:
    """Every division of the gazetteer (about 3,500)."""
    spec = importlib.util.find_spec("cpca")
    if spec is None or spec.origin is None:
        return ()
    resources = Path(spec.origin).parent / "resources"
    path = resources / "adcodes.csv"
    if not path.is_file():
        return ()
    nations = resources / "56_nations.csv"
    peoples = (
        sorted(nations.read_text(encoding="utf-8").split(), key=len, reverse=True)
        if nations.is_file()
        else []
    )
    found = []
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            code, name = row["adcode"][:6], row["name"].strip()
            if code.endswith("0000"):
                level = "province"
            elif code.endswith("00"):
                level = "city"
            else:
                level = "county"
            short = _without_peoples(_SUFFIX.sub("", name), peoples)
            found.append(Division(code, name, short if len(short) >= 2 else name, level))
    return tuple(found)


def _without_peoples(name: str, peoples: list[str]) -> str:
    """黔南布依族苗族 → 黔南: the peoples an autonomous division is named for, taken off its end."""
    stripped = True
    while stripped:
        stripped = False
        for people in peoples:
            if name.endswith(people) and len(name) - len(people) >= 2:
                name, stripped = name[: -len(people)], True
                break
    return name


def _self_level(text: str) -> str | None:
    """The report's own level word (省, 市, 县, 区, 州, 旗, 盟): the speaker's (代表州人民政府),
    else the one it says "we" of most (我州, 本市), else the one it says "all" of most (全市)."""
    speaker = _SPEAKER.search(text[:3000])
    if speaker:
        return speaker.group(1)
    ours: dict[str, int] = {}
    whole: dict[str, int] = {}
    for kind, word in _SELF.findall(text):
        counts = whole if kind == "全" else ours
        counts[word] = counts.get(word, 0) + 1
    counts = ours or whole
    return max(counts, key=lambda w: counts[w]) if counts else None


def _fits(division: Division, word: str) -> bool:
    """Whether a division can be the report's place when the report calls itself ``word``."""
    if word == "省":
        return division.level == "province" and division.code not in _MUNICIPALITIES
    if word == "市":
        return (
            division.level == "city"
            or division.code in _MUNICIPALITIES
            or (division.level == "county" and division.name.endswith("市"))
        )
    if word == "州":
        return division.level == "city" and division.name.endswith("州")
    if word == "盟":
        return division.level == "city" and division.name.endswith("盟")
    return division.level == "county" and division.name.endswith(("县", "区", "旗", "市"))


@functools.cache
def _automaton() -> Any:
    """An Aho–Corasick automaton over the short names (common words left out): every division
    named in a text is counted in one pass."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    by_short: dict[str, list[Division]] = {}
    for division in divisions():
        if division.short not in COMMON_WORDS:
            by_short.setdefault(division.short, []).append(division)
    for short, named in by_short.items():
        automaton.add_word(short, (short, tuple(named)))
    automaton.make_automaton()
    return automaton


def place_from_mentions(text: str) -> str | None:
    """The division the report keeps naming, at the level it speaks for, as the text writes it;
    None when the level is not said or no division is named clearly more than the others."""
    word = _self_level(text)
    if word is None or not divisions():
        return None
    named: dict[str, tuple[int, tuple[Division, ...]]] = {}
    for _end, (short, options) in _automaton().iter(text):
        count, _ = named.get(short, (0, options))
        named[short] = (count + 1, options)
    counts: list[tuple[int, Division]] = []
    for n, options in named.values():
        fitting = [d for d in options if _fits(d, word)]
        if fitting:
            counts.append((n, max(fitting, key=_rank)))
    ranked = sorted(counts, key=lambda item: item[0], reverse=True)
    if not ranked or ranked[0][0] < _MIN_MENTIONS:
        return None
    if len(ranked) > 1 and ranked[0][0] < _MARGIN * ranked[1][0]:
        return None
    return _as_written(text, ranked[0][1])


def _rank(division: Division) -> int:
    """Of two divisions with one short name, the higher level (甘孜州 over 甘孜县)."""
    return {"province": 2, "city": 1, "county": 0}[division.level]


def _as_written(text: str, division: Division) -> str:
    """The division's name in the form the text uses most (徐水县 before 2015, 徐水区 after)."""
    forms = {division.name, *(division.short + suffix for suffix in ("市", "县", "区", "州", "盟", "旗"))}
    used = {form: text.count(form) for form in forms if len(form) > len(division.short)}
    best = max(used, key=lambda form: (used[form], form == division.name))
    return best if used[best] else division.name
