"""``correct_target``: the office's word wins over the matcher's guess, and is audited."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select

from luoshi.errors import PlanError, TargetNotFound
from luoshi.planning import correct_target, export_assignments, plan_detail
from luoshi.store.models import AuditEvent


def test_a_new_link_brings_its_kind_and_is_audited(store, plan) -> None:
    info = correct_target(store, "T1", indicator="pm25", actor="审核员")
    assert (info.indicator_id, info.track_kind, info.direction, info.link_source) == (
        "pm25",
        "level",
        "lower",
        "user",
    )
    with store.reading() as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == "update")).one()
    assert (event.actor, event.entity, event.entity_id) == ("审核员", "target", "T1")
    assert event.before["indicator_id"] is None and event.after["indicator_id"] == "pm25"
    assert set(event.after) == {"indicator_id", "link_source", "track_kind", "direction"}


def test_unlinking_infers_again_and_kind_and_direction_can_be_set(store, plan) -> None:
    info = correct_target(store, "T7", indicator="-")
    assert (info.indicator_id, info.track_kind, info.link_source) == (None, "flow", "user")
    info = correct_target(store, "T7", kind="level", direction="lower", baseline=Decimal("13.2"))
    assert (info.track_kind, info.direction) == ("level", "lower")


def test_a_rejected_target_leaves_the_sheet(store, plan, tmp_path) -> None:
    correct_target(store, "T12", review="rejected")
    assert export_assignments(store, plan.id, tmp_path / "分解表.xlsx") == plan.targets + plan.tasks - 1
    assert next(t for t in plan_detail(store, plan.id).targets if t.id == "T12").review == "rejected"


def test_the_same_values_again_write_no_event(store, plan) -> None:
    correct_target(store, "T4", review="confirmed")
    correct_target(store, "T4", review="confirmed")
    with store.reading() as session:
        assert len(session.scalars(select(AuditEvent).where(AuditEvent.action == "update")).all()) == 1


@pytest.mark.parametrize(
    ("arguments", "error"),
    [
        ({"indicator": "no_such_indicator"}, PlanError),
        ({"kind": "speed"}, PlanError),
        ({"direction": "up"}, PlanError),
        ({"review": "maybe"}, PlanError),
    ],
)
def test_bad_corrections_are_refused(store, plan, arguments, error) -> None:
    with pytest.raises(error):
        correct_target(store, "T7", **arguments)
    assert next(t for t in plan_detail(store, plan.id).targets if t.id == "T7").link_source == "catalog"


def test_an_unknown_target(store, plan) -> None:
    with pytest.raises(TargetNotFound):
        correct_target(store, "T404", review="confirmed")
