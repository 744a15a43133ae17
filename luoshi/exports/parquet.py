"""Export as Parquet (列式存储, for pandas, R, DuckDB, Spark): one file per table, in a zip
archive or a folder (:mod:`luoshi.exports.files`).

Types are kept: exact values are Parquet decimals, dates and times are dates and
timestamps, counts are integers with nulls. Needs pyarrow.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any, BinaryIO

from luoshi.bulletins.model import OutputError
from luoshi.exports.files import table_files
from luoshi.exports.tables import ExportTable, PlanTables

__all__ = ["write", "arrow_table"]

_TYPES = {"int": "int64", "float": "float64", "date": "date32", "datetime": "timestamp", "text": "string"}


def write(tables: PlanTables, out: Path | str | BinaryIO) -> None:
    """Write ``targets.parquet``, ``tasks.parquet``, … into ``out`` (a .zip, or a folder)."""
    try:
        import pyarrow.parquet as pq
    except ImportError as error:  # pragma: no cover - pyarrow is a dependency
        raise OutputError(
            "Parquet 需要 pyarrow / Parquet needs pyarrow", hint="pip install pyarrow"
        ) from error
    with table_files(out) as put:
        for table in tables.tables:
            put(f"{table.name}.parquet", partial(_save, pq.write_table, arrow_table(table)))


def _save(write_table: Any, arrow: Any, handle: BinaryIO) -> None:
    write_table(arrow, handle)


def arrow_table(table: ExportTable) -> Any:
    """The table as a pyarrow Table with a typed column each."""
    import pyarrow as pa

    arrays, names = [], []
    for index, column in enumerate(table.columns):
        values = [row[index] for row in table.rows]
        if column.type == "decimal":
            arrays.append(
                pa.array(values) if any(v is not None for v in values) else pa.array(values, pa.string())
            )
        elif column.type == "datetime":
            arrays.append(pa.array(values, pa.timestamp("s")))
        else:
            arrays.append(pa.array(values, getattr(pa, _TYPES[column.type])()))
        names.append(column.key)
    return pa.Table.from_arrays(arrays, names=names)
