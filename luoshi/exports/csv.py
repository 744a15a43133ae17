"""Export as CSV (逗号分隔): one UTF-8 file per table, with a byte-order mark so that Excel
and WPS open the Chinese text right; in a zip archive or a folder (:mod:`luoshi.exports.files`).

Values are exact: decimals as written (140000, 1.32), dates and times ISO 8601, an empty
field for nothing.
"""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from functools import partial
from pathlib import Path
from typing import Any, BinaryIO

from luoshi.exports.files import table_files
from luoshi.exports.tables import ExportTable, PlanTables

__all__ = ["write"]


def write(tables: PlanTables, out: Path | str | BinaryIO) -> None:
    """Write ``targets.csv``, ``tasks.csv``, … into ``out`` (a .zip path or file, or a folder)."""
    with table_files(out) as put:
        for table in tables.tables:
            put(f"{table.name}.csv", partial(_write, table))


def _write(table: ExportTable, handle: BinaryIO) -> None:
    text = io.TextIOWrapper(handle, encoding="utf-8-sig", newline="")
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow([column.key for column in table.columns])
    writer.writerows([_cell(value) for value in row] for row in table.rows)
    text.flush()
    text.detach()


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    return value
