"""``luoshi accountability REPORT_N REPORT_N_PLUS_1``: were year N's targets met (目标完成情况)?

A thin shell over :func:`luoshi.accountability.hold_to_account`: read both reports, judge,
write with a format from :mod:`luoshi.accountability.formats`. One command, mounted by
``luoshi/cli.py`` as ``luoshi accountability``.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from luoshi.accountability import hold_to_account
from luoshi.accountability.formats import FORMATS
from luoshi.reading import read_report

__all__ = ["app"]

app = typer.Typer(
    name="accountability",
    help="问责：上年目标是否完成 / were last year's targets met?",
    add_completion=False,
)


class AccountabilityFormat(StrEnum):
    """Output formats of ``luoshi accountability``."""

    table = "table"
    json = "json"
    csv = "csv"
    xlsx = "xlsx"


@app.command()
def accountability(
    report_n: Annotated[
        Path,
        typer.Argument(metavar="REPORT_N", help="第N年的报告（目标）/ the report of year N (its targets)"),
    ],
    report_n_plus_1: Annotated[
        Path,
        typer.Argument(
            metavar="REPORT_N_PLUS_1", help="第N+1年的报告（回顾）/ the report of year N+1 (its review)"
        ),
    ],
    format: Annotated[
        AccountabilityFormat | None,
        typer.Option(
            "--format", "-f", help="输出格式 / output format; default: from --output's suffix, else table"
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="FILE", help="输出文件 / output file", dir_okay=False),
    ] = None,
) -> None:
    """问责：第N年的目标对照第N+1年报告的回顾 / Hold year N's targets to account against year N+1's review.

    Each target is shown beside the figure the next report gives for it, judged 完成 met, 未完成 missed or 未提及 silent, with the linking confidence. Targets in 左右 are met within 0.5 percentage points (5% for other units), or beyond on the better side.
    """
    name = _format_name(format, output)
    earlier = read_report(report_n)
    later = read_report(report_n_plus_1)
    judgements = hold_to_account(earlier, later)
    place = earlier.place or later.place or earlier.name
    title = f"{place} {earlier.year or '?'}年目标 · {later.year or '?'}年报告回顾 / targets of {earlier.year} against the review in {later.year}"
    if output is None:
        sys.stdout.flush()
        FORMATS[name](judgements, sys.stdout.buffer, title=title)
        sys.stdout.buffer.flush()
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    with output.open("wb") as out:
        FORMATS[name](judgements, out, title=title)


def _format_name(chosen: AccountabilityFormat | None, output: Path | None) -> str:
    if chosen is not None:
        name = chosen.value
    elif output is not None and output.suffix.lstrip(".") in FORMATS:
        name = output.suffix.lstrip(".")
    else:
        name = "table"
    if name == "xlsx" and output is None and sys.stdout.isatty():
        raise typer.BadParameter("xlsx 须写入文件 / xlsx needs --output FILE")
    return name
