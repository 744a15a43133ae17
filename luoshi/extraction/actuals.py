"""Actuals (实绩): the achieved figures a report's review part states, read like targets.

Each year's report opens by reviewing the year before (过去一年, 地区生产总值增长5.8%, 新增城镇
就业10.2万人). Set against the previous report's targets, these answer whether its promises
were kept (see :mod:`luoshi.accountability`). The grammar is the target grammar; what
differs is where it reads (review parts only), that no modality applies, and the year: the
year before the report's own, unless the part speaks of five years (过去五年) or names one.
"""

from __future__ import annotations

import re

from luoshi.extraction.model import Actual
from luoshi.extraction.targets import statements_in_paragraph
from luoshi.reading.report import Node, Report

__all__ = ["extract_actuals"]

_FIVE_YEARS_RE = re.compile(r"(?:过去|这)?五年|“十[一二三四五]五”(?:时期)?|十[一二三四五]五(?:时期|期间)")
_YEAR_RE = re.compile(r"(20\d\d)年")


def extract_actuals(report: Report) -> list[Actual]:
    """Every achieved figure in the review parts of ``report``, in report order."""
    actuals: list[Actual] = []
    for part in report.parts:
        if part.role != "review":
            continue
        default_years = 5 if _FIVE_YEARS_RE.search(part.heading) else 1
        for paragraph in (n for n in part.walk() if n.kind == "paragraph"):
            years = _span_of(report.text[paragraph.start : paragraph.end], default_years)
            for target in statements_in_paragraph(report, paragraph):
                actuals.append(
                    Actual(
                        report=target.report,
                        start=target.start,
                        end=target.end,
                        text=target.text,
                        section=target.section,
                        indicator=target.indicator,
                        comparator=target.comparator,
                        value=target.value,
                        value_max=target.value_max,
                        unit=target.unit,
                        year=_year_described(report, paragraph, part),
                        years=years,
                        kind=target.kind,
                    )
                )
    return actuals


def _span_of(paragraph_text: str, default: int) -> int:
    """5 when the paragraph itself speaks of five years (过去五年), else the part's default."""
    head = paragraph_text[:40]
    if _FIVE_YEARS_RE.search(head):
        return 5
    if "过去一年" in head or "一年来" in head:
        return 1
    return default


def _year_described(report: Report, paragraph: Node, part: Node) -> int | None:
    """The last year a review figure speaks of: the year its part names, else the year before."""
    m = _YEAR_RE.search(part.heading)
    if m is not None:
        return int(m.group(1))
    return None if report.year is None else report.year - 1
