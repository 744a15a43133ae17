"""Fixtures shared by every test package.

``shared_dir`` is the team's shared data folder (../shared beside the repository: the corpus of
real reports, the gold files). Tests that need it are marked ``@pytest.mark.shared`` and are
skipped, not failed, where the folder is absent.

``database_url`` and ``store`` run a test twice: on a fresh SQLite file and on a fresh schema of
the PostgreSQL test database (``LUOSHI_TEST_POSTGRES``, default
postgresql+psycopg://postgres@127.0.0.1:5432/test), dropped afterwards, so runs sharing the
database do not collide. Where PostgreSQL does not answer those tests fail in CI (``CI`` set)
and are skipped elsewhere; ``-m 'not postgresql'`` leaves them out.

Property tests (Hypothesis) explore new random cases on every local run, to keep finding
bugs; in CI (``CI`` set) they replay the same cases with no time limit per example, so a
landing does not depend on luck or on the machine's speed.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

settings.register_profile("ci", derandomize=True, deadline=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The ../shared folder; skips the test when it is not there."""
    if not SHARED.is_dir():
        pytest.skip("../shared is absent (corpus and gold files)")
    return SHARED.resolve()


def pytest_configure(config: pytest.Config) -> None:
    """Markers beyond pyproject's: ``slow`` for a test that takes more than ten seconds."""
    config.addinivalue_line("markers", "slow: takes more than ten seconds (deselect with -m 'not slow')")
    config.addinivalue_line("markers", "postgresql: runs against the PostgreSQL test database")


POSTGRES = os.environ.get("LUOSHI_TEST_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database: a SQLite file, or a new PostgreSQL schema (dropped after)."""
    if request.param == "sqlite":
        yield str(tmp_path / "luoshi.db")
        return
    from sqlalchemy import create_engine, text

    schema = f"luoshi_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES)
    try:
        with admin.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    except Exception as error:  # noqa: BLE001 - any failure to reach the server
        admin.dispose()
        reason = f"PostgreSQL at {POSTGRES} does not answer: {str(error).splitlines()[0]}"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    try:
        yield f"{POSTGRES}?options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def store(database_url: str) -> Iterator[object]:
    """An open :class:`luoshi.store.Store` on ``database_url``, migrated, closed after."""
    from luoshi.store import open_store

    with open_store(database_url) as opened:
        yield opened
