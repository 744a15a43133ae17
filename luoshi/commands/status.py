"""``luoshi status``: a plan's status (进度评价) at a date, as a table, JSON or CSV.

A thin shell over :func:`luoshi.planning.plan_status` and :mod:`luoshi.planning.display`.
"""

from __future__ import annotations

import sys
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TextIO

import typer

from luoshi.commands._shared import Db, Plan, progress_display, stdout, store_at
from luoshi.planning import PlanStatus, plan_status
from luoshi.planning.display import (
    status_table,
    summary_line,
    units_table,
    write_status_csv,
    write_status_json,
)

__all__ = ["app", "status", "StatusFormat"]


class StatusFormat(StrEnum):
    """Output formats of ``luoshi status``."""

    table = "table"
    json = "json"
    csv = "csv"


def status(
    plan: Plan,
    as_of: Annotated[
        datetime | None,
        typer.Option(
            "--as-of",
            metavar="DATE",
            formats=["%Y-%m-%d"],
            help="评价日期 / the date (default: today)",
            show_default=False,
        ),
    ] = None,
    unit: Annotated[
        str | None,
        typer.Option("--unit", metavar="UNIT", help="只看此单位牵头或参与的目标 / only this unit's targets"),
    ] = None,
    format: Annotated[
        StatusFormat, typer.Option("--format", "-f", help="输出格式 / output format")
    ] = StatusFormat.table,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="FILE", help="写入文件 / write to a file", dir_okay=False),
    ] = None,
    db: Db = None,
) -> None:
    """进度评价 / Grade every target against 序时进度: class, light, completion, gap, projection; and each unit's on-time reporting rate."""
    with store_at(db) as store, progress_display() as progress:
        result = plan_status(
            store, plan, as_of=as_of.date() if as_of else None, unit=unit, on_progress=progress
        )
    if format is StatusFormat.table and output is None:
        console = stdout()
        console.print(status_table(result))
        console.print(summary_line(result))
        if result.units:
            console.print(units_table(result))
        for ref, why in result.skipped:
            console.print(f"未评价 not graded: {ref} {why}", markup=False)
        return
    if output is None:
        out = sys.stdout
        _write(result, format, out)
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    with output.open("w", encoding="utf-8-sig" if format is StatusFormat.csv else "utf-8", newline="") as out:
        _write(result, format, out)


def _write(result: PlanStatus, format: StatusFormat, out: TextIO) -> None:
    if format is StatusFormat.csv:
        write_status_csv(result, out)
    elif format is StatusFormat.json:
        write_status_json(result, out)
    else:
        console = stdout()
        console.file = out
        console.print(status_table(result))
        console.print(summary_line(result))
        console.print(units_table(result))


#: A one-command app: ``luoshi status PLAN`` (Typer makes a lone command the app itself).
app = typer.Typer(name="status", add_completion=False)
app.command(name="status")(status)
