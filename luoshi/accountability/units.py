"""Whether a target's unit (计量单位) and an actual's can be compared, and the factor between them.

Extraction already writes values in base units (14万名 → 140000 人) and folds spellings
(名 → 人, 千米 → 公里). What is left to reconcile is one measure stated in two units: a grain
target in 斤 and its outcome in 吨 (80亿斤 against 419万吨 = 83.8亿斤), land in 亩 and 公顷,
power in 千瓦 and 兆瓦. Each such unit has a canonical unit and a factor to it.

Rules, in :func:`compatibility`:

* the same canonical unit: comparable, factor from the table (吨 → 斤 × 2000);
* % against 个百分点 (percentage points): only when both statements are a change of a rate
  (失业率下降0.2个百分点 against 下降0.2%), since reports use the two loosely there; a
  little less confidence;
* two units of counted things (个 and 家, 项 and 个): comparable with a little less
  confidence, since a report may count the same things with another measure word;
* anything else (% against 元, 人 against 人次): not comparable.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from luoshi.extraction.units import COUNT_UNITS
from luoshi.extraction.units import canonical_unit as _spelling

__all__ = ["Compatibility", "compatibility", "canonical", "PERCENT", "POINTS"]

PERCENT = "%"
POINTS = "个百分点"

#: unit → (canonical unit, factor to it)
_CONVERSIONS: dict[str, tuple[str, Decimal]] = {
    "斤": ("斤", Decimal(1)),
    "公斤": ("斤", Decimal(2)),
    "千克": ("斤", Decimal(2)),
    "吨": ("斤", Decimal(2000)),
    "亩": ("亩", Decimal(1)),
    "公顷": ("亩", Decimal(15)),
    "平方米": ("平方米", Decimal(1)),
    "平方公里": ("平方米", Decimal(1_000_000)),
    "米": ("米", Decimal(1)),
    "公里": ("米", Decimal(1000)),
    "千瓦": ("千瓦", Decimal(1)),
    "kW": ("千瓦", Decimal(1)),
    "兆瓦": ("千瓦", Decimal(1000)),
    "MW": ("千瓦", Decimal(1000)),
    "吉瓦": ("千瓦", Decimal(1_000_000)),
    "GW": ("千瓦", Decimal(1_000_000)),
    "吨标准煤": ("吨标准煤", Decimal(1)),
    "万吨标准煤": ("吨标准煤", Decimal(10_000)),
    "‰": ("%", Decimal("0.1")),
}
#: Measure words of counted things (not people, not visits): 个 and 家 may count the same.
_THINGS = frozenset(COUNT_UNITS) - {"人", "名", "位", "人次", "家次", "户次", "车次", "架次", "班次", "件次"}
_COUNT_PENALTY = 0.9
_POINTS_PENALTY = 0.85


@dataclass(frozen=True, slots=True)
class Compatibility:
    """How an actual's unit relates to a target's: ``factor`` turns the actual's value into the
    target's unit; ``weight`` (0..1] scales the linking confidence; ``reason`` says why."""

    factor: Decimal
    weight: float
    reason: str


def canonical(unit: str) -> tuple[str, Decimal]:
    """The canonical unit and the factor to it: 吨 → (斤, 2000), 人 → (人, 1)."""
    unit = _spelling(unit)
    return _CONVERSIONS.get(unit, (unit, Decimal(1)))


def compatibility(target_unit: str, actual_unit: str, *, rate_change: bool) -> Compatibility | None:
    """How to compare an actual stated in ``actual_unit`` with a target in ``target_unit``; None when one cannot.

    ``rate_change`` says both statements are a change (增长, 下降), which lets % and 个百分点 meet.
    """
    target_base, target_factor = canonical(target_unit)
    actual_base, actual_factor = canonical(actual_unit)
    if target_base == actual_base:
        factor = actual_factor / target_factor
        if factor == 1:
            return Compatibility(Decimal(1), 1.0, f"same unit {target_base or '(none)'}")
        return Compatibility(factor, 1.0, f"{actual_unit} → {target_unit} × {_plain(factor)}")
    if {target_base, actual_base} == {PERCENT, POINTS} and rate_change:
        return Compatibility(
            Decimal(1), _POINTS_PENALTY, f"{actual_unit} read as {target_unit} (a rate change)"
        )
    if target_base in _THINGS and actual_base in _THINGS:
        return Compatibility(Decimal(1), _COUNT_PENALTY, f"counted things: {actual_unit} as {target_unit}")
    return None


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")
