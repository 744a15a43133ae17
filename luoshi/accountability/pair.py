"""Hold a report to account (问责): year N's targets against year N+1's review, from two Reports.

:func:`hold_to_account` extracts the targets due in year N (a deadline later than N is not
yet due; a target repeated word for word is judged once) and the actuals of the later
report, and links them (:func:`luoshi.accountability.link`) with both texts, so that each
judgement carries the sentence around the target and around the actual.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from luoshi.accountability.linking import link, year_described
from luoshi.accountability.model import Judgement, PairError
from luoshi.accountability.rules import DEFAULT_TOLERANCE, Tolerance
from luoshi.accountability.wording import core_wording
from luoshi.catalog import Catalog
from luoshi.extraction import extract
from luoshi.extraction.model import Actual, Target
from luoshi.reading.report import Report

__all__ = ["hold_to_account", "due_targets", "ReportLike"]


class ReportLike(Protocol):
    """What :func:`hold_to_account` reads from a report: a :class:`~luoshi.reading.report.Report` has it."""

    @property
    def name(self) -> str: ...
    @property
    def source(self) -> str | None: ...
    @property
    def text(self) -> str: ...
    @property
    def year(self) -> int | None: ...


#: A target for a period of years (生产总值年均增长8%以上 under “十四五”时期的主要目标): not due in one year.
_PERIOD_WORDS_RE = re.compile(r"年均|五年|十[一二三四五]五")
_PERIOD_SECTION_RE = re.compile(r"十[一二三四五]五[”\"]?(?:时期|期间|规划)|五年")
_YEAR_RE = re.compile(r"20\d\d年")


def hold_to_account(
    earlier: ReportLike,
    later: ReportLike,
    *,
    targets: Sequence[Target] | None = None,
    actuals: Sequence[Actual] | None = None,
    catalog: Catalog | None = None,
    tolerance: Tolerance = DEFAULT_TOLERANCE,
) -> list[Judgement]:
    """Judge every target of ``earlier`` (year N) by the review of ``later`` (year N+1).

    ``targets`` and ``actuals`` may be passed when already extracted (a corpus run does);
    otherwise they are extracted here (which needs real :class:`Report` objects). Raises :class:`PairError` when both reports state their
    years and ``later`` is not the year after ``earlier``.
    """
    if earlier.year is not None and later.year is not None and later.year != earlier.year + 1:
        raise PairError(
            f"报告年份不相邻：{earlier.year} 与 {later.year} / the reports are for {earlier.year} and "
            f"{later.year}, not consecutive years",
            hint="先给第N年的报告，再给第N+1年的报告 / give the report of year N first, then that of year N+1",
            path=later.source or later.name,
        )
    if targets is None:
        targets = extract(_report(earlier)).targets
    if actuals is None:
        actuals = extract(_report(later), actuals=True).actuals
    year = earlier.year if earlier.year is not None else year_described(actuals)
    return link(
        due_targets(targets, year),
        actuals,
        year=year,
        target_text=earlier.text,
        actual_text=later.text,
        catalog=catalog,
        tolerance=tolerance,
    )


def due_targets(targets: Sequence[Target], year: int | None) -> list[Target]:
    """The targets due in ``year``, each distinct figure once.

    Left out: a deadline other than ``year``, and targets for a period of years (年均增长,
    a section on the “十四五”时期 goals), which one year's review cannot settle.
    """
    seen: set[tuple[str, str, object, object, str]] = set()
    due = []
    for target in targets:
        if target.year is not None and year is not None and target.year != year:
            continue
        if _PERIOD_WORDS_RE.search(target.indicator) or _for_period(target.section):
            continue
        key = (core_wording(target.indicator), target.comparator, target.value, target.value_max, target.unit)
        if key in seen:
            continue
        seen.add(key)
        due.append(target)
    return due


def _for_period(section: str) -> bool:
    """Whether a section path names a period of years (“十四五”时期的主要目标任务), not one year."""
    return any(
        _PERIOD_SECTION_RE.search(heading) and not _YEAR_RE.search(heading)
        for heading in section.split(" > ")
    )


def _report(report: ReportLike) -> Report:
    if not isinstance(report, Report):
        raise TypeError("targets and actuals must be given with a report that is not a luoshi Report")
    return report
