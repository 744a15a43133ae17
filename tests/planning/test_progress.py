"""报送表 and ``progress add``: a unit's own targets, all-or-nothing import, corrections supersede."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import pytest
from conftest import JUNE, fill
from openpyxl import load_workbook
from sqlalchemy import select

from luoshi.errors import PlanError, SheetError, TargetNotFound, UnitNotFound
from luoshi.planning import add_progress, import_progress, progress_template
from luoshi.store.models import AuditEvent, Observation

MAY = datetime(2023, 6, 20, 9, 0)


def test_a_template_holds_only_the_units_targets_with_their_last_values(store, assigned, tmp_path) -> None:
    add_progress(store, "T7", "41000", period="2023-05", by="人社局", reported_at=MAY)
    written = progress_template(store, assigned.id, "人社局", "2023-06", tmp_path / "报送表.xlsx")
    assert (written.unit, written.period, written.rows) == ("人社局", "2023-06", 4)
    rows = _rows(tmp_path / "报送表.xlsx")
    assert [row["系统编号"] for row in rows] == ["T7", "T8", "T9", "T10"]
    jobs = rows[0]
    assert (jobs["指标"], jobs["单位"], jobs["上期累计/上次报送值"]) == ("新增就业大学生", "人", 41000)
    assert jobs["本期值"] is None


def test_an_import_stores_each_value_with_who_and_when(store, assigned, submission) -> None:
    sheet = submission("人社局", "2023-06", {"T7": 52000, "T8": "6000", "T9": 1500.0, "T10": None})
    result = import_progress(store, assigned.id, sheet, by="张三", reported_at=JUNE)
    assert (result.unit, result.period, result.created, result.corrected) == ("人社局", "2023-06", 3, 0)
    with store.reading() as session:
        rows = session.scalars(select(Observation).order_by(Observation.target_id)).all()
    assert [(o.target_id, o.period, o.value, o.unit) for o in rows] == [
        (7, "2023-06", Decimal(52000), "人"),
        (8, "2023-06", Decimal(6000), "人"),
        (9, "2023-06", Decimal(1500), "人"),
    ]
    assert {(o.reported_by, o.reported_at, o.source) for o in rows} == {("张三", JUNE, "submission")}


def test_a_correction_supersedes_and_the_same_value_changes_nothing(store, assigned, submission) -> None:
    import_progress(store, assigned.id, submission("人社局", "2023-06", {"T7": 52000}), reported_at=JUNE)
    again = import_progress(store, assigned.id, submission("人社局", "2023-06", {"T7": 52000}))
    assert (again.created, again.corrected, again.unchanged) == (0, 0, 1)
    fixed = import_progress(store, assigned.id, submission("人社局", "2023-06", {"T7": 53000}), by="李四")
    assert (fixed.created, fixed.corrected) == (0, 1)
    with store.reading() as session:
        rows = session.scalars(select(Observation).order_by(Observation.id)).all()
        audit = session.scalars(select(AuditEvent).where(AuditEvent.action == "supersede")).one()
    assert [(o.value, o.supersedes_id) for o in rows] == [
        (Decimal(52000), None),
        (Decimal(53000), rows[0].id),
    ]
    assert audit.before["value"] == "52000" and audit.after["value"] == "53000"


def test_every_bad_row_is_named_and_nothing_is_stored(store, assigned, submission) -> None:
    add_progress(store, "T9", "1800", period="2023-05", reported_at=MAY)
    sheet = submission(
        "人社局",
        "2023-06",
        {"T7": "五万", "T8": 6000, "T9": 1500, "T10": 3000},
        extra={"T8": {"单位": "万人"}},
    )
    with pytest.raises(SheetError) as raised:
        import_progress(store, assigned.id, sheet)
    reasons = {problem.row: problem for problem in raised.value.problems}
    assert len(reasons) == 3  # not a number (T7), a wrong unit (T8), a flow that falls (T9)
    assert all(problem.row >= 4 for problem in raised.value.problems)
    with store.reading() as session:
        assert len(session.scalars(select(Observation)).all()) == 1


def test_a_target_of_another_unit_is_refused(store, assigned, submission, tmp_path) -> None:
    sheet = submission("人社局", "2023-06", {"T7": 52000})
    book = load_workbook(sheet)
    rows = book.active
    for row in rows.iter_rows():
        if row[0].value == "T8":
            row[0].value = "T4"  # 生态环境局's PM2.5
            row[6].value = 30
    book.save(tmp_path / "他人.xlsx")
    with pytest.raises(SheetError) as raised:
        import_progress(store, assigned.id, tmp_path / "他人.xlsx")
    assert [problem.column for problem in raised.value.problems] == ["系统编号"]
    with store.reading() as session:
        assert session.scalars(select(Observation)).all() == []


def test_a_period_outside_the_plan_is_refused(store, assigned, submission, tmp_path) -> None:
    sheet = submission("人社局", "2023-06", {"T7": 52000})
    book = load_workbook(sheet)
    for row in book.active.iter_rows(max_row=3):
        for cell in row:
            if cell.value == "2023-06":
                cell.value = "2024-01"
    book.save(tmp_path / "明年.xlsx")
    with pytest.raises((SheetError, PlanError)):
        import_progress(store, assigned.id, tmp_path / "明年.xlsx")
    with store.reading() as session:
        assert session.scalars(select(Observation)).all() == []


def test_a_flow_may_not_rise_above_a_later_period(store, assigned) -> None:
    add_progress(store, "T7", "60000", period="2023-07")
    with pytest.raises(PlanError) as raised:
        add_progress(store, "T7", "61000", period="2023-06")
    assert "61000" in raised.value.message


@pytest.mark.parametrize(
    ("target", "value", "period", "unit", "error"),
    [
        ("T7", "52000", "2023-13", None, PlanError),
        ("T7", "52000", "2024-01", None, PlanError),
        ("T7", "52000", "2023-06-30", None, PlanError),
        ("T7", "很多", "2023-06", None, PlanError),
        ("T7", "52000", "2023-06", "万人", PlanError),
        ("T999", "1", "2023-06", None, TargetNotFound),
        ("K1", "1", "2023-06", None, TargetNotFound),
    ],
)
def test_add_refuses_bad_input(store, assigned, target, value, period, unit, error) -> None:
    with pytest.raises(error):
        add_progress(store, target, value, period=period, unit=unit)
    with store.reading() as session:
        assert session.scalars(select(Observation)).all() == []


def test_add_reads_numbers_as_offices_write_them(store, assigned) -> None:
    first = add_progress(store, "T7", "5.2万", period="2023-06", note="初报", unit="人")
    assert first.observation_id and first.supersedes_id is None
    second = add_progress(store, "T7", "52,100", period="2023-06")
    assert second.supersedes_id == first.observation_id
    with store.reading() as session:
        values = [o.value for o in session.scalars(select(Observation).order_by(Observation.id))]
    assert values == [Decimal(52000), Decimal(52100)]


def test_an_unknown_unit_names_the_known_ones(store, assigned, tmp_path) -> None:
    with pytest.raises(UnitNotFound) as raised:
        progress_template(store, assigned.id, "统计局", "2023-06", tmp_path / "x.xlsx")
    assert "人社局" in raised.value.hint


def test_a_unit_that_leads_nothing_gets_no_empty_sheet(store, assigned, tmp_path) -> None:
    with pytest.raises(PlanError):
        progress_template(store, assigned.id, "财政局", "2023-06", tmp_path / "x.xlsx")
    assert not (tmp_path / "x.xlsx").exists()


def _rows(path) -> list[dict[str, object]]:
    sheet = load_workbook(path).active
    values = list(sheet.iter_rows(values_only=True))
    start = next(i for i, row in enumerate(values) if row and row[0] == "系统编号")
    header = values[start]
    return [dict(zip(header, row, strict=False)) for row in values[start + 1 :] if row[0]]


def test_fill_helper_round_trips(tmp_path, store, assigned) -> None:
    progress_template(store, assigned.id, "民政局", "2023-06", tmp_path / "t.xlsx")
    fill(tmp_path / "t.xlsx", tmp_path / "f.xlsx", {"T11": {"本期值": 13200}})
    assert _rows(tmp_path / "f.xlsx")[0]["本期值"] == 13200
