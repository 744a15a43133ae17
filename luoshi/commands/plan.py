"""``luoshi plan``: adopt a report for tracking (跟踪计划), list and show plans, and the
分解表 round trip (export the assignment sheet, import it filled in).

A thin shell over :mod:`luoshi.planning`; every error is a
:class:`~luoshi.errors.LuoshiError`, shown by the one handler in ``luoshi/cli.py``.
"""

from __future__ import annotations

import json
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Annotated

import typer

from luoshi.commands._shared import By, Db, Plan, progress_display, stderr, stdout, store_at, working
from luoshi.planning import (
    correct_target,
    create_plan,
    export_assignments,
    import_assignments,
    list_plans,
    parse_profile,
    plan_detail,
    profiles_from_plan,
)
from luoshi.planning.display import plan_table, plans_table

__all__ = ["app"]

app = typer.Typer(
    name="plan",
    help="跟踪计划：建立、查看、分解 / tracking plans: create, list, show, assign.",
    no_args_is_help=True,
    add_completion=False,
)

AsJson = Annotated[bool, typer.Option("--json", help="输出 JSON / print JSON")]


@app.callback()
def plan() -> None:
    """跟踪计划：建立、查看、分解 / tracking plans: create, list, show, assign."""


@app.command()
def create(
    report_file: Annotated[
        Path,
        typer.Argument(
            metavar="REPORT_FILE", help="报告文件 / report file: .txt, .docx, .pdf, .html", show_default=False
        ),
    ],
    place: Annotated[str | None, typer.Option(metavar="PLACE", help="地区 / the place, e.g. 绍兴市")] = None,
    year: Annotated[
        int | None,
        typer.Option(metavar="N", help="计划年度，原文未写明时 / the plan year, when the text does not say"),
    ] = None,
    name: Annotated[
        str | None,
        typer.Option(metavar="NAME", help="计划名称 / plan name (default: 地区+年度+政府工作报告)"),
    ] = None,
    rules: Annotated[
        Path | None,
        typer.Option(metavar="FILE", help="评价规则 TOML / rules file (docs/tracking.md)", dir_okay=False),
    ] = None,
    frequency: Annotated[
        str | None,
        typer.Option(metavar="FREQ", help="报送频次 / reporting frequency: month, quarter, half, year"),
    ] = None,
    deadline_day: Annotated[
        int | None, typer.Option(metavar="DAY", help="次月报送截止日 / reports due by this day (default 25)")
    ] = None,
    by: By = None,
    db: Db = None,
) -> None:
    """建立跟踪计划：抽取报告的目标与任务并入库 / Create a plan from a report: extract and store its targets and tasks.

    Importing the same file again changes nothing (a report is known by the sha256 of its bytes).
    """
    with store_at(db) as store, progress_display() as progress:
        result = create_plan(
            store,
            report_file,
            place=place,
            year=year,
            name=name,
            rules=rules,
            frequency=frequency,
            deadline_day=deadline_day,
            actor=by,
            on_progress=progress,
        )
    plan = result.plan
    if result.created:
        typer.echo(
            f"已建立计划 {plan.id}「{plan.name}」：{plan.targets} 个目标（{result.linked} 个关联指标库）、"
            f"{plan.tasks} 项任务 / created plan {plan.id} with {plan.targets} targets and {plan.tasks} tasks"
        )
    else:
        typer.echo(
            f"此报告已导入为计划 {plan.id}「{plan.name}」，未做任何更改 / "
            f"this report is already plan {plan.id}; nothing changed"
        )


@app.command("list")
def list_command(as_json: AsJson = False, db: Db = None) -> None:
    """列出计划 / List the plans."""
    with store_at(db) as store:
        plans = list_plans(store)
    if as_json:
        typer.echo(json.dumps([p.to_dict() for p in plans], ensure_ascii=False, indent=2))
    elif not plans:
        stderr.print("还没有计划 / no plans yet: luoshi plan create REPORT_FILE")
    else:
        stdout().print(plans_table(plans))


@app.command()
def show(plan: Plan, as_json: AsJson = False, db: Db = None) -> None:
    """查看计划及其目标 / Show a plan: its period, rules and targets with their links and units."""
    with store_at(db) as store:
        detail = plan_detail(store, plan)
    if as_json:
        typer.echo(json.dumps(detail.to_dict(), ensure_ascii=False, indent=2))
    else:
        stdout().print(plan_table(detail))


@app.command("export-assignments")
def export_assignments_command(
    plan: Plan,
    output: Annotated[
        Path,
        typer.Option(
            "--output", "-o", metavar="FILE", help="分解表 .xlsx", dir_okay=False, show_default=False
        ),
    ],
    db: Db = None,
) -> None:
    """导出分解表 / Write the plan's 分解表 (assignment sheet) for the office to fill in."""
    with store_at(db) as store, working("写出分解表 writing the sheet"):
        rows = export_assignments(store, plan, output)
    typer.echo(f"已写出分解表 {output}：{rows} 行 / wrote {rows} rows")


