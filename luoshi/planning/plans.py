"""Plans (跟踪计划): adopt a report for tracking, list the plans, show one.

``create_plan`` reads and extracts a report file (:func:`luoshi.read_report`,
:func:`luoshi.extract`), stores its targets and tasks, and links each target to the indicator
catalogue (:mod:`luoshi.catalog`): the catalogue entry's kind and direction when the wording
matches one, else the kind and direction inferred from the comparator and unit. A report is
known by the sha256 of its file's bytes: creating a plan from the same file again changes
nothing and says so (``PlanCreated.created`` is False).
"""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import cast

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from luoshi.catalog import Catalog, TargetLike, default_catalog, infer_direction, infer_kind
from luoshi.errors import InputNotFound, PlanError, RulesError, StoreError
from luoshi.extraction import extract
from luoshi.extraction.model import Extraction
from luoshi.extraction.model import Target as Extracted
from luoshi.planning.lookup import current_user, resolve_plan, target_ref
from luoshi.planning.model import PlanCreated, PlanDetail, PlanSummary, ProgressFn, TargetInfo
from luoshi.reading import Report as ReadReport
from luoshi.reading import read_report
from luoshi.store import Store, record, snapshot
from luoshi.store.models import Assignment, AssignmentUnit, Observation, Plan, Report, Target, Task, Unit
from luoshi.tracking import DEFAULT_RULES, Rules, load_rules, rules_from_dict

__all__ = ["create_plan", "list_plans", "plan_detail", "plan_rules"]


def create_plan(
    store: Store,
    source: str | Path,
    *,
    place: str | None = None,
    year: int | None = None,
    name: str | None = None,
    level: str | None = None,
    rules: str | Path | None = None,
    frequency: str | None = None,
    deadline_day: int | None = None,
    actor: str | None = None,
    catalog: Catalog | None = None,
    on_progress: ProgressFn | None = None,
) -> PlanCreated:
    """Store the targets and tasks of the report at ``source`` as a new plan.

    ``rules`` is a rules TOML file (评价规则); ``frequency`` (month, quarter, half, year) and
    ``deadline_day`` override its reporting keys. Nothing is stored unless all of it is.
    """
    path = Path(source).expanduser()
    if not path.is_file():
        raise InputNotFound("文件不存在 / no such file", hint="检查报告文件的路径", path=str(source))
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    existing = _existing(store, digest)
    if existing is not None:
        return PlanCreated(existing, created=False)
    rules_text, chosen = _rules(rules, frequency, deadline_day)
    step = on_progress or (lambda _what, _done, _total: None)
    step("抽取 extracting", 0, 1)
    report = read_report(path, place=place, level=level, year=year)
    plan_year = year or report.year
    if plan_year is None:
        raise PlanError(
            "无法确定计划年度 / cannot tell the plan year",
            hint="用 --year 指定，例如 --year 2023",
            path=str(source),
        )
    extraction = extract(report, year=plan_year)
    step("抽取 extracting", 1, 1)
    report.year = plan_year
    report.source = str(path.resolve())
    plan = Plan(
        year=plan_year,
        period_start=date(plan_year, 1, 1),
        period_end=date(plan_year, 12, 31),
        frequency=chosen.frequency,
        deadline_day=chosen.deadline_day,
        rules=rules_text,
        created_by=actor or current_user(),
    )
    try:
        with store.writing(plan.created_by) as session:
            linked = _insert(
                session, plan, report, extraction, digest, name, catalog or default_catalog(), step
            )
            summary = _summary(session, plan)
    except StoreError as error:  # the same file, stored by another process a moment ago
        existing = _existing(store, digest) if isinstance(error.__cause__, IntegrityError) else None
        if existing is None:
            raise
        return PlanCreated(existing, created=False)
    return PlanCreated(summary, created=True, linked=linked)


def _existing(store: Store, digest: str) -> PlanSummary | None:
    """The plan made from the report file with this sha256, if there is one."""
    with store.reading() as session:
        plan = session.scalars(select(Plan).join(Report).where(Report.sha256 == digest)).first()
        return _summary(session, plan) if plan is not None else None


