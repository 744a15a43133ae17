"""Alembic environment of the store: migrate the connection luoshi hands over, or, for a
developer running ``alembic`` by hand, the database ``LUOSHI_DATABASE_URL`` names."""

from __future__ import annotations

from typing import Any

from alembic import context
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Column, Connection, create_engine
from sqlalchemy.types import TypeEngine

from luoshi.store.models import Base
from luoshi.store.types import ExactDecimal


def _compare_type(
    ctx: MigrationContext,
    inspected_column: Column[Any],
    metadata_column: Column[Any],
    inspected_type: TypeEngine[Any],
    metadata_type: TypeEngine[Any],
) -> bool | None:
    """ExactDecimal is NUMERIC on PostgreSQL and text elsewhere: compare what it becomes."""
    if isinstance(metadata_type, ExactDecimal):
        wanted = metadata_type.load_dialect_impl(ctx.dialect)
        return inspected_type._type_affinity is not wanted._type_affinity  # type: ignore[attr-defined]
    return None


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        compare_type=_compare_type,
        render_as_batch=connection.dialect.name == "sqlite",
        user_module_prefix="luoshi.store.types.",
    )
    with context.begin_transaction():
        context.run_migrations()


given = context.config.attributes.get("connection")
if given is not None:
    _run(given)
else:
    from luoshi.store.url import database_url

    engine = create_engine(database_url(None))
    with engine.begin() as connection:
        _run(connection)
