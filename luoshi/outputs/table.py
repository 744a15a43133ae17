"""Table (表格) output: the targets, and with ``tasks`` the tasks, of each report as Rich tables.

Meant for the terminal (``luoshi extract`` without ``--format``, ``luoshi demo``); headers
are Chinese first, English second. Colour and width follow the terminal when ``out`` is one.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import BinaryIO

from rich.console import Console
from rich.table import Table

from luoshi.outputs.model import Found
from luoshi.outputs.wording import COMPARATOR_SIGNS, MODALITY_WORDS, TASK_KIND_WORDS, number_words

__all__ = ["write", "targets_table", "tasks_table"]

_FILE_WIDTH = 160


def targets_table(found: Found) -> Table:
    """The targets of one report: 指标, 比较, 目标值, 单位, 约束, 年份, 原文, 位置."""
    report, extraction = found
    table = Table(title=f"{report.name} 量化目标 targets: {len(extraction.targets)}", show_lines=False)
    table.add_column("指标\nindicator", overflow="fold")
    table.add_column("比较\ncomparator", justify="center")
    table.add_column("目标值\nvalue", justify="right")
    table.add_column("单位\nunit")
    table.add_column("约束\nmodality")
    table.add_column("年份\nyear")
    table.add_column("原文\ntext", overflow="fold")
    table.add_column("位置\noffsets", justify="right", no_wrap=True)
    for t in extraction.targets:
        value = number_words(t.value)
        if t.value_max is not None:
            value = f"{value}—{number_words(t.value_max)}"
        year = t.year or report.year
        table.add_row(
            t.indicator,
            COMPARATOR_SIGNS.get(t.comparator, t.comparator),
            value,
            t.unit,
            MODALITY_WORDS.get(t.modality, t.modality),
            "" if year is None else str(year),
            t.text,
            f"{t.start}–{t.end}",
        )
    return table


def tasks_table(found: Found) -> Table:
    """The tasks of one report: 类型, 动词, 任务, 板块, 位置."""
    report, extraction = found
    table = Table(title=f"{report.name} 任务 tasks: {len(extraction.tasks)}")
    table.add_column("类型\nkind", no_wrap=True)
    table.add_column("动词\nverb", no_wrap=True)
    table.add_column("任务\ntask", overflow="fold")
    table.add_column("板块\nsection", overflow="fold")
    table.add_column("位置\noffsets", justify="right", no_wrap=True)
    for t in extraction.tasks:
        table.add_row(TASK_KIND_WORDS.get(t.kind, t.kind), t.verb, t.text, t.section, f"{t.start}–{t.end}")
    return table


def write(found: Sequence[Found], out: BinaryIO, *, tasks: bool = False) -> None:
    """Print a targets table (and a tasks table) for each report to ``out`` as UTF-8 text."""
    text = io.TextIOWrapper(out, encoding="utf-8", write_through=True)
    try:
        console = Console(file=text, width=None if out.isatty() else _FILE_WIDTH, highlight=False)
        for item in found:
            console.print(targets_table(item))
            if tasks:
                console.print(tasks_table(item))
    finally:
        text.flush()
        text.detach()
