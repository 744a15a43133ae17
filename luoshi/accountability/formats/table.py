"""Table (表格) output of ``luoshi accountability``: each target beside its actual, for the terminal.

Columns, Chinese first: 目标 target (the target's words, then its sentence, dim), 实绩 actual
(likewise), 判定 verdict (完成 met, green · 未完成 missed, red · 未提及 silent, yellow), 依据
rule, 置信度 confidence; a summary line follows.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import BinaryIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from luoshi.accountability.formats.words import actual_words, target_words
from luoshi.accountability.model import VERDICT_WORDS, Judgement, summarize

__all__ = ["write", "judgement_table", "summary_line"]

_FILE_WIDTH = 180
_STYLES = {"met": "green", "missed": "red", "silent": "yellow"}


def judgement_table(judgements: Sequence[Judgement], *, title: str = "") -> Table:
    """The judgements side by side: 目标 · 实绩 · 判定 · 依据 · 置信度."""
    table = Table(title=title or None, show_lines=True)
    table.add_column("序号\nno.", justify="right", no_wrap=True)
    table.add_column("目标\ntarget", overflow="fold", ratio=3)
    table.add_column("实绩\nactual", overflow="fold", ratio=3)
    table.add_column("判定\nverdict", no_wrap=True)
    table.add_column("依据\nrule", overflow="fold", ratio=2)
    table.add_column("置信度\nconfidence", justify="right", no_wrap=True)
    for number, j in enumerate(judgements, 1):
        target = Text(f"{j.target.indicator or j.target.text}  {target_words(j)}\n", style="bold")
        target.append(j.target_sentence, style="dim")
        if j.actual is not None:
            actual = Text(f"{j.actual.text}  → {actual_words(j)}\n", style="bold")
            actual.append(j.actual_sentence, style="dim")
        elif j.statement is not None:
            actual = Text(f"{j.statement.words}\n", style="bold")
            actual.append(j.actual_sentence, style="dim")
        else:
            actual = Text("—")
        verdict = Text(f"{VERDICT_WORDS[j.verdict]}\n{j.verdict}", style=_STYLES[j.verdict])
        confidence = f"{j.confidence:.2f}" if j.linked else ""
        table.add_row(str(number), target, actual, verdict, j.rule or j.reason, confidence)
    return table


def summary_line(judgements: Sequence[Judgement]) -> str:
    """完成 met 5 (71%) · 未完成 missed 0 (0%) · 未提及 silent 2 (29%) · 共 total 7."""
    s = summarize(list(judgements))
    parts = [
        f"{VERDICT_WORDS[v]} {v} {getattr(s, v)} ({s.share(v):.0%})" for v in ("met", "missed", "silent")
    ]
    return " · ".join(parts) + f" · 共 total {s.total}"


def write(judgements: Sequence[Judgement], out: BinaryIO, *, title: str = "") -> None:
    """Print the table and the summary; colour and width follow ``out`` when it is a terminal."""
    text = io.TextIOWrapper(out, encoding="utf-8", write_through=True)
    try:
        terminal = text.isatty()
        console = Console(
            file=text,
            highlight=False,
            width=None if terminal else _FILE_WIDTH,
            force_terminal=terminal or None,
        )
        console.print(judgement_table(judgements, title=title))
        console.print(summary_line(judgements))
    finally:
        text.flush()
        text.detach()
