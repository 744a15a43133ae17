"""Unit families (计量单位类别) for deciding whether a target's unit agrees with an indicator's.

Two units of one family (亩 and 公顷, 斤 and 吨, 个 and 家) can state the same measure; a
unit of another family (% against 元) is evidence against a link.
"""

from __future__ import annotations

__all__ = ["unit_family", "FAMILIES"]

FAMILIES: dict[str, tuple[str, ...]] = {
    "percent": ("%", "％", "‰", "个百分点", "百分点"),
    "money": ("元", "美元", "欧元", "港元", "元/年", "元/月", "元/人", "元/亩"),
    "concentration": ("μg/m³", "微克/立方米", "mg/L", "毫克/升"),
    "area": ("亩", "公顷", "平方米", "平方公里", "平方千米"),
    "length": ("公里", "千米", "米", "km"),
    "mass": ("吨", "斤", "公斤", "千克", "万吨"),
    "energy": ("吨标准煤", "吨标煤", "千瓦时", "度"),
    "power": ("千瓦", "兆瓦", "吉瓦", "kW", "MW", "GW"),
    "time": ("小时", "分钟", "天", "个工作日", "工作日", "个月", "周", "年", "岁"),
    "multiple": ("倍",),
    "persons": ("人", "名", "位", "人次"),
    "things": (
        "个", "家", "项", "户", "所", "座", "处", "张", "场", "场次", "件", "方面", "套", "台", "宗",
        "条", "片", "只", "头", "间", "幢", "栋", "辆", "批", "批次", "家次", "次", "株", "万株",
    ),
}  # fmt: skip
_FAMILY_OF = {unit: family for family, units in FAMILIES.items() for unit in units}


def unit_family(unit: str | None) -> str | None:
    """The family of a unit, or the unit itself when it belongs to none (so equal units agree)."""
    if not unit:
        return None
    return _FAMILY_OF.get(unit, unit)
