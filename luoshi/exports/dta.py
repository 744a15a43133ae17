"""Export as Stata files (.dta, version 118, Unicode): one per table, in a zip archive or a
folder (:mod:`luoshi.exports.files`), written by :meth:`pandas.DataFrame.to_stata`.

Stata has no exact decimals, so values are doubles; a missing number is Stata's missing
(.), a missing text an empty string; dates are Stata dates, times Stata datetimes. Each
variable is labelled with its Chinese column name; text longer than a str# holds is a strL.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any, BinaryIO

from luoshi.exports.files import table_files
from luoshi.exports.tables import ExportTable, PlanTables

__all__ = ["write", "data_frame"]

#: Longest text a Stata str# variable holds, in bytes (version 118).
_STR_BYTES = 2045


def write(tables: PlanTables, out: Path | str | BinaryIO) -> None:
    """Write ``targets.dta``, ``tasks.dta``, … into ``out`` (a .zip, or a folder)."""
    with table_files(out) as put:
        for table in tables.tables:
            put(f"{table.name}.dta", partial(_save, table, f"{tables.plan} {table.title}"[:80]))


def _save(table: ExportTable, label: str, handle: BinaryIO) -> None:
    frame = data_frame(table)
    long = [c.key for c in table.columns if c.type == "text" and _bytes(frame[c.key]) > _STR_BYTES]
    frame.to_stata(
        handle,
        write_index=False,
        version=118,
        variable_labels={column.key: column.label for column in table.columns},
        data_label=label,
        convert_strl=long,
        convert_dates=_dates(table),
    )


def data_frame(table: ExportTable) -> Any:
    """The table as a pandas DataFrame with Stata-friendly types."""
    import pandas as pd

    columns: dict[str, Any] = {}
    for index, column in enumerate(table.columns):
        values = [row[index] for row in table.rows]
        if column.type == "text":
            columns[column.key] = pd.Series(["" if v is None else str(v) for v in values], dtype=object)
        elif column.type == "int" and None not in values:
            columns[column.key] = pd.Series(values, dtype="int64")
        elif column.type in ("int", "decimal", "float"):
            columns[column.key] = pd.Series(
                [None if v is None else float(v) for v in values], dtype="float64"
            )
        else:
            columns[column.key] = pd.to_datetime(pd.Series(values, dtype=object))
    return pd.DataFrame(columns)


def _dates(table: ExportTable) -> dict[str, str]:
    """Stata's format for each date (td) and datetime (tc) column."""
    kinds = {"date": "td", "datetime": "tc"}
    return {c.key: kinds[c.type] for c in table.columns if c.type in kinds}


def _bytes(series: Any) -> int:
    return max((len(str(value).encode("utf-8")) for value in series), default=0)