@app.command("import-assignments")
def import_assignments_command(
    plan: Plan,
    sheet: Annotated[
        Path,
        typer.Argument(metavar="SHEET", help="填好的分解表 .xlsx / the filled sheet", show_default=False),
    ],
    by: By = None,
    db: Db = None,
) -> None:
    """导入分解表 / Import a filled 分解表: lead units, co-units, leaders, due dates.

    Every bad row is reported with its row number, and nothing is changed unless all rows are good; units are created as named.
    """
    with store_at(db) as store, working("导入分解表 importing the sheet"):
        result = import_assignments(store, plan, sheet, actor=by)
    created = f"，新建单位 {'、'.join(result.units_created)}" if result.units_created else ""
    typer.echo(
        f"已导入 {result.rows} 行：新增 {result.created}、修改 {result.updated}、取消 {result.removed}、"
        f"未变 {result.unchanged}{created} / imported {result.rows} rows"
    )


@app.command("edit-target")
def edit_target(
    target: Annotated[
        str, typer.Argument(metavar="TARGET", help="目标编号 / target id, e.g. T12", show_default=False)
    ],
    indicator: Annotated[
        str | None,
        typer.Option(metavar="ID", help="指标库编号，- 为取消关联 / catalogue id, or - for none (e.g. pm25)"),
    ] = None,
    kind: Annotated[
        str | None, typer.Option(metavar="KIND", help="类型 / kind: flow, level, rate, share, milestone")
    ] = None,
    direction: Annotated[
        str | None, typer.Option(metavar="DIR", help="方向 / direction: higher or lower")
    ] = None,
    baseline: Annotated[
        str | None,
        typer.Option(metavar="VALUE", help="上年基数 / last year's value, for growth and share targets"),
    ] = None,
    profile: Annotated[
        str | None,
        typer.Option(
            metavar="V1,…,V12",
            help="上年1—12月逐月数，- 为取消 / last year's twelve monthly amounts (seasonal 序时), or - for none",
        ),
    ] = None,
    cumulative: Annotated[
        bool, typer.Option("--cumulative", help="--profile 填的是累计值 / the profile is year-to-date totals")
    ] = False,
    review: Annotated[
        str | None, typer.Option(metavar="STATE", help="审核 / review: confirmed, rejected or extracted")
    ] = None,
    by: By = None,
    db: Db = None,
) -> None:
    """更正目标 / Correct a target: its catalogue link, kind, direction, baseline, seasonal profile or
    review state (audited)."""
    months = None if profile is None else parse_profile(profile, cumulative=cumulative)
    number = None
    if baseline is not None:
        try:
            number = Decimal(baseline.replace(",", ""))
        except InvalidOperation:
            raise typer.BadParameter(
                f"不是数值 / not a number: {baseline!r}", param_hint="--baseline"
            ) from None
    with store_at(db) as store:
        info = correct_target(
            store,
            target,
            indicator=indicator,
            kind=kind,
            direction=direction,
            baseline=number,
            profile=months,
            review=review,
            actor=by,
        )
    link = info.indicator_id or "—"
    typer.echo(
        f"{info.id} {info.indicator}：指标库 {link}，类型 {info.track_kind}，方向 {info.direction}，"
        f"上年逐月数 {'已设' if info.profile else '无'}，审核 {info.review} / updated"
    )


@app.command("profiles")
def profiles(
    plan: Plan,
    source: Annotated[
        str,
        typer.Option(
            "--from",
            metavar="PLAN",
            help="上年计划编号或名称 / last year's plan (id or name)",
            show_default=False,
        ),
    ],
    replace: Annotated[
        bool, typer.Option("--replace", help="覆盖已有的逐月数 / replace profiles already given")
    ] = False,
    by: By = None,
    db: Db = None,
) -> None:
    """用上年计划的逐月报送值设定序时分布 / Give targets last year's monthly profile from last year's plan.

    For each flow and mean level, last year's target of the same catalogue entry (or the same indicator words and unit) with a value for each of its twelve months gives the profile: year-to-date totals turned into monthly amounts for a flow, monthly values as they are for a level. Each profile set is audited.
    """
    with store_at(db) as store:
        found = profiles_from_plan(store, plan, source, replace=replace, actor=by)
    words = {"set": "已设定 set", "kept": "保留 kept", "skipped": "跳过 skipped"}
    for item in found:
        origin = f"（来自 from {item.source}）" if item.outcome == "set" and item.source else ""
        why = f"：{item.why}" if item.why else ""
        typer.echo(f"{item.target} {item.indicator}：{words[item.outcome]}{origin}{why}")
    done = sum(item.outcome == "set" for item in found)
    typer.echo(f"{done} 个目标设定了上年逐月数 / {done} targets got last year's profile")
