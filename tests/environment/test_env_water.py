"""GB 3838—2002 classes: every item at every class limit, section classes, targets, the summary."""

from __future__ import annotations

from decimal import Decimal

import numpy as np
import pytest

from luoshi.environment.water import (
    ITEMS,
    classify_file,
    classify_items,
    classify_sections,
    find_item,
    parse_class,
    read_water,
    summarize,
)
from luoshi.environment.water.classify import SCALE
from luoshi.errors import MonitoringDataError

_STEP = Decimal("1e-8")


def one(item, value: Decimal, *, lake: bool = False) -> int:
    total = np.array([int(value * SCALE)])
    return int(classify_items(item, total, np.array([1]), np.array([lake]))[0])


def _cases():
    for item in ITEMS:
        if item.sense == "range":
            continue
        for lake in (False, True) if item.lake_limits else (False,):
            limits = item.limits_for(lake)
            for k, limit in enumerate(limits, start=1):
                best = limits.index(limit) + 1  # equal limits: the value is the better class
                yield pytest.param(
                    item, lake, limit, best, k, id=f"{item.key}-{'lake' if lake else 'river'}-{k}"
                )


@pytest.mark.parametrize(("item", "lake", "limit", "best", "k"), list(_cases()))
def test_each_class_limit_on_both_sides(item, lake, limit, best, k):
    limits = item.limits_for(lake)
    assert one(item, limit, lake=lake) == best
    worse = limit - _STEP if item.sense == "ge" else limit + _STEP
    nxt = next(
        (n for n, v in enumerate(limits, start=1) if (v <= worse if item.sense == "ge" else v >= worse)), 6
    )
    assert one(item, worse, lake=lake) == nxt > k


@pytest.mark.parametrize(
    ("value", "expected"), [("6", 1), ("9", 1), ("7.5", 1), ("5.99", 6), ("9.01", 6), ("0", 6)]
)
def test_ph_range(value, expected):
    assert one(find_item("pH"), Decimal(value)) == expected


@pytest.mark.parametrize(
    ("item", "value", "river", "lake"),
    [("TP", "0.05", 2, 3), ("TP", "0.02", 1, 2), ("TP", "0.2", 3, 5), ("TP", "0.25", 4, 6)],
)
def test_tp_limits_differ_for_lakes(item, value, river, lake):
    assert one(find_item(item), Decimal(value)) == river
    assert one(find_item(item), Decimal(value), lake=True) == lake


def test_mean_of_samples_compared_exactly():
    # (0.42 + 0.58) / 2 = 0.5 exactly: class Ⅱ for NH3-N, though 0.42 + 0.58 in floats is 1.0000000000000002
    item = find_item("氨氮")
    total = np.array([int(Decimal("0.42") * SCALE) + int(Decimal("0.58") * SCALE)])
    assert int(classify_items(item, total, np.array([2]), np.array([False]))[0]) == 2
    assert 0.1 + 0.2 != 0.3  # the float trap the integer sums avoid


def sections(values: dict[str, list[str]], lake=None, targets=None, include_tn=False):
    names = [f"S{n}" for n in range(len(next(iter(values.values()))))]
    totals = {find_item(k).key: np.array([int(Decimal(v) * SCALE) for v in vs]) for k, vs in values.items()}
    counts = {k: np.ones(len(names), dtype=int) for k in totals}
    return classify_sections(
        names,
        np.array(lake or [False] * len(names)),
        targets or [None] * len(names),
        totals,
        counts,
        np.ones(len(names), dtype=int),
        include_tn=include_tn,
    )


