"""The 分解表 round trip: export, fill, import; every bad row named; nothing changed unless all are good."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import LEADS, assignment_cells, fill
from openpyxl import load_workbook
from sqlalchemy import func, select

from luoshi.errors import SheetError
from luoshi.planning import export_assignments, import_assignments, plan_detail
from luoshi.store.models import Assignment, AuditEvent, Unit


def test_the_export_lists_every_target_and_task_with_a_hidden_id(store, plan, tmp_path) -> None:
    rows = export_assignments(store, plan.id, tmp_path / "分解表.xlsx")
    assert rows == plan.targets + plan.tasks
    sheet = load_workbook(tmp_path / "分解表.xlsx").active
    values = [row for row in sheet.iter_rows(values_only=True)]
    header = next(row for row in values if row and row[0] == "序号")
    assert list(header) == [
        "序号",
        "任务内容",
        "量化指标",
        "目标值",
        "单位",
        "牵头单位",
        "责任单位",
        "责任领导",
        "完成时限",
        "系统编号",
    ]
    ids = [row[9] for row in values if row[9] and row[9] != "系统编号"]
    assert len(ids) == rows and {f"T{n}" for n in range(1, 13)} <= set(ids)
    assert sheet.column_dimensions["J"].hidden
    pm25 = next(row for row in values if row[2] == "PM2.5平均浓度")
    assert (pm25[3], pm25[4]) == ("低于28", "μg/m³")


def test_a_filled_sheet_assigns_and_creates_units_as_named(store, plan, tmp_path) -> None:
    export_assignments(store, plan.id, tmp_path / "分解表.xlsx")
    filled = fill(tmp_path / "分解表.xlsx", tmp_path / "填.xlsx", assignment_cells())
    result = import_assignments(store, plan.id, filled, actor="督查室")
    assert (result.created, result.updated, result.removed) == (len(LEADS), 0, 0)
    assert set(result.units_created) == {"生态环境局", "人社局", "民政局", "财政局", "发改委"}
    detail = {t.id: t for t in plan_detail(store, plan.id).targets}
    jobs = detail["T7"]
    assert (jobs.lead_unit, jobs.co_units, jobs.leader, jobs.due) == (
        "人社局",
        ("财政局", "发改委"),
        "王副市长",
        date(2023, 12, 31),
    )
    assert detail["T1"].lead_unit is None
    again = import_assignments(store, plan.id, filled)
    assert (again.created, again.updated, again.unchanged, again.units_created) == (0, 0, again.rows, ())


def test_a_changed_and_a_cleared_row_are_updated_and_removed_with_audit(store, assigned, tmp_path) -> None:
    export_assignments(store, assigned.id, tmp_path / "现.xlsx")
    cells = {
        "T7": {"牵头单位": "教育局", "责任单位": None},
        "T11": {"牵头单位": None, "责任单位": None, "责任领导": None, "完成时限": None},
    }
    result = import_assignments(store, assigned.id, fill(tmp_path / "现.xlsx", tmp_path / "改.xlsx", cells))
    assert (result.created, result.updated, result.removed, result.units_created) == (0, 1, 1, ("教育局",))
    detail = {t.id: t for t in plan_detail(store, assigned.id).targets}
    assert (detail["T7"].lead_unit, detail["T7"].co_units) == ("教育局", ())
    assert detail["T11"].lead_unit is None
    with store.reading() as session:
        update = session.scalars(
            select(AuditEvent).where(AuditEvent.entity == "assignment", AuditEvent.action == "update")
        ).one()
    assert update.entity_id == "T7"
    assert update.before["lead_unit"] == "人社局" and update.after["lead_unit"] == "教育局"
    assert update.before["co_units"] == ["财政局", "发改委"]


def test_every_bad_row_is_reported_and_nothing_changes(store, plan, tmp_path) -> None:
    export_assignments(store, plan.id, tmp_path / "分解表.xlsx")
    cells = assignment_cells()
    cells["T1"] = {"责任单位": "财政局"}  # co-units without a lead unit
    cells["T3"] = {"牵头单位": "住建局", "完成时限": "2022年12月底"}  # before the plan starts
    filled = fill(tmp_path / "分解表.xlsx", tmp_path / "错.xlsx", cells)
    with pytest.raises(SheetError) as raised:
        import_assignments(store, plan.id, filled)
    problems = raised.value.problems
    assert len(problems) == 2
    assert all(problem.row > 2 for problem in problems)
    assert [problem.column for problem in problems] == ["牵头单位", "完成时限"]
    with store.reading() as session:
        assert session.scalar(select(func.count()).select_from(Assignment)) == 0
        assert session.scalar(select(func.count()).select_from(Unit)) == 0


def test_a_sheet_the_sheets_module_refuses_changes_nothing(store, plan, tmp_path) -> None:
    export_assignments(store, plan.id, tmp_path / "分解表.xlsx")
    cells = assignment_cells()
    cells["T7"] = {**cells["T7"], "完成时限": "明年某时"}
    with pytest.raises(SheetError) as raised:
        import_assignments(store, plan.id, fill(tmp_path / "分解表.xlsx", tmp_path / "错.xlsx", cells))
    assert raised.value.problems and raised.value.problems[0].column == "完成时限"
    with store.reading() as session:
        assert session.scalar(select(func.count()).select_from(Assignment)) == 0


def test_a_file_that_is_not_a_workbook_is_refused(store, plan, tmp_path) -> None:
    bogus = tmp_path / "分解表.xlsx"
    bogus.write_text("序号,任务内容\n1,x\n", encoding="utf-8")
    with pytest.raises(SheetError):
        import_assignments(store, plan.id, bogus)


def test_ids_of_another_plan_are_refused(store, plan, example, tmp_path) -> None:
    from luoshi.planning import create_plan

    other = tmp_path / "other.txt"
    other.write_bytes(example.read_bytes() + b"\n")
    second = create_plan(store, other, place="绍兴市", year=2023).plan
    export_assignments(store, plan.id, tmp_path / "一.xlsx")
    with pytest.raises(SheetError):
        import_assignments(
            store, second.id, fill(tmp_path / "一.xlsx", tmp_path / "填.xlsx", assignment_cells())
        )
