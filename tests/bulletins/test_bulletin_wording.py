"""The words of the bulletin: every section, the counts the engine gave, every lagging target
with its lead unit, gap and note, every late unit; numbers as officials write them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from bulletin_helpers import synthetic_data

from luoshi.bulletins.numbers import (
    amount,
    count_share,
    cutoff_words,
    goal_words,
    period_words,
    points,
    share,
)
from luoshi.bulletins.outline import Heading, Paragraph
from luoshi.bulletins.wording import SECTION_HEADINGS, compose, split_title


def test_every_section_in_order(sample_data) -> None:
    written = compose(sample_data)
    headings = [block.text for block in written.blocks if isinstance(block, Heading) and block.level == 1]
    assert headings == list(SECTION_HEADINGS)
    assert written.title == "关于2023年政府工作报告目标任务推进情况的通报"
    assert written.number == "督查通报〔2023〕X号"
    assert written.issuer == "绍兴市人民政府督查室" and written.date == "2023年7月31日"


def test_the_counts_in_the_text_are_the_engines(sample_data) -> None:
    written = compose(sample_data)
    counts = sample_data.counts()
    overall = " ".join(
        block.text for block in written.section("一、总体情况") if isinstance(block, Paragraph)
    )
    for words, grade in (
        ("已完成{}项", "已完成"),
        ("超序时推进{}项", "超序时"),
        ("符合序时推进{}项", "符合序时"),
        ("滞后{}项", "滞后"),
        ("严重滞后{}项", "严重滞后"),
        ("未按期报送进度{}项", "未报送"),
    ):
        assert words.format(counts[grade]) in overall, (words, overall)
    assert f"{len(sample_data.rows)}项量化目标" in overall
    table = next(block for block in written.blocks if getattr(block, "caption", "").startswith("表1"))
    assert {row[0]: int(row[1]) for row in table.rows[:-1]} == {
        g: c for g, c in counts.items() if c or g != "无法评价"
    }
    assert table.rows[-1][:2] == ("合计", str(len(sample_data.rows)))


def test_every_lagging_target_is_named_with_unit_gap_and_note(sample_data) -> None:
    section = compose(sample_data).section("四、进度滞后的目标任务")
    text = "\n".join(block.text for block in section)
    lagging = sample_data.lagging()
    assert len(lagging) == 5
    for row in lagging:
        line = next(
            block.text for block in section if isinstance(block, Paragraph) and row.text in block.text
        )
        assert f"牵头单位：{row.lead_unit}" in line
        assert "单位说明：" in line
        if row.latest and row.latest.note:
            assert row.latest.note.rstrip("。") in line
    assert "低于序时40.0个百分点" in text  # T1: 10% against 序时 50%
    assert "低于序时12.1个百分点" in text  # T7: 37.9% against 50%
    assert "牵头单位未说明滞后原因" in text  # T5 gave no note


def test_every_late_unit_is_named(sample_data) -> None:
    text = "\n".join(block.text for block in compose(sample_data).section("五、进度报送情况"))
    late = sample_data.late_units()
    assert late
    for unit in late:
        assert unit.unit in text
    assert "力争全省低碳试点县全覆盖" in text  # 发改委's unreported target is named
    assert "按时报送率96.8%" in text


def test_a_plan_without_lagging_or_late_says_so() -> None:
    data = synthetic_data(3)  # 已完成, 超序时, 符合序时
    written = compose(data)
    assert "本期无进度滞后的目标。" in written.text()
    assert "各牵头单位均按时报送了进度。" in written.text()


def test_the_annex_has_a_row_per_target_under_its_section(sample_data) -> None:
    written = compose(sample_data)
    targets = [row for row in written.annex_rows if not row.section]
    sections = [row.section for row in written.annex_rows if row.section]
    assert len(targets) == len(sample_data.rows)
    assert len(sections) == 2 and sections[0].startswith("(八)")
    lights = {row.cells[0]: (row.cells[written.light_column], row.light) for row in targets}
    assert lights["1"] == ("红", "red") and lights["7"] == ("黄", "yellow") and lights["9"] == ("绿", "green")


@pytest.mark.parametrize(
    ("value", "unit", "places", "expected"),
    [
        (Decimal(140000), "人", None, "14万人"),
        (Decimal(13200), "元/年", None, "1.32万元/年"),
        (Decimal(8_000_000_000), "元", None, "80亿元"),
        (Decimal("29.1666"), "微克/立方米", 1, "29.2微克/立方米"),
        (Decimal(2200), "人", None, "2200人"),
        (None, "人", None, "—"),
    ],
)
def test_amounts(value, unit, places, expected) -> None:
    assert amount(value, unit, places) == expected


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (share(0.3786), "37.9%"),
        (share(None), "—"),
        (points(-12.14), "12.1个百分点"),
        (count_share(1, 3), "33.3%"),
        (count_share(0, 0), "0.0%"),
        (cutoff_words(date(2023, 6, 30)), "2023年6月底"),
        (cutoff_words(date(2024, 2, 29)), "2024年2月底"),
        (cutoff_words(date(2023, 6, 15)), "2023年6月15日"),
        (period_words("2023-06"), "6月"),
        (period_words("2023-Q2"), "二季度"),
        (period_words("2023-H1"), "上半年"),
        (period_words("2023"), "全年"),
        (goal_words(">=", Decimal(90), "%"), "90%以上"),
        (goal_words("<", Decimal(28), "微克/立方米"), "低于28微克/立方米"),
        (goal_words("≈", Decimal("5.5"), "%"), "5.5%左右"),
        (goal_words("range", Decimal(5), "%", Decimal(6)), "5%—6%"),
    ],
)
def test_words(words, expected) -> None:
    assert words == expected


def test_a_long_title_breaks_before_its_last_words() -> None:
    assert split_title("关于2023年政府工作报告目标任务推进情况的通报") == (
        "关于2023年政府工作报告目标任务",
        "推进情况的通报",
    )
    assert split_title("短标题") == ("短标题",)


def test_a_long_list_of_good_targets_names_the_furthest_ahead_and_every_lagging_one() -> None:
    from luoshi.bulletins.wording import GOOD_LISTED

    data = synthetic_data(180)  # 30 of each shape
    written = compose(data)
    good = written.section("三、进展较好的目标任务")
    ahead = [b for b in good if isinstance(b, Paragraph) and "（" in b.text and "牵头）" in b.text]
    assert len(ahead) == 2 * GOOD_LISTED
    assert any("其余10项见附件" in b.text for b in good if isinstance(b, Paragraph))
    lagging = "\n".join(b.text for b in written.section("四、进度滞后的目标任务"))
    assert all(row.text in lagging for row in data.lagging()) and len(data.lagging()) == 60
