"""Rounding (数值修约) per GB/T 8170: round half to even on the decimal value (四舍六入五成双).

Two paths that must agree exactly:

- :func:`round_decimal` for single values, in :class:`decimal.Decimal`, reading a float by its
  shortest decimal form (``str``), so ``0.45`` is the decimal 0.45 and rounds to 0.4;
- :func:`scale_round` for numpy arrays: ``x · 10^places`` rounded half to even to an integer,
  where a product that lies within 10⁻¹¹ (relative) of a half is taken for the exact decimal
  tie it stands for. Binary floats cannot hold 2.675 or 0.45 exactly, so ``numpy.rint`` alone
  (like Python's ``round``) gets those cases wrong; the tie window fixes them for any input
  written with at most ten significant digits, which covers every monitoring value.

Everything after the first rounding is integer arithmetic on scaled values
(:func:`div_round`, :func:`ceil_div`): a mean of rounded values is ``sum / count`` rounded
half to even in integers, never a float.
"""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_HALF_EVEN, Decimal
from typing import Any

import numpy as np

__all__ = [
    "MISSING",
    "ceil_decimal",
    "percent",
    "ceil_div",
    "div_round",
    "round_decimal",
    "scale_round",
    "to_decimal",
]

#: The value of a missing or invalid figure in every scaled integer array (concentrations
#: and indices are never negative).
MISSING = -1

_TIE_WINDOW = 1e-11


def to_decimal(value: Any) -> Decimal:
    """``value`` as the decimal it was written as: floats by their shortest form (``str``)."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, np.floating):
        return Decimal(repr(float(value)))
    if isinstance(value, int | np.integer):
        return Decimal(int(value))
    return Decimal(str(value).strip())


def round_decimal(value: Any, places: int = 0) -> Decimal:
    """``value`` rounded to ``places`` decimals per GB/T 8170 (round half to even).

    >>> round_decimal(0.45, 1), round_decimal("2.675", 2), round_decimal(2.5)
    (Decimal('0.4'), Decimal('2.68'), Decimal('2'))
    """
    return to_decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN)


def ceil_decimal(value: Decimal) -> int:
    """The smallest integer not below ``value`` (全部进位取整)."""
    return int(value.to_integral_value(rounding=ROUND_CEILING))


def scale_round(values: np.ndarray, places: int) -> np.ndarray:
    """``values · 10^places`` rounded half to even to int64, as decimal rounding would.

    ``places`` may be negative (``-2`` turns µg/m³ into tenths of mg/m³). NaN comes out as
    :data:`MISSING`.
    """
    x = np.asarray(values, dtype=np.float64)
    y = x * 10.0**places if places >= 0 else x / 10.0 ** (-places)
    nearest = np.rint(y)
    gap = np.subtract(y, nearest)
    np.abs(gap, out=gap)
    gap -= 0.5
    np.abs(gap, out=gap)  # distance from a tie
    window = np.abs(y)
    np.maximum(window, 1.0, out=window)
    window *= _TIE_WINDOW
    tie = gap <= window
    if tie.any():
        floor = np.floor(y[tie])
        nearest[tie] = np.where(np.fmod(floor, 2.0) == 0.0, floor, floor + 1.0)
    missing = np.isnan(nearest)
    nearest[missing] = MISSING
    return nearest.astype(np.int64)


def div_round(numerator: np.ndarray | int, denominator: np.ndarray | int) -> np.ndarray:
    """``numerator / denominator`` rounded half to even, in integers; :data:`MISSING` where
    the denominator is 0. Both are integer arrays (or scalars), the denominator not negative."""
    num = np.asarray(numerator, dtype=np.int64)
    den = np.asarray(denominator, dtype=np.int64)
    safe = np.where(den > 0, den, 1)
    quotient, remainder = np.divmod(num, safe)
    twice = 2 * remainder
    up = (twice > safe) | ((twice == safe) & (quotient % 2 == 1))
    return np.where(den > 0, quotient + up, MISSING)


def ceil_div(numerator: np.ndarray | int, denominator: np.ndarray | int) -> np.ndarray:
    """``numerator / denominator`` rounded up (向上进位), in integers; the denominator > 0."""
    return -(-np.asarray(numerator, dtype=np.int64) // denominator)


def percent(count: int, total: int) -> Decimal | None:
    """100 · count / total with one decimal, rounded half to even in integers (达标率, 比例);
    None when ``total`` is 0."""
    if total <= 0:
        return None
    return Decimal(int(div_round(1000 * count, total))).scaleb(-1)
