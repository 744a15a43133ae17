"""Reporting periods (报送期), their deadlines (报送期限) and time-proportional progress (序时进度).

A plan period (start … end) is cut into reporting periods by frequency — calendar months,
quarters, halves or years, clipped to the plan period. A period's report is due by the
``deadline_day`` of the month ``deadline_months`` after the period ends (default: the 25th
of the next month; a day past the month's end means its last day).

序时进度 at a date is the elapsed share of the plan period: by ``months`` (whole months
count one each, a part month by its days, so the end of June is exactly 6/12 and the end
of February 2024 is 2/12, leap day included) or by ``days`` (182/366 at 30 June 2024). A
monthly profile (last year's monthly amounts) weights each month instead of counting it
as one.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

from luoshi.errors import TrackingError

__all__ = [
    "Period",
    "deadline_after",
    "elapsed_share",
    "latest_due",
    "month_end",
    "parse_period",
    "reporting_periods",
]


@dataclass(frozen=True, slots=True)
class Period:
    """One reporting period: its label (2024-06, 2024-Q2, 2024-H1, 2024), days and deadline."""

    label: str
    start: date
    end: date
    deadline: date


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def deadline_after(end: date, day: int, months: int) -> date:
    """The ``day`` of the month ``months`` after the one ``end`` falls in (clipped to that month)."""
    index = end.year * 12 + end.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day, calendar.monthrange(year, month + 1)[1]))


_SPAN = {"month": 1, "quarter": 3, "half": 6, "year": 12}


@lru_cache(maxsize=4096)
def reporting_periods(
    start: date, end: date, frequency: str, day: int, months: int, skip_months: tuple[int, ...] = ()
) -> tuple[Period, ...]:
    """The reporting periods of a plan period, in order (months in ``skip_months`` left out)."""
    span = _SPAN[frequency]
    periods = []
    index = start.year * 12 + (start.month - 1) // span * span
    last = end.year * 12 + end.month - 1
    while index <= last:
        year, first_month = divmod(index, 12)
        first_month += 1
        period_start = max(start, date(year, first_month, 1))
        period_end = min(end, month_end(year, first_month + span - 1))
        index += span
        if frequency == "month" and first_month in skip_months:
            continue
        label = _label(year, first_month, frequency)
        periods.append(Period(label, period_start, period_end, deadline_after(period_end, day, months)))
    return tuple(periods)


def _label(year: int, month: int, frequency: str) -> str:
    if frequency == "month":
        return f"{year}-{month:02d}"
    if frequency == "quarter":
        return f"{year}-Q{(month - 1) // 3 + 1}"
    if frequency == "half":
        return f"{year}-H{(month - 1) // 6 + 1}"
    return str(year)


_PERIOD_RE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?|-Q([1-4])|-H([12]))?$")
_CACHE: dict[str, tuple[date, date, str]] = {}


def parse_period(period: str | date) -> tuple[date, date, str]:
    """(first day, last day, label) of an observation's period: 2024-06, 2024-06-15, 2024-Q2, 2024-H1, 2024.

    A date (or 2024-06-15) is a period of one day: the value as at that date.
    """
    if isinstance(period, str):
        found = _CACHE.get(period)
        if found is None:
            found = _parse(period)
            if len(_CACHE) > 100_000:
                _CACHE.clear()
            _CACHE[period] = found
        return found
    if isinstance(period, datetime):
        period = period.date()
    if isinstance(period, date):
        return period, period, period.isoformat()
    raise TrackingError(f"报送期应为 YYYY-MM 或日期 (a period is YYYY-MM or a date), got {period!r}")


def _parse(text: str) -> tuple[date, date, str]:
    found = _PERIOD_RE.match(text.strip())
    if found is None:
        raise TrackingError(
            f"无法识别的报送期 (unrecognised period) {text!r}",
            hint="写成 2024-06、2024-Q2、2024-H1 或 2024-06-30",
        )
    year = int(found[1])
    try:
        if found[3]:
            day = date(year, int(found[2]), int(found[3]))
            return day, day, day.isoformat()
        if found[2]:
            month = int(found[2])
            return date(year, month, 1), month_end(year, month), f"{year}-{month:02d}"
        if found[4]:
            quarter = int(found[4])
            return date(year, quarter * 3 - 2, 1), month_end(year, quarter * 3), f"{year}-Q{quarter}"
        if found[5]:
            half = int(found[5])
            return date(year, half * 6 - 5, 1), month_end(year, half * 6), f"{year}-H{half}"
    except ValueError as error:
        raise TrackingError(f"无效的报送期 (invalid period) {text!r}: {error}") from error
    return date(year, 1, 1), date(year, 12, 31), str(year)


def latest_due(periods: tuple[Period, ...], deadlines: tuple[date, ...], as_of: date) -> Period | None:
    """The last period whose deadline is before ``as_of`` (a report due on the 25th is late on the 26th)."""
    index = bisect_left(deadlines, as_of)
    return periods[index - 1] if index else None


@lru_cache(maxsize=65536)
def elapsed_share(start: date, end: date, at: date, basis: str, profile: tuple[float, ...] | None) -> float:
    """序时进度 at the end of day ``at``: the share of the plan period elapsed, 0..1."""
    if at < start:
        return 0.0
    if at >= end:
        return 1.0
    if basis == "days" and profile is None:
        return ((at - start).days + 1) / ((end - start).days + 1)
    total = done = 0.0
    index, last = start.year * 12 + start.month - 1, end.year * 12 + end.month - 1
    while index <= last:
        year, month = divmod(index, 12)
        month += 1
        days = calendar.monthrange(year, month)[1]
        first, final = date(year, month, 1), date(year, month, days)
        weight = profile[month - 1] if profile else 1.0
        covered_from, covered_to = max(first, start), min(final, end)
        covered = (covered_to - covered_from).days + 1
        total += weight if covered == days else weight * covered / days
        if at >= covered_from:
            passed = (min(covered_to, at) - covered_from).days + 1
            done += weight if passed == days else weight * passed / days
        index += 1
    return done / total if total > 0 else 1.0
