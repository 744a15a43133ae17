"""Water classes (水质类别) of sections (断面) per GB 3838—2002 and 环办〔2011〕22号.

Each item's period value is the mean of its samples (arithmetic, [C] for the exact
aggregation rule); its class is the best class whose limit it meets (≤ the limit, ≥ for DO,
6–9 for pH), 劣Ⅴ when it meets none. The comparison is exact: values are held as integers in
units of 10⁻⁸ and a mean meets a limit L when ``sum ≤ L · count``, so no float rounding can
move a value across a class limit. The mean is not rounded before the comparison: the
decimal rules of 环办监测函〔2020〕82号 were not obtained [C].

A section's class is the worst class among its evaluated items (single-factor method, 单因子
评价法 [B]); 达标 means that class is at least as good as the section's target (水质目标) [B].
When a section is worse than Ⅲ, its main pollutants (主要污染指标) are the (up to) three items
with the worst classes, ties broken by 超标倍数 over the Ⅲ limit (pH and DO have none) [C].
Values below the detection limit (``0.01L``, ``<0.01``) count as half the limit [B].
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

import numpy as np

from luoshi.environment.rounding import percent, round_decimal
from luoshi.environment.water.items import ITEMS, WaterItem

__all__ = ["SCALE", "SectionResult", "WaterSummary", "classify_items", "classify_sections", "summarize"]

SCALE = 10**8


def _scaled(limit: Decimal) -> int:
    return int(limit * SCALE)


def classify_items(item: WaterItem, totals: np.ndarray, counts: np.ndarray, lake: np.ndarray) -> np.ndarray:
    """Class (1–6) of each section's mean for ``item``; 0 where it has no sample.

    ``totals`` are sums of scaled values (int64), ``counts`` the samples, ``lake`` whether
    each section is a lake or reservoir point.
    """
    totals = np.asarray(totals, dtype=np.int64)
    counts = np.asarray(counts, dtype=np.int64)
    if item.sense == "range":
        low, high = (_scaled(v) for v in item.limits)
        inside = (totals >= low * counts) & (totals <= high * counts)
        classes = np.where(inside, 1, 6)
    else:
        river = np.array([_scaled(v) for v in item.limits_for(False)], dtype=np.int64)
        lakes = np.array([_scaled(v) for v in item.limits_for(True)], dtype=np.int64)
        limits = np.where(np.asarray(lake)[None, :], lakes[:, None], river[:, None])
        bound = limits * counts[None, :]
        meets = totals[None, :] >= bound if item.sense == "ge" else totals[None, :] <= bound
        classes = np.where(meets.any(axis=0), meets.argmax(axis=0) + 1, 6)
    return np.where(counts > 0, classes, 0)


@dataclass(frozen=True)
class SectionResult:
    """One section's class, its items' means and classes, target and 达标."""

    section: str
    lake: bool
    target: int | None
    water_class: int | None
    meets: bool | None
    means: dict[str, Decimal]
    classes: dict[str, int]
    deciding: tuple[str, ...]
    main_pollutants: tuple[str, ...]
    samples: int


def _mean(total: int, count: int, item: WaterItem) -> Decimal:
    places = max(-int(v.as_tuple().exponent) for v in item.limits) + 1
    return round_decimal(Decimal(total) / Decimal(count) / SCALE, places)


def _exceedance(mean: Decimal, item: WaterItem, lake: bool) -> Decimal:
    if item.sense != "le":
        return Decimal(0)
    third = item.limits_for(lake)[2]
    return (mean - third) / third


def classify_sections(
    sections: Sequence[str],
    lake: np.ndarray,
    targets: Sequence[int | None],
    totals: Mapping[str, np.ndarray],
    counts: Mapping[str, np.ndarray],
    samples: np.ndarray,
    *,
    include_tn: bool = False,
) -> list[SectionResult]:
    """Classify every section from its per-item sums and sample counts (keyed by item key).

    ``include_tn`` counts total nitrogen in the class of lake and reservoir points.
    """
    items = [i for i in ITEMS if i.key in totals]
    classes = {i.key: classify_items(i, totals[i.key], counts[i.key], lake) for i in items}
    decide = {i.key: i.evaluated or (include_tn and i.key == "TN") for i in items}
    out = []
    for n, name in enumerate(sections):
        is_lake = bool(lake[n])
        own = {k: int(c[n]) for k, c in classes.items() if c[n] > 0}
        if not is_lake:
            own.pop("TN", None)
        means = {i.key: _mean(int(totals[i.key][n]), int(counts[i.key][n]), i) for i in items if i.key in own}
        ruling = {k: v for k, v in own.items() if decide[k]}
        worst = max(ruling.values()) if ruling else None
        target = targets[n]
        by_item = {i.key: i for i in items}
        polluting = sorted(
            (k for k, v in ruling.items() if v > 3),
            key=lambda k: (-ruling[k], -_exceedance(means[k], by_item[k], is_lake)),
        )
        out.append(
            SectionResult(
                section=name,
                lake=is_lake,
                target=target,
                water_class=worst,
                meets=None if worst is None or target is None else worst <= target,
                means=means,
                classes=own,
                deciding=tuple(k for k, v in ruling.items() if v == worst),
                main_pollutants=tuple(polluting[:3]),
                samples=int(samples[n]),
            )
        )
    return out


@dataclass(frozen=True)
class WaterSummary:
    """Sections meeting their targets, and the class shares (one decimal, %)."""

    sections: int
    with_target: int
    meeting: int
    meeting_ratio: Decimal | None
    good_ratio: Decimal | None
    worst_ratio: Decimal | None
    by_class: dict[int, int]

    @property
    def all_meet(self) -> bool:
        """Every section with a target meets it (全面达标)."""
        return self.with_target > 0 and self.meeting == self.with_target


def summarize(results: Sequence[SectionResult]) -> WaterSummary:
    """断面达标比例 (sections meeting their targets over sections with a target), Ⅰ–Ⅲ 类比例
    and 劣Ⅴ 类比例 (over classified sections)."""
    classified = [r for r in results if r.water_class is not None]
    with_target = [r for r in classified if r.target is not None]
    meeting = sum(1 for r in with_target if r.meets)
    by_class = {c: sum(1 for r in classified if r.water_class == c) for c in range(1, 7)}
    return WaterSummary(
        sections=len(results),
        with_target=len(with_target),
        meeting=meeting,
        meeting_ratio=percent(meeting, len(with_target)),
        good_ratio=percent(by_class[1] + by_class[2] + by_class[3], len(classified)),
        worst_ratio=percent(by_class[6], len(classified)),
        by_class=by_class,
    )
