"""The outline: parts and their roles, sections, items, paragraphs and lead sentences."""

from __future__ import annotations

import pytest

from luoshi.reading import Node, build_outline, report_from_text


def _parts(text: str, year: int | None = None) -> list[tuple[str, str]]:
    """(heading or first words, role) of each part."""
    outline = build_outline(text, year=year)
    return [
        (n.heading or "~" + text[n.start : n.start + 6], n.role) for n in outline.children if n.kind == "part"
    ]


def _kinds(node: Node, text: str) -> list[tuple[str, str]]:
    return [(n.kind, n.heading or text[n.start : n.end]) for n in node.walk()]


def test_standard_report(snippet: str) -> None:
    outline = build_outline(snippet)
    assert outline.kind == "report" and outline.role == "other"
    front = [snippet[n.start : n.end] for n in outline.children if n.kind == "paragraph"]
    assert front == [
        "政府工作报告",
        "——2024年1月29日在绍兴市第九届人民代表大会第四次会议上",
        "各位代表：",
        "现在，我代表市人民政府向大会报告工作，请予审议。",
    ]
    assert _parts(snippet) == [
        ("一、2023年主要工作", "review"),
        ("二、2024年主要目标和重点工作", "plan"),
        ("三、切实加强政府自身建设", "plan"),
    ]
    plan = outline.children[5]
    assert [(n.kind, n.heading) for n in plan.children] == [
        ("paragraph", ""),
        ("section", "（一）稳就业"),
        ("section", "（二）治污染"),
    ]
    section = plan.children[1]
    assert snippet[section.start : section.end].startswith("（一）稳就业。新增")
    paragraph = section.children[0]
    assert paragraph.kind == "paragraph"
    assert [snippet[c.start : c.end] for c in paragraph.children] == ["稳就业。"]
    assert paragraph.children[0].kind == "lead"


