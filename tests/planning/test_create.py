"""``create_plan``: targets and tasks stored and linked; the same file again changes nothing."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import func, select

from luoshi.errors import InputNotFound, PlanError, PlanNotFound
from luoshi.planning import create_plan, list_plans, plan_detail
from luoshi.store.models import AuditEvent, Plan, Target, Task


def test_a_plan_stores_every_target_and_task_with_its_link(store, example) -> None:
    result = create_plan(store, example, place="绍兴市", year=2023, actor="督查室")
    assert result.created
    plan = result.plan
    assert (plan.name, plan.year, plan.place) == ("绍兴市2023年政府工作报告", 2023, "绍兴市")
    assert plan.targets == 12 and plan.tasks > 50
    detail = plan_detail(store, plan.id)
    targets = {t.indicator: t for t in detail.targets}
    pm25 = targets["PM2.5平均浓度"]
    assert (pm25.comparator, pm25.value, pm25.unit) == ("<", Decimal(28), "μg/m³")
    assert (pm25.indicator_id, pm25.track_kind, pm25.direction, pm25.link_source) == (
        "pm25",
        "level",
        "lower",
        "catalog",
    )
    jobs = targets["新增就业大学生"]
    assert (jobs.value, jobs.track_kind, jobs.indicator_id) == (Decimal(140000), "flow", "graduates_employed")
    inferred = [t for t in detail.targets if t.link_source == "inferred"]
    assert inferred and all(t.indicator_id is None and t.track_kind for t in inferred)
    assert [t.seq for t in detail.targets] == list(range(1, 13))
    assert (detail.period_start.isoformat(), detail.period_end.isoformat()) == ("2023-01-01", "2023-12-31")
    assert (detail.frequency, detail.deadline_day) == ("month", 25)


def test_stored_text_spans_slice_back_to_the_words(store, example) -> None:
    plan = create_plan(store, example, place="绍兴市", year=2023).plan
    with store.reading() as session:
        report_text = session.get(Plan, plan.id).report.text
        for model in (Target, Task):
            for row in session.scalars(select(model).where(model.plan_id == plan.id)):
                assert report_text[row.start : row.end] == row.text


def test_the_same_file_again_changes_nothing_and_says_so(store, example) -> None:
    first = create_plan(store, example, place="绍兴市", year=2023)
    events = _count(store, AuditEvent)
    again = create_plan(store, example, place="别处", year=2024, name="另一个")
    assert not again.created
    assert again.plan.id == first.plan.id and again.plan.name == first.plan.name
    assert _count(store, AuditEvent) == events
    assert _count(store, Target) == 12
    assert len(list_plans(store)) == 1


def test_every_stored_row_has_an_audit_event(store, example) -> None:
    plan = create_plan(store, example, place="绍兴市", year=2023, actor="督查室").plan
    with store.reading() as session:
        actions = session.execute(select(AuditEvent.entity, func.count()).group_by(AuditEvent.entity)).all()
        actors = set(session.scalars(select(AuditEvent.actor)))
    assert dict(actions) == {"report": 1, "plan": 1, "target": plan.targets, "task": plan.tasks}
    assert actors == {"督查室"}


def test_a_copy_with_other_bytes_is_another_report(store, example, tmp_path) -> None:
    copy = tmp_path / "copy.txt"
    copy.write_bytes(example.read_bytes() + b"\n")
    create_plan(store, example, place="绍兴市", year=2023)
    second = create_plan(store, copy, place="绍兴市", year=2023)
    assert second.created and second.plan.name == "绍兴市2023年政府工作报告(2)"


def test_a_name_already_taken_is_refused(store, example, tmp_path) -> None:
    create_plan(store, example, year=2023, name="甲")
    copy = tmp_path / "copy.txt"
    copy.write_bytes(example.read_bytes() + b"\n")
    with pytest.raises(PlanError):
        create_plan(store, copy, year=2023, name="甲")
    assert len(list_plans(store)) == 1


def test_a_missing_file_and_an_unknown_plan(store, tmp_path) -> None:
    with pytest.raises(InputNotFound):
        create_plan(store, tmp_path / "none.txt")
    with pytest.raises(PlanNotFound) as raised:
        plan_detail(store, "没有的计划")
    assert "plan create" in raised.value.hint


def test_a_report_without_a_year_needs_one(store, tmp_path) -> None:
    report = tmp_path / "report.txt"
    report.write_text("一、主要目标\n新增城镇就业1万人以上。\n", encoding="utf-8")
    with pytest.raises(PlanError) as raised:
        create_plan(store, report)
    assert "--year" in raised.value.hint
    assert _count(store, Target) == 0


def test_rules_and_reporting_overrides_are_kept(store, example, tmp_path) -> None:
    rules = tmp_path / "rules.toml"
    rules.write_text("[progress]\nsevere_lag = 25.0\n", encoding="utf-8")
    plan = create_plan(store, example, year=2023, rules=rules, frequency="quarter", deadline_day=20).plan
    detail = plan_detail(store, plan.id)
    assert detail.rules == rules.read_text(encoding="utf-8")
    assert (detail.frequency, detail.deadline_day) == ("quarter", 20)


def _count(store, model) -> int:
    with store.reading() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0
