"""The report reader (报告原文): the whole text in paragraphs, targets and tasks marked inline.

Spans may nest (a target inside a task's clause): the text is cut at every span's start
and end, each piece belongs to the innermost target covering it, else to a task, else to
no item, and neighbouring pieces of the same item are joined again.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from luoshi.store import Plan, Target, Task

__all__ = ["Piece", "report_paragraphs"]


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of text; ``kind`` is ``target``, ``task`` or empty, ``ref`` the item id (T12, K7)."""

    text: str
    kind: str = ""
    ref: str = ""
    review: str = ""


def report_paragraphs(session: Session, plan: Plan) -> list[list[Piece]]:
    """The report's paragraphs (lines), each a list of pieces."""
    text = plan.report.text
    spans: list[tuple[int, int, str, str, str]] = []
    for row in session.execute(
        select(Target.id, Target.start, Target.end, Target.review).where(Target.plan_id == plan.id)
    ):
        spans.append((row.start, row.end, "target", f"T{row.id}", row.review))
    for row in session.execute(
        select(Task.id, Task.start, Task.end, Task.review).where(Task.plan_id == plan.id)
    ):
        spans.append((row.start, row.end, "task", f"K{row.id}", row.review))
    cuts = sorted(
        {0, len(text), *(s for s, *_ in spans), *(e for _, e, *_ in spans)}
        | {i + 1 for i, ch in enumerate(text) if ch == "\n"}
    )
    cuts = [c for c in cuts if 0 <= c <= len(text)]
    paragraphs: list[list[Piece]] = [[]]
    for start, end in zip(cuts, cuts[1:], strict=False):
        covering = [s for s in spans if s[0] <= start and end <= s[1]]
        targets = [s for s in covering if s[2] == "target"]
        chosen = min(targets or covering, key=lambda s: s[1] - s[0], default=None)
        kind, ref, review = (chosen[2], chosen[3], chosen[4]) if chosen else ("", "", "")
        chunk = text[start:end]
        for index, line in enumerate(chunk.split("\n")):
            if index:
                paragraphs.append([])
            if not line:
                continue
            current = paragraphs[-1]
            if current and current[-1].kind == kind and current[-1].ref == ref:
                current[-1] = Piece(current[-1].text + line, kind, ref, review)
            else:
                current.append(Piece(line, kind, ref, review))
    return [p for p in paragraphs if p]
