"""Properties of the outline on any text: it never raises, and its spans nest inside the text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from luoshi.errors import UndecodableText
from luoshi.reading import Node, build_outline, clauses, inline_items, report_from_text, sentences
from luoshi.reading.decode import decode_bytes
from luoshi.reading.report import NODE_KINDS, ROLES

# Lines a report is made of, so that generated text hits the heading and cue rules.
PIECES = [
    "一、2023年工作回顾",
    "二、2024年工作安排",
    "三、全面加强政府自身建设",
    "2023年工作回顾",
    "2024年工作安排",
    "名词解释",
    "第一部分 今后五年",
    "（一）稳就业。新增就业1万人。",
    "（二）",
    "1.新建学校3所。",
    "（1）",
    "一是稳增长，二是调结构。",
    "第一，保持定力。",
    "各位代表：",
    "现在，我代表市人民政府向大会报告工作，请予审议。",
    "过去一年，全市生产总值增长5%。",
    "一年来，我们主要做了以下工作：",
    "今年是关键一年。今年主要预期目标是：增长6%左右。",
    "全面落实“双碳”战略。PM2.5平均浓度低于28微克/立方米。",
    "二、“",
    "十四五",
    "”时期的主要目标",
    "“",
    "）。；，、：",
    "　　",
    "",
]

report_text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=30)), max_size=40).flatmap(
    lambda lines: st.lists(
        st.sampled_from(["\n", "\r\n", "\r", "", " "]), min_size=len(lines), max_size=len(lines)
    ).map(lambda breaks: "".join(line + brk for line, brk in zip(lines, breaks, strict=True)))
)

any_text = st.one_of(
    st.text(), report_text, st.text(alphabet="一二三、（）()是第部分年回顾安排。\n\r 　1.", max_size=80)
)


def _check(node: Node, text: str, parent: Node | None) -> None:
    assert node.kind in NODE_KINDS
    assert node.role in ROLES
    assert 0 <= node.start <= node.end <= len(text)
    if parent is not None:
        assert parent.start <= node.start and node.end <= parent.end
        assert node.start < node.end, "only the report node may be empty"
        words = text[node.start : node.end]
        assert words == words.strip(" \t\r\n\u3000\u00a0\ufeff\u200b\f\v")
    previous = None
    for child in node.children:
        if previous is not None:
            assert previous.end <= child.start
        _check(child, text, node)
        previous = child


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_outline_never_raises_and_spans_nest(text: str) -> None:
    outline = build_outline(text)
    assert (outline.kind, outline.start, outline.end) == ("report", 0, len(text))
    _check(outline, text, None)


@settings(max_examples=200)
@given(any_text, st.one_of(st.none(), st.integers(min_value=1990, max_value=2100)))
def test_report_from_text_never_raises(text: str, year: int | None) -> None:
    report = report_from_text(text, year=year)
    for offset in (0, len(text) // 2, len(text)):
        assert report.role_at(offset) in ROLES
        assert isinstance(report.section_path(offset), list)


@settings(max_examples=200)
@given(any_text)
def test_sentences_and_clauses_stay_inside_their_node(text: str) -> None:
    outline = build_outline(text)
    for node in [outline, *(n for n in outline.walk() if n.kind == "paragraph")]:
        for split in (sentences, clauses, inline_items):
            pieces = split(text, node)
            previous_end = node.start
            for piece in pieces:
                assert node.start <= piece.start < piece.end <= node.end
                assert piece.start >= previous_end
                previous_end = piece.end


@given(st.text(min_size=1, max_size=200))
def test_bom_encodings_round_trip(text: str) -> None:
    for bom, encoding in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        payload = bom + text.encode(encoding)
        if payload.startswith(b"\xff\xfe\x00\x00"):
            continue  # UTF-16-LE's BOM and a NUL character are UTF-32-LE's BOM: the bytes are ambiguous
        try:
            decoded, _ = decode_bytes(payload)
        except UndecodableText:
            continue  # text that is mostly control characters is refused, not garbled
        assert decoded == text


chinese = st.text(
    alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), min_size=10, max_size=200
)


@given(chinese, st.sampled_from(["utf-8", "gb18030", "utf-16-le", "utf-16-be"]))
def test_chinese_text_round_trips_without_a_bom(text: str, encoding: str) -> None:
    words = text + "，新增就业1.2万人。"
    decoded, _ = decode_bytes(words.encode(encoding))
    assert decoded == words
