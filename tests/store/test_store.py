"""The store on SQLite and PostgreSQL: migrations, exact values, supersede rows, the audit chain."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from alembic import command
from sqlalchemy import inspect, select, text, update
from sqlalchemy.exc import IntegrityError

from luoshi.errors import StoreError
from luoshi.store import Base, open_store, record, verify_chain
from luoshi.store.migrate import alembic_config, current_revision, head_revision
from luoshi.store.models import AuditEvent, Observation, Plan, Report, Target

TABLES = {
    "report",
    "plan",
    "target",
    "task",
    "unit",
    "assignment",
    "assignment_unit",
    "observation",
    "audit_event",
    "app_user",
    "web_session",
    "api_token",
    "evidence",
    "alembic_version",
}


def test_opening_an_empty_database_migrates_it_to_head(store) -> None:
    with store.engine.connect() as connection:
        assert set(inspect(connection).get_table_names()) == TABLES
        assert current_revision(connection) == head_revision()


def test_the_migration_matches_the_models(store) -> None:
    """``alembic check``: autogenerate finds no difference between the models and the schema."""
    with store.engine.begin() as connection:
        command.check(alembic_config(connection))


def test_opening_again_changes_nothing(database_url) -> None:
    with open_store(database_url) as first:
        revision = _revision(first)
    with open_store(database_url) as second:
        assert _revision(second) == revision == head_revision()


def test_models_name_every_table() -> None:
    assert set(Base.metadata.tables) == TABLES - {"alembic_version"}


@pytest.mark.parametrize(
    "value",
    ["1.32", "1.320", "0.1", "140000", "12345678901234567890.123456789", "-0.5", "1E+5", "0.000001"],
)
def test_values_are_stored_exactly(store, value) -> None:
    with store.writing("test") as session:
        target = _target(session, Decimal(value))
        target_id = target.id
    with store.reading() as session:
        stored = session.get(Target, target_id).value
    assert stored == Decimal(value)
    if "E" not in value:  # PostgreSQL writes 1E+5 as 100000: the same number
        assert str(stored) == value


def test_a_float_is_refused(store) -> None:
    with pytest.raises(StoreError), store.writing("test") as session:
        _target(session, 1.32)  # type: ignore[arg-type]


def test_a_correction_supersedes_and_both_stay(store) -> None:
    with store.writing("test") as session:
        target = _target(session, Decimal(100))
        first = _observation(target.id, Decimal(40))
        session.add(first)
        session.flush()
        session.add(_observation(target.id, Decimal(45), supersedes=first.id))
    with store.reading() as session:
        rows = session.scalars(select(Observation).order_by(Observation.id)).all()
    assert [(o.value, o.supersedes_id) for o in rows] == [(Decimal(40), None), (Decimal(45), rows[0].id)]


def test_an_observation_is_superseded_at_most_once(store) -> None:
    with store.writing("test") as session:
        target = _target(session, Decimal(100))
        first = _observation(target.id, Decimal(40))
        session.add(first)
        session.flush()
        target_id, first_id = target.id, first.id
        session.add(_observation(target_id, Decimal(45), supersedes=first_id))
    with pytest.raises(StoreError), store.writing("test") as session:
        session.add(_observation(target_id, Decimal(46), supersedes=first_id))
    with store.reading() as session:
        assert len(session.scalars(select(Observation)).all()) == 2


def test_audit_events_form_a_chain_that_shows_an_edit(store) -> None:
    for n in range(3):
        with store.writing(f"user{n}") as session:
            record(session, "create", "thing", n, after={"value": Decimal("1.5"), "day": date(2023, 6, 30)})
    with store.reading() as session:
        events = session.scalars(select(AuditEvent).order_by(AuditEvent.id)).all()
        assert [e.actor for e in events] == ["user0", "user1", "user2"]
        assert events[0].prev_hash is None
        assert [e.prev_hash for e in events[1:]] == [e.hash for e in events[:-1]]
        assert events[0].after == {"value": "1.5", "day": "2023-06-30"}
        assert verify_chain(session) is None
    with store.engine.begin() as connection:
        connection.execute(
            update(AuditEvent).where(AuditEvent.id == events[1].id).values(actor="someone else")
        )
    with store.reading() as session:
        assert verify_chain(session) == events[1].id


def test_a_write_that_fails_leaves_nothing_and_no_audit_event(store) -> None:
    with pytest.raises(RuntimeError), store.writing("test") as session:
        _target(session, Decimal(1))
        record(session, "create", "target", 1)
        raise RuntimeError("stop")
    with store.reading() as session:
        assert session.scalars(select(Target)).all() == []
        assert session.scalars(select(AuditEvent)).all() == []


def test_sqlite_is_in_wal_mode_with_a_busy_timeout(tmp_path) -> None:
    with open_store(tmp_path / "x.db") as store, store.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() >= 10_000
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_a_server_that_does_not_answer_is_one_clear_error() -> None:
    with pytest.raises(StoreError) as raised:
        open_store("postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=2")
    assert "数据库" in raised.value.message
    assert raised.value.hint


def test_a_file_that_is_not_a_database_is_one_clear_error(tmp_path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("this is not a database\n" * 100)
    with pytest.raises(StoreError):
        open_store(path)


def _revision(store) -> str | None:
    with store.engine.connect() as connection:
        return current_revision(connection)


def _target(session, value) -> Target:
    report = Report(
        name="r", text="", sha256=str(id(session)).ljust(64, "0"), format="txt", created_at=datetime.now()
    )
    session.add(report)
    session.flush()
    plan = Plan(
        report_id=report.id,
        name=f"p{report.id}",
        year=2023,
        period_start=date(2023, 1, 1),
        period_end=date(2023, 12, 31),
        frequency="month",
        deadline_day=25,
        created_at=datetime.now(),
        created_by="test",
    )
    session.add(plan)
    session.flush()
    target = Target(
        plan_id=plan.id,
        seq=1,
        start=0,
        end=1,
        text="x",
        section="",
        indicator="新增就业",
        comparator=">=",
        value=value,
        unit="人",
        modality="binding",
        kind="count",
        track_kind="flow",
        direction="higher",
        link_source="inferred",
        review="extracted",
    )
    session.add(target)
    session.flush()
    return target


def _observation(target_id: int, value: Decimal, supersedes: int | None = None) -> Observation:
    return Observation(
        target_id=target_id,
        period="2023-06",
        value=value,
        unit="人",
        note="",
        source="manual",
        reported_by="test",
        reported_at=datetime(2023, 7, 20),
        supersedes_id=supersedes,
    )


def test_integrity_errors_are_not_swallowed_inside_a_session(store) -> None:
    """Inside ``writing`` a constraint error surfaces as StoreError, and the transaction rolls back."""
    with pytest.raises(StoreError) as raised, store.writing("test") as session:
        _target(session, Decimal(1))
        session.add(Report(name="r", text="", sha256=None, format="txt", created_at=datetime.now()))  # type: ignore[arg-type]
        session.flush()
    assert isinstance(raised.value.__cause__, IntegrityError)