ROLE_CASES = [
    pytest.param(
        "一、过去五年工作回顾\n五年来，全市经济总量翻了一番。\n二、今后五年工作任务\n到2027年，地区生产总值突破1万亿元。\n"
        "三、2023年重点工作\n今年新增就业1万人。\n",
        [
            ("一、过去五年工作回顾", "review"),
            ("二、今后五年工作任务", "plan"),
            ("三、2023年重点工作", "plan"),
        ],
        id="five-year review and plan",
    ),
    pytest.param(
        "一、2022年工作回顾\n过去一年，生产总值增长5%。\n二、2023年经济社会发展总体要求和政策取向\n今年发展主要预期目标是：增长5%左右。\n"
        "三、2023年政府工作任务\n（一）着力扩大国内需求。\n",
        [
            ("一、2022年工作回顾", "review"),
            ("二、2023年经济社会发展总体要求和政策取向", "plan"),
            ("三、2023年政府工作任务", "plan"),
        ],
        id="national report",
    ),
    pytest.param(
        "一、2019年和今年以来工作回顾\n去年经济运行总体平稳。\n二、今年发展主要目标和下一阶段工作总体部署\n今年要优先稳就业。\n",
        [("一、2019年和今年以来工作回顾", "review"), ("二、今年发展主要目标和下一阶段工作总体部署", "plan")],
        id="last keyword decides",
    ),
    pytest.param(
        "一、2023年主要工作\n全市生产总值增长7%。\n二、2024年主要工作\n今年生产总值增长6%左右。\n",
        [("一、2023年主要工作", "review"), ("二、2024年主要工作", "plan")],
        id="the year decides 主要工作",
    ),
    pytest.param(
        "2023年工作回顾\n一、坚持产业跨越发展，制造业强县加快起势\n新增规上企业50家。\n二、坚持改革开放突破，市场活力持续释放\n改革成果丰硕。\n"
        "2024年工作安排\n一、聚焦高质量发展，推进制造业强县建设\n新增规上企业60家以上。\n全面加强政府自身建设\n一、坚持政治建设\n忠诚履职。\n"
        "名词解释\n1.四新经济：指新技术、新产业、新业态、新模式。\n",
        [
            ("2023年工作回顾", "review"),
            ("2024年工作安排", "plan"),
            ("全面加强政府自身建设", "plan"),
            ("名词解释", "other"),
        ],
        id="unnumbered parts with numbered sections restarting",
    ),
    pytest.param(
        "第一部分 2023年工作回顾\n一、经济运行稳中向好\n增长5%。\n第二部分 2024年工作安排\n一、稳增长\n增长6%左右。\n",
        [("第一部分 2023年工作回顾", "review"), ("第二部分 2024年工作安排", "plan")],
        id="第一部分",
    ),
    pytest.param(
        "各位代表：\n过去一年，我们坚持稳中求进，全市生产总值增长5.6%。\n一年来，我们主要做了以下工作。\n"
        "今年是实施“十四五”规划的关键一年。今年经济社会发展的主要预期目标是：增长6%左右。\n"
        "重点做好以下九个方面工作：\n一、坚持深挖内需潜力，大力推动经济恢复增长\n确保社会消费品零售总额增长9%以上。\n"
        "二、坚持大抓工业，推动新型工业化\n新增规上企业100家。\n",
        [
            ("~过去一年，我", "review"),
            ("~今年是实施“", "plan"),
            ("一、坚持深挖内需潜力，大力推动经济恢复增长", "plan"),
            ("二、坚持大抓工业，推动新型工业化", "plan"),
        ],
        id="review without a heading, then numbered plan items",
    ),
    pytest.param(
        "一、2023年工作回顾\n过去一年，全市生产总值增长5%。\n“十四五”规划的关键一年，做好今年工作意义重大。\n"
        "做好今年政府工作的总体要求是：坚持稳中求进。\n今年主要预期目标是：生产总值增长6%左右。\n三、加强政府自身建设\n坚持依法行政。\n",
        [("一、2023年工作回顾", "review"), ("~做好今年政府", "plan"), ("三、加强政府自身建设", "plan")],
        id="lost plan heading inside a review part",
    ),
    pytest.param(
        "一、2023年工作回顾\n过去一年，全市生产总值增长5%。\n二、把主题教育成果转化为干事创业的生动实践\n去年以来开展主题教育。\n"
        "今年是新中国成立75周年。\n三、2024年重点工作\n新增就业1万人。\n",
        [
            ("一、2023年工作回顾", "review"),
            ("二、把主题教育成果转化为干事创业的生动实践", "plan"),
            ("三、2024年重点工作", "plan"),
        ],
        id="a heading without role words takes a cue from its first paragraphs",
    ),
    pytest.param(
        "二、2024年工作安排\n今年新增就业1万人。\n三、着力增强政府落实力\n狠抓落实。\n※名词解释※\n〔1〕四新：新技术、新产业。\n",
        [("二、2024年工作安排", "plan"), ("三、着力增强政府落实力", "plan"), ("※名词解释※", "other")],
        id="glossary is other",
    ),
]


@pytest.mark.parametrize(("text", "expected"), ROLE_CASES)
def test_part_roles(text: str, expected: list[tuple[str, str]]) -> None:
    assert _parts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "全面落实“双碳”战略。认真执行碳达峰政策，确保完成省下达的能耗双控目标。\n协同推进污染防治。PM2.5平均浓度低于28微克/立方米。\n",
        "（八）坚持绿色发展，着力巩固生态文明创建成果。\n全面落实“双碳”战略。新增光伏60万千瓦。\n",
        "新增就业大学生14万名以上",
    ],
    ids=["paragraphs", "sections", "one-line"],
)
def test_text_without_headings_is_all_plan(text: str) -> None:
    outline = build_outline(text)
    parts = [n for n in outline.children if n.kind == "part"]
    assert len(parts) == 1 and parts[0].role == "plan" and parts[0].heading == ""
    assert {n.role for n in outline.walk() if n.kind != "report"} == {"plan"}


def test_excerpt_before_the_first_heading_is_plan() -> None:
    text = "（八）坚持绿色发展。\n新增光伏60万千瓦。\n三、切实加强政府自身建设\n坚持依法行政。\n"
    assert _parts(text) == [("~（八）坚持绿", "plan"), ("三、切实加强政府自身建设", "plan")]


