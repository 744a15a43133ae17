"""The items of GB 3838—2002 表 1 (地表水环境质量标准基本项目) and their class limits.

Limits are in mg/L (pH dimensionless, 粪大肠菌群 per litre) for classes Ⅰ … Ⅴ. The table is
[B] in shared/reference/standards_env.md: two independent reproductions and a machine-readable
copy agree cell by cell, but the official PDF was not read.

Which items decide a section's class (环办〔2011〕22号, [B]): the 21 items of 表 1 other than
水温, 总氮 and 粪大肠菌群. Total phosphorus has stricter limits for lakes and reservoirs (湖、库).
Total nitrogen is a lake/reservoir item, reported on its own and not in the class by default
[C]; rivers leave it out entirely. DO's class Ⅰ limit is 7.5 mg/L (the alternative "饱和率
90 %" needs the water temperature and is not used).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from luoshi.errors import MonitoringDataError

__all__ = ["CLASS_NAMES", "ITEMS", "STATUS", "WaterItem", "find_item", "parse_class"]

#: Class numbers 1–6 and their names; 6 is 劣Ⅴ (worse than Ⅴ).
CLASS_NAMES = {1: "Ⅰ", 2: "Ⅱ", 3: "Ⅲ", 4: "Ⅳ", 5: "Ⅴ", 6: "劣Ⅴ"}
#: Qualitative status (水质状况) of each class [B].
STATUS = {1: "优", 2: "优", 3: "良好", 4: "轻度污染", 5: "中度污染", 6: "重度污染"}


@dataclass(frozen=True)
class WaterItem:
    """One item: ``sense`` is ``le`` (at most the limit), ``ge`` (at least: DO) or ``range``
    (pH, 6–9 for every class). ``lake_limits`` replaces ``limits`` for lakes and reservoirs."""

    key: str
    name: str
    aliases: tuple[str, ...]
    limits: tuple[Decimal, ...]
    sense: str = "le"
    evaluated: bool = True
    lake_limits: tuple[Decimal, ...] | None = None
    lake_only: bool = False

    def limits_for(self, lake: bool) -> tuple[Decimal, ...]:
        """Class Ⅰ–Ⅴ limits for a river section or a lake/reservoir point."""
        return self.lake_limits if lake and self.lake_limits else self.limits


def _d(*values: str) -> tuple[Decimal, ...]:
    return tuple(Decimal(v) for v in values)


ITEMS: tuple[WaterItem, ...] = (
    WaterItem("pH", "pH值", ("ph", "ph值", "酸碱度"), _d("6", "9"), sense="range"),
    WaterItem("DO", "溶解氧", ("do", "溶解氧"), _d("7.5", "6", "5", "3", "2"), sense="ge"),
    WaterItem("CODMn", "高锰酸盐指数", ("codmn", "高锰酸盐指数", "imn"), _d("2", "4", "6", "10", "15")),
    WaterItem("COD", "化学需氧量", ("cod", "codcr", "化学需氧量"), _d("15", "15", "20", "30", "40")),
    WaterItem(
        "BOD5",
        "五日生化需氧量",
        ("bod5", "bod", "五日生化需氧量", "生化需氧量"),
        _d("3", "3", "4", "6", "10"),
    ),
    WaterItem("NH3-N", "氨氮", ("nh3-n", "nh3n", "nh3_n", "氨氮"), _d("0.15", "0.5", "1.0", "1.5", "2.0")),
    WaterItem(
        "TP",
        "总磷",
        ("tp", "总磷"),
        _d("0.02", "0.1", "0.2", "0.3", "0.4"),
        lake_limits=_d("0.01", "0.025", "0.05", "0.1", "0.2"),
    ),
    WaterItem(
        "TN", "总氮", ("tn", "总氮"), _d("0.2", "0.5", "1.0", "1.5", "2.0"), evaluated=False, lake_only=True
    ),
    WaterItem("Cu", "铜", ("cu", "铜"), _d("0.01", "1.0", "1.0", "1.0", "1.0")),
    WaterItem("Zn", "锌", ("zn", "锌"), _d("0.05", "1.0", "1.0", "2.0", "2.0")),
    WaterItem("F", "氟化物", ("f", "氟化物", "fluoride"), _d("1.0", "1.0", "1.0", "1.5", "1.5")),
    WaterItem("Se", "硒", ("se", "硒"), _d("0.01", "0.01", "0.01", "0.02", "0.02")),
    WaterItem("As", "砷", ("as", "砷"), _d("0.05", "0.05", "0.05", "0.1", "0.1")),
    WaterItem("Hg", "汞", ("hg", "汞"), _d("0.00005", "0.00005", "0.0001", "0.001", "0.001")),
    WaterItem("Cd", "镉", ("cd", "镉"), _d("0.001", "0.005", "0.005", "0.005", "0.01")),
    WaterItem(
        "Cr6",
        "六价铬",
        ("cr6", "cr6+", "cr(vi)", "六价铬", "铬(六价)", "铬（六价）"),
        _d("0.01", "0.05", "0.05", "0.05", "0.1"),
    ),
    WaterItem("Pb", "铅", ("pb", "铅"), _d("0.01", "0.01", "0.05", "0.05", "0.1")),
    WaterItem("CN", "氰化物", ("cn", "氰化物"), _d("0.005", "0.05", "0.2", "0.2", "0.2")),
    WaterItem(
        "Phenol",
        "挥发酚",
        ("phenol", "挥发酚", "volatile phenol"),
        _d("0.002", "0.002", "0.005", "0.01", "0.1"),
    ),
    WaterItem("Oil", "石油类", ("oil", "石油类", "petroleum"), _d("0.05", "0.05", "0.05", "0.5", "1.0")),
    WaterItem("LAS", "阴离子表面活性剂", ("las", "阴离子表面活性剂"), _d("0.2", "0.2", "0.2", "0.3", "0.3")),
    WaterItem("S", "硫化物", ("s", "硫化物", "sulfide"), _d("0.05", "0.1", "0.2", "0.5", "1.0")),
    WaterItem(
        "FC",
        "粪大肠菌群",
        ("fc", "粪大肠菌群", "fecal coliform"),
        _d("200", "2000", "10000", "20000", "40000"),
        evaluated=False,
    ),
)

_BY_ALIAS = {alias.lower(): item for item in ITEMS for alias in (item.key.lower(), item.name, *item.aliases)}


def find_item(name: str) -> WaterItem | None:
    """The item a column name stands for (``氨氮``, ``NH3-N``, ``氨氮(mg/L)``…), or None."""
    text = str(name).strip().lower()
    if text in _BY_ALIAS:
        return _BY_ALIAS[text]
    return _BY_ALIAS.get(re.sub(r"\s*[（(][^()（）]*[)）]\s*$", "", text))


_CLASS_WORDS = {
    **{v: k for k, v in CLASS_NAMES.items()},
    "I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "劣V": 6, "劣5": 6,
    "1": 1, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6,
}  # fmt: skip


def parse_class(text: str) -> int:
    """A class written ``Ⅲ``, ``III``, ``Ⅲ类``, ``3`` or ``劣Ⅴ`` as its number."""
    word = str(text).strip().upper().removesuffix("类").strip()
    if word.endswith(".0"):
        word = word[:-2]
    found = _CLASS_WORDS.get(word)
    if found is None:
        raise MonitoringDataError(
            f"无法识别的水质类别 unknown water class {text!r}",
            hint="类别写作 Ⅰ–Ⅴ、劣Ⅴ 或 1–6 / write classes as Ⅰ–Ⅴ, 劣Ⅴ or 1–6",
        )
    return found
