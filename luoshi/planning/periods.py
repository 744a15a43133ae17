"""Reporting periods a plan accepts (报送期): the plan's frequency, inside the plan period.

A monthly plan takes ``2023-06`` (``2023-6`` is read as the same month); a quarterly one
``2023-Q2``, a half-yearly one ``2023-H1``, a yearly one ``2023``. A period must lie inside
the plan period; ``2023-13`` and ``2024-01`` for a 2023 plan are refused with the reason.
"""

from __future__ import annotations

import re
from datetime import date

from luoshi.errors import PlanError, TrackingError
from luoshi.store.models import Plan
from luoshi.tracking import parse_period

__all__ = ["check_period", "period_problem", "FORMS"]

#: How a period of each frequency is written.
FORMS = {"month": "YYYY-MM", "quarter": "YYYY-Qn", "half": "YYYY-Hn", "year": "YYYY"}
_LABEL = {
    "month": re.compile(r"^\d{4}-\d{2}$"),
    "quarter": re.compile(r"^\d{4}-Q[1-4]$"),
    "half": re.compile(r"^\d{4}-H[12]$"),
    "year": re.compile(r"^\d{4}$"),
}


def period_problem(text: str, frequency: str, start: date, end: date) -> tuple[str | None, str | None]:
    """(label, None) for a good period, or (None, the reason it is refused)."""
    raw = str(text).strip().upper()
    try:
        first, last, label = parse_period(raw)
    except TrackingError:
        return None, f"无效的报送期 / not a period: {text!r}，应写成 {FORMS[frequency]}"
    if not _LABEL[frequency].match(label):
        return (
            None,
            f"报送期 {text!r} 不是{_NAMES[frequency]} / not a {frequency} period ({FORMS[frequency]})",
        )
    if first < start or last > end:
        return None, (
            f"报送期 {label} 不在计划期 {start.isoformat()}—{end.isoformat()} 内 / outside the plan period"
        )
    return label, None


def check_period(text: str, plan: Plan) -> str:
    """The label of a period the plan accepts; :class:`PlanError` with the reason otherwise."""
    label, problem = period_problem(text, plan.frequency, plan.period_start, plan.period_end)
    if label is None:
        raise PlanError(
            str(problem),
            hint=f"计划 {plan.name} 按{_NAMES[plan.frequency]}报送，写成 {FORMS[plan.frequency]}",
        )
    return label


_NAMES = {"month": "月度", "quarter": "季度", "half": "半年", "year": "年度"}
