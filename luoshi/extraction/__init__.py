"""Extraction (抽取): quantitative targets (量化目标) and tasks (任务) from a Report.

``extract(report)`` is the whole stage: pure, no I/O. The target grammar lives in
:mod:`luoshi.extraction.targets` and the modules it names; tasks in
:mod:`luoshi.extraction.tasks`.
"""

from __future__ import annotations

from luoshi.extraction.model import Actual, Extraction, Target, Task
from luoshi.reading.report import Report

__all__ = ["extract", "Extraction", "Target", "Task", "Actual"]


def extract(
    report_or_text: Report | str, *, name: str = "report", year: int | None = None, actuals: bool = False
) -> Extraction:
    """The targets and tasks of a report (or of plain text, read as a report named ``name``).

    ``year`` overrides the plan year the report states (deadline years equal to it are
    left out of targets, as the codebook says). With ``actuals`` the achieved figures of the
    review parts come too (:mod:`luoshi.extraction.actuals`).
    """
    from luoshi.extraction.targets import extract_targets
    from luoshi.extraction.tasks import extract_tasks
    from luoshi.reading import report_from_text

    report = (
        report_from_text(report_or_text, name=name, year=year)
        if isinstance(report_or_text, str)
        else report_or_text
    )
    if year is not None and report.year != year:
        report.year = year
    from luoshi.extraction.actuals import extract_actuals

    return Extraction(
        report=report.name,
        targets=extract_targets(report),
        tasks=extract_tasks(report),
        actuals=extract_actuals(report) if actuals else [],
    )
