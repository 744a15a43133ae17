"""The pure layout repair behind PDF reading, on Chinese lines: no PDF library involved."""

from __future__ import annotations

import pytest

from luoshi.reading.pdf_layout import drop_furniture, join_lines, layout_text, page_lines

FULL = "过去一年，全市地区生产总值增长7.8%，新增城镇就业12.3万"


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        pytest.param(
            [FULL, "人，空气质量优良天数比例达到88%。"],
            [FULL + "人，空气质量优良天数比例达到88%。"],
            id="a full line without an end mark continues",
        ),
        pytest.param(
            ["今年主要预期目标是：地区生产总值增长6%左右，城镇调查失业率控制在5.5%以内。", "（一）稳就业。"],
            ["今年主要预期目标是：地区生产总值增长6%左右，城镇调查失业率控制在5.5%以内。", "（一）稳就业。"],
            id="a sentence end keeps the break",
        ),
        pytest.param(
            [
                "各位代表，今年要重点做好以下十个方面的工作，全力以赴实现以下",
                "一、坚持创新驱动，加快产业转型",
            ],
            [
                "各位代表，今年要重点做好以下十个方面的工作，全力以赴实现以下",
                "一、坚持创新驱动，加快产业转型",
            ],
            id="a heading on the next line keeps the break",
        ),
        pytest.param(
            ["二、2024年工作安排", "今年是实施“十四五”规划的关键一年，做好今年工作意义重大而深远"],
            ["二、2024年工作安排", "今年是实施“十四五”规划的关键一年，做好今年工作意义重大而深远"],
            id="a short heading line is not joined to its body",
        ),
        pytest.param(
            ["今年经济社会发展的主要预期目标是：", "地区生产总值增长6%左右。"],
            ["今年经济社会发展的主要预期目标是：", "地区生产总值增长6%左右。"],
            id="a colon keeps the break",
        ),
        pytest.param(
            ["（一）稳就业。今年新增就业大学生14万名以上，扶持创业22", "00人、带动就业6600人以上。"],
            ["（一）稳就业。今年新增就业大学生14万名以上，扶持创业2200人、带动就业6600人以上。"],
            id="digits split across lines join without a space",
        ),
    ],
)
def test_join_lines(lines: list[str], expected: list[str]) -> None:
    assert join_lines(lines).split("\n") == expected


def test_running_headers_footers_and_page_numbers_are_dropped() -> None:
    pages = [
        ["绍兴市人民政府文件", "一、2023年工作回顾", "过去一年，全市经济回升向好。", "— 1 —"],
        ["绍兴市人民政府文件", "二、2024年工作安排", "今年新增城镇就业1.2万人。", "第2页 共3页"],
        ["绍兴市人民政府文件", "三、加强政府自身建设", "坚持依法行政。", "- 3 -"],
    ]
    assert drop_furniture(pages) == [
        ["一、2023年工作回顾", "过去一年，全市经济回升向好。"],
        ["二、2024年工作安排", "今年新增城镇就业1.2万人。"],
        ["三、加强政府自身建设", "坚持依法行政。"],
    ]


def test_numbered_footer_lines_repeat_with_digits_ignored() -> None:
    pages = [[f"第{n}页的正文。", f"2024年政府工作报告 {i}"] for i, n in enumerate("一二三四", 1)]
    assert drop_furniture(pages) == [[f"第{n}页的正文。"] for n in "一二三四"]


def test_a_number_inside_the_page_is_kept() -> None:
    pages = [["新增就业人数：", "12", "万人。", "一些正文。", "更多正文。", "3"]]
    assert drop_furniture(pages) == [["新增就业人数：", "12", "万人。", "一些正文。", "更多正文。"]]


def test_spaces_between_chinese_characters_are_removed() -> None:
    assert page_lines("  政 府 工 作 报 告  \n\n增长 6% 左右") == ["政府工作报告", "增长 6% 左右"]


def test_page_break_inside_a_sentence() -> None:
    pages = [
        "报告\n今年经济社会发展的主要预期目标是：地区生产总值增长6%左\n- 1 -",
        "报告\n右，城镇新增就业1.2万人以上，居民收入增长与经济增长同步。\n- 2 -",
    ]
    assert layout_text(pages) == (
        "今年经济社会发展的主要预期目标是：地区生产总值增长6%左右，城镇新增就业1.2万人以上，居民收入增长与经济增长同步。"
    )


def test_english_words_are_joined_with_a_space() -> None:
    lines = ["The city will add 14,000 new jobs for graduates in 2024 and", "build 5 new schools."]
    assert (
        join_lines(lines)
        == "The city will add 14,000 new jobs for graduates in 2024 and build 5 new schools."
    )


def test_nothing_in_nothing_out() -> None:
    assert layout_text([]) == ""
    assert layout_text(["", "  "]) == ""
