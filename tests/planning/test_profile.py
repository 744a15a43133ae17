"""Last year's monthly profile (上年逐月数): read as people write it, stored exactly and
audited, and it shapes a flow's 序时进度 by season in ``luoshi status`` (SQLite and PostgreSQL).

T7 of the example is 新增就业大学生14万名以上: graduates find jobs from June on, so a year in
which January to June brought 30% of the total should not call 37.9% at the end of June late.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from conftest import EXAMPLE
from sqlalchemy import select
from typer.testing import CliRunner

from luoshi.cli import app
from luoshi.errors import PlanError
from luoshi.planning import add_progress, correct_target, parse_profile, plan_detail, plan_status
from luoshi.store.models import AuditEvent

#: Last year's graduates in work, month by month (persons): 42,000 of 140,000 by June (30%).
MONTHLY = [
    "3000",
    "3000",
    "4000",
    "4000",
    "5000",
    "23000",
    "30000",
    "25000",
    "15000",
    "10000",
    "8000",
    "10000",
]
CUMULATIVE = "3000、6000、10000、14000、19000、42000、72000、97000、112000、122000、130000、140000"


def test_a_profile_is_read_as_monthly_amounts_or_year_to_date_totals() -> None:
    assert parse_profile(", ".join(MONTHLY)) == [Decimal(v) for v in MONTHLY]
    assert parse_profile(CUMULATIVE, cumulative=True) == [Decimal(v) for v in MONTHLY]
    assert parse_profile("1，2，3 4;5；6 7 8 9 10 11 12") == [Decimal(n) for n in range(1, 13)]
    assert parse_profile("-") == [] and parse_profile("  ") == []


@pytest.mark.parametrize(
    ("text", "cumulative", "says"),
    [
        ("1,2,3", False, "12"),
        ("1,2,3,4,5,6,7,8,9,10,11,x", False, "'x'"),
        ("1,2,3,4,5,6,7,8,9,10,11,10", True, "下降"),
    ],
)
def test_a_bad_profile_says_what_is_wrong(text, cumulative, says) -> None:
    with pytest.raises(PlanError, match=says):
        parse_profile(text, cumulative=cumulative)


def test_a_profile_is_stored_exactly_audited_and_removable(store, plan) -> None:
    info = correct_target(store, "T7", profile=[Decimal(v) for v in MONTHLY], actor="督查室")
    assert info.profile == tuple(Decimal(v) for v in MONTHLY)
    with store.reading() as session:
        event = session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
    assert (event.action, event.entity_id, event.before, event.after) == (
        "update",
        "T7",
        {"profile": None},
        {"profile": MONTHLY},
    )
    with pytest.raises(PlanError):
        correct_target(store, "T7", profile=[Decimal(0)] * 12)  # nothing to shape by
    with pytest.raises(PlanError):
        correct_target(store, "T7", profile=[Decimal(-1)] + [Decimal(1)] * 11)
    assert correct_target(store, "T7", profile=[]).profile is None
    assert next(t for t in plan_detail(store, plan.id).targets if t.id == "T7").profile is None


def test_a_seasonal_profile_moves_the_time_line_of_a_flow(store, assigned) -> None:
    add_progress(store, "T7", "53000", period="2023-06", reported_at=datetime(2023, 7, 10, 9, 0))

    def t7():
        rows = plan_status(store, assigned.id, as_of=date(2023, 7, 31)).rows
        return next(row.status for row in rows if row.status.target_id == "T7")

    linear = t7()
    assert linear.expected == pytest.approx(0.5, abs=0.01) and linear.grade == "滞后"
    correct_target(store, "T7", profile=parse_profile(CUMULATIVE, cumulative=True))
    seasonal = t7()
    assert seasonal.expected == pytest.approx(0.30, abs=0.01)
    assert seasonal.completion == linear.completion == pytest.approx(53000 / 140000)
    assert seasonal.grade == "超序时"


def test_the_command_line_sets_and_refuses_a_profile(store, plan) -> None:
    url = store.engine.url.render_as_string(hide_password=False)
    runner = CliRunner()
    done = runner.invoke(
        app, ["plan", "edit-target", "T7", "--profile", CUMULATIVE, "--cumulative", "--db", url]
    )
    assert done.exit_code == 0, done.output
    assert "上年逐月数 已设" in done.output
    assert next(t for t in plan_detail(store, plan.id).targets if t.id == "T7").profile[6] == Decimal(30000)
    refused = runner.invoke(app, ["plan", "edit-target", "T7", "--profile", "1,2,3", "--db", url])
    assert refused.exit_code == 1 and "12" in refused.output and "Traceback" not in refused.output


def test_last_years_plan_gives_its_months(store, plan, tmp_path) -> None:
    """The office tracked 2023 in luoshi; 2024's plan takes each target's months from 2023's."""
    from luoshi.planning import create_plan, profiles_from_plan

    totals = [int(v) for v in CUMULATIVE.split("、")]
    for month, total in enumerate(totals, start=1):
        add_progress(store, "T7", str(total), period=f"2023-{month:02d}", reported_at=datetime(2024, 1, 5))
    next_year = tmp_path / "2024.txt"
    next_year.write_text(EXAMPLE.read_text(encoding="utf-8") + "\n（2024年）\n", encoding="utf-8")
    later = create_plan(store, next_year, place="绍兴市", year=2024).plan
    found = {item.indicator: item for item in profiles_from_plan(store, later.id, plan.id, actor="督查室")}
    jobs = found["新增就业大学生"]
    assert (jobs.outcome, jobs.source) == ("set", "T7")
    detail = {t.indicator: t for t in plan_detail(store, later.id).targets}
    assert detail["新增就业大学生"].profile == tuple(Decimal(v) for v in MONTHLY)
    others = [item for name, item in found.items() if name != "新增就业大学生"]
    assert others and all(item.outcome == "skipped" and "0 个月" in item.why for item in others)
    assert found["扶持创业"].source == "T9"  # two 2023 targets on one catalogue entry: the same words
    with store.reading() as session:
        event = session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
    assert event.after["profile_from"] == "T7" and event.actor == "督查室"
    again = {item.indicator: item.outcome for item in profiles_from_plan(store, later.id, plan.id)}
    assert again["新增就业大学生"] == "kept"
    url = store.engine.url.render_as_string(hide_password=False)
    shown = CliRunner().invoke(
        app, ["plan", "profiles", str(later.id), "--from", str(plan.id), "--replace", "--db", url]
    )
    assert shown.exit_code == 0, shown.output
    assert "新增就业大学生：已设定 set（来自 from T7）" in shown.output
