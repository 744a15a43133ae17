"""Kind (类型) and direction (方向) inferred for targets that link to no catalogue entry."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import pytest

from luoshi.catalog import infer_direction, infer_kind


@dataclass
class _Target:
    indicator: str
    comparator: str
    value: Decimal
    unit: str
    kind: str = ""


@pytest.mark.parametrize(
    ("indicator", "comparator", "value", "unit", "kind", "expected"),
    [
        ("PM2.5平均浓度", "<", "28", "μg/m³", "amount", "level"),
        ("地区生产总值增长", "≈", "6.5", "%", "growth", "rate"),
        ("半导体全链条产业产值增长", "=", "50", "%", "growth", "rate"),
        ("单位GDP能耗下降", "=", "3.6", "%", "decline", "rate"),
        ("县城和中心镇人口占比提高", "=", "0.8", "个百分点", "growth", "rate"),
        ("集成电路产业规模", "=", "2", "倍", "growth", "rate"),
        ("城区垃圾分类覆盖", "=", "100", "%", "share", "share"),
        ("康养联合体乡镇（街道）覆盖率", "=", "70", "%", "share", "share"),
        ("冬奥竞赛场馆主体完工", "=", "100", "%", "share", "share"),
        ("服务业占地区生产总值比重", ">=", "50", "%", "share", "level"),
        ("城镇调查失业率", "<=", "5.5", "%", "share", "level"),
        ("低保标准", ">=", "14000", "元/年", "amount", "level"),
        ("通行时间", "<=", "5", "小时", "amount", "level"),
        ("零就业家庭", "=", "0", "户", "count", "level"),
        ("企业总量", ">", "1000000", "户", "count", "level"),
        ("新增就业大学生", ">=", "140000", "人", "count", "flow"),
        ("完成投资", "≈", "100000000000", "元", "amount", "flow"),
        ("建设高标准农田", "=", "100000", "亩", "amount", "flow"),
        ("新增光伏", "=", "600000", "千瓦", "amount", "flow"),
    ],
)
def test_kind(indicator: str, comparator: str, value: str, unit: str, kind: str, expected: str) -> None:
    assert infer_kind(_Target(indicator, comparator, Decimal(value), unit, kind)) == expected


@pytest.mark.parametrize(
    ("indicator", "comparator", "value", "unit", "expected"),
    [
        ("PM2.5平均浓度", "<", "28", "μg/m³", "lower"),
        ("城镇调查失业率", "<=", "5.5", "%", "lower"),
        ("新增就业大学生", ">=", "140000", "人", "higher"),
        ("零就业家庭", "=", "0", "户", "lower"),
        ("居民消费价格涨幅", "≈", "3", "%", "lower"),
        ("单位GDP能耗下降", "=", "3.6", "%", "higher"),
        ("地区生产总值增长", "≈", "6.5", "%", "higher"),
        ("新建5G基站", "=", "10000", "个", "higher"),
    ],
)
def test_direction(indicator: str, comparator: str, value: str, unit: str, expected: str) -> None:
    assert infer_direction(_Target(indicator, comparator, Decimal(value), unit)) == expected
