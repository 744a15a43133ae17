"""Matching a prediction to a gold target (codebook section 7), and agreement with the reference."""

from __future__ import annotations

import importlib.util
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from luoshi.evaluation.scoring import FAMILY, char_f1, matches, norm_unit, same_number


@pytest.mark.parametrize(
    ("unit", "value", "canonical", "scaled"),
    [
        ("万名", "14", "人", "140000"),
        ("万元/年", "1.32", "元/年", "13200"),
        ("亿元", "3000", "元", "300000000000"),
        ("万亿元", "1.2", "元", "1200000000000"),
        ("千瓦", "60", "千瓦", "60"),
        ("千米", "5", "公里", "5"),
        ("千吨", "3", "吨", "3000"),
        ("百分点", "1", "个百分点", "1"),
        ("％", "5", "%", "5"),
        ("微克/立方米", "28", "μg/m³", "28"),
        (" 个 ", "3", "个", "3"),
        (None, "0", "", "0"),
    ],
)
def test_norm_unit(unit: str | None, value: str, canonical: str, scaled: str) -> None:
    assert norm_unit(unit, Decimal(value)) == (canonical, Decimal(scaled))


def test_same_number_is_exact_and_tolerant() -> None:
    assert same_number(Decimal("1.32") * 10000, Decimal(13200))
    assert same_number(Decimal(1000000), Decimal("1000000.5"))
    assert not same_number(Decimal(6), Decimal("6.5"))
    assert same_number(None, None)
    assert not same_number(None, Decimal(0))


GOLD = {"comparator": ">=", "value": Decimal(140000), "unit": "人"}
SPAN = (10, 20)


def _pred(**fields) -> dict:
    return {"start": 10, "end": 20, "comparator": ">=", "value": 140000, "unit": "人", **fields}


@pytest.mark.parametrize(
    ("pred", "expected"),
    [
        (_pred(), True),
        (_pred(value=14, unit="万名"), True),
        (_pred(value="140000"), True),
        (_pred(value=140000.0000001), True),
        (_pred(comparator=">"), True),
        (_pred(comparator=" >= "), True),
        (_pred(comparator="="), False),
        (_pred(comparator=None), False),
        (_pred(value=150000), False),
        (_pred(value="many"), False),
        (_pred(value="inf"), False),
        (_pred(value_max="x"), False),
        (_pred(unit="个"), False),
        (_pred(start=0, end=10), False),
        (_pred(start=19, end=25), True),
        (_pred(start=20, end=25), False),
    ],
)
def test_matches(pred: dict, expected: bool) -> None:
    assert matches(GOLD, pred, SPAN) is expected


def test_full_share_floor_and_exact_are_one() -> None:
    gold = {"comparator": "=", "value": Decimal(100), "unit": "%"}
    assert matches(gold, _pred(comparator=">=", value=100, unit="%"), SPAN)
    assert not matches(gold, _pred(comparator=">=", value=90, unit="%"), SPAN)


def test_zero_needs_no_unit() -> None:
    gold = {"comparator": "=", "value": Decimal(0), "unit": "起"}
    assert matches(gold, _pred(comparator="=", value=0, unit=""), SPAN)


def test_range_needs_both_ends() -> None:
    gold = {"comparator": "range", "value": Decimal(5), "value_max": Decimal(6), "unit": "%"}
    assert matches(gold, _pred(comparator="range", value=5, value_max=6, unit="%"), SPAN)
    assert not matches(gold, _pred(comparator="range", value=5, value_max=7, unit="%"), SPAN)


def test_char_f1() -> None:
    assert char_f1("新增就业", "新增就业") == 1.0
    assert char_f1("", "新增") == 0.0
    assert char_f1("新增就业大学生", "就业") == pytest.approx(2 * 1 * (2 / 7) / (1 + 2 / 7))


# --- agreement with the reference scorer, case by case -------------------------------------

UNITS = [
    "人",
    "名",
    "万人",
    "万名",
    "个",
    "亿元",
    "万元",
    "元",
    "千瓦",
    "千吨",
    "%",
    "％",
    "百分点",
    "个百分点",
    "",
]
NUMBERS = st.one_of(
    st.integers(min_value=0, max_value=9999).map(Decimal),
    st.integers(min_value=0, max_value=9999).map(lambda n: Decimal(n) / 10),
)


@pytest.fixture(scope="module")
def reference(shared_dir: Path):
    spec = importlib.util.spec_from_file_location("score_targets", shared_dir / "tools" / "score_targets.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.shared
@settings(max_examples=400, deadline=None)
@given(
    g_comp=st.sampled_from(sorted(FAMILY)),
    p_comp=st.sampled_from([*sorted(FAMILY), "?", None]),
    g_unit=st.sampled_from(UNITS),
    p_unit=st.sampled_from(UNITS),
    g_value=NUMBERS,
    p_value=st.one_of(NUMBERS, st.none()),
    same_value=st.booleans(),
    g_max=NUMBERS,
    p_max=st.one_of(NUMBERS, st.none()),
    p_start=st.integers(min_value=0, max_value=30),
    p_len=st.integers(min_value=1, max_value=10),
)
def test_agrees_with_the_reference(
    reference, g_comp, p_comp, g_unit, p_unit, g_value, p_value, same_value, g_max, p_max, p_start, p_len
) -> None:
    if same_value:  # the same quantity, possibly in another magnitude
        canonical, scaled = norm_unit(g_unit, g_value)
        p_canonical, factor = norm_unit(p_unit, Decimal(1))
        if canonical == p_canonical and factor:
            p_value = scaled / factor
    gold = {"comparator": g_comp, "value": g_value, "unit": g_unit, "value_max": g_max}
    pred = {"start": p_start, "end": p_start + p_len, "comparator": p_comp, "unit": p_unit}
    pred["value"], pred["value_max"] = p_value, p_max
    ref_gold = {**gold, "value": float(g_value), "value_max": float(g_max), "start": 10, "end": 20}
    ref_pred = {**pred, "value": None if p_value is None else float(p_value)}
    ref_pred["value_max"] = None if p_max is None else float(p_max)
    assert matches(gold, pred, SPAN) == reference.matches(ref_gold, ref_pred)
