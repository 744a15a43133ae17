"""Task extraction (任务抽取): commitment clauses of plan parts, their kinds, leads and spans."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from luoshi.extraction.model import TASK_KINDS, Task
from luoshi.extraction.tasks import extract_tasks
from luoshi.reading import Node, Report, report_from_text

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SEED = "seed_2023_shaoxing_excerpt.txt"


def report_of(*parts: tuple[str, str, str], name: str = "t") -> Report:
    """A Report built by hand: one part per ``(role, heading, body)``, one paragraph per line.

    For the cases that need an exact outline (roles, no lead nodes) whatever the outline
    parser decides; the other tests read their text with :func:`report_from_text`.
    """
    text, children = "", []
    for role, heading, body in parts:
        part_start = len(text)
        if heading:
            text += heading + "\n"
        paragraphs = []
        for line in body.split("\n"):
            if line:
                paragraphs.append(Node("paragraph", len(text), len(text) + len(line), role=role))
            text += line + "\n"
        children.append(Node("part", part_start, len(text), heading=heading, role=role, children=paragraphs))
    return Report(text=text, name=name, outline=Node("report", 0, len(text), role="other", children=children))


def plan(body: str) -> Report:
    """Text without part headings: all of it is plan, as the codebook says of excerpts."""
    report = report_from_text(body, name="t")
    assert {p.role for p in report.paragraphs()} <= {"plan"}
    return report


def texts(report: Report) -> list[str]:
    return [task.text for task in extract_tasks(report)]


def assert_spans(report: Report, tasks: list[Task]) -> None:
    """Each span slices back, is trimmed, lies in one paragraph, and tasks are in order."""
    paragraphs = [(p.start, p.end) for p in report.paragraphs()]
    previous = -1
    for task in tasks:
        assert report.text[task.start : task.end] == task.text
        assert task.text and task.text == task.text.strip(" \n\u3000，,。；;：:！？、")
        assert any(s <= task.start and task.end <= e for s, e in paragraphs)
        assert task.kind in TASK_KINDS
        assert task.verb and task.verb in task.text
        assert task.start >= previous
        previous = task.end


# --- the seed excerpt (all plan) ---------------------------------------------------------

SEED_TEXT = (Path(__file__).resolve().parents[2] / "luoshi" / "examples" / SEED).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed_tasks() -> dict[str, Task]:
    report = report_from_text(SEED_TEXT, name="seed")
    tasks = extract_tasks(report)
    assert_spans(report, tasks)
    return {task.text: task for task in tasks}


@pytest.mark.parametrize(
    ("text", "kind", "verb", "lead"),
    [
        ("推进低(零)碳试点示范建设", "action", "推进", "全面落实“双碳”战略"),
        ("确保完成年度主要污染物减排核算", "milestone", "完成", "全面落实“双碳”战略"),
        ("争创省低(零)碳乡镇(街道)10个以上", "action", "争创", "全面落实“双碳”战略"),
        ("高标准完成各区、县(市)修复试点任务", "milestone", "完成", "加快生态修复保护"),
        # 启动 counts as a finish verb: like 开工, started or not is a yes/no check
        ("启动曹娥江、浦阳江主干流和重要支流水生态健康评价", "milestone", "启动", "加快生态修复保护"),
        ("启动建设第七人民医院新院区", "milestone", "启动建设", "推进健康绍兴建设"),
        ("完成市中医院扩建、市妇保院迁建工程", "milestone", "完成", "推进健康绍兴建设"),
        ("制定实施市级龙头医院支持发展计划", "milestone", "制定实施", "推进健康绍兴建设"),
        ("加快建设市人民医院镜湖院区、绍兴文理学院附属医院二期", "action", "建设", "推进健康绍兴建设"),
        # a modal before a noun phrase is the verb itself
        ("加快县级示范零工市场建设", "action", "加快", "落实就业优先政策"),
        ("推动公益岗位扩容、失业保险扩围", "action", "推动", "落实就业优先政策"),
        ("深化“大综合一体化”行政执法改革", "action", "深化", "践行依法行政,始终做到严守法治"),
        # the section's own sentence after its heading: no lead
        ("积极创建“绿水青山就是金山银山”实践创新基地", "action", "创建", ""),
        # 同时,我们将… : the speaker is dropped from the span, the paragraph has no lead
        ("继续加强双拥共建和武装工作", "action", "加强", ""),
        ("认真办好十方面民生实事", "action", "办好", ""),
    ],
)
def test_seed_task(seed_tasks: dict[str, Task], text: str, kind: str, verb: str, lead: str) -> None:
    task = seed_tasks[text]
    assert (task.kind, task.verb, task.lead) == (kind, verb, lead)


@pytest.mark.parametrize(
    "text",
    [
        "全面落实“双碳”战略",  # a lead sentence heads its tasks, it is not one itself
        "协同推进污染防治",
        "(八)坚持绿色发展,着力巩固生态文明创建成果",  # a section heading
        "着力巩固生态文明创建成果",
        "PM2.5平均浓度低于28微克/立方米",  # a quantity without a verb: a target, not a task
        "坚持不懈用习近平新时代中国特色社会主义思想凝心铸魂",  # a political formula
        "坚定“四个自信”",
        "同时",
        "我们将按照“群众提、大家定、政府办”的理念",
        "让权力在法治轨道上运行",
    ],
)
def test_seed_not_a_task(seed_tasks: dict[str, Task], text: str) -> None:
    assert text not in seed_tasks
    assert not any(task.startswith(text) for task in seed_tasks)


def test_seed_section_heading_is_carried(seed_tasks: dict[str, Task]) -> None:
    assert seed_tasks["推进低(零)碳试点示范建设"].section == "(八)坚持绿色发展,着力巩固生态文明创建成果"
    assert seed_tasks["强化精准就业帮扶"].section == "(九)改善民生福祉,着力增强人民群众幸福感"
    assert seed_tasks["强化法治政府建设"].section == "三、切实加强政府自身建设"


def test_seed_counts(seed_tasks: dict[str, Task]) -> None:
    kinds = [task.kind for task in seed_tasks.values()]
    assert len(kinds) >= 80
    assert 5 <= kinds.count("milestone") < kinds.count("action")


# --- kinds and verbs ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("clause", "kind", "verb"),
    [
        ("推进低碳试点示范建设", "action", "推进"),
        ("加强基层网格规范运行", "action", "加强"),
        ("深化河湖长制", "action", "深化"),
        ("开工建设杭州电子科技大学绍兴校区", "milestone", "开工建设"),
        ("建成投用浙江金融职业学院绍兴校区", "milestone", "建成投用"),
        ("建成运营小吃、茶饮、酒吧三条特色街区", "milestone", "建成运营"),
        ("出台建设特色鲜明的高水平应用型高校工作方案", "milestone", "出台"),
        ("全面完成老旧小区改造", "milestone", "完成"),
        ("年内完成建设用地复垦600亩", "milestone", "完成"),
        # the finish verb closes the clause, or is named as due
        ("确保邵逸夫医院绍兴院区按期投用", "milestone", "确保"),
        ("推动轨道交通2号线二期年底前建成通车", "milestone", "推动"),
        ("确保新建项目早开工、续建项目快推进、竣工项目早投产", "milestone", "确保"),
        # a finish word inside an object is not a finish condition
        ("加强竣工验收管理", "action", "加强"),
        ("提升开工项目服务水平", "action", "提升"),
        ("力争全省低碳试点县全覆盖", "action", "力争"),
        # a second verb joins the first only where it is not the start of the object
        ("开展提升人才吸引力“六大行动”", "action", "开展"),
        ("巩固深化主题教育成果", "action", "巩固"),
        ("研究出台促进民营经济发展的若干措施", "milestone", "研究出台"),
        # a verb used as a noun leaves the modal before it as the verb
        ("加快发展方式绿色转型", "action", "加快"),
    ],
)
def test_kind_and_verb(clause: str, kind: str, verb: str) -> None:
    [task] = extract_tasks(plan(clause + "。"))
    assert (task.text, task.kind, task.verb) == (clause, kind, verb)


# --- clauses -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        # 、 does not split, commas do
        (
            "强化就业帮扶，推动公益岗位扩容、失业保险扩围。",
            ["强化就业帮扶", "推动公益岗位扩容、失业保险扩围"],
        ),
        ("推进水生态治理修复;加强废弃矿山整治修复!", ["推进水生态治理修复", "加强废弃矿山整治修复"]),
        # a verb keeps its object: before a colon and its list, alone before a comma
        (
            "重点推进三项工作：产业升级、城乡融合、民生改善。",
            ["重点推进三项工作：产业升级、城乡融合、民生改善"],
        ),
        ("大力推进，产业集群式、高端化发展。", ["大力推进，产业集群式、高端化发展"]),
        # a comma inside quotes or brackets does not end the clause
        ("开展“学习，实践”活动，加强管理。", ["开展“学习，实践”活动", "加强管理"]),
        ("完善（含县、乡，村）三级网络，推进共享。", ["完善（含县、乡，村）三级网络", "推进共享"]),
        # enumerators and the speaker are not part of the span; adverbs and times are
        ("一是加快产业升级；二是推进城乡融合。", ["加快产业升级", "推进城乡融合"]),
        ("同时，我们将继续加强双拥共建和武装工作。", ["继续加强双拥共建和武装工作"]),
        ("年内建成5G基站1000个，2024年底前完成改造。", ["年内建成5G基站1000个", "2024年底前完成改造"]),
        # not commitments: descriptions, framings, principles, formulas, questions
        (
            "坚持以习近平新时代中国特色社会主义思想为指导，坚持稳中求进工作总基调，推进高质量发展。",
            ["推进高质量发展"],
        ),
        ("以打造科创走廊为牵引，完善协同机制。", ["完善协同机制"]),
        ("各位代表，人民的需求就是我们的追求。", []),
        ("做好今年工作，必须牢牢把握三个方面要求。", []),
        ("为实现上述目标要求，重点做好十方面工作：", []),
        ("怎样推进改革？加强监管。", ["加强监管"]),
        ("地区生产总值增长6.5%以上，规上工业增加值增长9%。", []),
        ("", []),
        ("。，；", []),
    ],
)
def test_clauses(paragraph: str, expected: list[str]) -> None:
    report = plan(paragraph)
    tasks = extract_tasks(report)
    assert_spans(report, tasks)
    assert [task.text for task in tasks] == expected


# --- leads and headings ------------------------------------------------------------------


def test_lead_heads_the_paragraph_tasks() -> None:
    tasks = extract_tasks(plan("全面落实“双碳”战略。认真执行碳达峰政策，推进低碳试点示范建设。"))
    assert [(t.text, t.lead) for t in tasks] == [
        ("认真执行碳达峰政策", "全面落实“双碳”战略"),
        ("推进低碳试点示范建设", "全面落实“双碳”战略"),
    ]


def test_lead_is_a_task_when_it_is_the_only_commitment() -> None:
    tasks = extract_tasks(plan("协同推进污染防治。PM2.5平均浓度低于28微克/立方米。"))
    assert [(t.text, t.lead, t.verb) for t in tasks] == [("协同推进污染防治", "", "推进")]


@pytest.mark.parametrize(
    "paragraph",
    [
        # too long to be a heading
        "强化大气污染防治，推进VOCs源头替代工程，全面实施不稳定达标断面“一点一策”。加强监管。",
        # a quantity: a commitment, not a heading
        "新增城镇就业9.5万人。加强就业帮扶。",
        # description
        "今年是实施“十四五”规划的重要一年。加强就业帮扶。",
    ],
)
def test_no_lead(paragraph: str) -> None:
    tasks = extract_tasks(plan(paragraph))
    assert tasks and all(task.lead == "" for task in tasks)


def test_inline_headings_become_the_section() -> None:
    report = plan(
        "（一）以科技创新为动力引领高质量发展。深入实施科技创新体系建设工程。\n"
        "推动高等教育内涵式发展。开工建设大学校区。\n"
        "1.加快产业升级。推进园区建设。\n"
        "（二）以先进制造为关键构建现代化产业体系。推进产业集群发展。"
    )
    tasks = extract_tasks(report)
    assert_spans(report, tasks)
    assert [(t.text, t.section) for t in tasks] == [
        ("深入实施科技创新体系建设工程", "（一）以科技创新为动力引领高质量发展"),
        ("开工建设大学校区", "（一）以科技创新为动力引领高质量发展"),
        ("推进园区建设", "（一）以科技创新为动力引领高质量发展 > 1.加快产业升级"),
        ("推进产业集群发展", "（二）以先进制造为关键构建现代化产业体系"),
    ]


def test_items_that_are_only_a_heading_are_tasks() -> None:
    report = plan(
        "二、今年工作\n1.完成市中医院扩建。\n2.建成投用绍兴校区。\n3.加快产业升级。推进园区建设。\n"
    )
    tasks = extract_tasks(report)
    assert_spans(report, tasks)
    assert [(t.text, t.kind, t.lead) for t in tasks] == [
        ("完成市中医院扩建", "milestone", ""),
        ("建成投用绍兴校区", "milestone", ""),
        ("推进园区建设", "action", ""),
    ]
    assert tasks[-1].section.endswith("3.加快产业升级")


def test_past_tense_is_not_a_commitment() -> None:
    assert texts(report_of(("plan", "", "打通了金台东路，推进了改革，推进改革。"))) == ["推进改革"]


def test_line_wraps_inside_a_paragraph_do_not_split() -> None:
    text = "推进矿山综合\n整治\n和生态复绿，加大河湖\n整治\n及生态补水，严格\n执行债务限额管理制度。"
    paragraph = Node("paragraph", 0, len(text), role="plan")
    report = Report(
        text=text, name="t", outline=Node("report", 0, len(text), role="plan", children=[paragraph])
    )
    tasks = extract_tasks(report)
    assert_spans(report, tasks)
    assert [t.verb for t in tasks] == ["推进", "加大", "执行"]
    assert tasks[0].text == "推进矿山综合\n整治\n和生态复绿"


def test_outline_sections_are_used() -> None:
    text = "二、今年工作\n（一）扩大内需\n推进消费升级。\n"
    paragraph = Node("paragraph", text.index("推进"), text.index("。") + 1, role="plan")
    section = Node(
        "section",
        text.index("（一）"),
        len(text),
        heading="（一）扩大内需",
        role="plan",
        children=[paragraph],
    )
    part = Node("part", 0, len(text), heading="二、今年工作", role="plan", children=[section])
    report = Report(text=text, name="t", outline=Node("report", 0, len(text), role="other", children=[part]))
    [task] = extract_tasks(report)
    assert task.section == " > ".join(report.section_path(task.start)) == "二、今年工作 > （一）扩大内需"
    assert task.report == "t"


# --- parts --------------------------------------------------------------------------------


def test_review_part_yields_no_tasks() -> None:
    report = report_from_text(
        "一、2023年工作回顾\n"
        "过去一年，我们推进低碳试点建设，完成市中医院扩建。\n"
        "加强生态修复，建成投用绍兴校区。\n"
        "二、2024年主要工作\n"
        "推进低碳试点建设，完成市妇保院迁建工程。\n",
        name="t",
    )
    tasks = extract_tasks(report)
    assert_spans(report, tasks)
    assert [(t.text, t.kind) for t in tasks] == [
        ("推进低碳试点建设", "action"),
        ("完成市妇保院迁建工程", "milestone"),
    ]
    assert {report.role_at(t.start) for t in tasks} == {"plan"}
    assert {t.section for t in tasks} == {"二、2024年主要工作"}


def test_only_plan_roles_are_read() -> None:
    report = report_of(
        (
            "review",
            "一、2023年工作回顾",
            "推进低碳试点建设，完成市中医院扩建。\n加强生态修复，建成投用绍兴校区。",
        ),
        ("plan", "二、2024年主要工作", "推进低碳试点建设，完成市妇保院迁建工程。"),
        ("other", "名词解释", "推进：向前推动。"),
    )
    tasks = extract_tasks(report)
    assert_spans(report, tasks)
    assert [t.text for t in tasks] == ["推进低碳试点建设", "完成市妇保院迁建工程"]


def test_outline_without_parts() -> None:
    text = "推进低碳试点建设。"
    report = Report(text=text, name="t", outline=Node("report", 0, len(text), role="plan", children=[]))
    assert extract_tasks(report) == []  # no paragraphs, nothing to read
    paragraph = Node("paragraph", 0, len(text), role="plan")
    report = Report(
        text=text, name="t", outline=Node("report", 0, len(text), role="plan", children=[paragraph])
    )
    assert [(t.text, t.section) for t in extract_tasks(report)] == [("推进低碳试点建设", "")]


# --- properties ---------------------------------------------------------------------------

_PIECES = st.sampled_from(
    ["推进", "全面", "完成", "建成投用", "加快", "确保", "坚持", "“", "”", "（", "）", "(", ")", "，", "、"]
    + ["。", "；", "？", "：", "\n", " ", "一是", "（一）", "1.", "我们将", "习近平", "建设", "100个", "以上"]
)
_TEXT = st.lists(st.one_of(_PIECES, st.text(max_size=4)), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(_TEXT, _TEXT)
def test_never_raises_and_spans_slice_back(first: str, second: str) -> None:
    report = report_of(("review", "", first), ("plan", "", second))
    tasks = extract_tasks(report)
    assert_spans(report, tasks)
    assert all(report.role_at(task.start) == "plan" for task in tasks)


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.text(max_size=3), st.text(max_size=3))
def test_one_paragraph_with_anything_around_it(body: str, before: str, after: str) -> None:
    """A paragraph inside other text, line breaks and all: spans stay inside it."""
    text = before + body + after
    paragraph = Node("paragraph", len(before), len(before) + len(body), role="plan")
    report = Report(
        text=text, name="t", outline=Node("report", 0, len(text), role="plan", children=[paragraph])
    )
    tasks = extract_tasks(report)
    assert_spans(report, tasks)


@settings(max_examples=100, deadline=None)
@given(_TEXT)
def test_read_text_never_raises(text: str) -> None:
    report = report_from_text(text, name="t")
    tasks = extract_tasks(report)
    assert_spans(report, tasks)
    assert all(report.role_at(task.start) == "plan" for task in tasks)


# --- shared data ---------------------------------------------------------------------------

shared = pytest.mark.skipif(not (SHARED / "gold").is_dir(), reason="../shared is absent")


def _read(path: Path) -> Report:
    return report_from_text(path.read_text(encoding="utf-8"), name=path.stem)


def _gold_texts() -> list[Path]:
    return sorted((SHARED / "gold").glob("*.txt")) if (SHARED / "gold").is_dir() else []


@pytest.mark.shared
@shared
@pytest.mark.parametrize("path", _gold_texts(), ids=lambda p: p.stem)
def test_gold_report_tasks(path: Path) -> None:
    report = _read(path)
    tasks = extract_tasks(report)
    assert len(tasks) >= 50
    assert_spans(report, tasks)
    assert all(report.role_at(task.start) == "plan" for task in tasks)
    assert all(task.section == " > ".join(report.section_path(task.start)) or task.section for task in tasks)
    assert 0 < sum(task.kind == "milestone" for task in tasks) < len(tasks) / 2
    for paragraph in report.paragraphs():
        if paragraph.role != "plan":
            assert not [t for t in tasks if paragraph.start <= t.start < paragraph.end]


@pytest.mark.shared
@shared
def test_corpus_speed() -> None:
    """The whole corpus (3.8M characters) in well under a second of CPU; 2 s here for slow CI."""
    reports = [_read(path) for path in sorted((SHARED / "corpus").glob("*.txt"))]
    started = time.process_time()
    found = sum(len(extract_tasks(report)) for report in reports)
    assert time.process_time() - started < 2.0
    assert found > 10_000
