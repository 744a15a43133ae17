"""Excel output of ``luoshi accountability``: the 目标完成情况对照表 a supervision office reads.

A title row, then 序号 · 指标 · 目标 · 目标原文 · 实绩 · 实绩原文 · 判定 · 依据 · 置信度, one row
per target, in the look of every sheet luoshi writes (:mod:`luoshi.sheets.style`); text that
would read as a formula is neutralised (:func:`luoshi.sheets.cells.safe_text`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import BinaryIO

from luoshi.accountability.formats.table import summary_line
from luoshi.accountability.formats.words import actual_words, target_words
from luoshi.accountability.model import VERDICT_WORDS, Judgement
from luoshi.sheets.cells import safe_text
from luoshi.sheets.style import print_setup, style_body_row, write_header, write_title

__all__ = ["write", "HEADER"]

#: The header row, with each column's width in characters.
HEADER = {
    "序号": 6,
    "指标": 20,
    "目标": 14,
    "目标原文": 44,
    "实绩": 14,
    "实绩原文": 44,
    "判定": 9,
    "依据": 30,
    "置信度": 8,
}
_FILLS = {"met": "E2EFDA", "missed": "FCE4D6", "silent": "FFF2CC"}


def write(judgements: Sequence[Judgement], out: BinaryIO, *, title: str = "") -> None:
    """One sheet: title, header, a row per judgement, then the summary line."""
    from openpyxl import Workbook
    from openpyxl.styles import PatternFill

    book = Workbook()
    sheet = book.active
    sheet.title = "目标完成情况"
    last = len(HEADER)
    write_title(sheet, title or "目标完成情况对照表", last=last)
    write_header(sheet, 2, HEADER)
    row = 2
    for number, j in enumerate(judgements, 1):
        row += 1
        cells = [
            number,
            j.target.indicator,
            target_words(j),
            j.target_sentence,
            actual_words(j),
            j.actual_sentence,
            VERDICT_WORDS[j.verdict],
            j.rule or j.reason,
            round(j.confidence, 2) if j.linked else None,
        ]
        for column, value in enumerate(cells, 1):
            sheet.cell(row=row, column=column, value=safe_text(value) if isinstance(value, str) else value)
        style_body_row(sheet, row, last=last, wrap={2, 4, 6, 8})
        sheet.cell(row=row, column=7).fill = PatternFill("solid", fgColor=_FILLS[j.verdict])
    sheet.cell(row=row + 2, column=1, value=summary_line(judgements))
    print_setup(sheet, header_rows=2)
    book.save(out)
