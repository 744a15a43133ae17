"""How an evaluation reads on screen: a table of scores per report, and the errors one a line."""

from __future__ import annotations

from collections.abc import Iterator

from rich import box
from rich.table import Table

from luoshi.evaluation.evaluate import Evaluation

__all__ = ["scores_table", "error_lines"]

_ERROR_WORDS = {"FN": "FN 漏检", "FP": "FP 误检"}


def scores_table(evaluation: Evaluation) -> Table:
    """Gold, predicted and matched counts with precision, recall and F1, per report and overall."""
    table = Table(title="评测 evaluation", show_footer=True, box=box.SIMPLE_HEAD)
    table.add_column("报告\nreport", footer="合计\noverall", overflow="fold")
    columns = (
        ("金标准\ngold", str(evaluation.gold)),
        ("预测\npred", str(evaluation.predicted)),
        ("命中\nfound", str(evaluation.gold_matched)),
        ("正确\nright", str(evaluation.predicted_matched)),
        ("精确率\nP", f"{evaluation.precision:.3f}"),
        ("召回率\nR", f"{evaluation.recall:.3f}"),
        ("F1", f"{evaluation.f1:.3f}"),
    )
    for header, footer in columns:
        table.add_column(header, footer=footer, justify="right", no_wrap=True, min_width=5)
    for r in evaluation.reports:
        table.add_row(
            r.name,
            str(r.gold),
            str(r.predicted),
            str(r.gold_matched),
            str(r.predicted_matched),
            f"{r.precision:.3f}",
            f"{r.recall:.3f}",
            f"{r.f1:.3f}",
        )
    table.caption = (
        "命中 found: 找到的金标准目标 gold targets found · 正确 right: 正确的预测 predictions right · "
        f"指标措辞字符 F1 indicator wording char-F1 {evaluation.indicator_char_f1:.3f}"
    )
    return table


def error_lines(evaluation: Evaluation) -> Iterator[str]:
    """Every miss and false hit: what it was, then the sentence it lies in."""
    for report in evaluation.reports:
        for e in report.errors:
            unit = f" {e.unit}" if e.unit else ""
            yield f"{_ERROR_WORDS[e.kind]} {report.name} [{e.start}:{e.end}] {e.words} → {e.comparator} {e.value}{unit}"
            yield f"    句 sentence: {e.sentence}"
