"""Schema migrations (数据库迁移), run programmatically when a store is opened.

The Alembic scripts ship inside the package (``luoshi/store/migrations``). :func:`upgrade`
brings a database to the latest revision in one transaction, holding a lock while it does
(SQLite ``BEGIN IMMEDIATE``; a PostgreSQL advisory lock), so two processes opening a new
database at once do not both create it. A database at a revision this luoshi does not know
(made by a newer version) is refused rather than touched.

Developers make a new revision with::

    .venv/bin/alembic -c luoshi/store/migrations/alembic.ini revision --autogenerate -m "what changed"

which compares the models with the database ``LUOSHI_DATABASE_URL`` names.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, text

from luoshi.errors import StoreError

if TYPE_CHECKING:
    from luoshi.store.database import Store

__all__ = ["MIGRATIONS", "alembic_config", "head_revision", "current_revision", "upgrade"]

MIGRATIONS = Path(__file__).with_name("migrations")
#: The advisory lock (PostgreSQL) held while migrating.
_MIGRATION_LOCK = 0x6C756F73686A


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic config for the shipped scripts, bound to ``connection`` when given."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The latest revision the shipped scripts define."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(connection: Connection) -> str | None:
    """The revision a database is at (None for an empty one)."""
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(store: Store) -> None:
    """Migrate the store to the head revision, if it is not there already."""
    script = ScriptDirectory.from_config(alembic_config())
    head = script.get_current_head()
    with store.engine.connect() as probe:
        if current_revision(probe) == head:
            return
    with store._writer.begin() as connection:
        if store.dialect == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
        current = current_revision(connection)
        if current == head:
            return
        if current is not None and script.get_revision(current) is None:  # pragma: no cover - defensive
            raise StoreError(
                f"数据库版本 {current} 比本程序新 / the database was made by a newer luoshi",
                hint="升级 luoshi 后再打开它 / upgrade luoshi to open it",
            )
        command.upgrade(alembic_config(connection), "head")
