"""Exact period statistics (统计量) of HJ 663—2013 附录 A on scaled integer daily values.

- mean (平均值): sum / count, rounded half to even (GB/T 8170);
- percentile (百分位数, A.6) [A]: sort ascending X(1) ≤ … ≤ X(n); k = 1 + (n − 1)·p %;
  s = integer part of k; m_p = X(s) + (X(s+1) − X(s))·(k − s). With integer p the fraction
  k − s is ((n − 1)·p mod 100) / 100, so 100·m_p is an integer and the rounding is exact.
  This is numpy's default ``percentile`` (linear, Hyndman–Fan type 7), computed here
  without floats;
- rate (达标率, 比例, A.5): 100 · a / b to one decimal, rounded half to even, as an integer
  count of tenths of a percent.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import numpy as np

from luoshi.environment.rounding import MISSING, div_round, percent

__all__ = ["exceedance", "mean", "percentile", "rate", "ratio", "to_places"]


def mean(values: np.ndarray) -> int:
    """Rounded mean of the non-negative entries of ``values`` (MISSING when there is none)."""
    ok = values[values >= 0]
    return int(div_round(int(ok.sum(dtype=np.int64)), len(ok))) if len(ok) else MISSING


def percentile(values: np.ndarray, p: int) -> int:
    """The rounded ``p``-th percentile (HJ 663—2013 A.6) of the non-negative entries."""
    ok = np.sort(values[values >= 0]).astype(np.int64)
    n = len(ok)
    if n == 0:
        return MISSING
    whole, part = divmod((n - 1) * p, 100)
    low = int(ok[whole])
    high = int(ok[min(whole + 1, n - 1)])
    return int(div_round(100 * low + (high - low) * part, 100))


def rate(count: int, total: int) -> Decimal | None:
    """100 · count / total as a percentage with one decimal (GB/T 8170); None when total is 0."""
    return percent(count, total)


def ratio(value: Decimal, limit: Decimal) -> Fraction:
    """``value / limit`` as an exact fraction (a single index, 单项指数)."""
    return Fraction(value) / Fraction(limit)


def exceedance(value: Decimal, limit: Decimal) -> Decimal | None:
    """超标倍数 (A.4): (C − S) / S to two decimals, None when C does not exceed S."""
    if value <= limit:
        return None
    return to_places(Fraction(value - limit) / Fraction(limit), 2)


def to_places(value: Fraction, places: int) -> Decimal:
    """An exact fraction rounded half to even to ``places`` decimals (GB/T 8170)."""
    rounded = round(value, places)
    return (Decimal(rounded.numerator) / Decimal(rounded.denominator)).quantize(Decimal(1).scaleb(-places))
