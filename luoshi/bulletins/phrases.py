"""How one target's progress reads in a bulletin (进展表述): 截至6月累计完成5.3万人，完成年度
目标的37.9%；序时进度50.0%，低于序时12.1个百分点.

Written from the status's fields (:class:`luoshi.tracking.Status`) by kind: flows and
shares by completion against 序时进度, levels and rates by their value against the bound,
milestones by their stage (形象进度). Numbers follow :mod:`luoshi.bulletins.numbers`.
"""

from __future__ import annotations

from luoshi.bulletins.model import BulletinRow, against_time
from luoshi.bulletins.numbers import amount, goal_words, is_percent_unit, period_words, points, share

__all__ = ["progress_words", "gap_words", "latest_words", "note_words", "units_words"]


def progress_words(row: BulletinRow) -> str:
    """Where the target stands, without the gap: value to date and completion."""
    status = row.status
    when = period_words(status.period)
    value = amount(status.actual, status.unit)
    if status.grade == "未报送":
        missing = period_words(status.missing_period)
        text = f"{missing}进度未按期报送"
        if status.actual is not None:
            text += f"，最近一次报送为{when}{value}"
        return text
    if status.actual is None:
        return status.reason_zh.rstrip("。")
    if status.rule.startswith("milestone"):
        return f"截至{when}形象进度{amount(status.actual)}%（{status.stage}）"
    if status.rule.startswith("flow"):
        return f"截至{when}累计完成{value}，完成年度目标的{share(status.completion)}"
    if against_time(status):
        return f"截至{when}达到{value}，为目标值的{share(status.completion)}"
    level = amount(status.actual, status.unit, places=1)
    goal = goal_words(status.comparator, status.target, status.unit)
    return f"截至{when}为{level}，目标为{goal}"


def gap_words(row: BulletinRow) -> str:
    """The gap as a bulletin states it: against 序时 (个百分点) or against the bound."""
    status = row.status
    gap = status.gap
    if status.rule == "milestone.overdue":
        return "已过计划完成时间"
    if status.rule == "milestone.late_start":
        return "已过计划开工时间仍未启动"
    if status.rule == "flow.breached":
        return "已超出上限"
    if gap is None or status.grade in ("未报送", "无法评价"):
        return ""
    if against_time(status):
        direction = "超序时" if gap >= 0 else "低于序时"
        return f"序时进度{share(status.expected)}，{direction}{points(gap)}"
    above = status.actual is not None and status.target is not None and status.actual > status.target
    side = "高于目标值" if above else "低于目标值"
    if status.kind == "rate" or is_percent_unit(status.unit):
        return f"{side}{points(gap)}"
    return f"{side}{abs(gap):.1f}%"


def latest_words(row: BulletinRow) -> str:
    """The latest report in a table cell: 6月：5.3万人."""
    status = row.status
    if status.actual is None:
        return "—"
    places = None if status.rule.startswith(("flow", "milestone")) else 1
    return f"{period_words(status.period)}：{amount(status.actual, status.unit, places)}"


def note_words(row: BulletinRow) -> str:
    """The lead unit's latest note (单位说明), or a plain statement that there is none."""
    note = (row.latest.note if row.latest else "").strip()
    if note:
        return note if note.endswith(("。", "！", "；")) else note + "。"
    return "牵头单位未说明滞后原因及下步措施。"


def units_words(row: BulletinRow) -> str:
    """（牵头单位：人社局；责任单位：财政局、发改委）."""
    text = f"牵头单位：{row.lead}"
    if row.co_units:
        text += f"；责任单位：{'、'.join(row.co_units)}"
    return f"（{text}）"
