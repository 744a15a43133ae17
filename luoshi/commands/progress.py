"""``luoshi progress``: a unit's 报送表 (progress sheet), its import, and one value added.

A thin shell over :mod:`luoshi.planning`; values are never overwritten: a correction
supersedes the value it corrects, and both stay.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from luoshi.commands._shared import Db, Plan, ReportedAt, store_at, working
from luoshi.planning import add_progress, import_progress, progress_template

__all__ = ["app"]

app = typer.Typer(
    name="progress",
    help="进度报送：报送表、导入、补录 / progress reports: the sheet, its import, one value.",
    no_args_is_help=True,
    add_completion=False,
)


@app.callback()
def progress() -> None:
    """进度报送：报送表、导入、补录 / progress reports: the sheet, its import, one value."""


@app.command()
def template(
    plan: Plan,
    unit: Annotated[
        str,
        typer.Option(
            "--unit", metavar="UNIT", help="报送单位 / the reporting unit (牵头单位)", show_default=False
        ),
    ],
    period: Annotated[
        str,
        typer.Option(
            "--period", metavar="PERIOD", help="报送期 / the period, e.g. 2023-06", show_default=False
        ),
    ],
    output: Annotated[
        Path,
        typer.Option(
            "--output", "-o", metavar="FILE", help="报送表 .xlsx", dir_okay=False, show_default=False
        ),
    ],
    db: Db = None,
) -> None:
    """写出单位的报送表 / Write a unit's 报送表 for a period: its targets, target values, units and last reported values."""
    with store_at(db) as store, working("写出报送表 writing the sheet"):
        written = progress_template(store, plan, unit, period, output)
    typer.echo(
        f"已写出 {written.unit} {written.period} 报送表 {output}：{written.rows} 个目标 / "
        f"wrote {written.rows} targets"
    )


@app.command("import")
def import_command(
    plan: Plan,
    sheet: Annotated[
        Path,
        typer.Argument(metavar="SHEET", help="填好的报送表 .xlsx / the filled sheet", show_default=False),
    ],
    by: Annotated[
        str | None, typer.Option("--by", metavar="NAME", help="报送人 / who reported (default: the OS user)")
    ] = None,
    reported_at: ReportedAt = None,
    db: Db = None,
) -> None:
    """导入报送表 / Import a filled 报送表.

    Every bad row (not a number, a wrong unit of measure, a year-to-date total that falls, a period outside the plan, a target of another unit) is reported with its row number, and nothing is stored unless all rows are good.
    """
    with store_at(db) as store, working("导入报送表 importing the sheet"):
        result = import_progress(store, plan, sheet, by=by, reported_at=reported_at)
    typer.echo(
        f"已导入 {result.unit} {result.period}：新报 {result.created}、更正 {result.corrected}、"
        f"未变 {result.unchanged} / {result.created} new, {result.corrected} corrected, {result.unchanged} unchanged"
    )


@app.command()
def add(
    target: Annotated[
        str, typer.Argument(metavar="TARGET", help="目标编号 / target id, e.g. T12", show_default=False)
    ],
    value: Annotated[
        str, typer.Argument(metavar="VALUE", help="报送值 / the value, e.g. 52000", show_default=False)
    ],
    period: Annotated[
        str,
        typer.Option(
            "--period", metavar="PERIOD", help="报送期 / the period, e.g. 2023-06", show_default=False
        ),
    ],
    note: Annotated[str, typer.Option("--note", metavar="TEXT", help="备注 / a note")] = "",
    unit: Annotated[
        str | None,
        typer.Option("--unit", metavar="UNIT", help="计量单位，须与目标一致 / unit of measure, checked"),
    ] = None,
    by: Annotated[
        str | None, typer.Option("--by", metavar="NAME", help="报送人 / who reported (default: the OS user)")
    ] = None,
    reported_at: ReportedAt = None,
    db: Db = None,
) -> None:
    """补录一个报送值 / Add one value for a target and period; a new value for a period already reported supersedes it."""
    with store_at(db) as store:
        result = add_progress(
            store, target, value, period=period, note=note, unit=unit, by=by, reported_at=reported_at
        )
    if result.unchanged:
        typer.echo(f"{result.target} {result.period} 已是此值，未做更改 / the same value; nothing changed")
    elif result.supersedes_id is not None:
        typer.echo(
            f"已更正 {result.target} {result.period}（报送值 {result.observation_id} 取代 {result.supersedes_id}）"
            f" / corrected"
        )
    else:
        typer.echo(f"已报送 {result.target} {result.period}（报送值 {result.observation_id}）/ added")


@app.command()
def compute(
    plan: Plan,
    files: Annotated[
        list[Path],
        typer.Argument(
            metavar="FILES...",
            help="监测数据文件 / monitoring data files (hourly air data; with --water one table of samples)",
            show_default=False,
        ),
    ],
    period: Annotated[
        str,
        typer.Option(
            "--period", metavar="PERIOD", help="报送期 / the period, e.g. 2023-06", show_default=False
        ),
    ],
    water: Annotated[
        bool,
        typer.Option(
            "--water/--air",
            help="地表水监测数据（GB 3838）或空气质量数据（HJ 633、HJ 663，默认）/ water samples or air data (default)",
        ),
    ] = False,
    city: Annotated[
        str | None,
        typer.Option("--city", metavar="CITY", help="城市 / the city, when the air files hold several"),
    ] = None,
    include_tn: Annotated[
        bool, typer.Option("--include-tn", help="湖库总氮参与评价 / lakes' total nitrogen counts (water)")
    ] = False,
    by: Annotated[
        str | None, typer.Option("--by", metavar="NAME", help="记录人 / who computed (default: luoshi)")
    ] = None,
    reported_at: ReportedAt = None,
    db: Db = None,
) -> None:
    """由监测数据计算 / Compute environment targets for a period from monitoring data.

    Air (default): PM2.5平均浓度 and 优良天数比例 from hourly data by HJ 633 and HJ 663. Water
    (--water): 断面水质达标比例, Ⅰ—Ⅲ类 and 劣Ⅴ类 shares from a table of samples by GB 3838. Each
    figure is the period's own (its days, its samples), stored with source "computed" and a note
    naming the standards, the sites or sections and the days.
    """
    from luoshi.planning.computed import compute_air_progress, compute_water_progress

    if water:
        if len(files) != 1:
            raise typer.BadParameter(
                "地表水数据只取一个文件 / give one table of water samples", param_hint="FILES"
            )
        with store_at(db) as store, working("计算地表水水质 computing surface water"):
            results = compute_water_progress(
                store, plan, files[0], period=period, include_tn=include_tn, by=by, reported_at=reported_at
            )
    else:
        with store_at(db) as store, working("计算空气质量 computing air quality"):
            results = compute_air_progress(
                store, plan, files, period=period, city=city, by=by, reported_at=reported_at
            )
    for result in results:
        shown = "—" if result.value is None else f"{result.value} {result.unit}"
        typer.echo(
            f"{result.target} {result.indicator} {result.period}: {shown}（{result.outcome}）{result.why}"
        )
        typer.echo(f"    {result.note}")
