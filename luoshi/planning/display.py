"""How plans and statuses read (显示): Rich tables in Chinese first, and JSON and CSV writers.

The tables are renderables for the command line to print; the writers take a text stream.
Lights (红黄绿灯) are coloured in tables and named (green, yellow, red, none) in JSON and CSV.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from typing import TextIO

from rich import box
from rich.table import Table
from rich.text import Text

from luoshi.planning.model import PlanDetail, PlanStatus, PlanSummary
from luoshi.tracking import GRADES
from luoshi.tracking.reasons import format_number

__all__ = [
    "plans_table",
    "plan_table",
    "status_table",
    "units_table",
    "summary_line",
    "write_status_json",
    "write_status_csv",
    "CSV_COLUMNS",
]

_LIGHT = {"green": ("绿", "green"), "yellow": ("黄", "yellow"), "red": ("红", "red"), "none": ("—", "dim")}
_KIND = {"flow": "累计", "level": "水平", "rate": "增速", "share": "覆盖", "milestone": "节点"}
_SIGN = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "≈": "≈", "=": "=", "range": "区间"}
#: Columns of ``luoshi status --format csv``, one row per target.
CSV_COLUMNS = (
    "id",
    "seq",
    "indicator",
    "lead_unit",
    "co_units",
    "kind",
    "grade",
    "grade_en",
    "light",
    "comparator",
    "target",
    "unit",
    "actual",
    "period",
    "completion",
    "expected",
    "gap",
    "projection",
    "missing_period",
    "deadline",
    "reason_zh",
)


def plans_table(plans: Sequence[PlanSummary]) -> Table:
    """One row per plan: id, name, year, place and counts."""
    table = Table(title="计划 plans", box=box.SIMPLE_HEAD)
    for header, justify in (
        ("编号\nid", "right"),
        ("名称\nname", "left"),
        ("年度\nyear", "right"),
        ("地区\nplace", "left"),
        ("目标\ntargets", "right"),
        ("任务\ntasks", "right"),
        ("已分解\nassigned", "right"),
        ("报送值\nobservations", "right"),
    ):
        table.add_column(header, justify=justify)  # type: ignore[arg-type]
    for plan in plans:
        table.add_row(
            str(plan.id),
            plan.name,
            str(plan.year),
            plan.place or "",
            str(plan.targets),
            str(plan.tasks),
            str(plan.assigned),
            str(plan.observations),
        )
    return table


def plan_table(detail: PlanDetail) -> Table:
    """A plan's targets with their catalogue links and assignments."""
    plan = detail.plan
    table = Table(
        title=f"{plan.name}（编号 {plan.id}）",
        caption=(
            f"计划期 {detail.period_start}—{detail.period_end} · 报送 {detail.frequency}，"
            f"次月{detail.deadline_day}日前 · 目标 {plan.targets} · 任务 {plan.tasks} · 已分解 {plan.assigned}"
        ),
        box=box.SIMPLE_HEAD,
    )
    for header in (
        "编号",
        "序号",
        "指标",
        "目标值",
        "单位",
        "类型",
        "指标库",
        "牵头单位",
        "责任单位",
        "完成时限",
    ):
        table.add_column(header, overflow="fold")
    for target in detail.targets:
        value = _value(target.comparator, target.value, target.value_max)
        link = target.indicator_id or ("推断" if target.link_source == "inferred" else "")
        if target.indicator_id and target.link_confidence is not None:
            link += f" ({target.link_confidence:.2f})"
        table.add_row(
            target.id,
            str(target.seq),
            target.indicator + (" [已否决]" if target.review == "rejected" else ""),
            value,
            target.unit,
            _KIND.get(target.track_kind, target.track_kind),
            link,
            target.lead_unit or "",
            "、".join(target.co_units),
            target.due.isoformat() if target.due else "",
        )
    return table


