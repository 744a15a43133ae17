"""Indicator wordings, change sense, hedge families, units and directions, case by case."""

from __future__ import annotations

from decimal import Decimal

import pytest

from luoshi.accountability.direction import direction_of
from luoshi.accountability.units import compatibility
from luoshi.accountability.wording import (
    change_sense,
    core_wording,
    hedge_family,
    sentence_subject,
    similarity,
)
from luoshi.catalog import default_catalog


@pytest.mark.parametrize(
    ("wording", "core"),
    [
        ("国内生产总值增长", "生产总值"),
        ("全市生产总值完成增长", "生产总值"),
        ("地区生产总值同比增长", "生产总值"),
        ("城镇调查失业率全年", "城镇调查失业率"),
        ("年末城镇调查失业率", "城镇调查失业率"),
        ("居民消费价格上涨", "居民消费价格"),
        ("居民消费价格涨幅", "居民消费价格"),
        ("单位国内生产总值能耗降低", "单位生产总值能耗"),
        ("地方一般公共预算收入（扣除留抵退税因素）增长", "地方一般公共预算收入"),
        ("环保投入相当于全市生产总值的比例", "环保投入比例"),
        ("服务业增加值占地区生产总值比重", "服务业增加值比重"),
    ],
)
def test_core_wording(wording: str, core: str) -> None:
    assert core_wording(wording) == core


@pytest.mark.parametrize(
    ("one", "other", "low", "high"),
    [
        ("城镇新增就业", "新增城镇就业", 1.0, 1.0),  # the same characters in another order
        ("生产总值", "生产总值", 1.0, 1.0),
        ("粮食产量", "粮食总产量", 0.85, 0.95),
        ("一般公共预算收入", "地方一般公共预算收入", 0.85, 0.95),
        ("规上工业增加值", "服务业增加值", 0.0, 0.5),  # another sector
        ("环保投入比例", "研发经费支出比例", 0.0, 0.5),
        ("生产总值", "一般公共预算收入", 0.0, 0.01),
    ],
)
def test_similarity(one: str, other: str, low: float, high: float) -> None:
    assert low <= similarity(one, other) <= high


@pytest.mark.parametrize(
    ("text", "sense"),
    [
        ("国内生产总值增长5.5%左右", "growth"),
        ("居民消费价格上涨2%", "growth"),
        ("单位国内生产总值能耗降低2.5%左右", "decline"),
        ("单位国内生产总值能耗降幅超过3%", "decline"),
        ("城镇调查失业率全年控制在5.5%以内", None),
        ("年末城镇调查失业率降到5.5%", None),  # where it ends up: a level
        ("数字经济核心产业增加值占全市生产总值的比重提高到18%", None),
        ("优良天数比例上升至87.2%", None),
        ("新增城镇就业9.29万人", None),
        ("规模以上工业增加值增长9%左右", "growth"),
    ],
)
def test_change_sense(text: str, sense: str | None) -> None:
    assert change_sense(text) == sense


@pytest.mark.parametrize(
    ("comparator", "text", "word", "family", "hedge"),
    [
        ("≈", "国内生产总值增长5%左右", False, "about", "左右"),
        (">=", "城镇新增就业1100万人以上", False, "floor", "以上"),
        ("<=", "城镇调查失业率全年控制在5.5%以内", False, "ceiling", "以内"),
        ("range", "增长5%—6%", False, "range", ""),
        ("=", "进出口总值增长5%", False, "point", ""),
        ("=", "实现供餐助餐全覆盖", True, "word", "全覆盖"),
    ],
)
def test_hedge_family(comparator: str, text: str, word: bool, family: str, hedge: str) -> None:
    assert hedge_family(comparator, text, word) == (family, hedge)


def test_an_elided_subject_is_the_one_opening_the_sentence() -> None:
    text = "全市生产总值突破4万亿元大关，达到4.32万亿元，增长8.1%。"
    assert sentence_subject(text, text.index("增长")) == "全市生产总值"


@pytest.mark.parametrize(
    ("target", "actual", "rate_change", "factor", "comparable"),
    [
        ("%", "%", False, "1", True),
        ("斤", "吨", False, "2000", True),  # 80亿斤 against 419万吨
        ("亩", "公顷", False, "15", True),
        ("米", "公里", False, "1000", True),
        ("个", "家", False, "1", True),
        ("%", "个百分点", True, "1", True),
        ("%", "个百分点", False, None, False),
        ("%", "元", False, None, False),
        ("人", "人次", False, None, False),
    ],
)
def test_unit_compatibility(
    target: str, actual: str, rate_change: bool, factor: str | None, comparable: bool
) -> None:
    found = compatibility(target, actual, rate_change=rate_change)
    assert (found is not None) == comparable
    if found is not None:
        assert found.factor == Decimal(factor)


@pytest.mark.parametrize(
    ("comparator", "indicator", "value", "sense", "entry", "direction"),
    [
        (">=", "城镇新增就业", "11000000", None, None, "higher"),
        ("<=", "城镇调查失业率", "5.5", None, None, "lower"),
        ("≈", "国内生产总值增长", "5", "growth", "gdp_growth", "higher"),
        ("≈", "居民消费价格涨幅", "3", "growth", "cpi", "lower"),
        ("≈", "城镇调查失业率", "5.5", None, "surveyed_unemployment", "lower"),
        ("≈", "单位国内生产总值能耗降低", "2.5", "decline", "energy_intensity_decline", "higher"),
        ("≈", "PM2.5平均浓度下降", "5", "decline", None, "higher"),
        ("≈", "物价涨幅", "3", "growth", None, "lower"),
        ("=", "城镇登记失业率", "4.5", None, None, "lower"),
        ("=", "零就业家庭", "0", None, None, "lower"),
        ("=", "新建口袋公园", "100", None, None, "higher"),
    ],
)
def test_direction(comparator, indicator, value, sense, entry, direction) -> None:
    catalogue = default_catalog()
    found, because = direction_of(
        comparator, indicator, Decimal(value), sense, catalogue.get(entry) if entry else None
    )
    assert found == direction, because