@pytest.mark.parametrize(
    ("text", "headings"),
    [
        pytest.param(
            "一、2023年工作回顾\n一、国民经济持续快速健康发展，全市生产总值增长8%，财政收入增长10%，城乡居民收入稳步提高，"
            "社会事业全面进步，人民生活水平不断提高，各项改革取得重要进展\n二、2024年工作安排\n今年新增就业1万人。\n",
            ["一、2023年工作回顾", "二、2024年工作安排"],
            id="a long paragraph that starts with 一、 is not a heading",
        ),
        pytest.param(
            "一、2023年工作回顾\n去年增长5%。\n一、二、三产业协调发展，结构持续优化。\n二、2024年工作安排\n今年增长6%。\n",
            ["一、2023年工作回顾", "二、2024年工作安排"],
            id="一、二、三产业 is not a heading",
        ),
        pytest.param(
            "一、2023年工作回顾\n党的十九大明确了全面建成小康社会的宏伟蓝图和奋斗目标，开启了我省\n全面建设社会主义现代化国家新征程的奋斗目标\n"
            "二、2024年工作安排\n今年增长6%。\n",
            ["一、2023年工作回顾", "二、2024年工作安排"],
            id="a line broken mid-sentence is not a bare heading",
        ),
        pytest.param(
            "一、2023年工作回顾\n去年增长5%。\n二、2024年工作安排\n今年政府工作的总体要求是：坚持稳中求进工作总基调\n",
            ["一、2023年工作回顾", "二、2024年工作安排"],
            id="a sentence with 总体要求是： is not a bare heading",
        ),
    ],
)
def test_false_headings(text: str, headings: list[str]) -> None:
    outline = build_outline(text)
    assert [n.heading for n in outline.children if n.kind == "part"] == headings


def test_heading_with_its_body_on_one_line() -> None:
    text = (
        "2024年工作安排\n一、坚持深挖内需潜力，大力推动经济全面恢复增长。确保社会消费品零售总额增长9%以上。\n"
    )
    outline = build_outline(text)
    part = outline.children[0]
    section = part.children[0]
    assert (section.kind, section.heading) == ("section", "一、坚持深挖内需潜力，大力推动经济全面恢复增长")
    paragraph = section.children[0]
    assert text[paragraph.start : paragraph.end].endswith("增长9%以上。")


def test_heading_broken_across_lines_is_joined() -> None:
    text = "一、2020年工作回顾\n增长5%。\n二、“\n十四五\n”时期发展的总体思路和重点任务\n到2025年增长翻番。\n"
    outline = build_outline(text)
    parts = [n for n in outline.children if n.kind == "part"]
    assert parts[1].heading == "二、“十四五”时期发展的总体思路和重点任务"
    assert parts[1].role == "plan"
    assert [text[p.start : p.end] for p in parts[1].children] == ["到2025年增长翻番。"]


@pytest.mark.parametrize(
    ("line", "kind", "heading"),
    [
        (
            "1.始终坚持人民至上，树牢造福人民的政绩观。站稳人民立场。",
            "item",
            "1.始终坚持人民至上，树牢造福人民的政绩观",
        ),
        ("（1）新建5G基站1000个。", "item", "（1）新建5G基站1000个"),
        ("一是稳增长，确保增长6%。", "item", "一是稳增长，确保增长6%"),
        ("②完成投资500亿元。", "item", "②完成投资500亿元"),
        ("2023年全市生产总值增长5%。", "paragraph", ""),
        ("2.5万亿元的投资计划全面完成。", "paragraph", ""),
    ],
)
def test_items_wrap_their_paragraph(line: str, kind: str, heading: str) -> None:
    text = f"二、2024年工作安排\n{line}\n"
    part = build_outline(text).children[0]
    node = part.children[0]
    assert (node.kind, node.heading) == (kind, heading)
    if kind == "item":
        assert node.children[0].kind == "paragraph"
        assert (node.start, node.end) == (node.children[0].start, node.children[0].end)


