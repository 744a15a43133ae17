"""The Chinese number grammar: table-driven cases and round trips through a formatter."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from luoshi.extraction.numbers import format_chinese, parse_arabic, parse_chinese
from luoshi.extraction.quantities import find_quantities


@pytest.mark.parametrize(
    ("token", "value"),
    [
        ("十", 10),
        ("十五", 15),
        ("二十", 20),
        ("百", 100),
        ("千", 1000),
        ("两千二百", 2200),
        ("一万三千", 13000),
        ("一百零五", 105),
        ("三亿五千万", 350000000),
        ("五", 5),
        ("零", 0),
    ],
)
def test_chinese_numerals(token, value):
    assert parse_chinese(token) == Decimal(value)


@pytest.mark.parametrize("token", ["十四五", "一一", "二〇二四", "千百万", "万亿"])
def test_runs_that_are_not_one_number(token):
    assert parse_chinese(token) is None


@pytest.mark.parametrize(
    ("token", "value"), [("1,000", "1000"), ("１２", "12"), ("1.32", "1.32"), ("3，000", "3000")]
)
def test_arabic_numerals(token, value):
    assert parse_arabic(token) == Decimal(value)


@pytest.mark.parametrize(
    ("text", "value", "value_max", "unit", "suffix"),
    [
        ("新增就业大学生14万名以上", "140000", None, "人", "以上"),
        ("低保标准不低于1.32万元/年", "13200", None, "元/年", ""),
        ("增长5%—6%", "5", "6", "%", ""),
        ("增长5%至6%", "5", "6", "%", ""),
        ("30－50项", "30", "50", "项", ""),
        ("3—5万人", "30000", "50000", "人", ""),
        ("10余个", "10", None, "个", "余"),
        ("百分之三十", "30", None, "%", ""),
        ("十方面民生实事", "10", None, "方面", ""),
        ("新增光伏60万千瓦", "600000", None, "千瓦", ""),
        ("实际利用外资10.6亿美元以上", "1060000000", None, "美元", "以上"),
        ("PM2.5平均浓度低于28微克/立方米", "28", None, "μg/m³", ""),
        ("3.8万亿元", "3800000000000", None, "元", ""),
        ("提高1.5个百分点", "1.5", None, "个百分点", ""),
        ("控制在3%左右", "3", None, "%", "左右"),
        ("两千二百人", "2200", None, "人", ""),
        ("1,000家", "1000", None, "家", ""),
    ],
)
def test_quantities(text, value, value_max, unit, suffix):
    (q,) = find_quantities(text)
    assert q.value == Decimal(value)
    assert q.value_max == (None if value_max is None else Decimal(value_max))
    assert (q.unit, q.suffix) == (unit, suffix)


@pytest.mark.parametrize("text", ["2024年", "PM2.5浓度", "“十四五”规划", "5G基站", "千万家庭"])
def test_no_quantity(text):
    assert find_quantities(text) == []


@given(st.integers(min_value=0, max_value=10**12 - 1))
def test_chinese_formatter_round_trip(value):
    assert parse_chinese(format_chinese(value)) == value


@given(
    st.integers(min_value=1, max_value=99999),
    st.integers(min_value=0, max_value=99),
    st.sampled_from(["", "万", "亿", "万亿"]),
    st.sampled_from(["个", "家", "人", "元", "%", "吨"]),
)
def test_arabic_with_magnitude_round_trip(whole, cents, magnitude, unit):
    number = f"{whole}.{cents:02d}" if cents else str(whole)
    text = f"新增{number}{magnitude}{unit}"
    (q,) = find_quantities(text)
    factor = {"": 1, "万": 10**4, "亿": 10**8, "万亿": 10**12}[magnitude]
    assert q.value == Decimal(number) * factor
    assert text[q.start : q.end] == f"{number}{magnitude}{unit}"


@given(st.integers(min_value=10, max_value=99999), st.sampled_from(["个", "家", "项", "所"]))
def test_chinese_count_round_trip(value, unit):
    (q,) = find_quantities(f"建成{format_chinese(value)}{unit}")
    assert q.value == value


@given(st.text())
def test_random_text_never_raises(text):
    for q in find_quantities(text):
        assert 0 <= q.start < q.end <= len(text)
