"""The Report (报告) and its outline: what reading produces and every later stage consumes.

A Report is the text of one government work report (政府工作报告) exactly as decoded, plus
an outline of nested nodes, each with ``[start, end)`` character offsets into that text, so
that anything found later can be traced back to the words it came from.

Outline node kinds, from the top: ``part`` (一、), ``section`` ((一) / （一）), ``item``
(1. / （1） / 一是), ``paragraph``, and inside a paragraph its ``lead`` sentence
(全面落实“双碳”战略。), ``sentence`` and ``clause`` (computed on demand, see
:mod:`luoshi.reading.outline`). Every part has a role: ``review`` (工作回顾), ``plan``
(今年工作, 主要预期目标, 重点工作, 总体要求) or ``other`` (名词解释, closing).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field

__all__ = ["Node", "Report", "ROLES", "NODE_KINDS"]

ROLES = ("review", "plan", "other")
NODE_KINDS = ("report", "part", "section", "item", "paragraph", "lead", "sentence", "clause")


@dataclass(slots=True)
class Node:
    """One node of a report's outline, with offsets into ``Report.text``.

    ``heading`` is the node's own heading line or marker text (一、2024年主要目标 ...), empty
    for paragraphs and below. ``role`` is the role of the part the node lies in.
    """

    kind: str
    start: int
    end: int
    heading: str = ""
    role: str = "plan"
    children: list[Node] = field(default_factory=list)

    def walk(self) -> Iterator[Node]:
        """This node and all nodes below it, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(slots=True)
class Report:
    """One report: its text as decoded, where it came from, its metadata and outline.

    ``place`` (e.g. 绍兴市), ``level`` (national, province, city, county) and ``year`` (the
    plan year) come from the text where it says them, or from the caller.
    """

    text: str
    name: str
    outline: Node
    source: str | None = None
    format: str = "txt"
    encoding: str | None = None
    place: str | None = None
    level: str | None = None
    year: int | None = None
    _part_starts: list[int] = field(default_factory=list, repr=False)
    _parts: list[Node] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._parts = [n for n in self.outline.children if n.kind == "part"]
        self._part_starts = [n.start for n in self._parts]

    @property
    def parts(self) -> list[Node]:
        """The top-level parts (一、二、…) in order."""
        return self._parts

    def nodes(self, kind: str) -> Iterator[Node]:
        """Every outline node of one kind, in document order."""
        return (n for n in self.outline.walk() if n.kind == kind)

    def paragraphs(self, role: str | None = None) -> Iterator[Node]:
        """Paragraph nodes, optionally only those in parts of one role."""
        return (n for n in self.nodes("paragraph") if role is None or n.role == role)

    def role_at(self, offset: int) -> str:
        """The role (review, plan, other) of the part holding ``offset``."""
        i = bisect_right(self._part_starts, offset) - 1
        if i < 0:
            return self.outline.role
        return self._parts[i].role

    def section_path(self, offset: int) -> list[str]:
        """Headings of the part, section and item that hold ``offset``, outermost first."""
        path: list[str] = []
        node = self.outline
        while True:
            inner = next(
                (
                    c
                    for c in node.children
                    if c.start <= offset < c.end and c.kind in ("part", "section", "item")
                ),
                None,
            )
            if inner is None:
                return path
            if inner.heading:
                path.append(inner.heading)
            node = inner
