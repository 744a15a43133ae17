"""Export as one JSON document (JSON): the plan, the date of the statuses, and each table as
a list of records keyed by column. Decimals are strings (exact: "1.32"), dates ISO 8601.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, BinaryIO

from luoshi.exports.tables import PlanTables

__all__ = ["write", "document"]


def document(tables: PlanTables) -> dict[str, Any]:
    """The JSON-ready document: ``plan``, ``as_of``, and the tables by name."""
    return {
        **tables.meta(),
        "data": {
            table.name: [
                {column.key: _value(value) for column, value in zip(table.columns, row, strict=True)}
                for row in table.rows
            ]
            for table in tables.tables
        },
    }


def write(tables: PlanTables, out: Path | str | BinaryIO) -> None:
    """Write the document as UTF-8 JSON to ``out`` (a path or a binary file)."""
    text = json.dumps(document(tables), ensure_ascii=False, indent=1).encode("utf-8") + b"\n"
    if isinstance(out, str | Path):
        Path(out).write_bytes(text)
    else:
        out.write(text)


def _value(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    return value
