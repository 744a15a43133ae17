"""Exports (导出): a plan's targets, tasks, assignments, observations and statuses as data.

::

    from luoshi.exports import export_plan
    export_plan(store, "绍兴市2023年政府工作报告", "plan.xlsx")          # one workbook
    export_plan(store, 1, "plan.zip", format="csv")                    # a zip of csv files
    export_plan(store, 1, "plan-parquet", format="parquet")             # a folder of parquet files

Formats: ``xlsx`` (a sheet per table, lights as conditional formatting, frozen headers),
``csv``, ``parquet`` and ``dta`` (a file per table, in a zip when the path ends in .zip,
else in a folder) and ``json`` (one document). Every text cell that starts with = + - @ is
neutralised (:func:`luoshi.sheets.cells.safe_text`), whatever the format.
"""

from __future__ import annotations

import importlib
from datetime import date
from pathlib import Path
from typing import BinaryIO

from luoshi.bulletins.model import OutputError
from luoshi.exports.tables import TABLES, Column, ExportTable, PlanTables, plan_tables
from luoshi.store import Store

__all__ = [
    "EXPORT_FORMATS",
    "TABLES",
    "Column",
    "ExportTable",
    "PlanTables",
    "export_plan",
    "export_format_for",
    "plan_tables",
    "write_tables",
]

#: Every export format.
EXPORT_FORMATS = ("xlsx", "csv", "parquet", "json", "dta")
_SUFFIXES = {".xlsx": "xlsx", ".csv": "csv", ".parquet": "parquet", ".json": "json", ".dta": "dta"}


def export_format_for(path: Path | str | None, chosen: str | None = None) -> str:
    """The format asked for, else the one the path's suffix names (plan.csv.zip → csv), else xlsx."""
    if chosen:
        return chosen
    if path is not None:
        suffixes = [s.lower() for s in Path(path).suffixes if s.lower() != ".zip"]
        if suffixes and suffixes[-1] in _SUFFIXES:
            return _SUFFIXES[suffixes[-1]]
    return "xlsx"


def write_tables(tables: PlanTables, out: Path | str | BinaryIO, format: str) -> None:
    """Write ``tables`` in ``format`` to ``out``."""
    if format not in EXPORT_FORMATS:
        raise OutputError(
            f"未知的导出格式 / unknown export format {format!r}", hint=f"可选 {', '.join(EXPORT_FORMATS)}"
        )
    importlib.import_module(f"luoshi.exports.{format}").write(tables, out)


def export_plan(
    store: Store,
    plan: str | int,
    out: Path | str | BinaryIO,
    *,
    format: str | None = None,
    as_of: date | None = None,
) -> PlanTables:
    """Export ``plan`` (id or name) to ``out``; statuses at ``as_of`` (default today). The
    tables written are returned (their row counts are what a caller reports)."""
    name = export_format_for(out if isinstance(out, str | Path) else None, format)
    if name not in EXPORT_FORMATS:
        raise OutputError(
            f"未知的导出格式 / unknown export format {name!r}", hint=f"可选 {', '.join(EXPORT_FORMATS)}"
        )
    tables = plan_tables(store, plan, as_of=as_of)
    write_tables(tables, out, name)
    return tables
