"""The outline of a report (报告结构): parts, sections, items, paragraphs and lead sentences.

``build_outline(text)`` is a pure function of the text (and, optionally, the plan year). It
returns a ``report`` node whose children are the front matter's paragraphs (title, meeting
line, 各位代表：…, role ``other``) and the parts (see :mod:`luoshi.reading.parts` for how
parts and their roles are found). Inside a part:

- ``section`` nodes for the first section style that occurs in it: （一） in most reports,
  一、 under unnumbered parts, 第一， in a few; a section runs to the next one;
- ``item`` nodes for lines opening with another marker (1. （1） ① 一是 …), each wrapping
  its paragraph;
- ``paragraph`` nodes, one a line (a heading line that is nothing but a heading is the
  heading of its part or section, not a paragraph), each with its ``lead`` sentence as a
  child when it has one.

Every node's span is ``[start, end)`` into the text, trimmed of white space, and nested in
its parent's. Sentences, clauses and inline 一是…二是… items are computed on demand with
:func:`sentences`, :func:`clauses` and :func:`inline_items`.
"""

from __future__ import annotations

from luoshi.reading.blocks import Block, split_blocks
from luoshi.reading.headings import Mark, mark_blocks
from luoshi.reading.metadata import detect_year
from luoshi.reading.parts import PartPlan, plan_parts
from luoshi.reading.report import Node
from luoshi.reading.segment import clauses, inline_items, lead_span, sentences

__all__ = ["build_outline", "sentences", "clauses", "inline_items", "lead_span"]

_SECTION_STYLES = ("num", "paren", "ordinal")


def build_outline(text: str, *, year: int | None = None) -> Node:
    """The outline of ``text``; ``year`` is the plan year, found in the text when not given."""
    if year is None:
        year = detect_year(text)
    blocks = split_blocks(text)
    marks = mark_blocks(text, blocks)
    front, parts = plan_parts(text, blocks, marks, year)
    role = "other" if front else (parts[0].role if parts else "plan")
    root = Node("report", 0, len(text), role=role)
    builder = _Builder(text, blocks, marks)
    for i in range(front):
        builder.add_paragraph(root, i, "other")
    tops = {part.heading for part in parts if part.heading is not None}
    for k, part in enumerate(parts):
        end = parts[k + 1].first if k + 1 < len(parts) else len(blocks)
        root.children.append(builder.part(part, end, tops))
    return root


class _Builder:
    """Turns block ranges into nodes."""

    def __init__(self, text: str, blocks: list[Block], marks: list[Mark | None]) -> None:
        self.text, self.blocks, self.marks = text, blocks, marks

    def paragraph(self, start: int, end: int, role: str) -> Node:
        node = Node("paragraph", start, end, role=role)
        span = lead_span(self.text, start, end)
        if span is not None:
            node.children.append(Node("lead", span[0], span[1], role=role))
        return node

    def add_paragraph(self, parent: Node, i: int, role: str) -> None:
        """Append block ``i`` as a paragraph, joining pieces of one over-long line."""
        block = self.blocks[i]
        last = parent.children[-1] if parent.children else None
        if block.piece and last is not None and last.kind == "paragraph" and i > 0:
            previous = self.blocks[i - 1]
            if previous.piece and previous.line == block.line and last.end == previous.end:
                parent.children[-1] = self.paragraph(last.start, block.end, role)
                return
        parent.children.append(self.paragraph(block.start, block.end, role))

    def part(self, part: PartPlan, end: int, tops: set[int]) -> Node:
        blocks, marks = self.blocks, self.marks
        own = marks[part.heading] if part.heading is not None else None
        heading = own.heading if own is not None else ""
        node = Node("part", blocks[part.first].start, blocks[end - 1].end, heading=heading, role=part.role)
        styles = (marks[i] for i in range(part.first, end) if i != part.heading and i not in tops)
        style = next((m.style for m in styles if m is not None and m.style in _SECTION_STYLES), None)
        section: Node | None = None
        for i in range(part.first, end):
            mark = marks[i]
            if mark is not None and mark.style == "cont":
                if section is not None:
                    section.end = blocks[i].end
                continue
            if i == part.heading:
                if own is not None and not own.pure:
                    self.add_paragraph(node, i, part.role)
                continue
            if mark is not None and mark.style == style:
                section = Node(
                    "section", blocks[i].start, blocks[i].end, heading=mark.heading, role=part.role
                )
                node.children.append(section)
                if not mark.pure:
                    self.add_paragraph(section, i, part.role)
                continue
            parent = section if section is not None else node
            if mark is not None and mark.style != "bare":
                paragraph = self.paragraph(blocks[i].start, blocks[i].end, part.role)
                parent.children.append(
                    Node(
                        "item",
                        paragraph.start,
                        paragraph.end,
                        heading=mark.heading,
                        role=part.role,
                        children=[paragraph],
                    )
                )
            else:
                self.add_paragraph(parent, i, part.role)
            if section is not None:
                section.end = blocks[i].end
        return node