def test_section_styles() -> None:
    text = (
        "三、2024年工作安排\n第一，竭力厚植比较优势，融入全省经济文化体系\n新增规上企业100家。\n"
        "第二，构建现代产业体系，推动内生造血提质增效\n（1）新建产业园3个。\n"
    )
    part = build_outline(text).children[0]
    assert [(n.kind, n.heading) for n in part.children] == [
        ("section", "第一，竭力厚植比较优势，融入全省经济文化体系"),
        ("section", "第二，构建现代产业体系，推动内生造血提质增效"),
    ]
    assert part.children[1].children[0].kind == "item"


def test_paragraphs_are_trimmed_lines() -> None:
    text = "二、2024年工作安排\r\n　　今年新增就业1万人。  \r\n\r\n\t（一）稳就业。新增岗位1万个。\n"
    outline = build_outline(text)
    paragraphs = [n for n in outline.walk() if n.kind == "paragraph"]
    assert [text[p.start : p.end] for p in paragraphs] == [
        "今年新增就业1万人。",
        "（一）稳就业。新增岗位1万个。",
    ]


def test_section_path(snippet: str) -> None:
    report = report_from_text(snippet, name="snippet")
    at = snippet.index("14万名")
    assert report.section_path(at) == ["二、2024年主要目标和重点工作", "（一）稳就业"]
    assert report.role_at(at) == "plan"
    assert report.role_at(snippet.index("12.3万人")) == "review"
    assert report.role_at(0) == "other"


def test_one_line_report_is_split_into_review_and_plan() -> None:
    """A whole report on one line (a lossy web export) still separates review from plan."""
    review = "2023年是全面贯彻党的二十大精神的开局之年。过去一年，全市生产总值增长5.6%。" * 60
    plan = "2024年是实施“十四五”规划的关键一年。今年主要预期目标是：生产总值增长6%左右。" * 60
    text = "各位代表：现在，我代表市人民政府，向大会报告工作，请予审议。" + review + plan
    outline = build_outline(text, year=2024)
    parts = [n for n in outline.children if n.kind == "part"]
    assert [p.role for p in parts] == ["review", "plan"]
    assert parts[1].start == text.index("2024年是")
    assert [len(p.children) for p in parts] == [1, 1]


@pytest.mark.parametrize("text", ["", " ", "\n\n", "\u3000\r\n"])
def test_empty_text(text: str) -> None:
    outline = build_outline(text)
    assert (outline.kind, outline.start, outline.end, outline.children) == ("report", 0, len(text), [])
    assert outline.role == "plan"


def test_lead_sentence() -> None:
    text = "二、2024年工作安排\n全面落实“双碳”战略。认真执行碳达峰政策。\n新增就业1万人。其中大学生5000人。\n坚持稳中求进。\n"
    paragraphs = [n for n in build_outline(text).walk() if n.kind == "paragraph"]
    leads = [[text[c.start : c.end] for c in p.children] for p in paragraphs]
    assert leads == [["全面落实“双碳”战略。"], [], []]


def test_text_before_a_plan_part_two_is_the_lost_part_one() -> None:
    text = "全市生产总值增长5.6%，新增城镇就业1.2万人。\n二、2024年工作安排\n新增城镇就业1.3万人以上。\n"
    assert _parts(text) == [("~全市生产总值", "review"), ("二、2024年工作安排", "plan")]


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_carriage_returns_break_lines_in_text_given_in_memory(newline: str) -> None:
    text = newline.join(
        ["一、2023年工作回顾", "增长5%。", "二、2024年工作安排", "（一）稳就业。新增就业1万人。", ""]
    )
    outline = build_outline(text)
    assert [(p.heading, p.role) for p in outline.children] == [
        ("一、2023年工作回顾", "review"),
        ("二、2024年工作安排", "plan"),
    ]
    paragraphs = [text[n.start : n.end] for n in outline.walk() if n.kind == "paragraph"]
    assert paragraphs == ["增长5%。", "（一）稳就业。新增就业1万人。"]


def test_full_width_years() -> None:
    text = "一、２０２３年工作回顾\n增长5%。\n二、２０２４年主要工作\n增长6%。\n"
    assert _parts(text) == [("一、２０２３年工作回顾", "review"), ("二、２０２４年主要工作", "plan")]
