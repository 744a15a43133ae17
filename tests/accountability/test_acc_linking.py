"""Linking targets to actuals (luoshi.accountability.link / hold_to_account) on hand-made reports."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from luoshi.accountability import PairError, due_targets, hold_to_account, link, summarize, year_described
from luoshi.extraction import extract
from luoshi.reading import report_from_text
from luoshi.reading.report import Report


def _by_text(judgements):
    return {j.target.text: j for j in judgements}


def test_each_headline_target_meets_its_actual(plan: Report, review: Report) -> None:
    judged = _by_text(hold_to_account(plan, review))
    expected = {
        "全市生产总值增长6%左右": ("met", "全市生产总值增长5.6%", Decimal("5.6")),
        "城镇新增就业5万人以上": ("missed", "城镇新增就业4.8万人", Decimal(48000)),
        "城镇调查失业率控制在5.5%以内": ("met", "城镇调查失业率为5.1%", Decimal("5.1")),
        "粮食产量保持在80亿斤以上": ("met", "粮食总产量419万吨", Decimal(8_380_000_000)),  # 吨 → 斤
        "居民消费价格涨幅3%左右": ("met", "居民消费价格上涨0.4%", Decimal("0.4")),
        "单位GDP能耗下降3%": ("met", "单位GDP能耗下降3.2%", Decimal("3.2")),
        "新建口袋公园100个": ("silent", None, None),
    }
    assert set(judged) == set(expected)
    for text, (verdict, actual, value) in expected.items():
        j = judged[text]
        assert j.verdict == verdict, (text, j.rule, j.reason)
        assert (j.actual.text if j.actual else None) == actual
        assert j.actual_value == value
        assert j.year == 2023
        if j.actual is not None:
            assert j.confidence >= 0.6
            assert plan.text[j.target.start : j.target.end] == j.target.text
            assert review.text[j.actual.start : j.actual.end] == j.actual.text
            assert j.actual.text in j.actual_sentence
        else:
            assert j.confidence == 0


def test_sentences_are_the_clauses_around(plan: Report, review: Report) -> None:
    j = _by_text(hold_to_account(plan, review))["全市生产总值增长6%左右"]
    assert j.target_sentence.startswith("今年经济社会发展的主要预期目标是：")
    assert j.actual_sentence.startswith("过去一年，全市生产总值增长5.6%")


def test_families_and_catalogue(plan: Report, review: Report) -> None:
    judged = _by_text(hold_to_account(plan, review))
    assert (judged["全市生产总值增长6%左右"].family, judged["全市生产总值增长6%左右"].hedge) == (
        "about",
        "左右",
    )
    assert judged["城镇新增就业5万人以上"].family == "floor"
    assert judged["城镇调查失业率控制在5.5%以内"].family == "ceiling"
    assert judged["全市生产总值增长6%左右"].catalogue == "gdp_growth"


def test_years_must_follow(plan: Report, review: Report) -> None:
    with pytest.raises(PairError) as raised:
        hold_to_account(review, plan)
    assert "not consecutive" in str(raised.value)
    assert raised.value.hint


def test_link_without_texts_and_year_inferred(plan: Report, review: Report) -> None:
    targets = extract(plan).targets
    actuals = extract(review, actuals=True).actuals
    assert year_described(actuals) == 2023
    judgements = link(targets, actuals)
    assert [j.verdict for j in judgements].count("met") == 5
    assert all(j.target_sentence == j.target.text for j in judgements)


def test_only_actuals_of_year_n_count(plan: Report, review: Report) -> None:
    targets = extract(plan).targets
    actuals = extract(review, actuals=True).actuals
    judgements = link(targets, actuals, year=2022)  # the review speaks of 2023
    assert {j.verdict for j in judgements} == {"silent"}
    earlier = [replace(a, year=2022) for a in actuals]
    assert summarize(link(targets, earlier, year=2023)).silent == len(targets)


def test_a_five_year_average_is_no_actual_for_one_year() -> None:
    plan = report_from_text("二、2022年主要目标任务\n今年全省生产总值增长6%左右。\n", name="p", year=2022)
    review = report_from_text(
        "一、过去五年工作回顾\n五年来，全省生产总值年均增长5.2%，连续迈上新台阶。\n"
        "二、2023年主要目标任务\n今年全省生产总值增长5%左右。\n",
        name="r",
        year=2023,
    )
    (judgement,) = hold_to_account(plan, review)
    assert judgement.verdict == "silent"


def test_a_level_is_no_actual_for_a_growth_target() -> None:
    plan = report_from_text("二、2022年主要目标任务\n今年全市生产总值增长6%左右。\n", name="p", year=2022)
    review = report_from_text(
        "一、2022年工作回顾\n过去一年，全市生产总值达到3725亿元。\n二、2023年主要目标任务\n今年全市生产总值增长6%。\n",
        name="r",
        year=2023,
    )
    (judgement,) = hold_to_account(plan, review)
    assert judgement.verdict == "silent"


def test_the_review_may_judge_in_words() -> None:
    plan = report_from_text("二、2021年主要目标任务\n今年城镇调查失业率在5%以内。\n", name="p", year=2021)
    review = report_from_text(
        "一、2021年工作回顾\n过去一年，全市生产总值增长8.1%，城镇调查失业率明显低于年初预期目标。\n"
        "二、2022年主要目标任务\n今年全市生产总值增长5.5%左右。\n",
        name="r",
        year=2022,
    )
    (judgement,) = hold_to_account(plan, review)
    assert judgement.verdict == "met"
    assert judgement.actual is None and judgement.statement is not None
    assert judgement.linked
    assert "低于年初预期目标" in judgement.to_row()["actual_text"]


def test_targets_for_a_period_are_not_due() -> None:
    report = report_from_text(
        "二、“十四五”时期的主要目标任务\n生产总值年均增长8%以上。\n三、2021年重点工作\n生产总值增长8%以上，"
        "新增就业8万人，新增就业8万人。\n",
        name="p",
        year=2021,
    )
    due = due_targets(extract(report).targets, 2021)
    assert [t.text for t in due] == ["生产总值增长8%以上", "新增就业8万人"]
