"""Grading rules by kind (按类型评价): flows and shares against 序时, levels and rates against their bound.

Each grader takes plain floats (the comparisons are made in float; stored values stay
Decimal) and returns a :class:`Graded`: the grade, the rule that decided it, completion, gap,
projection. The engine (:mod:`luoshi.tracking.engine`) picks the observations and the
序时进度 and builds the :class:`~luoshi.tracking.model.Status`.

* **flow** (累计): completion = actual ÷ target against 序时; reaching the target is 已完成 at
  once. A lower-is-better flow (a ceiling on a cumulative amount: 能耗总量, 事故死亡人数)
  is graded on the allowance used against 序时, 严重滞后 once the ceiling is passed, and
  已完成 only when the period is over within it.
* **share** (覆盖率): progress from the baseline (0 without one) toward the target, against 序时.
* **level** (水平值) and **rate** (增速): the value against the bound, no 序时. 左右 (≈) is a band
  (±``band_points`` for % targets, else ±``band_relative`` of the value) and a range its two
  ends; leaving the band on the better side is 超序时. Short of the bound: a rate by up to
  ``rate_warn`` points, a level by up to ``level_warn`` of the bound, is 滞后; more is 严重滞后.
  A year-end value that meets the bound is 已完成.
* **milestone** (节点): 已完成 at 100 %; past the planned date and not done, 严重滞后; not
  started after the planned start, 滞后; otherwise 符合序时.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from luoshi.tracking.rules import Rules

__all__ = ["Graded", "progress_grade", "grade_flow", "grade_share", "grade_bound", "grade_milestone", "LIGHT"]

EPS = 1e-9
LIGHT = {"已完成": "green", "超序时": "green", "符合序时": "green", "滞后": "yellow", "严重滞后": "red"}
_PERCENT = frozenset({"%", "个百分点", "‰", "％"})


class Graded(NamedTuple):
    grade: str
    rule: str
    completion: float | None
    gap: float | None
    projection: float | None


def band_width(value: float, unit: str, rules: Rules) -> float:
    """The half-width of a 左右 band around ``value``."""
    return rules.band_points if unit in _PERCENT else rules.band_relative * abs(value)


def progress_grade(gap: float, ratio: float, rules: Rules) -> str:
    """超序时 … 严重滞后 from the gap to 序时 in points (``mode="points"``) or the ratio to it (``"ratio"``)."""
    if rules.mode == "points":
        if gap > rules.ahead + EPS:
            return "超序时"
        lag = -gap
        if lag <= EPS or lag < rules.on_track_lag - EPS:
            return "符合序时"
        if lag <= rules.severe_lag + EPS:
            return "滞后"
        return "严重滞后"
    if ratio > 1 + rules.ahead + EPS:
        return "超序时"
    if ratio >= 1 - EPS or ratio >= rules.on_track_ratio - EPS:
        return "符合序时"
    if ratio >= rules.severe_ratio - EPS:
        return "滞后"
    return "严重滞后"


def grade_flow(
    actual: float,
    target: float,
    comparator: str,
    lower: bool,
    unit: str,
    expected: float,
    final: bool,
    rules: Rules,
) -> Graded:
    """A cumulative amount (累计) against its target and 序时."""
    projection = actual / expected if expected > 0 else None
    if not lower:
        if comparator == ">":
            reached = actual > target + EPS * max(1.0, abs(target))
        elif comparator == "≈":
            reached = actual >= target - band_width(target, unit, rules) - EPS
        else:
            reached = actual >= target - EPS * max(1.0, abs(target))
        completion = actual / target if target > 0 else 1.0
        gap = (completion - expected) * 100
        if reached:
            return Graded("已完成", "flow.done", completion, gap, projection)
        ratio = completion / expected if expected > 0 else math.inf
        return Graded(progress_grade(gap, ratio, rules), "flow", completion, gap, projection)
    completion = actual / target if target > 0 else (0.0 if actual <= 0 else math.inf)
    breached = actual >= target if comparator == "<" else actual > target + EPS * max(1.0, abs(target))
    used = (expected - completion) * 100 if math.isfinite(completion) else None
    if breached:
        return Graded("严重滞后", "flow.breached", completion, used, projection)
    if final:
        return Graded("已完成", "flow.done", completion, used, projection)
    ratio = expected / completion if completion > 0 else math.inf
    return Graded(
        progress_grade(used if used is not None else 0.0, ratio, rules), "flow", completion, used, projection
    )


def grade_share(
    actual: float, target: float, baseline: float, comparator: str, expected: float, rules: Rules
) -> Graded:
    """Coverage moving from ``baseline`` toward ``target`` (either way), against 序时."""
    span = target - baseline
    completion = (actual - baseline) / span
    projection = baseline + (actual - baseline) / expected if expected > 0 else None
    if span > 0:
        reached = actual > target + EPS if comparator == ">" else actual >= target - EPS
    else:
        reached = actual < target - EPS if comparator == "<" else actual <= target + EPS
    gap = (completion - expected) * 100
    if reached:
        return Graded("已完成", "share.done", completion, gap, projection)
    ratio = completion / expected if expected > 0 else math.inf
    return Graded(progress_grade(gap, ratio, rules), "share", completion, gap, projection)


def grade_bound(
    actual: float,
    value: float,
    value_max: float | None,
    comparator: str,
    lower: bool,
    unit: str,
    kind: str,
    final: bool,
    rules: Rules,
) -> Graded:
    """A level (``kind="level"``) or a growth rate (``kind="rate"``) against its bound or band."""
    if comparator == "≈":
        width = band_width(value, unit, rules)
        low, high = value - width, value + width
        rule = f"{kind}.band"
    elif comparator == "range" and value_max is not None:
        low, high = value, value_max
        rule = f"{kind}.band"
    else:
        low = high = value
        rule = f"{kind}.bound"
    strict = comparator in (">", "<")
    if lower:
        need, good = high, low
        met = actual < need - EPS if strict else actual <= need + EPS
        beyond, short = good - actual, actual - need
    else:
        need, good = low, high
        met = actual > need + EPS if strict else actual >= need - EPS
        beyond, short = actual - good, need - actual
    in_points = kind == "rate" or unit in _PERCENT
    signed = -short
    if in_points:
        gap: float | None = signed
    else:
        gap = signed / abs(need) * 100 if need else None
    if lower:
        completion = need / actual if actual > 0 else (1.0 if need >= 0 else None)
    else:
        completion = actual / need if need else None
    projection = actual
    if met:
        if final:
            return Graded("已完成", f"{rule}.done", completion, gap, projection)
        if kind == "rate":
            ahead = beyond > rules.rate_ahead + EPS
        else:
            ahead = beyond > EPS and beyond >= rules.level_ahead * abs(good) - EPS
        return Graded("超序时" if ahead else "符合序时", rule, completion, gap, projection)
    if kind == "rate":
        warned = short <= rules.rate_warn + EPS
    elif need == 0:
        warned = not final
    else:
        warned = short / abs(need) <= rules.level_warn + EPS
    return Graded("滞后" if warned else "严重滞后", rule, completion, gap, projection)


def grade_milestone(done: float, expected: float, overdue: bool, late_start: bool) -> tuple[Graded, str]:
    """A milestone's stage (未启动, 推进中, 已完成) against its planned dates; also returns the stage."""
    completion = done / 100
    gap = (completion - expected) * 100
    if done >= 100 - EPS:
        return Graded("已完成", "milestone.done", completion, gap, None), "已完成"
    stage = "未启动" if done <= EPS else "推进中"
    if overdue:
        return Graded("严重滞后", "milestone.overdue", completion, gap, None), stage
    if late_start and stage == "未启动":
        return Graded("滞后", "milestone.late_start", completion, gap, None), stage
    return Graded("符合序时", "milestone", completion, gap, None), stage
