"""Column types of the store: an exact decimal (精确数值) that never passes through a float.

Targets and observations are numbers that users compare, so they are stored exactly:
``NUMERIC`` without a fixed scale on PostgreSQL (1.320 stays 1.320), and text on SQLite,
whose ``NUMERIC`` affinity would turn ``1.32`` into a binary float.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import Numeric, String
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator, TypeEngine

__all__ = ["ExactDecimal"]


class ExactDecimal(TypeDecorator[Decimal]):
    """A :class:`~decimal.Decimal` stored exactly: NUMERIC on PostgreSQL, text elsewhere."""

    impl = String(60)
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "postgresql":
            return dialect.type_descriptor(Numeric(asdecimal=True))
        return dialect.type_descriptor(String(60))

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if value is None:
            return None
        if not isinstance(value, Decimal) or not value.is_finite():
            raise TypeError(f"an exact column takes a finite Decimal, not {value!r}")
        return value if dialect.name == "postgresql" else str(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        if value is None or isinstance(value, Decimal):
            return value
        return Decimal(value)
