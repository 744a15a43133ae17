"""The tables of the store (数据库表), as SQLAlchemy 2 typed declarative models.

=================== =======================================================================
table               what a row is
=================== =======================================================================
``report``          one report file as read (报告): text, place, year, sha256 of its bytes
``plan``            a report adopted for tracking (跟踪计划): year, period, frequency, rules
``target``          a quantitative target (量化目标) with its catalogue link (指标关联)
``task``            a commitment clause (任务)
``unit``            a department (单位): 牵头单位 and 责任单位 are units
``assignment``      a target or task given to a lead unit, co-units, a leader, a due date
``assignment_unit`` the co-units (责任单位) of an assignment, in sheet order
``observation``     a reported value (报送值); never updated: a correction supersedes it
``audit_event``     who changed what when (审计日志), before and after, hash-chained
=================== =======================================================================

Values users compare are :class:`~decimal.Decimal` in :class:`~luoshi.store.types.ExactDecimal`
columns. Times are naive local wall-clock times (the office's time zone), which is how
reporting deadlines (报送期限, the 25th) are written.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from luoshi.store.types import ExactDecimal

__all__ = [
    "Base",
    "Report",
    "Plan",
    "Target",
    "Task",
    "Unit",
    "Assignment",
    "AssignmentUnit",
    "Observation",
    "AuditEvent",
    "REVIEW_STATES",
    "LINK_SOURCES",
    "OBSERVATION_SOURCES",
]

#: Review state of an extracted item (审核状态): as extracted, confirmed or rejected by the office.
REVIEW_STATES = ("extracted", "confirmed", "rejected")
#: Where a target's kind and indicator come from: the catalogue, inference, or a user's correction.
LINK_SOURCES = ("catalog", "inferred", "user")
#: Where an observation comes from: a department's 报送表, a bulk import, an API, a computation,
#: or one value typed in (``luoshi progress add``).
OBSERVATION_SOURCES = ("submission", "import", "api", "computed", "manual")

_NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base with named constraints, so migrations can refer to them."""

    metadata = MetaData(naming_convention=_NAMING)
    type_annotation_map = {Decimal: ExactDecimal(), datetime: DateTime(), date: Date()}


class Report(Base):
    """A report file as read (报告); identified by the sha256 of its bytes."""

    __tablename__ = "report"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    place: Mapped[str | None] = mapped_column(String(100))
    level: Mapped[str | None] = mapped_column(String(20))
    year: Mapped[int | None]
    text: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    source: Mapped[str | None] = mapped_column(String(1000))
    format: Mapped[str] = mapped_column(String(10))
    encoding: Mapped[str | None] = mapped_column(String(40))
    created_at: Mapped[datetime]


class Plan(Base):
    """A report adopted for tracking (跟踪计划): its year, period and reporting rules.

    ``frequency`` is the reporting period (月 month by default); reports are due by
    ``deadline_day`` (the 25th) of the next month. ``rules`` is the text of a rules TOML
    file (评价规则, see :mod:`luoshi.tracking.rules`), None for the defaults.
    """

    __tablename__ = "plan"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("report.id"), unique=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    year: Mapped[int]
    period_start: Mapped[date]
    period_end: Mapped[date]
    frequency: Mapped[str] = mapped_column(String(10), default="month")
    deadline_day: Mapped[int] = mapped_column(Integer, default=25)
    rules: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime]
    created_by: Mapped[str] = mapped_column(String(100))

    report: Mapped[Report] = relationship()


