"""A plan as five tables (计划数据表): targets, tasks, assignments, observations, statuses.

:func:`plan_tables` reads them from the store once (statuses through
:func:`luoshi.planning.plan_status` at ``as_of``), as plain rows with typed columns, and
every export format writes the same tables. Text cells are neutralised here, once, with
:func:`luoshi.sheets.cells.safe_text` (text starting with = + - @ gets an apostrophe in
front), so no format can carry a formula into a spreadsheet; only code columns (the
comparator) are left as they are.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from luoshi.planning import plan_status
from luoshi.planning.lookup import resolve_plan, target_ref, task_ref
from luoshi.sheets.cells import safe_text
from luoshi.store import Store
from luoshi.store.models import Assignment, AssignmentUnit, Observation, Plan, Target, Task, Unit

__all__ = ["Column", "ExportTable", "PlanTables", "plan_tables", "TABLES"]


@dataclass(frozen=True, slots=True)
class Column:
    """A column: its key (the name in csv, json, parquet, dta), its Chinese label (the xlsx
    header) and its type: text, int, decimal (exact), float, date or datetime. A ``code``
    column holds a value from a closed list (the comparators ``>=``, ``=``, …) that was
    checked on the way in; it is not neutralised, so ``=`` stays ``=``."""

    key: str
    label: str
    type: str = "text"
    code: bool = False


@dataclass(slots=True)
class ExportTable:
    """One table: its name, Chinese title, columns and rows (tuples in column order)."""

    name: str
    title: str
    columns: tuple[Column, ...]
    rows: list[tuple[Any, ...]] = field(default_factory=list)


@dataclass(slots=True)
class PlanTables:
    """The five tables of a plan, and what they describe (plan, date of the statuses)."""

    plan_id: int
    plan: str
    year: int
    as_of: date
    tables: list[ExportTable]

    def meta(self) -> dict[str, Any]:
        return {
            "plan_id": self.plan_id,
            "plan": safe_text(self.plan),
            "year": self.year,
            "as_of": self.as_of.isoformat(),
            "tables": {table.name: len(table.rows) for table in self.tables},
        }


def _columns(*spec: tuple[str, str] | tuple[str, str, str]) -> tuple[Column, ...]:
    """Columns from (key, label[, type]); the type ``code`` is a text column of codes."""
    made = []
    for key, label, *kind in spec:
        kind = kind or ["text"]
        made.append(
            Column(key, label, "text", code=True) if kind[0] == "code" else Column(key, label, kind[0])
        )
    return tuple(made)


_UNITS = (
    ("lead_unit", "牵头单位"),
    ("co_units", "责任单位"),
    ("leader", "责任领导"),
    ("due", "完成时限", "date"),
)
#: The columns of each table, by table name.
TABLES: dict[str, tuple[str, tuple[Column, ...]]] = {
    "targets": (
        "目标",
        _columns(
            ("id", "编号"),
            ("seq", "序号", "int"),
            ("section", "所属部分"),
            ("text", "原文"),
            ("indicator", "指标"),
            ("comparator", "比较", "code"),
            ("value", "目标值", "decimal"),
            ("value_max", "目标上限", "decimal"),
            ("unit", "计量单位"),
            ("modality", "约束性"),
            ("year", "年度", "int"),
            ("kind", "抽取类型"),
            ("track_kind", "跟踪类型"),
            ("direction", "方向"),
            ("indicator_id", "指标库编号"),
            ("link_confidence", "关联置信度", "float"),
            ("link_source", "关联来源"),
            ("baseline", "上年基数", "decimal"),
            ("review", "审核状态"),
            *_UNITS,
        ),
    ),
    "tasks": (
        "任务",
        _columns(
            ("id", "编号"),
            ("seq", "序号", "int"),
            ("section", "所属部分"),
            ("text", "任务内容"),
            ("kind", "类型"),
            ("verb", "动词"),
            ("lead", "领句"),
            ("review", "审核状态"),
            *_UNITS,
        ),
    ),
    "assignments": (
        "分解",
        _columns(
            ("item", "事项编号"),
            ("item_kind", "事项类型"),
            *_UNITS,
            ("updated_at", "更新时间", "datetime"),
            ("updated_by", "更新人"),
        ),
    ),
    "observations": (
        "报送值",
        _columns(
            ("id", "报送编号", "int"),
            ("target", "目标编号"),
            ("period", "报送期"),
            ("value", "数值", "decimal"),
            ("unit", "计量单位"),
            ("note", "说明"),
            ("source", "来源"),
            ("reported_by", "报送人"),
            ("reported_at", "报送时间", "datetime"),
            ("supersedes", "更正的报送编号", "int"),
        ),
    ),
    "statuses": (
        "评价",
        _columns(
            ("id", "编号"),
            ("seq", "序号", "int"),
            ("indicator", "指标"),
            ("lead_unit", "牵头单位"),
            ("co_units", "责任单位"),
            ("as_of", "评价日期", "date"),
            ("kind", "跟踪类型"),
            ("grade", "评价等级"),
            ("light", "灯"),
            ("rule", "规则"),
            ("comparator", "比较", "code"),
            ("target", "比较值", "decimal"),
            ("unit", "计量单位"),
            ("actual", "实际值", "decimal"),
            ("period", "最新报送期"),
            ("completion", "完成率", "float"),
            ("expected", "序时进度", "float"),
            ("gap", "差距", "float"),
            ("projection", "预计全年", "float"),
            ("stage", "阶段"),
            ("missing_period", "未报送期"),
            ("deadline", "报送期限", "date"),
            ("reason_zh", "评价说明"),
        ),
    ),
}


def plan_tables(store: Store, plan: str | int, *, as_of: date | None = None) -> PlanTables:
    """The five tables of ``plan`` (id or name), statuses at ``as_of`` (default today)."""
    day = as_of or date.today()
    status = plan_status(store, plan, as_of=day)
    with store.reading() as session:
        found = resolve_plan(session, plan)
        units = _assignments(session, found)
        made = {name: ExportTable(name, title, columns) for name, (title, columns) in TABLES.items()}
        made["targets"].rows = _targets(session, found, units)
        made["tasks"].rows = _tasks(session, found, units)
        made["assignments"].rows = [
            (item, "target" if item.startswith("T") else "task", *cells, at, by)
            for item, (cells, at, by) in sorted(units.items(), key=lambda kv: (kv[0][0], int(kv[0][1:])))
        ]
        made["observations"].rows = _observations(session, found)
    keys = [column.key for column in TABLES["statuses"][1]]
    for row in status.rows:
        record = row.to_dict()
        record["co_units"] = "、".join(row.co_units)
        record["as_of"] = row.status.as_of
        record["target"] = row.status.target
        record["actual"] = row.status.actual
        record["deadline"] = row.status.deadline
        made["statuses"].rows.append(tuple(record.get(key) for key in keys))
    tables = [made[name] for name in TABLES]
    for table in tables:
        codes = [column.code for column in table.columns]
        table.rows = [
            tuple(value if code else _safe(value) for value, code in zip(row, codes, strict=True))
            for row in table.rows
        ]
    return PlanTables(found.id, found.name, found.year, day, tables)


def _safe(value: Any) -> Any:
    return safe_text(value) if isinstance(value, str) else value


_Units = dict[str, tuple[tuple[Any, ...], datetime, str]]


def _assignments(session: Session, plan: Plan) -> _Units:
    """{item id: ((lead unit, co-units, leader, due), updated at, updated by)}."""
    co: dict[int, list[str]] = {}
    for assignment_id, name in session.execute(
        select(AssignmentUnit.assignment_id, Unit.name)
        .join(Unit, Unit.id == AssignmentUnit.unit_id)
        .join(Assignment, Assignment.id == AssignmentUnit.assignment_id)
        .where(Assignment.plan_id == plan.id)
        .order_by(AssignmentUnit.assignment_id, AssignmentUnit.position)
    ):
        co.setdefault(assignment_id, []).append(name)
    found: _Units = {}
    for row in session.execute(
        select(Assignment, Unit.name)
        .outerjoin(Unit, Unit.id == Assignment.lead_unit_id)
        .where(Assignment.plan_id == plan.id)
    ):
        assignment, lead = row
        item = target_ref(assignment.target_id) if assignment.target_id else task_ref(assignment.task_id or 0)
        cells = (lead or "", "、".join(co.get(assignment.id, ())), assignment.leader or "", assignment.due)
        found[item] = (cells, assignment.updated_at, assignment.updated_by)
    return found


def _unit_cells(units: _Units, item: str) -> Sequence[Any]:
    held = units.get(item)
    return held[0] if held else ("", "", "", None)


def _targets(session: Session, plan: Plan, units: _Units) -> list[tuple[Any, ...]]:
    rows = []
    for t in session.scalars(select(Target).where(Target.plan_id == plan.id).order_by(Target.seq)):
        item = target_ref(t.id)
        rows.append(
            (
                item,
                t.seq,
                t.section,
                t.text,
                t.indicator,
                t.comparator,
                t.value,
                t.value_max,
                t.unit,
                t.modality,
                t.year,
                t.kind,
                t.track_kind,
                t.direction,
                t.indicator_id,
                t.link_confidence,
                t.link_source,
                t.baseline,
                t.review,
                *_unit_cells(units, item),
            )
        )
    return rows


def _tasks(session: Session, plan: Plan, units: _Units) -> list[tuple[Any, ...]]:
    rows = []
    for t in session.scalars(select(Task).where(Task.plan_id == plan.id).order_by(Task.seq)):
        item = task_ref(t.id)
        rows.append(
            (item, t.seq, t.section, t.text, t.kind, t.verb, t.lead, t.review, *_unit_cells(units, item))
        )
    return rows


def _observations(session: Session, plan: Plan) -> list[tuple[Any, ...]]:
    statement = (
        select(Observation)
        .join(Target, Target.id == Observation.target_id)
        .where(Target.plan_id == plan.id)
        .order_by(Observation.id)
    )
    return [
        (
            o.id,
            target_ref(o.target_id),
            o.period,
            o.value,
            o.unit,
            o.note,
            o.source,
            o.reported_by,
            o.reported_at,
            o.supersedes_id,
        )
        for o in session.scalars(statement)
    ]
