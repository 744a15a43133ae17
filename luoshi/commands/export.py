"""``luoshi export``: a plan's targets, tasks, assignments, observations and statuses as
xlsx, csv, parquet, json or dta.

A thin shell over :func:`luoshi.exports.export_plan`; errors are
:class:`~luoshi.errors.LuoshiError`, shown by the one handler in ``luoshi/cli.py``.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from luoshi.commands._shared import Db, Plan, store_at

__all__ = ["app", "export", "ExportFormat"]


class ExportFormat(StrEnum):
    """Formats of ``luoshi export``."""

    xlsx = "xlsx"
    csv = "csv"
    parquet = "parquet"
    json = "json"
    dta = "dta"


def export(
    plan: Plan,
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            metavar="PATH",
            help="输出文件；csv、parquet、dta 以 .zip 结尾写压缩包，否则写文件夹 / "
            "the file; for csv, parquet and dta a .zip archive, or else a folder",
            show_default=False,
        ),
    ],
    format: Annotated[
        ExportFormat | None,
        typer.Option("--format", "-f", help="格式 / format (default: from the suffix, else xlsx)"),
    ] = None,
    as_of: Annotated[
        datetime | None,
        typer.Option(
            "--as-of",
            metavar="DATE",
            formats=["%Y-%m-%d"],
            help="评价日期 / the date of the statuses (default: today)",
            show_default=False,
        ),
    ] = None,
    db: Db = None,
) -> None:
    """导出计划数据 / Export a plan's targets, tasks, assignments, observations and statuses.

    Text that a spreadsheet would take for a formula (starting with = + - @) is neutralised with an apostrophe.
    """
    from luoshi.exports import export_format_for, export_plan

    name = export_format_for(output, format.value if format else None)
    if output.parent != Path("."):
        output.parent.mkdir(parents=True, exist_ok=True)
    with store_at(db) as store:
        tables = export_plan(store, plan, output, format=name, as_of=as_of.date() if as_of else None)
    counts = "、".join(f"{table.title}{len(table.rows)}行" for table in tables.tables)
    typer.echo(f"已导出 {output}（{name}）：{counts} / exported {name}")


#: A one-command app: ``luoshi export PLAN`` (Typer makes a lone command the app itself).
app = typer.Typer(name="export", add_completion=False)
app.command(name="export")(export)
