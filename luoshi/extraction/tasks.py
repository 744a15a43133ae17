"""Task extraction (任务抽取): every commitment clause of a report's plan part as a Task.

A plan (今年工作, 重点工作) decomposes into a draft task breakdown sheet (分解表): one row per
commitment clause (推进低（零）碳试点示范建设, 高标准完成各区、县（市）修复试点任务), each
with the outline path it lies in, the lead sentence (引领句) of its paragraph and a kind.

How a paragraph of a ``plan`` part is read:

- An inline heading (``（八）坚持绿色发展，着力巩固生态文明创建成果。``, ``1.…。``) that opens
  the paragraph is a heading, not a task: it joins ``Task.section`` when the outline does not
  already carry it, and it stays the current heading for the following paragraphs of the
  same outline node.
- Sentences end at 。；！？ (and ``; ! ?``); a sentence ending in ？ is a question and yields
  nothing. A line break inside a paragraph is a wrap, not a boundary. Clauses end at ，and ``,`` and at ：, but 、 does not split,
  and a clause keeps what follows when splitting would cut a verb from its object: a verb
  alone before the comma (大力推进，…), a verb before a colon and its list
  (重点推进三项工作：…), an open quote or bracket (“…，…”).
- A clause is a commitment when it opens, after optional enumerators (一是, （1）), a subject
  of the speaker (我们将 — dropped from the span), a time (年内, 2024年底前) and adverbs or
  modals (全面, 持续, 加快, 确保 …), with a verb of :data:`~luoshi.extraction.task_verbs.COMMITMENT_VERBS`.
  So clauses that only describe or address (各位代表, 同时, 今年, 以…为牵引, 让…) yield nothing,
  nor do bare quantities (PM2.5平均浓度低于28微克/立方米: that is a target, see targets).
  Clauses naming a political formula (习近平…思想, 两个维护 …) are slogans and are skipped,
  and 坚持 + a noun phrase (坚持稳中求进工作总基调) is a guiding principle, not a task.
- A paragraph's lead sentence (全面落实“双碳”战略。 — short, first, followed by more text) is
  the heading of its tasks: it becomes ``Task.lead`` of every task of the paragraph, and is a
  task itself only when the paragraph has no other commitment.
- ``kind`` is ``milestone`` when the clause's verb is a finish verb (完成, 建成, 投用, 开工,
  启动 …, see :data:`~luoshi.extraction.task_verbs.FINISH_VERBS`), or the clause ends in one
  or names one as due (确保…按期投用, …年底前建成), and ``action`` otherwise (推进, 加强, 深化).
  ``verb`` is the verb as written, with a second verb joined to it (开工建设, 建成投用).

The work is regex matching at clause openings only: text between commitments is never
looked at in Python, so the whole corpus goes through in a fraction of a second.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from luoshi.extraction.model import Task
from luoshi.extraction.task_verbs import (
    ADVERBS,
    COMMITMENT_VERBS,
    COMPLEMENT_AFTER,
    COMPLEMENT_VERBS,
    FINISH_VERBS,
    FORMULA_WORDS,
    FRAMING_PATTERNS,
    NO_COMPLEMENT_AFTER,
    SUBJECTS,
)
from luoshi.reading.report import Node, Report
from luoshi.reading.segment import lead_span

__all__ = ["extract_tasks"]

_SECTION_SEPARATOR = " > "
#: Longest inline heading sentence (（一）… / 1.…) taken as a heading rather than as content.
_HEADING_MAX = 40


def _alternation(words: tuple[str, ...]) -> str:
    """A regex matching any of ``words``, longest first, written as a trie.

    推进|推动|推广 becomes 推(?:动|广|进): the regex engine then rejects a clause opening after
    one character instead of trying every word, which is most of the extraction's cost.
    """
    trie: dict[str, dict] = {}
    for word in set(words):
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict[str, dict]) -> str:
    branches = [re.escape(char) + _trie_pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    pattern = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{pattern})?" if "" in node else pattern


# A line break inside a paragraph is a wrap left by the source (风险点\n整治\n，严厉打击…),
# not a boundary: paragraphs are the reader's, one a line unless it joined the pieces.
_CLAUSE_SEPARATORS = "，,：:。；！？;!?"
_SENTENCE_ENDS = "。；！？;!?"
# Punctuation and space trimmed from a span's ends; closing quotes and brackets only lead.
_TRIM_CHARS = " \t\r\n\u3000\xa0，,、。；;：:！!？?…—·"
_LEAD_TRIM_CHARS = _TRIM_CHARS + "”’）)】》"
_LEAD_TRIM = re.escape(_LEAD_TRIM_CHARS)

_NUM = "一二三四五六七八九十"
_ENUM = (
    rf"(?:[{_NUM}]{{1,3}}是|第[{_NUM}]{{1,3}}[，,、]?|首先[，,]?|其次[，,]?|再次[，,]?|最后[，,]?"
    rf"|[（(](?:[{_NUM}]{{1,3}}|\d{{1,2}})[）)]|\d{{1,2}}[.．、](?!\d)|[①-⑳])"
)
_TIME = r"(?:(?:到|在)?\d{4}年(?:底前|年底|底|内|前)?|今年|明年|年内|年底前|上半年|下半年)"
#: After a verb: 保障性, 实现率, 建设者, 推进的, 建设中, 打通了 are not verbs of a commitment.
_NOT_VERB_AFTER = "(?![性率者的中了])"
#: Verbs used as nouns or attributes (确保|新建项目早开工, 加快|发展方式绿色转型): then the
#: modal before them is the verb, or the clause is not a commitment.
_ATTRIBUTIVE = (
    "(?!(?:新建|续建|在建|竣工|新开工|完工|已建)项目"
    "|发展(?:方式|环境|质量|动能|活力|空间|基础|成果|水平|格局|理念|战略|规划|改革|目标|任务|短板|潜力|后劲))"
)

#: A commitment clause after its opening punctuation: ``pre`` (enumerator, speaker) is
#: dropped from the span, ``verb`` and ``verb2`` make the verb as written, ``rest`` runs to
#: the next clause separator.
_CLAUSE = (  # group numbers are used in _clauses: 1 pre, 2 body, 3 verb, 4 verb2, 5 rest
    rf"[{_LEAD_TRIM}]*"
    rf"(?P<pre>{_ENUM}?(?:{_alternation(SUBJECTS)})?)"
    rf"(?P<body>{_TIME}?(?:(?:{_alternation(ADVERBS)})\s*)*"
    rf"{_ATTRIBUTIVE}(?P<verb>{_alternation(COMMITMENT_VERBS)}){_NOT_VERB_AFTER}"
    rf"(?:(?P<verb2>{_alternation(COMPLEMENT_VERBS)}){_NOT_VERB_AFTER})?)"
    rf"(?P<rest>[^{_CLAUSE_SEPARATORS}]*)"
)
#: At the start of a paragraph (or after its inline heading).
_FIRST_COMMITMENT = re.compile(_CLAUSE)
#: Every character a commitment clause can open with: rejects most clause openings at once.
_OPENING_CHARS = re.escape(
    "".join(
        sorted({w[0] for w in SUBJECTS + ADVERBS + COMMITMENT_VERBS} | set("第首其再最（(到在今明年上下"))
    )
)
#: After a separator. Starting with a character class lets the engine skip to separators.
_NEXT_COMMITMENT = re.compile(
    rf"[{_CLAUSE_SEPARATORS}](?=[{_LEAD_TRIM}{_OPENING_CHARS}{_NUM}\d①-⑳]){_CLAUSE}"
)
_SEPARATOR = re.compile(f"[{_CLAUSE_SEPARATORS}]")
_SENTENCE_END = re.compile(f"[{_SENTENCE_ENDS}]")

#: An inline heading opening a paragraph: a marker and one short sentence.
_HEADING = re.compile(
    rf"[\s\u3000]*(?P<marker>[（(][{_NUM}]{{1,3}}[）)]|[{_NUM}]{{1,3}}、|[（(]\d{{1,2}}[）)]|\d{{1,2}}[.．、](?!\d))"
    rf"[^。；！？;!?：:\n]{{1,{_HEADING_MAX}}}(?:[。！!]|(?=\n)|$)"
)
#: Markers of parts and sections; other markers (1. （1） 一是) open items.
_SECTION_MARKER = re.compile(rf"[（(][{_NUM}]{{1,3}}[）)]|[{_NUM}]{{1,3}}、")

_FINISH = _alternation(FINISH_VERBS)
_FINISH_SET = frozenset(FINISH_VERBS)
#: A clause closed by a finish verb (确保…按期投用) or naming one as due (…年底前建成投用).
_FINISH_TAILS = frozenset({verb[-2:] for verb in FINISH_VERBS} | {"使用", "运营", "运行"})
_FINISH_END = re.compile(rf"(?:{_FINISH})(?:并?投入使用|使用|运营|运行)?$")
_FINISH_DUE = re.compile(rf"(?:按期|如期|按时|年内|年底前|底前|全部|全面|早日|顺利|基本)(?:{_FINISH})")
_FORMULA = re.compile(_alternation(FORMULA_WORDS))
_FRAMING = re.compile("|".join(FRAMING_PATTERNS))
_QUANTITY = re.compile(r"\d+(?:\.\d+)?\s*(?:%|％|万|亿|个|家|项|人|名|亩|吨|公里|元|座|所|户|千瓦)")

#: One found clause before it becomes a Task: start, end, verb, kind.
_Found = tuple[int, int, str, str]


def extract_tasks(report: Report) -> list[Task]:
    """Every commitment clause (任务) of the report's plan paragraphs, in report order.

    Only paragraphs whose part has role ``plan`` are read; review (工作回顾) and other parts
    yield nothing. Each task's ``text`` is ``report.text[start:end]``, trimmed of punctuation,
    inside one paragraph. Pure: no I/O, the report is not changed.
    """
    tasks: list[Task] = []
    inline: dict[tuple[str, ...], list[str]] = {}
    name, full = report.name, report.text
    for paragraph, path in _plan_paragraphs(report.outline, ()):
        base = paragraph.start
        text = full[base : paragraph.end]
        begin = _heading_end(text, path[-1]) if path else 0
        if not begin:
            heading = _HEADING.match(text)
            if heading and not _QUANTITY.search(heading.group()):
                begin = heading.end()
                _note_heading(heading, path, inline)
        section = _SECTION_SEPARATOR.join(path + tuple(inline.get(path, ())))
        lead, lead_end = ("", -1) if begin else _lead(full, paragraph)
        found, in_lead = _clauses(text, begin, lead_end)
        if not found and begin and not _SECTION_MARKER.match(text.lstrip()):
            # an item that is nothing but its heading (1.完成市中医院扩建。) is a task
            in_lead = _clauses(text[:begin], 0, begin)[1]
        if not found:
            found, lead = in_lead, ""
        tasks.extend(
            Task(name, base + start, base + end, text[start:end], section, kind, verb, lead)
            for start, end, verb, kind in found
        )
    return tasks


def _plan_paragraphs(node: Node, path: tuple[str, ...]) -> Iterator[tuple[Node, tuple[str, ...]]]:
    """Plan paragraphs with the headings of the parts, sections and items above them.

    The same path as :meth:`Report.section_path` gives for the paragraph's start, found in
    one walk instead of one descent per task.
    """
    for child in node.children:
        if child.kind == "paragraph":
            if child.role == "plan" and child.end > child.start:
                yield child, path
        elif child.kind in ("part", "section", "item"):
            yield from _plan_paragraphs(child, path + (child.heading,) if child.heading else path)
        elif child.children:
            yield from _plan_paragraphs(child, path)


def _heading_end(text: str, heading: str) -> int:
    """Where the outline's own heading ends when the paragraph opens with it, else 0.

    The reader keeps a section's heading sentence in its first paragraph
    (（一）以科技创新为动力引领高质量发展。深入实施…): that sentence is the section, not a task.
    """
    at = len(text) - len(text.lstrip())
    if not heading or not text.startswith(heading, at):
        return 0
    end = at + len(heading)
    if end == len(text) or text[end] == "\n":
        return end
    return end + 1 if text[end] in "。！!" else 0


def _note_heading(
    heading: re.Match[str], path: tuple[str, ...], inline: dict[tuple[str, ...], list[str]]
) -> None:
    """Remember an inline heading the outline does not carry, for this and later paragraphs."""
    marker = heading.group("marker")
    title = _trim(heading.group())
    if any(h.startswith((marker, title)) for h in path):
        return
    if _SECTION_MARKER.fullmatch(marker):
        inline[path] = [title]
    else:
        inline[path] = inline.get(path, [])[:1] + [title]


def _lead(text: str, paragraph: Node) -> tuple[str, int]:
    """The paragraph's lead sentence (引领句) and where it ends in the paragraph, or ``("", -1)``.

    The outline's ``lead`` node when the reader found one; otherwise the reader's own rule
    (:func:`luoshi.reading.segment.lead_span`), for outlines built by hand.
    """
    span = next(((c.start, c.end) for c in paragraph.children if c.kind == "lead"), None)
    if span is None and not paragraph.children:
        span = lead_span(text, paragraph.start, paragraph.end)
    if span is None:
        return "", -1
    return _trim(text[span[0] : span[1]]), span[1] - paragraph.start


def _clauses(text: str, begin: int, lead_end: int) -> tuple[list[_Found], list[_Found]]:
    """The commitment clauses of one paragraph's text: those after its lead, those in it.

    The hot loop of the module, written for speed: one regex match per commitment, string
    methods in C for the rest.
    """
    found: list[_Found] = []
    in_lead: list[_Found] = []
    size = len(text)
    questions = "？" in text or "?" in text
    formulas = _FORMULA.search(text, begin) is not None
    brackets = "“" in text or "（" in text or "(" in text
    due = [m.start() for m in _FINISH_DUE.finditer(text, begin)]
    first = _FIRST_COMMITMENT.match(text, begin)
    matches = _NEXT_COMMITMENT.finditer(text, begin)
    last_end = begin
    for match in (first, *matches) if first else matches:
        start = match.start(2)  # body
        if start < last_end:
            continue
        end = match.end()
        clause = text[start:end]
        if end < size:
            mark = text[end]
            verb, verb2, rest = match.group(3, 4, 5)
            alone = mark in "，," and not rest.strip()
            if alone or mark in "：:" or (brackets and _unbalanced(clause)):
                end = _clause_end(text, start, end + 1 if alone else end)
                clause = text[start:end]
        else:
            verb, verb2 = match.group(3, 4)
        last_end = end
        if questions and _in_question(text, end):
            continue
        clause = clause.rstrip(_TRIM_CHARS)
        if (
            not clause
            or (formulas and _FORMULA.search(clause))
            or (clause.endswith("工作") and _FRAMING.fullmatch(clause))
        ):
            continue
        if verb2 and _joins(verb, verb2):
            finish = verb in _FINISH_SET or verb2 in _FINISH_SET
            verb += verb2
        else:
            finish = verb in _FINISH_SET
        if not finish:
            end = start + len(clause)
            finish = (
                clause[-2:] in _FINISH_TAILS and _FINISH_END.search(clause, len(clause) - 9) is not None
            ) or (bool(due) and any(start <= at < end for at in due))
        row = (start, start + len(clause), verb, "milestone" if finish else "action")
        (in_lead if start < lead_end else found).append(row)
    return found, in_lead


def _joins(verb: str, second: str) -> bool:
    """Whether ``second`` continues ``verb`` (建成投用, 开工建设) rather than start its object.

    A finish verb joins only a finish verb or 研究 (研究出台): 加强|竣工验收管理 is an action.
    """
    if verb in NO_COMPLEMENT_AFTER:
        return False
    if second in _FINISH_SET and verb not in _FINISH_SET and verb != "研究":
        return False
    allowed = COMPLEMENT_AFTER.get(second)
    return allowed is None or verb in allowed


def _in_question(text: str, end: int) -> bool:
    """Whether the sentence holding ``end`` ends with a question mark."""
    sentence_end = _SENTENCE_END.search(text, end)
    return sentence_end is not None and text[sentence_end.start()] in "？?"


def _clause_end(text: str, start: int, position: int) -> int:
    """Where a clause ends when its first separator does not end it, never past its sentence.

    A verb alone before a comma keeps its object (大力推进，…: the caller passes ``position``
    past that comma); a colon keeps its list (重点推进三项工作：…); an open quote or bracket
    runs to its close (“…，…”).
    """
    while True:
        separator = _SEPARATOR.search(text, position)
        if separator is None:
            return len(text)
        at = separator.start()
        mark = text[at]
        if mark in "：:":
            sentence_end = _SENTENCE_END.search(text, at + 1)
            return len(text) if sentence_end is None else sentence_end.start()
        if _unbalanced(text[start:at]):
            position = at + 1
            continue
        return at


def _unbalanced(clause: str) -> bool:
    """Whether a quote or bracket opened in the clause is still open."""
    if "“" in clause and clause.count("“") > clause.count("”"):
        return True
    if "（" in clause or "(" in clause:
        opened = clause.count("（") + clause.count("(")
        if opened > clause.count("）") + clause.count(")"):
            return True
    return "《" in clause and clause.count("《") > clause.count("》")


def _trim(text: str) -> str:
    return text.lstrip(_LEAD_TRIM_CHARS).rstrip(_TRIM_CHARS)
