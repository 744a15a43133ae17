"""Role words of headings and the opening cues of paragraphs, table-driven."""

from __future__ import annotations

import pytest

from luoshi.reading.headings import cn_number, mark_line
from luoshi.reading.roles import heading_role, is_part_heading, opens_plan, paragraph_cue


@pytest.mark.parametrize(
    ("title", "year", "role"),
    [
        ("2023年工作回顾", 2024, "review"),
        ("过去五年工作回顾", 2023, "review"),
        ("过去一年和五年工作回顾", 2023, "review"),
        ("“十三五”时期经济社会发展回顾", 2021, "review"),
        ("2020年工作回顾和“十三五”时期发展成就", 2021, "review"),
        ("2019年和今年以来工作回顾", 2020, "review"),
        ("关于2014年政府工作", 2015, "review"),
        ("2023年主要工作", 2024, "review"),
        ("奋力完成2023年高质量发展的各项任务", 2024, "review"),
        ("“十一五”期间经济社会发展取得重大成就", 2011, "review"),
        ("2024年工作安排", 2024, "plan"),
        ("2024年主要工作", 2024, "plan"),
        ("2024年经济社会发展总体要求和政策取向", 2024, "plan"),
        ("对今年政府工作的建议", 2023, "plan"),
        ("今后五年政府工作总体安排", 2023, "plan"),
        ("“十四五”时期的主要目标任务", 2021, "plan"),
        ("“十三五”时期发展成就和“十四五”时期主要目标任务", 2021, "plan"),
        (
            "关于《上海市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要（草案）》的说明",
            2021,
            "plan",
        ),
        ("努力做好2024年各项工作", 2024, "plan"),
        ("全力实现2024年高质量发展的奋斗目标", 2024, "plan"),
        ("切实加强政府自身建设", 2024, "plan"),
        ("加强自身建设，打造人民满意政府", 2024, "plan"),
        ("努力提升政府治理能力和水平", 2024, "plan"),
        ("政府自身建设", 2024, "plan"),
        ("持续用力转作风提效能，自身建设不断加强", 2024, None),
        ("坚持产业跨越发展，制造业强县加快起势", 2023, None),
        ("名词解释", 2024, "other"),
        ("※名词解释※", 2024, "other"),
        ("附：名词解释", 2024, "other"),
        ("附件1", 2022, "other"),
        ("附：短语说明", 2021, "other"),
        ("", 2024, None),
    ],
)
def test_heading_role(title: str, year: int, role: str | None) -> None:
    assert heading_role(title, year) == role


@pytest.mark.parametrize(
    ("words", "year", "cue"),
    [
        ("过去一年，全市生产总值增长5%。", 2024, "review"),
        ("各位代表，过去的一年，我们不忘初心。", 2019, "review"),
        ("一年来，我们主要做了以下工作：", 2024, "review"),
        ("五年来，我们转型升级、创新突破。", 2022, "review"),
        ("2023年是全面贯彻党的二十大精神的开局之年。", 2024, "review"),
        ("刚刚过去的2020年，是极其特殊的一年。", 2021, "review"),
        ("《报告》说，“十三五”时期的五年，是极不平凡的五年。", 2021, "review"),
        ("各位代表：现在，我代表市人民政府，向大会报告工作，请予审议。2023年是开局之年。", 2024, "review"),
        ("今年是实施“十四五”规划的关键一年。", 2024, "plan"),
        ("2024年是中华人民共和国成立75周年。", 2024, "plan"),
        ("今年经济社会发展的主要预期目标是：增长6%左右。", 2024, "plan"),
        ("全市经济社会发展主要预期目标建议为：增长5.5%左右。", 2024, "plan"),
        ("重点做好以下九个方面工作：", 2024, "plan"),
        ("今年，着力做好九个方面的重点工作：", 2024, "plan"),
        ("未来五年，是全面建设社会主义现代化的关键时期。", 2021, "plan"),
        ("新的一年，我们将重点抓好以下工作。", 2024, "plan"),
        ("今年以来，疫情对经济造成冲击。", 2020, None),
        ("2020年以来，我们坚持稳中求进。", 2024, None),
        ("着力抓好1527个省市县重点项目，完成投资2600亿元。", 2024, None),
        ("项目推进全面提速。新增项目100个。", 2024, None),
        ("", 2024, None),
    ],
)
def test_paragraph_cue(words: str, year: int, cue: str | None) -> None:
    assert paragraph_cue(words, year) == cue


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("做好今年政府工作的总体要求是：坚持稳中求进。", True),
        ("综合考虑，今年全市经济社会发展主要预期目标是：生产总值增长7%左右。", True),
        ("2024年经济社会发展主要预期目标是：增长7.5%左右。", True),
        ("2023年经济社会发展主要预期目标是：增长7.5%左右。", False),
        ("过去一年，今年确定的主要预期目标是全面完成。", False),
        ("市十七届人大三次会议确定的主要预期目标全面完成。", False),
    ],
)
def test_opens_plan(words: str, expected: bool) -> None:
    assert opens_plan(words, 2024) is expected


@pytest.mark.parametrize(
    ("line", "style", "heading"),
    [
        ("一、2023年工作回顾", "num", "一、2023年工作回顾"),
        ("十二、加强政府自身建设", "num", "十二、加强政府自身建设"),
        ("第三部分 今后五年", "chapter", "第三部分 今后五年"),
        ("（一）稳就业。新增就业1万人。", "paren", "（一）稳就业"),
        ("(二)治污染", "paren", "(二)治污染"),
        ("第一，牢记第一要务，凝神聚力抓发展", "ordinal", "第一，牢记第一要务，凝神聚力抓发展"),
        ("2024年工作安排", "bare", "2024年工作安排"),
        ("名词解释：", "bare", "名词解释"),
        ("站在新起点：2012年工作回顾", "bare", "站在新起点：2012年工作回顾"),
        ("二〇二五年主要目标任务", "bare", "二〇二五年主要目标任务"),
        (
            "二、2024年主要任务 今年是中华人民共和国成立75周年，是实现规划目标的关键一年，做好今年工作意义重大。",
            "num",
            "二、2024年主要任务",
        ),
    ],
)
def test_marks(line: str, style: str, heading: str) -> None:
    mark = mark_line(line)
    assert mark is not None
    assert (mark.style, mark.heading) == (style, heading)


@pytest.mark.parametrize(
    "line",
    [
        "一、二、三产业协调发展",
        "政府工作报告",
        "政 府 工 作 报 告",
        "今年政府工作的总体要求是：坚持稳中求进",
        "重点做好以下九个方面工作：",
        "一年来，我们坚持事不避难、真抓实干，发展质量稳步提升",
        "主要工作成效。",
        "新增就业1万人",
    ],
)
def test_not_headings(line: str) -> None:
    mark = mark_line(line)
    assert mark is None or mark.style not in ("num", "bare", "chapter")


@pytest.mark.parametrize(
    ("token", "value"),
    [("一", 1), ("十", 10), ("十二", 12), ("二十", 20), ("二十三", 23), ("7", 7), ("③", 3), ("１２", 12)],
)
def test_cn_number(token: str, value: int) -> None:
    assert cn_number(token) == value


def test_is_part_heading() -> None:
    assert is_part_heading("今年政府工作重点")
    assert not is_part_heading("全面建设小康社会")