def _insert(
    session: Session,
    plan: Plan,
    report: ReadReport,
    extraction: Extraction,
    digest: str,
    name: str | None,
    catalog: Catalog,
    step: ProgressFn,
) -> int:
    """Store the report, the plan, its targets and tasks with audit events; targets linked."""
    now = datetime.now()
    stored = Report(
        name=report.name,
        place=report.place,
        level=report.level,
        year=report.year,
        text=report.text,
        sha256=digest,
        source=report.source,
        format=report.format,
        encoding=report.encoding,
        created_at=now,
    )
    session.add(stored)
    session.flush()
    record(
        session,
        "create",
        "report",
        stored.id,
        after=snapshot(stored, "name", "place", "year", "sha256", "source"),
    )
    plan.report_id = stored.id
    plan.name = _free_name(session, name, report.place, plan.year, report.name)
    plan.created_at = now
    session.add(plan)
    session.flush()
    record(session, "create", "plan", plan.id, after=snapshot(plan))
    total = len(extraction.targets) + len(extraction.tasks)
    linked = 0
    for seq, target in enumerate(extraction.targets, 1):
        row = _target_row(plan.id, seq, target, catalog)
        linked += row.link_source == "catalog"
        session.add(row)
    step("保存 storing", len(extraction.targets), total)
    for seq, task in enumerate(extraction.tasks, 1):
        session.add(
            Task(
                plan_id=plan.id,
                seq=seq,
                start=task.start,
                end=task.end,
                text=task.text,
                section=task.section,
                kind=task.kind,
                verb=task.verb,
                lead=task.lead,
                review="extracted",
            )
        )
    session.flush()
    for target_row in session.scalars(select(Target).where(Target.plan_id == plan.id).order_by(Target.seq)):
        record(session, "create", "target", target_row.id, after=snapshot(target_row))
    for task_row in session.scalars(select(Task).where(Task.plan_id == plan.id).order_by(Task.seq)):
        record(session, "create", "task", task_row.id, after=snapshot(task_row))
    step("保存 storing", total, total)
    return linked


def list_plans(store: Store) -> list[PlanSummary]:
    """Every plan, oldest first, with its counts."""
    with store.reading() as session:
        return [_summary(session, plan) for plan in session.scalars(select(Plan).order_by(Plan.id))]


def plan_detail(store: Store, ref: str | int) -> PlanDetail:
    """One plan (by id or name) with its targets, their links and assignments."""
    with store.reading() as session:
        plan = resolve_plan(session, ref)
        leads = dict(
            session.execute(
                select(Assignment.target_id, Unit.name)
                .join(Unit, Assignment.lead_unit_id == Unit.id)
                .where(Assignment.plan_id == plan.id, Assignment.target_id.is_not(None))
            ).all()
        )
        details = {
            row.target_id: (row.leader, row.due)
            for row in session.execute(
                select(Assignment.target_id, Assignment.leader, Assignment.due).where(
                    Assignment.plan_id == plan.id, Assignment.target_id.is_not(None)
                )
            )
        }
        co: dict[int, list[str]] = {}
        for row in session.execute(
            select(Assignment.target_id, Unit.name)
            .join(AssignmentUnit, AssignmentUnit.assignment_id == Assignment.id)
            .join(Unit, Unit.id == AssignmentUnit.unit_id)
            .where(Assignment.plan_id == plan.id, Assignment.target_id.is_not(None))
            .order_by(Assignment.target_id, AssignmentUnit.position)
        ):
            co.setdefault(row.target_id, []).append(row.name)
        targets = []
        for target in session.scalars(select(Target).where(Target.plan_id == plan.id).order_by(Target.seq)):
            leader, due = details.get(target.id, ("", None))
            targets.append(
                TargetInfo(
                    id=target_ref(target.id),
                    seq=target.seq,
                    indicator=target.indicator,
                    comparator=target.comparator,
                    value=target.value,
                    value_max=target.value_max,
                    unit=target.unit,
                    track_kind=target.track_kind,
                    direction=target.direction,
                    indicator_id=target.indicator_id,
                    link_confidence=target.link_confidence,
                    link_source=target.link_source,
                    review=target.review,
                    lead_unit=leads.get(target.id),
                    co_units=tuple(co.get(target.id, ())),
                    leader=leader,
                    due=due,
                    profile=None if target.profile is None else tuple(Decimal(v) for v in target.profile),
                )
            )
        return PlanDetail(
            _summary(session, plan),
            plan.period_start,
            plan.period_end,
            plan.frequency,
            plan.deadline_day,
            plan.rules,
            targets,
        )


