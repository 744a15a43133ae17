"""Infer how to track a target that links to no catalogue entry: its kind (类型) and direction (方向).

From the comparator, the unit and a few words, the way a 督查室 clerk would read it:

* a concentration (μg/m³) is a level; so is a standard per year (元/年), a time (小时, 天) and
  a zero target (清零, 消除: 零就业家庭 0 户);
* a percentage with growth or decline words (增长, 涨幅, 下降) is a rate, as is a multiple (翻一番 = 2 倍);
* a percentage of coverage (覆盖, 覆盖率, 普及率, 全覆盖 = 100 %) is a share;
* another percentage (比例, 比重, 率, 强度) is a level;
* a stock (总数, 总量, 余额, 保有量, 标准, 规模, 存栏) is a level;
* any other count or amount (个, 家, 人, 元, 亩, 公里) is a flow: cumulative over the year.

A ceiling comparator (<, <=) or a zero target means lower is better; a floor, higher; a price
rise (涨幅) lower; otherwise higher.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Protocol

from luoshi.catalog.text import DECLINE_RE, GROWTH_RE

__all__ = ["infer_kind", "infer_direction", "TargetLike"]


class TargetLike(Protocol):
    """What inference reads from a target: :class:`luoshi.extraction.model.Target` has it."""

    indicator: str
    comparator: str
    value: Decimal
    unit: str


_CONCENTRATION = frozenset({"μg/m³", "微克/立方米", "mg/L", "毫克/升", "μg/m3", "ug/m3"})
_PERCENT = frozenset({"%", "％", "‰", "个百分点", "百分点"})
_PER_TIME = frozenset({"元/年", "元/月", "元/人", "元/亩", "次/月", "次/年"})
_TIME = frozenset({"小时", "分钟", "天", "个工作日", "工作日", "个月", "周", "岁", "名"})
_COVERAGE_RE = re.compile(r"覆盖|普及|全覆盖|全面达标|全部")
_LEVEL_RE = re.compile(r"总数|总量|余额|保有量|标准|规模|水平|存栏|人均|每万|每千|排名|平均")
_NEW_RE = re.compile(r"新增|新建|新引进|新认定|新开工|完成|实施|培育|建设|打造|引进|改造")
_PRICE_RE = re.compile(r"价格|涨幅|物价")


def infer_kind(target: TargetLike) -> str:
    """flow, level, rate or share for a target with no catalogue entry (milestones are tasks)."""
    unit = (target.unit or "").strip()
    words = target.indicator or ""
    extracted = getattr(target, "kind", "")
    if unit in _CONCENTRATION:
        return "level"
    if unit in _PERCENT:
        if extracted in ("growth", "decline") or GROWTH_RE.search(words) or DECLINE_RE.search(words):
            return "rate"
        if unit == "个百分点":
            return "rate"
        if _COVERAGE_RE.search(words) or (target.value == 100 and target.comparator in ("=", ">=")):
            return "share"
        return "level"
    if unit == "倍":
        return "rate"
    if unit in _PER_TIME or unit in _TIME:
        return "level"
    if target.value == 0:
        return "level"
    if _LEVEL_RE.search(words) and not _NEW_RE.search(words):
        return "level"
    return "flow"


def infer_direction(target: TargetLike) -> str:
    """higher or lower: which way is better for this target."""
    if target.comparator in ("<", "<="):
        return "lower"
    if target.comparator in (">", ">="):
        return "higher"
    if target.value == 0:
        return "lower"
    words = target.indicator or ""
    if (target.unit or "") in _PERCENT and _PRICE_RE.search(words) and not DECLINE_RE.search(words):
        return "lower"
    return "higher"
