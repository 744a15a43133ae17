"""``luoshi air``: daily AQI (日报) and the annual evaluation (年度评价) from hourly data files.

A thin shell over :mod:`luoshi.environment.air`: it reads the files (a progress bar on a
terminal), calls :func:`~luoshi.environment.air.api.air_daily` or
:func:`~luoshi.environment.air.api.air_evaluate` and writes with
:mod:`luoshi.environment.air.report`.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from luoshi.commands._files import file_progress, opened_output
from luoshi.environment.air import HourlyData, air_daily, air_evaluate, read_air
from luoshi.environment.air.reading import read_site_cities
from luoshi.environment.air.report import write_annual, write_daily
from luoshi.environment.air.standards import AqiStandard

__all__ = ["app"]

app = typer.Typer(
    name="air",
    help="空气质量 air quality: 日 AQI 与年度评价 / daily AQI and the annual evaluation (HJ 633, HJ 663).",
    no_args_is_help=True,
    add_completion=False,
)

_stderr = Console(stderr=True, highlight=False)


class Standard(StrEnum):
    """Which HJ 633 version: by each day's date, or one for all days."""

    auto = "auto"
    v2012 = "2012"
    v2026 = "2026"


class InputFormat(StrEnum):
    """Input formats of :mod:`luoshi.environment.air.reading`."""

    auto = "auto"
    long = "long"
    beijing = "beijing"
    archive = "archive"


class Level(StrEnum):
    """Rows of the daily file: cities, sites or both."""

    city = "city"
    site = "site"
    both = "both"


class AnnualFormat(StrEnum):
    """Output formats of ``luoshi air annual``."""

    table = "table"
    json = "json"
    csv = "csv"


class Composite(StrEnum):
    """Composite index definitions (:mod:`luoshi.environment.air.composite`)."""

    ranking = "ranking"
    hj663 = "hj663"


Files = Annotated[
    list[Path],
    typer.Argument(
        metavar="FILE",
        help="小时数据文件 hourly data files: long (site,time,pollutant,value), "
        "Beijing PRSA wide, or national archive (date,hour,type,<sites>)",
        show_default=False,
    ),
]
CityOption = Annotated[
    str | None,
    typer.Option(
        "--city", help="所有点位所属城市 one city name for every site (default: 全市)", show_default=False
    ),
]
CitiesOption = Annotated[
    Path | None,
    typer.Option("--cities", help="点位-城市对照表 CSV with site,city columns", show_default=False),
]
StandardOption = Annotated[
    Standard, typer.Option("--standard", help="HJ 633 版本 version: auto = by date (2026-03-01)")
]
InputOption = Annotated[InputFormat, typer.Option("--input-format", help="输入格式 input format")]
HourOption = Annotated[
    str,
    typer.Option("--hour-label", help="小时标签 hour stamps: end (HJ 663, default) or start of the hour"),
]
OutputOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", metavar="FILE", help="输出文件 output file (default: standard output)"),
]


def _standard(choice: Standard) -> AqiStandard | None:
    return None if choice is Standard.auto else AqiStandard.parse(choice.value)


def _load(files: list[Path], input_format: InputFormat, city, cities, hour_label: str) -> HourlyData:
    if hour_label not in ("end", "start"):
        raise typer.BadParameter("--hour-label 只能是 end 或 start / must be end or start")
    mapping = read_site_cities(cities) if cities is not None else city
    kind = None if input_format is InputFormat.auto else input_format.value
    with file_progress(len(files), "读取 reading", _stderr) as advance:
        return read_air(
            files, format=kind, cities=mapping, hour_label=hour_label, on_file=lambda _: advance()
        )


@app.command()
def daily(
    files: Files,
    output: OutputOption = None,
    level: Annotated[
        Level, typer.Option("--level", help="城市、点位或两者 cities, sites or both")
    ] = Level.both,
    city: CityOption = None,
    cities: CitiesOption = None,
    standard: StandardOption = Standard.auto,
    input_format: InputOption = InputFormat.auto,
    hour_label: HourOption = "end",
) -> None:
    """每日浓度、AQI、类别和首要污染物 / daily values, AQI, category and primary pollutant.

    One CSV row per city and day and per site and day (UTF-8 with a byte-order mark).
    """
    hourly = _load(files, input_format, city, cities, hour_label)
    city_aqi, site_aqi = air_daily(hourly, standard=_standard(standard))
    chosen = {Level.city: [city_aqi], Level.site: [site_aqi], Level.both: [city_aqi, site_aqi]}[level]
    with opened_output(output) as out:
        write_daily(chosen, out)


@app.command()
def annual(
    files: Files,
    year: Annotated[
        int | None, typer.Option("--year", help="评价年份 calendar year", show_default=False)
    ] = None,
    start: Annotated[
        str | None,
        typer.Option(
            "--from", help="时段起 period start, YYYY-MM-DD (instead of --year)", show_default=False
        ),
    ] = None,
    end: Annotated[
        str | None, typer.Option("--to", help="时段止 period end, YYYY-MM-DD", show_default=False)
    ] = None,
    format: Annotated[
        AnnualFormat, typer.Option("--format", "-f", help="输出格式 output format")
    ] = AnnualFormat.table,
    output: OutputOption = None,
    sites: Annotated[bool, typer.Option("--sites", help="同时评价每个点位 also evaluate every site")] = False,
    city: CityOption = None,
    cities: CitiesOption = None,
    standard: StandardOption = Standard.auto,
    composite: Annotated[Composite, typer.Option("--composite", help="综合指数口径 index definition")] = (
        Composite.ranking
    ),
    area_class: Annotated[int, typer.Option("--area-class", help="功能区类别 area class 1 or 2 (二级)")] = 2,
    input_format: InputOption = InputFormat.auto,
    hour_label: HourOption = "end",
) -> None:
    """HJ 663 年度评价 / the HJ 663 evaluation table of every city (and site).

    Annual means, percentiles, 达标, 优良天数比例 and the composite index, each with its validity.
    """
    period = _period(year, start, end)
    if area_class not in (1, 2):
        raise typer.BadParameter("--area-class 只能是 1 或 2 / must be 1 or 2")
    hourly = _load(files, input_format, city, cities, hour_label)
    evaluations = air_evaluate(
        hourly,
        *period,
        standard=_standard(standard),
        area_class=area_class,
        composite=composite.value,
        sites=sites,
    )
    with opened_output(output) as out:
        write_annual(evaluations, out, format.value)


def _period(year: int | None, start: str | None, end: str | None) -> tuple[dt.date, dt.date]:
    if year is not None and (start or end):
        raise typer.BadParameter("--year 与 --from/--to 只能选一种 / give --year or --from/--to")
    if year is not None:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if not (start and end):
        raise typer.BadParameter("需要 --year 或 --from 和 --to / give --year, or both --from and --to")
    try:
        period = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    except ValueError:
        raise typer.BadParameter("日期应写作 YYYY-MM-DD / dates as YYYY-MM-DD") from None
    if period[1] < period[0]:
        raise typer.BadParameter("--to 早于 --from / --to is before --from")
    return period