def plan_rules(plan: Plan) -> Rules:
    """The status rules of a plan: its rules text over the defaults, its frequency and deadline day."""
    base = DEFAULT_RULES
    if plan.rules:
        try:
            base = rules_from_dict(tomllib.loads(plan.rules), where=f"plan {plan.name}")
        except tomllib.TOMLDecodeError as error:
            raise RulesError(
                f"计划的规则不是有效的 TOML / the plan's rules are not valid TOML: {error}"
            ) from error
    return replace(base, frequency=plan.frequency, deadline_day=plan.deadline_day)


def _rules(path: str | Path | None, frequency: str | None, day: int | None) -> tuple[str | None, Rules]:
    """(the rules text to store, the rules it means with the overrides), checked."""
    text = None
    rules = DEFAULT_RULES
    if path is not None:
        rules = load_rules(path)
        text = Path(path).expanduser().read_text(encoding="utf-8")
    changes: dict[str, object] = {}
    if frequency is not None:
        changes["reporting"] = {"frequency": frequency}
    if day is not None:
        changes.setdefault("reporting", {})["deadline_day"] = day  # type: ignore[index]
    if changes:
        rules = rules_from_dict(changes, base=rules, where="--frequency/--deadline-day")  # type: ignore[arg-type]
    return text, rules


def _target_row(plan_id: int, seq: int, target: Extracted, catalog: Catalog) -> Target:
    found = catalog.match(target.indicator, target.unit, target.comparator)
    if found is not None:
        kind, direction, source = found.entry.kind, found.entry.direction, "catalog"
    else:
        like = cast(TargetLike, target)  # a frozen dataclass: TargetLike's members read-only
        kind, direction, source = infer_kind(like), infer_direction(like), "inferred"
    return Target(
        plan_id=plan_id,
        seq=seq,
        start=target.start,
        end=target.end,
        text=target.text,
        section=target.section,
        indicator=target.indicator,
        comparator=target.comparator,
        value=target.value,
        value_max=target.value_max,
        unit=target.unit,
        modality=target.modality,
        year=target.year,
        kind=target.kind,
        indicator_id=found.entry.id if found else None,
        link_confidence=round(found.confidence, 4) if found else None,
        track_kind=kind,
        direction=direction,
        link_source=source,
        baseline=None,
        review="extracted",
    )


def _free_name(session: Session, wanted: str | None, place: str | None, year: int, report: str) -> str:
    """The plan's name: the one asked for (refused when taken) or a default made unique."""
    taken = set(session.scalars(select(Plan.name)))
    if wanted:
        if wanted in taken:
            raise PlanError(
                f"计划名已被使用 / the plan name {wanted!r} is taken", hint="用 --name 另取一个名字"
            )
        return wanted
    base = f"{place}{year}年政府工作报告" if place else report
    name, n = base, 1
    while name in taken:
        n += 1
        name = f"{base}({n})"
    return name


def _summary(session: Session, plan: Plan) -> PlanSummary:
    def count(statement: object) -> int:
        return int(session.scalar(statement) or 0)  # type: ignore[call-overload]

    targets = count(select(func.count()).select_from(Target).where(Target.plan_id == plan.id))
    tasks = count(select(func.count()).select_from(Task).where(Task.plan_id == plan.id))
    assigned = count(
        select(func.count())
        .select_from(Assignment)
        .where(Assignment.plan_id == plan.id, Assignment.lead_unit_id.is_not(None))
    )
    observations = count(
        select(func.count()).select_from(Observation).join(Target).where(Target.plan_id == plan.id)
    )
    return PlanSummary(
        id=plan.id,
        name=plan.name,
        year=plan.year,
        place=plan.report.place,
        report=plan.report.name,
        targets=targets,
        tasks=tasks,
        assigned=assigned,
        observations=observations,
        created_at=plan.created_at,
    )
