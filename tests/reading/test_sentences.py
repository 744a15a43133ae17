"""Sentences, clauses, lead sentences and inline 一是…二是… items, computed on demand."""

from __future__ import annotations

import pytest

from luoshi.reading import Node, clauses, inline_items, sentences
from luoshi.reading.segment import lead_span


def _node(text: str, role: str = "plan") -> Node:
    return Node("paragraph", 0, len(text), role=role)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "新增就业1万人。完成投资500亿元！确保完成？",
            ["新增就业1万人。", "完成投资500亿元！", "确保完成？"],
        ),
        ("稳增长；调结构；惠民生", ["稳增长；", "调结构；", "惠民生"]),
        (
            "落实“双碳”战略。认真执行“他说：‘好。’”的政策。",
            ["落实“双碳”战略。", "认真执行“他说：‘好。’”的政策。"],
        ),
        ("坚持“稳中求进。”继续推进。", ["坚持“稳中求进。”", "继续推进。"]),
        ("制定《办法（试行。）》等文件。", ["制定《办法（试行。）》等文件。"]),
        ("  前后空白。  \t", ["前后空白。"]),
        ("。。", []),
        ("", []),
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    found = sentences(text, _node(text))
    assert [text[s.start : s.end] for s in found] == expected
    assert all(s.kind == "sentence" and s.role == "plan" for s in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("扶持创业2200人、带动就业6600人以上。", ["扶持创业2200人", "带动就业6600人以上"]),
        ("主要预期目标是：增长6%左右，失业率5.5%以内。", ["主要预期目标是", "增长6%左右", "失业率5.5%以内"]),
        ("推进“一网通办、一网统管”，提升效能。", ["推进“一网通办、一网统管”", "提升效能"]),
        ("新建（含改扩建，下同）学校10所。", ["新建（含改扩建，下同）学校10所"]),
        ("a, b: c", ["a", "b", "c"]),
    ],
)
def test_clauses(text: str, expected: list[str]) -> None:
    found = clauses(text, _node(text))
    assert [text[c.start : c.end] for c in found] == expected
    assert all(c.kind == "clause" for c in found)


def test_spans_of_a_node_inside_a_larger_text() -> None:
    text = "前文。\n（一）稳就业。新增就业1万人，扶持创业2200人。\n后文。"
    start = text.index("（一）")
    node = Node("paragraph", start, text.index("\n后文"), role="plan")
    assert [text[s.start : s.end] for s in sentences(text, node)] == [
        "（一）稳就业。",
        "新增就业1万人，扶持创业2200人。",
    ]
    assert [text[c.start : c.end] for c in clauses(text, node)] == [
        "（一）稳就业",
        "新增就业1万人",
        "扶持创业2200人",
    ]


def test_unclosed_quote_stops_counting() -> None:
    text = "坚持“" + "甲" * 250 + "。后一句。"
    assert len(sentences(text, _node(text))) == 2


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        ("全面落实“双碳”战略。认真执行碳达峰政策。", "全面落实“双碳”战略。"),
        ("（一）稳就业。新增就业1万人。", "稳就业。"),
        ("1.项目推进全面提速。新开工项目200个。", "项目推进全面提速。"),
        ("一是稳增长。确保增长6%。", "稳增长。"),
        ("新增就业1万人。其中大学生5000人。", None),  # a number: not a topic statement
        ("全面落实“双碳”战略。", None),  # nothing follows
        ("今年是实施“十四五”规划的关键一年，是推进高质量发展的重要一年。后文。", None),  # too long
        ("各位代表。后文。", None),
        ("坚持绿色发展，着力巩固生态文明创建成果，持续推进。后文。", None),  # two commas
    ],
)
def test_lead(text: str, lead: str | None) -> None:
    span = lead_span(text, 0, len(text))
    assert (text[span[0] : span[1]] if span else None) == lead


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "重点抓好三件事：一是稳增长，确保增长6%；二是调结构，新增高新技术企业100家；三是惠民生。",
            [
                ("一是", "一是稳增长，确保增长6%"),
                ("二是", "二是调结构，新增高新技术企业100家"),
                ("三是", "三是惠民生。"),
            ],
        ),
        (
            "第一，保持定力。第二，稳中求进。",
            [("第一，", "第一，保持定力。"), ("第二，", "第二，稳中求进。")],
        ),
        ("统一是前提，一是根本。", []),  # 统一是: not after punctuation; a single 一是 is not a list
        ("一是稳增长，三是惠民生。", []),  # out of order
    ],
)
def test_inline_items(text: str, expected: list[tuple[str, str]]) -> None:
    found = inline_items(text, _node(text))
    assert [(i.heading, text[i.start : i.end]) for i in found] == expected
    assert all(i.kind == "item" for i in found)
