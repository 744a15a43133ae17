"""The top level of a report (报告的部分): where its parts start and what role each has.

1. Front matter (title, meeting line, speaker, 各位代表：, 现在，我代表…) stays outside parts.
2. Part headings are 第一部分 headings, bare part headings (2024年工作安排) and numbered
   headings (一、). A run of numbered headings is nested (they are sections) when a bare
   part heading introduces it, as in reports whose parts are unnumbered and whose sections
   restart at 一、 under each of them.
3. Each part's role comes from its heading's words (:func:`~luoshi.reading.roles.heading_role`).
   Where they say nothing (一、坚持产业跨越发展…), or where there is no heading at all (text
   before the first part heading, reports without headings), paragraph cues decide, and a
   change of cue starts an implicit part (heading ``""``): 过去一年… opens a review,
   今年是… / 主要预期目标是… the plan. Reports go review → plan, so once the plan is reached a
   review cue is ignored. Text without any cue is plan (an excerpt of the plan part).
4. A part headed as review whose text unmistakably opens the plan (今年…主要预期目标是) is
   split there: the plan heading was lost. Parts headed as plan are never split.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from luoshi.reading.blocks import Block
from luoshi.reading.headings import Mark
from luoshi.reading.roles import heading_role, opens_plan, paragraph_cue

__all__ = ["PartPlan", "plan_parts"]

_YEAR = r"(?:\d{4}|[一二][〇零○一二三四五六七八九]{3})"
_FRONT = re.compile(
    r"^(?:"
    rf"[—\-–－\s（(]*[^。]{{0,30}}?{_YEAR}\s*年[^。]{{0,40}}(?:会议|大会)[^。]{{0,12}}"
    r"|[—\-–－\s（(]*[^。]{0,40}(?:人民代表大会|全体会议)[^。]{0,20}上[）)]?"
    rf"|[（(—\-–\s]*{_YEAR}\s*年[^。]{{0,8}}月[^。]{{0,6}}日[）)]?"
    r"|[^。]{0,30}政\s*府\s*工\s*作\s*报\s*告[^。]{0,30}(?:。[^。]{0,20}摄)?"
    r"|[^。，]{0,30}(?:省长|市长|县长|区长|州长|主席|总理|盟长|旗长|专员)[\s\u4e00-\u9fff·]{0,10}"
    r"|(?:各位(?:代表|委员|主任)|同志们)[^。]{0,20}?[：:！!]?"
    r"|(?:[^。]{0,30}。)?(?:现在|下面)?，?我代表[^。]{0,80}(?:报告|意见|审议)[^。]{0,60}。?(?:[^。]{0,60}。)?"
    r"|[\u4e00-\u9fff][\u4e00-\u9fff\s·]{1,7}"
    r")$"
)
#: Paragraphs after a weak heading that may still say what its part is.
_WINDOW = 3


@dataclass(slots=True)
class PartPlan:
    """A part to build: its first block, its heading block (``None`` if implicit), its role."""

    first: int
    heading: int | None
    role: str


def _title(marks: list[Mark | None], i: int) -> str:
    mark = marks[i]
    return mark.title if mark is not None else ""


def _preamble_role(marks: list[Mark | None], tops: list[int], year: int | None) -> str:
    """The role of text before the first part heading when no cue says it.

    Before a review part it is an introduction (other); before 二、… headed as plan it is
    part 一 whose heading was lost (review); otherwise (三、… after it, no heading at all) it is
    an excerpt of the plan.
    """
    if not tops:
        return "plan"
    first = marks[tops[0]]
    role = heading_role(first.title, year) if first is not None else None
    if role == "review":
        return "other"
    if role == "plan" and first is not None and first.style == "num" and first.value == 2:
        return "review"
    return "plan"


def _front_matter_end(text: str, blocks: list[Block], marks: list[Mark | None]) -> int:
    for i, block in enumerate(blocks):
        if marks[i] is not None or block.piece or not _FRONT.match(text[block.start : block.end]):
            return i
    return len(blocks)


def _top_headings(marks: list[Mark | None], front: int, year: int | None) -> list[int]:
    """Indices of the blocks whose headings start parts."""
    styles: dict[str, list[int]] = {"chapter": [], "bare": [], "num": []}
    heads: dict[int, Mark] = {}
    for i in range(front, len(marks)):
        mark = marks[i]
        if mark is not None and mark.style in styles:
            styles[mark.style].append(i)
            heads[i] = mark
    if styles["chapter"]:
        return sorted(styles["chapter"] + styles["bare"])
    bares = styles["bare"]
    runs: list[list[int]] = []
    for i in styles["num"]:
        if not runs or heads[i].value == 1:
            runs.append([i])
        else:
            runs[-1].append(i)
    tops = list(bares)
    previous_end = front - 1
    for run in runs:
        intro = [b for b in bares if previous_end < b < run[0]]
        nested = False
        if intro:
            bare_role = heading_role(heads[intro[-1]].title, year)
            run_role = heading_role(heads[run[0]].title, year)
            nested = run_role is None or run_role == bare_role
        if not nested:
            tops.extend(run)
        previous_end = run[-1]
    return sorted(tops)


def plan_parts(
    text: str, blocks: list[Block], marks: list[Mark | None], year: int | None
) -> tuple[int, list[PartPlan]]:
    """Where front matter ends, and the parts of the report in order."""
    front = _front_matter_end(text, blocks, marks)
    tops = _top_headings(marks, front, year)
    planner = _Planner(text, blocks, marks, year)
    first_top = tops[0] if tops else len(blocks)
    if front < first_top:
        planner.scan(front, first_top, None, None, default=_preamble_role(marks, tops, year))
    bounds = [*tops, len(blocks)]
    for k, h in enumerate(tops):
        planner.part(h, bounds[k + 1])
    return front, planner.parts


class _Planner:
    """Assigns roles region by region, remembering the last role and whether the plan began."""

    def __init__(self, text: str, blocks: list[Block], marks: list[Mark | None], year: int | None) -> None:
        self.text, self.blocks, self.marks, self.year = text, blocks, marks, year
        self.parts: list[PartPlan] = []
        self.state: str | None = None
        self.reached_plan = False

    def _words(self, i: int) -> str:
        block = self.blocks[i]
        return self.text[block.start : block.end]

    def _cue(self, i: int) -> str | None:
        mark = self.marks[i]
        if mark is not None and mark.style not in ("item",):
            return None
        return paragraph_cue(self._words(i), self.year)

    def _emit(self, first: int, heading: int | None, role: str) -> None:
        self.parts.append(PartPlan(first, heading, role))
        self.state = role
        self.reached_plan = self.reached_plan or role == "plan"

    def part(self, h: int, end: int) -> None:
        """The region of one explicit part heading, from its heading block to ``end``."""
        role = heading_role(_title(self.marks, h), self.year)
        if role is None:
            window = (self._cue(i) for i in range(h + 1, min(end, h + 1 + _WINDOW)))
            cue = next((c for c in window if c and not (c == "review" and self.reached_plan)), None)
            self.scan(h, end, h, cue or self.state, default="plan")
            return
        self._emit(h, h, role)
        if role == "review":
            split = next(
                (
                    i
                    for i in range(h + 1, end)
                    if self.marks[i] is None and opens_plan(self._words(i), self.year)
                ),
                None,
            )
            if split is not None:
                self._emit(split, None, "plan")

    def scan(self, start: int, end: int, heading: int | None, initial: str | None, *, default: str) -> None:
        """Cut ``[start, end)`` where paragraph cues change the role; the first part keeps ``heading``."""
        current, first = initial, start
        for i in range(start, end):
            if i == heading:
                continue
            cue = self._cue(i)
            if cue is None or (cue == "review" and (self.reached_plan or current == "plan")):
                continue
            if current is None:
                current = cue
            elif cue != current:
                self._emit(first, heading, current)
                heading, first, current = None, i, cue
        self._emit(first, heading, current or default)
