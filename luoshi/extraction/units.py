"""Units of measure (计量单位) and measure words (量词) as reports write them, and their canonical form.

The canonical unit is the unit without its magnitude (14万名 → 人, 3000亿元 → 元), with
synonyms folded (名 and 位 → 人, 微克/立方米 → μg/m³, ％ → %, 千米 → 公里), as the codebook
(gold/GUIDELINES.md, section 4) says.
"""

from __future__ import annotations

import re

__all__ = [
    "UNIT_RE",
    "canonical_unit",
    "COUNT_UNITS",
    "PHYSICAL_UNITS",
    "PERCENT_UNITS",
    "TIME_UNITS",
    "MONEY_UNITS",
    "frequency_period",
]

#: 每月开展一次, 每季度至少召开1次: a count of times per period (a frequency, 次/月).
_FREQUENCY_RE = re.compile(r"每(月|季度|季|半年|年|周|天|日)(?:至少)?[\u4e00-\u9fff]{0,4}$")
_PERIODS = {"季": "季度", "日": "天"}

PERCENT_UNITS = ("%", "％", "‰", "个百分点", "百分点")
MONEY_UNITS = ("元", "美元", "元/年", "元/人", "元/月", "元/亩", "欧元", "港元")
TIME_UNITS = ("小时", "分钟", "天", "个工作日", "工作日", "个月", "周")

#: Physical units; longer spellings first so that 平方公里 wins over 公里.
PHYSICAL_UNITS = (
    "微克/立方米",
    "μg/m³",
    "μg/m3",
    "ug/m3",
    "毫克/升",
    "吨标准煤",
    "吨标煤",
    "万吨标准煤",
    "蒸吨/小时",
    "平方公里",
    "平方千米",
    "平方米",
    "立方米",
    "千瓦时",
    "千瓦",
    "兆瓦",
    "吉瓦",
    "公里",
    "千米",
    "米",
    "公顷",
    "亩",
    "公斤",
    "千克",
    "吨",
    "斤",
    "标准箱",
    "标箱",
    "重量箱",
    "蒸吨",
    "千伏",
    "伏",
    "kW",
    "MW",
    "GW",
    "TEU",
    "km",
    "EFLOPS",
    "PFLOPS",
    "PB",
    "P",
)
#: Measure words for counted things (个, 家, 项 …).
COUNT_UNITS = (
    "个",
    "家",
    "项",
    "人次",
    "家次",
    "场次",
    "批次",
    "户次",
    "车次",
    "架次",
    "班次",
    "件次",
    "人",
    "名",
    "位",
    "条",
    "户",
    "所",
    "座",
    "处",
    "张",
    "场",
    "件",
    "方面",
    "套",
    "台套",
    "台",
    "宗",
    "片",
    "只",
    "头",
    "间",
    "幢",
    "栋",
    "辆",
    "艘",
    "架",
    "部",
    "支",
    "批",
    "轮",
    "门",
    "个方面",
    "篇",
    "册",
    "份",
    "单",
    "组",
    "队",
    "种",
    "类",
    "株",
    "棵",
    "根",
    "床",
    "张床位",
    "口",
    "块",
    "段",
    "道",
    "趟",
    "列",
    "对",
    "款",
    "首",
    "次",
    "羽",
    "匹",
    "孔",
    "眼",
    "盏",
    "个点",
)

_ALL = sorted(
    set(PERCENT_UNITS + MONEY_UNITS + TIME_UNITS + PHYSICAL_UNITS + COUNT_UNITS), key=len, reverse=True
)
#: A unit right at a position (use ``UNIT_RE.match(text, pos)``); longest spelling wins.
UNIT_RE = re.compile("|".join(re.escape(u) for u in _ALL))

_SYNONYMS = {
    "名": "人",
    "位": "人",
    "％": "%",
    "百分点": "个百分点",
    "千米": "公里",
    "km": "公里",
    "平方千米": "平方公里",
    "微克/立方米": "μg/m³",
    "μg/m3": "μg/m³",
    "ug/m3": "μg/m³",
    "元/人": "元",
    "个方面": "方面",
    "吨标煤": "吨标准煤",
    "标箱": "标准箱",
}


def canonical_unit(unit: str) -> str:
    """名 → 人, 微克/立方米 → μg/m³, ％ → %; other units as written."""
    return _SYNONYMS.get(unit, unit)


def frequency_period(text: str, clause_start: int, start: int, unit: str) -> str | None:
    """The period of a frequency (月 for 每月开展一次): when a count of times (次) follows
    每月, 每季度 … in its clause, a few words apart; None otherwise."""
    if unit != "次":
        return None
    found = _FREQUENCY_RE.search(text, max(clause_start, start - 12), start)
    return None if found is None else _PERIODS.get(found.group(1), found.group(1))
