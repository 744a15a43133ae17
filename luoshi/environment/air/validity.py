"""Validity of period statistics (数据有效性): GB 3095 表 4 and HJ 663—2013 §6.1.3 [A].

An annual mean or an annual percentile needs at least 324 valid daily values in the year and
at least 27 in every month (25 in February). For a period shorter than a calendar year (a
year to date, say) only the months it covers completely are checked, and the 324-day rule
does not apply; a month the period covers only in part is not checked.

The same rule is applied to the count of valid AQI days behind 优良天数比例; neither standard
says so [C], and the figure is reported with its day count either way.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

__all__ = ["MIN_DAYS_FEBRUARY", "MIN_DAYS_MONTH", "MIN_DAYS_YEAR", "Validity", "period_validity"]

MIN_DAYS_YEAR = 324
MIN_DAYS_MONTH = 27
MIN_DAYS_FEBRUARY = 25


@dataclass(frozen=True)
class Validity:
    """Whether a period statistic is valid (有效), and the counts that decide it.

    ``short_months`` lists ``(year, month, days, required)`` for each month below its minimum.
    """

    days: int
    required_days: int | None
    short_months: tuple[tuple[int, int, int, int], ...]

    @property
    def valid(self) -> bool:
        """Every applicable minimum met (and at least one valid day)."""
        enough = self.required_days is None or self.days >= self.required_days
        return self.days > 0 and enough and not self.short_months

    def describe(self) -> str:
        """``有效 valid (366 天)`` or ``无效 invalid: 全年 300 天 < 324; 2016-02 20 天 < 25``."""
        if self.valid:
            return f"有效 valid ({self.days} 天)"
        reasons = []
        if self.days == 0:
            reasons.append("无有效日数据 no valid day")
        elif self.required_days is not None and self.days < self.required_days:
            reasons.append(f"全年 {self.days} 天 < {self.required_days}")
        reasons += [f"{y}-{m:02d} {n} 天 < {need}" for y, m, n, need in self.short_months]
        return "无效 invalid: " + "; ".join(reasons)


def period_validity(valid: np.ndarray, start: dt.date, end: dt.date) -> Validity:
    """Validity of a statistic over ``start`` … ``end`` (inclusive), ``valid`` being one
    boolean per day of the period."""
    days = np.datetime64(start, "D") + np.arange(len(valid))
    months = days.astype("datetime64[M]")
    first_month = months[0] if len(months) else np.datetime64(start, "M")
    index = (months - first_month).astype(np.int64)
    count = np.bincount(index, weights=valid.astype(np.int64), minlength=int(index.max(initial=-1)) + 1)
    short = []
    for i, n in enumerate(count.astype(int)):
        month = (first_month + i).astype(object)
        month_start = dt.date(month.year, month.month, 1)
        next_start = (first_month + i + 1).astype(object)
        month_end = dt.date(next_start.year, next_start.month, 1) - dt.timedelta(days=1)
        if month_start < start or month_end > end:
            continue
        need = MIN_DAYS_FEBRUARY if month.month == 2 else MIN_DAYS_MONTH
        if n < need:
            short.append((month.year, month.month, int(n), need))
    full_year = start.month == 1 and start.day == 1 and end == dt.date(start.year, 12, 31)
    return Validity(int(valid.sum()), MIN_DAYS_YEAR if full_year else None, tuple(short))