class TestSections:
    def test_worst_evaluated_item_decides(self):
        [result] = sections({"DO": ["8"], "NH3-N": ["1.2"], "TP": ["0.15"]}, targets=[3])
        assert result.water_class == 4 and result.deciding == ("NH3-N",)
        assert result.meets is False
        assert result.main_pollutants == ("NH3-N",)

    def test_tn_not_evaluated_for_rivers(self):
        [river] = sections({"NH3-N": ["0.4"], "TN": ["5.0"]})
        assert river.water_class == 2 and "TN" not in river.classes

    def test_tn_reported_for_lakes_and_counted_on_request(self):
        [lake] = sections({"NH3-N": ["0.4"], "TN": ["1.2"]}, lake=[True])
        assert lake.water_class == 2 and lake.classes["TN"] == 4
        [counted] = sections({"NH3-N": ["0.4"], "TN": ["1.2"]}, lake=[True], include_tn=True)
        assert counted.water_class == 4

    def test_fecal_coliform_is_not_evaluated(self):
        [result] = sections({"NH3-N": ["0.1"], "粪大肠菌群": ["50000"]})
        assert result.water_class == 1 and result.classes["FC"] == 6

    def test_target_met_at_equal_class(self):
        results = sections({"NH3-N": ["1.0", "1.0", "0.1"]}, targets=[3, 2, None])
        assert [r.meets for r in results] == [True, False, None]

    def test_main_pollutants_ranked_by_class_then_exceedance(self):
        [result] = sections({"COD": ["35"], "NH3-N": ["1.9"], "TP": ["0.38"], "CODMn": ["12"], "DO": ["2.5"]})
        assert result.water_class == 5
        # Ⅴ: NH3-N (0.90), TP (0.90), CODMn (1.00), COD (0.75), DO (none) → three worst by exceedance
        assert result.main_pollutants == ("CODMn", "NH3-N", "TP")

    def test_summary(self):
        results = sections({"NH3-N": ["0.1", "1.2", "2.5", "0.4"]}, targets=[2, 3, 5, None])
        summary = summarize(results)
        assert (summary.with_target, summary.meeting, summary.meeting_ratio) == (3, 1, Decimal("33.3"))
        assert summary.good_ratio == Decimal("50.0") and summary.worst_ratio == Decimal("25.0")
        assert not summary.all_meet


class TestReading:
    def test_fixture(self, env_data):
        results, summary = classify_file(env_data / "water_sections.csv")
        by_name = {r.section: r for r in results}
        assert by_name["江桥"].water_class == 2 and by_name["江桥"].means["NH3-N"] == Decimal("0.500")
        assert by_name["东湖"].lake and by_name["东湖"].water_class == 4  # TP 0.06 in a lake
        assert by_name["西闸"].water_class == 6  # pH 9.2
        assert by_name["西闸"].means["TP"] == Decimal("0.005")  # 0.01L → half the limit
        assert summary.meeting == 2 and summary.with_target == 4

    def test_long_format(self, tmp_path):
        path = tmp_path / "long.csv"
        path.write_text(
            "断面,项目,值,水质目标\n甲,氨氮,0.8,Ⅲ类\n甲,总磷,0.15,Ⅲ类\n甲,水温,12,Ⅲ类\n", encoding="utf-8"
        )
        samples = read_water(path)
        assert samples.ignored == ("水温",) and samples.targets == (3,)
        results, _ = classify_file(path)
        assert results[0].water_class == 3 and results[0].meets

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            ("断面,水体类型,氨氮\n甲,海洋,0.5\n", "unknown water body"),
            ("断面,水质目标,氨氮\n甲,Ⅶ,0.5\n", "unknown water class"),
            ("断面,备注\n甲,无\n", "no water quality item"),
            ("氨氮\n0.5\n", "missing column"),
            ("断面,氨氮\n甲,-0.5\n", "negative"),
        ],
    )
    def test_errors(self, tmp_path, text, message):
        path = tmp_path / "w.csv"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(MonitoringDataError, match=message):
            read_water(path)


@pytest.mark.parametrize(
    ("text", "number"), [("Ⅲ", 3), ("III", 3), ("Ⅲ类", 3), ("3", 3), ("劣Ⅴ", 6), ("ii", 2)]
)
def test_parse_class(text, number):
    assert parse_class(text) == number


@pytest.mark.parametrize(
    ("name", "key"), [("氨氮(mg/L)", "NH3-N"), ("铬(六价)", "Cr6"), ("NH3-N", "NH3-N"), ("溶解氧", "DO")]
)
def test_find_item(name, key):
    assert find_item(name).key == key