class Target(Base):
    """A quantitative target (量化目标): the extraction's fields, exact values and its link.

    ``seq`` is its 序号 in the plan (report order). ``kind`` is the extraction's (growth,
    decline, share, count, amount); ``track_kind`` the status engine's (flow, level, rate,
    share, milestone), from the catalogue entry ``indicator_id`` (with ``link_confidence``),
    inferred, or corrected by a user (``link_source``). ``baseline`` is last year's value,
    when a rule needs it. ``profile`` is last year's twelve monthly amounts (1月..12月, exact
    decimals as text), when the user gives them: they shape a flow's 序时进度 and a mean
    level's bound by season. ``review`` is extracted, confirmed or rejected.
    """

    __tablename__ = "target"
    __table_args__ = (UniqueConstraint("plan_id", "seq"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id"), index=True)
    seq: Mapped[int]
    start: Mapped[int]
    end: Mapped[int]
    text: Mapped[str] = mapped_column(Text)
    section: Mapped[str] = mapped_column(Text)
    indicator: Mapped[str] = mapped_column(String(200))
    comparator: Mapped[str] = mapped_column(String(10))
    value: Mapped[Decimal]
    value_max: Mapped[Decimal | None]
    unit: Mapped[str] = mapped_column(String(40))
    modality: Mapped[str] = mapped_column(String(10))
    year: Mapped[int | None]
    kind: Mapped[str] = mapped_column(String(10))
    indicator_id: Mapped[str | None] = mapped_column(String(80))
    link_confidence: Mapped[float | None] = mapped_column(Float)
    track_kind: Mapped[str] = mapped_column(String(10))
    direction: Mapped[str] = mapped_column(String(10))
    link_source: Mapped[str] = mapped_column(String(10))
    baseline: Mapped[Decimal | None]
    profile: Mapped[list[str] | None] = mapped_column(JSON(none_as_null=True))
    review: Mapped[str] = mapped_column(String(10), default="extracted")


class Task(Base):
    """A commitment clause (任务): the extraction's fields and its review state."""

    __tablename__ = "task"
    __table_args__ = (UniqueConstraint("plan_id", "seq"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id"), index=True)
    seq: Mapped[int]
    start: Mapped[int]
    end: Mapped[int]
    text: Mapped[str] = mapped_column(Text)
    section: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(10))
    verb: Mapped[str] = mapped_column(String(40))
    lead: Mapped[str] = mapped_column(Text)
    review: Mapped[str] = mapped_column(String(10), default="extracted")


class Unit(Base):
    """A department (单位), named as the office names it; ``short_name`` (简称) optional."""

    __tablename__ = "unit"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    short_name: Mapped[str | None] = mapped_column(String(50))
    created_at: Mapped[datetime]


class Assignment(Base):
    """A target or a task given to a lead unit (牵头单位), with co-units (责任单位), a
    responsible leader (责任领导) and a due date (完成时限). One per target or task."""

    __tablename__ = "assignment"
    __table_args__ = (CheckConstraint("(target_id IS NULL) <> (task_id IS NULL)", name="one_item"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id"), index=True)
    target_id: Mapped[int | None] = mapped_column(ForeignKey("target.id"), unique=True)
    task_id: Mapped[int | None] = mapped_column(ForeignKey("task.id"), unique=True)
    lead_unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"), index=True)
    leader: Mapped[str] = mapped_column(String(100), default="")
    due: Mapped[date | None]
    updated_at: Mapped[datetime]
    updated_by: Mapped[str] = mapped_column(String(100))

    lead_unit: Mapped[Unit | None] = relationship()
    co_units: Mapped[list[AssignmentUnit]] = relationship(
        order_by="AssignmentUnit.position", cascade="all, delete-orphan"
    )


class AssignmentUnit(Base):
    """One co-unit (责任单位) of an assignment, at its place in the sheet's list."""

    __tablename__ = "assignment_unit"

    assignment_id: Mapped[int] = mapped_column(
        ForeignKey("assignment.id", ondelete="CASCADE"), primary_key=True
    )
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), primary_key=True, index=True)
    position: Mapped[int]

    unit: Mapped[Unit] = relationship()


class Observation(Base):
    """A value reported for a target and period (报送值), never updated.

    A correction is a new row whose ``supersedes_id`` names the row it corrects; both stay.
    ``unit`` is the unit of measure the value is in; ``source`` one of
    :data:`OBSERVATION_SOURCES`; ``reported_by`` who reported it (报送人).
    """

    __tablename__ = "observation"
    __table_args__ = (Index(None, "target_id", "period"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    target_id: Mapped[int] = mapped_column(ForeignKey("target.id"))
    period: Mapped[str] = mapped_column(String(10))
    value: Mapped[Decimal]
    unit: Mapped[str] = mapped_column(String(40))
    note: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(12))
    reported_by: Mapped[str] = mapped_column(String(100))
    reported_at: Mapped[datetime]
    supersedes_id: Mapped[int | None] = mapped_column(ForeignKey("observation.id"), unique=True)


class AuditEvent(Base):
    """One change (审计事件): who, when, what action on which entity, before and after.

    ``hash`` is the sha256 of ``prev_hash`` and the event's canonical JSON, so that the
    events form a chain in which an edited or deleted row shows (see :mod:`luoshi.store.audit`).
    """

    __tablename__ = "audit_event"
    __table_args__ = (Index(None, "entity", "entity_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(20))
    entity: Mapped[str] = mapped_column(String(20))
    entity_id: Mapped[str] = mapped_column(String(40))
    before: Mapped[Any | None] = mapped_column(JSON)
    after: Mapped[Any | None] = mapped_column(JSON)
    prev_hash: Mapped[str | None] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)