def status_table(status: PlanStatus) -> Table:
    """Per target: grade, light, completion against 序时, gap, projection, lead unit."""
    table = Table(title=f"{status.plan} 进度评价 截至 {status.as_of}", box=box.SIMPLE_HEAD)
    for header, justify in (
        ("序号", "right"),
        ("指标", "left"),
        ("目标", "right"),
        ("实际", "right"),
        ("完成", "right"),
        ("序时", "right"),
        ("差距", "right"),
        ("预计全年", "right"),
        ("评价", "left"),
        ("灯", "center"),
        ("牵头单位", "left"),
    ):
        table.add_column(header, justify=justify, overflow="fold")  # type: ignore[arg-type]
    for row in status.rows:
        s = row.status
        word, colour = _LIGHT.get(s.light, ("—", "dim"))
        actual = "" if s.actual is None else f"{format_number(s.actual)}（{s.period}）"
        table.add_row(
            str(row.seq),
            row.indicator,
            f"{_SIGN.get(s.comparator, '')}{format_number(s.target)}{s.unit}",
            actual,
            _percent(s.completion),
            _percent(s.expected),
            "" if s.gap is None else f"{s.gap:+.1f}",
            "" if s.projection is None else format_number(s.projection),
            Text(s.grade, style=colour),
            Text(f"● {word}", style=colour),
            row.lead_unit or "",
        )
    return table


def units_table(status: PlanStatus) -> Table:
    """Each unit's reporting record: due, on time, late, missing, on-time rate (按时报送率)."""
    table = Table(title="报送情况 reporting", box=box.SIMPLE_HEAD)
    for header in ("单位", "目标数", "应报", "按时", "逾期", "未报", "按时报送率", "未报送目标"):
        table.add_column(
            header, justify="left" if header in ("单位", "未报送目标") else "right", overflow="fold"
        )
    for unit in status.units:
        rate = unit.on_time_rate
        style = "" if rate is None else ("green" if rate >= 0.9 else "yellow" if rate >= 0.6 else "red")
        table.add_row(
            unit.unit,
            str(unit.targets),
            str(unit.due),
            str(unit.on_time),
            str(unit.late),
            str(unit.missing),
            Text(_percent(rate) or "—", style=style),
            "、".join(unit.unreported),
        )
    return table


def summary_line(status: PlanStatus) -> str:
    """共N个目标：已完成 a · 超序时 b · … in grade order."""
    counts = status.grade_counts()
    parts = [f"{grade} {counts[grade]}" for grade in GRADES if counts.get(grade)]
    return f"共 {len(status.rows)} 个目标：" + " · ".join(parts)


def write_status_json(status: PlanStatus, out: TextIO) -> None:
    """The whole status as one JSON document: plan, as-of date, counts, targets, units."""
    document = {
        "plan": status.plan,
        "plan_id": status.plan_id,
        "as_of": status.as_of.isoformat(),
        "grades": status.grade_counts(),
        "targets": [row.to_dict() for row in status.rows],
        "units": [
            {
                "unit": unit.unit,
                "targets": unit.targets,
                "due": unit.due,
                "on_time": unit.on_time,
                "late": unit.late,
                "missing": unit.missing,
                "on_time_rate": unit.on_time_rate,
                "reported_rate": unit.reported_rate,
                "unreported": list(unit.unreported),
            }
            for unit in status.units
        ],
        "skipped": [{"id": ref, "reason": why} for ref, why in status.skipped],
    }
    json.dump(document, out, ensure_ascii=False, indent=2)
    out.write("\n")


def write_status_csv(status: PlanStatus, out: TextIO) -> None:
    """One row per target with :data:`CSV_COLUMNS` (values exact, shares as fractions)."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in status.rows:
        record = row.to_dict()
        record["co_units"] = "、".join(row.co_units)
        writer.writerow(["" if record.get(column) is None else record[column] for column in CSV_COLUMNS])


def _percent(value: float | None) -> str:
    return "" if value is None else f"{value * 100:.1f}%"


def _value(comparator: str, value: object, value_max: object) -> str:
    if comparator == "range":
        return f"{value}—{value_max}"
    return f"{_SIGN.get(comparator, comparator)}{value}"
