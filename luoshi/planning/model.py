"""What the plan workflow returns (计划流程的结果): plain dataclasses, no database rows.

The command line prints these; a web page or a test reads them. Targets and tasks are
named by their item id, ``T12`` for target 12 and ``K7`` for task 7, the same id the 分解表
and the 报送表 carry in their hidden 系统编号 column.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from luoshi.tracking import Status, UnitReporting

__all__ = [
    "ProgressFn",
    "PlanSummary",
    "PlanCreated",
    "TargetInfo",
    "PlanDetail",
    "AssignmentsImported",
    "TemplateWritten",
    "ProgressImported",
    "ProgressAdded",
    "StatusRow",
    "PlanStatus",
]

#: A progress callback: (what is being done, how many done, how many in all).
ProgressFn = Callable[[str, int, int], None]


@dataclass(frozen=True, slots=True)
class PlanSummary:
    """One plan (跟踪计划) in a list: its id, name, year, place and counts."""

    id: int
    name: str
    year: int
    place: str | None
    report: str
    targets: int
    tasks: int
    assigned: int
    observations: int
    created_at: datetime

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "year": self.year,
            "place": self.place,
            "report": self.report,
            "targets": self.targets,
            "tasks": self.tasks,
            "assigned": self.assigned,
            "observations": self.observations,
            "created_at": self.created_at.isoformat(timespec="seconds"),
        }


@dataclass(frozen=True, slots=True)
class PlanCreated:
    """The result of ``create_plan``: the plan, and whether it was new (False: the same
    report file was already stored, and nothing changed)."""

    plan: PlanSummary
    created: bool
    linked: int = 0


@dataclass(frozen=True, slots=True)
class TargetInfo:
    """A stored target with its catalogue link and assignment, as ``plan show`` lists it."""

    id: str
    seq: int
    indicator: str
    comparator: str
    value: Decimal
    value_max: Decimal | None
    unit: str
    track_kind: str
    direction: str
    indicator_id: str | None
    link_confidence: float | None
    link_source: str
    review: str
    lead_unit: str | None = None
    co_units: tuple[str, ...] = ()
    leader: str = ""
    due: date | None = None
    #: Last year's twelve monthly amounts, when given (上年逐月数).
    profile: tuple[Decimal, ...] | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "seq": self.seq,
            "indicator": self.indicator,
            "comparator": self.comparator,
            "value": str(self.value),
            "value_max": None if self.value_max is None else str(self.value_max),
            "unit": self.unit,
            "kind": self.track_kind,
            "direction": self.direction,
            "indicator_id": self.indicator_id,
            "link_confidence": self.link_confidence,
            "link_source": self.link_source,
            "review": self.review,
            "lead_unit": self.lead_unit,
            "co_units": list(self.co_units),
            "leader": self.leader,
            "due": None if self.due is None else self.due.isoformat(),
            "profile": None if self.profile is None else [str(v) for v in self.profile],
        }


@dataclass(frozen=True, slots=True)
class PlanDetail:
    """One plan in full: its summary, period, reporting rules and targets."""

    plan: PlanSummary
    period_start: date
    period_end: date
    frequency: str
    deadline_day: int
    rules: str | None
    targets: list[TargetInfo] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.plan.to_dict(),
            "period_start": self.period_start.isoformat(),
            "period_end": self.period_end.isoformat(),
            "frequency": self.frequency,
            "deadline_day": self.deadline_day,
            "rules": self.rules,
            "target_list": [target.to_dict() for target in self.targets],
        }


@dataclass(frozen=True, slots=True)
class AssignmentsImported:
    """The result of importing a 分解表: rows read, assignments created, changed, removed
    (a row whose unit cells were cleared), unchanged, and the units created."""

    rows: int
    created: int
    updated: int
    removed: int
    unchanged: int
    units_created: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TemplateWritten:
    """A 报送表 written: for which unit and period, how many targets."""

    unit: str
    period: str
    rows: int


@dataclass(frozen=True, slots=True)
class ProgressImported:
    """The result of importing a 报送表: new values, corrections (superseding), unchanged."""

    unit: str
    period: str
    created: int
    corrected: int
    unchanged: int


@dataclass(frozen=True, slots=True)
class ProgressAdded:
    """One value added: the new observation's id, and the one it supersedes (a correction),
    or ``unchanged`` when it repeats the current value."""

    target: str
    period: str
    observation_id: int | None
    supersedes_id: int | None
    unchanged: bool = False


@dataclass(frozen=True, slots=True)
class StatusRow:
    """A target's status with what a reader needs beside it: 序号, indicator, units."""

    seq: int
    indicator: str
    lead_unit: str | None
    co_units: tuple[str, ...]
    status: Status

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.status.target_id,
            "seq": self.seq,
            "indicator": self.indicator,
            "lead_unit": self.lead_unit,
            "co_units": list(self.co_units),
            **self.status.to_dict(),
        }


_NEW = object.__new__
_SET_SEQ = vars(StatusRow)["seq"].__set__
_SET_INDICATOR = vars(StatusRow)["indicator"].__set__
_SET_LEAD_UNIT = vars(StatusRow)["lead_unit"].__set__
_SET_CO_UNITS = vars(StatusRow)["co_units"].__set__
_SET_STATUS = vars(StatusRow)["status"].__set__
assert [f.name for f in fields(StatusRow)] == ["seq", "indicator", "lead_unit", "co_units", "status"]


def status_row(
    seq: int, indicator: str, lead_unit: str | None, co_units: tuple[str, ...], status: Status
) -> StatusRow:
    """``StatusRow(seq, indicator, lead_unit, co_units, status)``, made by setting its slots:
    a plan of 100,000 targets makes as many, and the frozen dataclass's ``__init__`` costs
    three times as much."""
    row = _NEW(StatusRow)
    _SET_SEQ(row, seq)
    _SET_INDICATOR(row, indicator)
    _SET_LEAD_UNIT(row, lead_unit)
    _SET_CO_UNITS(row, co_units)
    _SET_STATUS(row, status)
    return row


@dataclass(frozen=True, slots=True)
class PlanStatus:
    """A plan's status at a date (进度评价): per target, and each unit's reporting record."""

    plan: str
    plan_id: int
    as_of: date
    rows: list[StatusRow]
    units: list[UnitReporting]
    #: Targets that could not be tracked: (item id, why), e.g. a deadline before the plan year.
    skipped: list[tuple[str, str]] = field(default_factory=list)

    def grade_counts(self) -> dict[str, int]:
        """How many targets have each grade."""
        counts: dict[str, int] = {}
        for row in self.rows:
            counts[row.status.grade] = counts.get(row.status.grade, 0) + 1
        return counts
