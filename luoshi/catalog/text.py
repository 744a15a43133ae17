"""Indicator wording, normalised for matching (指标名称归一化).

``normalize`` folds what differs between two wordings of the same indicator and does not
change its meaning: full-width forms (NFKC), case, spaces and punctuation, quotes (“专精特新”),
parenthesised asides (（R&D）, (助理)) and the place prefix (全市, 全省, 我区). ``bigrams``
gives the character pairs the matcher compares.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "normalize",
    "bigrams",
    "is_abbreviation",
    "measures",
    "qualifiers",
    "GROWTH_RE",
    "DECLINE_RE",
    "STOCK_RE",
    "NEW_RE",
]

_BRACKETS_RE = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_DROP_RE = re.compile(r"[\s“”‘’\"'「」『』《》〈〉【】、,，。;；:：·・_~～!！?？]+")
_PLACE_RE = re.compile(
    r"^(?:全省|全市|全区|全县|全国|全州|全盟|全旗|全镇|我省|我市|我区|我县|本市|本区|本县)"
)
#: Words that make an indicator a growth rate (增速); 增加值 is a measure, not growth.
GROWTH_RE = re.compile(r"增长|增速|增幅|涨幅|上涨|同比增")
#: Words that make an indicator a decline rate (下降率).
DECLINE_RE = re.compile(r"下降|降低|减少|压降|压减|削减|降幅")

#: Words that make a count a stock (存量: 总数, 保有量, 余额) rather than this year's flow.
STOCK_RE = re.compile(r"总数|总量|保有量|余额|存量|拥有量|总规模|总投资")
#: Words that make a count this year's flow (新增, 新建, 净增).
NEW_RE = re.compile(r"新增|新建|新认定|新引进|净增|新开工")
#: Qualifiers (限定词) that say which sector or population a measure covers: 工业增加值 and
#: 金融业增加值, 粮食面积 and 蔬菜面积 are different measures however alike their characters.
_QUALIFIER_RE = re.compile(
    "农林牧渔业|制造业|服务业|建筑业|金融业|房地产|工业|农业|商贸|文化|旅游|数字经济|战略性新兴|高新技术|"
    "城镇|农村|城市|乡村|城乡|民间|外资|出口|进口|粮食|蔬菜|瓜菜|养老|托育|幼儿园|中小学|医疗|危险废物|"
    "生活垃圾|建筑垃圾|饮用水|地表水|空气|森林|湿地|耕地|光伏|储能|充电|5g"
)


#: Measures (度量): 增加值 and 总产值 of one sector are different measures.
_MEASURE_RE = re.compile(
    "增加值|产值|营业收入|主营业务收入|营收|销售收入|投资|产量|面积|贷款|税收|利用率|处置率|覆盖率|达标率|"
    "普及率|失业率|浓度|收入"
)
#: Spellings of one word folded to one (规模以上 → 规上, 保有量 → 总数, 新建 → 新增, 增速 → 增长),
#: and filler words dropped (各类, 全年, 累计, a final 等).
_FOLDS = {
    "规模以上": "规上",
    "保有量": "总数",
    "拥有量": "总数",
    "总量": "总数",
    "存量": "总数",
    "新建": "新增",
    "新认定": "新增",
    "净增": "新增",
    "同比增长": "增长",
    "增速": "增长",
    "增幅": "增长",
    "比率": "比例",
    "各类": "",
    "各级": "",
    "各项": "",
    "全年": "",
    "年度": "",
    "累计": "",
    "所有": "",
}
_FOLD_RE = re.compile("|".join(sorted(_FOLDS, key=len, reverse=True)) + "|等$")


def normalize(text: str) -> str:
    """One spelling for one wording: 全市“专精特新”企业（含小巨人） → 专精特新企业."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = _BRACKETS_RE.sub("", text)
    text = _DROP_RE.sub("", text)
    text = _PLACE_RE.sub("", text)
    return _FOLD_RE.sub(_fold, text)


def _fold(found: re.Match[str]) -> str:
    return _FOLDS.get(found.group(), "")


def bigrams(text: str) -> frozenset[str]:
    """The set of character pairs of a normalised wording (a one-character wording has none)."""
    return frozenset(map(str.__add__, text, text[1:]))


def qualifiers(text: str) -> frozenset[str]:
    """The sector and population qualifiers a normalised wording names (工业, 农村, 粮食 …)."""
    return frozenset(_QUALIFIER_RE.findall(text))


def measures(text: str) -> frozenset[str]:
    """The measures a normalised wording names (增加值, 产值, 投资, 面积 …)."""
    return frozenset(_MEASURE_RE.findall(text))


def is_abbreviation(short: str, long: str) -> bool:
    """Whether ``short`` abbreviates ``long``: same first character, its characters in order (招商到资)."""
    if len(short) < 3 or len(short) >= len(long) or short[0] != long[0]:
        return False
    rest = iter(long)
    return all(char in rest for char in short)
