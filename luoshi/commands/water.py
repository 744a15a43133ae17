"""``luoshi water``: section classes (断面水质类别) and 达标 per GB 3838—2002.

A thin shell over :mod:`luoshi.environment.water`: read, classify, write.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from luoshi.environment.water import classify_samples, read_water, summarize
from luoshi.environment.water.report import write_water

__all__ = ["app"]

app = typer.Typer(
    name="water",
    help="地表水 surface water: 断面水质类别与达标 / section classes and targets (GB 3838—2002).",
    no_args_is_help=True,
    add_completion=False,
)


@app.callback()
def water() -> None:
    """地表水 surface water: 断面水质类别与达标 / section classes and targets (GB 3838—2002)."""


class WaterFormat(StrEnum):
    """Output formats of ``luoshi water classify``."""

    table = "table"
    json = "json"
    csv = "csv"


@app.command()
def classify(
    file: Annotated[
        Path,
        typer.Argument(
            metavar="FILE",
            help="监测数据表 CSV/XLSX: 断面, [水体类型], [水质目标], 各项目列 (or 断面,项目,值)",
            show_default=False,
        ),
    ],
    format: Annotated[
        WaterFormat, typer.Option("--format", "-f", help="输出格式 output format")
    ] = WaterFormat.table,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="FILE", help="输出文件 output file", show_default=False),
    ] = None,
    include_tn: Annotated[
        bool, typer.Option("--include-tn", help="湖库总氮参与定类 count total nitrogen in lake classes")
    ] = False,
) -> None:
    """断面水质类别与达标 / each section's class and 达标 against its target.

    Also the share of sections meeting their targets (断面达标比例) and the class shares.
    """
    samples = read_water(file)
    results = classify_samples(samples, include_tn=include_tn)
    summary = summarize(results)
    if output is None:
        sys.stdout.flush()
        write_water(results, summary, sys.stdout.buffer, format.value, ignored=samples.ignored)
        sys.stdout.buffer.flush()
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    with output.open("wb") as out:
        write_water(results, summary, out, format.value, ignored=samples.ignored)
