"""The command line (命令行): ``luoshi extract``, ``eval``, ``demo`` and the command groups.

``extract``, ``eval`` and ``demo`` live here; the groups (``plan``, ``progress``, ``status``,
``air``, ``water`` …) each live in a module of :mod:`luoshi.commands`, imported when used.

A thin shell over the public API: each command calls :func:`luoshi.read_report`,
:func:`luoshi.extract`, :mod:`luoshi.evaluation` and a writer from :mod:`luoshi.outputs`,
and nothing here parses reports or formats files. Every :class:`~luoshi.errors.LuoshiError`
is shown once, by :class:`_Handled`, as a message on standard error (Chinese first, English
second, with a hint) and exit code 1; usage errors exit with 2; no traceback.
"""

from __future__ import annotations

import importlib
import json
import sys
from enum import StrEnum
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

import click
import typer
from rich.console import Console
from typer.core import TyperGroup

from luoshi.commands._files import file_progress, opened_output
from luoshi.errors import LuoshiError
from luoshi.evaluation import evaluate, score_predictions
from luoshi.evaluation.display import error_lines, scores_table
from luoshi.extraction import extract as extract_targets
from luoshi.outputs import FORMATS, SUFFIXES, Found
from luoshi.reading import read_report, report_from_text
from luoshi.reading.metadata import LEVELS

__all__ = ["app", "main"]

DEMO_REPORT = "seed_2023_shaoxing_excerpt"
#: Columns of a table printed to a pipe or a file rather than a terminal.
_PIPE_WIDTH = 120

_stderr = Console(stderr=True, highlight=False, soft_wrap=True)


def _show_error(error: LuoshiError) -> None:
    """The one way an error reaches the user: what went wrong, then what to do."""
    where = f"{error.path}: " if error.path else ""
    _stderr.print(f"错误 error: {where}{error.message}", markup=False)
    for problem in getattr(error, "problems", ()):  # every bad row of a sheet (SheetError)
        _stderr.print(f"  {problem}", markup=False)
    if error.hint:
        _stderr.print(f"提示 hint: {error.hint}", markup=False)


#: Command groups that live in their own module, imported only when used, so that
#: ``luoshi extract`` does not wait for numpy and pandas to load: the module, and the line
#: ``luoshi --help`` shows for it without importing it (tests/test_cli.py checks that it is
#: the first paragraph of the module's own help).
_SUBCOMMANDS = {
    "air": (
        "luoshi.commands.air",
        "空气质量 air quality: 日 AQI 与年度评价 / daily AQI and the annual evaluation (HJ 633, HJ 663).",
    ),
    "water": (
        "luoshi.commands.water",
        "地表水 surface water: 断面水质类别与达标 / section classes and targets (GB 3838—2002).",
    ),
    "plan": (
        "luoshi.commands.plan",
        "跟踪计划：建立、查看、分解 / tracking plans: create, list, show, assign.",
    ),
    "progress": (
        "luoshi.commands.progress",
        "进度报送：报送表、导入、补录 / progress reports: the sheet, its import, one value.",
    ),
    "status": (
        "luoshi.commands.status",
        "进度评价 / Grade every target against 序时进度: class, light, completion, gap, projection; "
        "and each unit's on-time reporting rate.",
    ),
    "accountability": (
        "luoshi.commands.accountability",
        "问责：第N年的目标对照第N+1年报告的回顾 / Hold year N's targets to account against year N+1's review.",
    ),
    "corpus": (
        "luoshi.commands.corpus",
        "语料库：批量抽取与问责 / many reports: a dataset, and every place held to account.",
    ),
    "bulletin": (
        "luoshi.commands.bulletin",
        "督查通报 / Write a plan's bulletin: overall figures, counts per class, what is ahead, each "
        "lagging target with its lead unit and note, units that did not report on time, and an annex "
        "table of every target with its light.",
    ),
    "export": (
        "luoshi.commands.export",
        "导出计划数据 / Export a plan's targets, tasks, assignments, observations and statuses.",
    ),
    "serve": ("luoshi.commands.serve", "启动网站 / Serve the web dashboard."),
    "user": ("luoshi.commands.user", "网站用户与接口令牌 / web users and API tokens"),
    "audit": ("luoshi.commands.audit", "审计日志 / the audit log"),
}


class _Handled(TyperGroup):
    """The command group, with the CLI's one error handler around every command."""

    _listing = False

    def list_commands(self, ctx: Any) -> list[str]:
        return [*super().list_commands(ctx), *(name for name in _SUBCOMMANDS if name not in self.commands)]

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if cmd_name in _SUBCOMMANDS and cmd_name not in self.commands:
            module_name, summary = _SUBCOMMANDS[cmd_name]
            if self._listing:  # ``luoshi --help`` lists it: its line, without the import
                return click.Command(cmd_name, help=summary)
            module = importlib.import_module(module_name)
            self.add_command(typer.main.get_command(module.app), cmd_name)
        return super().get_command(ctx, cmd_name)

    def format_help(self, ctx: Any, formatter: Any) -> None:
        self._listing = True
        try:
            super().format_help(ctx, formatter)
        finally:
            self._listing = False

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except LuoshiError as error:
            _show_error(error)
            raise typer.Exit(error.exit_code) from None
        except OSError as error:  # the output side: a folder not writable, a disk full
            where = f"{error.filename}: " if error.filename else ""
            _stderr.print(
                f"错误 error: 无法读写文件 / cannot read or write {where}{error.strerror}", markup=False
            )
            raise typer.Exit(1) from None


app = typer.Typer(
    name="luoshi",
    cls=_Handled,
    help="落实 luoshi: 从政府工作报告中抽取量化目标和任务 / "
    "extract quantitative targets and tasks from government work reports (政府工作报告).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class Format(StrEnum):
    """Output formats, one per module in :mod:`luoshi.outputs`."""

    table = "table"
    jsonl = "jsonl"
    csv = "csv"
    xlsx = "xlsx"


def _choose_format(chosen: Format | None, output: Path | None, output_dir: Path | None) -> str:
    if output is not None and output_dir is not None:
        raise typer.BadParameter(
            "--output 与 --output-dir 只能选一个 / give one of --output and --output-dir"
        )
    if chosen is not None:
        name = chosen.value
    elif output is not None and output.suffix.lstrip(".") in FORMATS:
        name = output.suffix.lstrip(".")
    else:
        name = "jsonl" if output_dir is not None else "table"
    if name == "xlsx" and output is None and output_dir is None and sys.stdout.isatty():
        raise typer.BadParameter("xlsx 须写入文件 / xlsx needs --output FILE or --output-dir DIR")
    return name


def _known_level(level: str | None) -> str | None:
    if level is not None and level not in LEVELS:
        raise typer.BadParameter(f"须为 {'、'.join(LEVELS)} 之一 / must be one of {', '.join(LEVELS)}")
    return level


@app.command()
def extract(
    files: Annotated[
        list[Path],
        typer.Argument(
            metavar="FILE",
            help="报告文件 / report files: .txt (any encoding), .docx, .pdf, .html",
            show_default=False,
        ),
    ],
    format: Annotated[
        Format | None,
        typer.Option(
            "--format",
            "-f",
            help="输出格式 / output format; default: from --output's suffix, jsonl with --output-dir, else table",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="所有报告写入一个文件 / one file for all reports",
            dir_okay=False,
        ),
    ] = None,
    output_dir: Annotated[
        Path | None,
        typer.Option(
            "--output-dir",
            "-d",
            metavar="DIR",
            help="每个报告 NAME.ext 写为 DIR/NAME.<format> / one file per report",
        ),
    ] = None,
    tasks: Annotated[bool, typer.Option("--tasks", help="同时输出任务 / also output the tasks")] = False,
    year: Annotated[
        int | None,
        typer.Option(metavar="N", help="计划年份，原文未写明时 / the plan year, when the text does not say"),
    ] = None,
    place: Annotated[str | None, typer.Option(metavar="PLACE", help="地区 / the place, e.g. 绍兴市")] = None,
    level: Annotated[
        str | None,
        typer.Option(
            metavar="LEVEL", callback=_known_level, help="层级 / level: national, province, city or county"
        ),
    ] = None,
) -> None:
    """抽取量化目标（和任务）/ Extract the targets (and tasks) of each report.

    A file that cannot be read is reported on standard error and skipped; the others are still extracted, and the exit code is 1 at the end.
    """
    name = _choose_format(format, output, output_dir)
    write = FORMATS[name]
    stems = [path.stem for path in files]
    if output_dir is not None and len(set(stems)) < len(stems):
        raise typer.BadParameter(
            "输入文件重名 / two inputs have the same name; --output-dir needs them apart"
        )
    found: list[Found] = []
    failed = 0
    with file_progress(len(files), "抽取 extracting", _stderr) as advance:
        for path in files:
            try:
                report = read_report(path, place=place, level=level, year=year)
                item = Found(report, extract_targets(report))
            except LuoshiError as error:
                _show_error(error)
                failed += 1
            else:
                if output_dir is None:
                    found.append(item)
                else:
                    with opened_output(output_dir / f"{path.stem}{SUFFIXES[name]}") as out:
                        write([item], out, tasks=tasks)
            advance()
    if output_dir is None and found:
        with opened_output(output) as out:
            write(found, out, tasks=tasks)
    if failed:
        raise typer.Exit(1)


@app.command("eval")
def eval_(
    gold_dir: Annotated[
        Path,
        typer.Argument(
            metavar="GOLD_DIR",
            help="金标准目录：NAME.txt 与 NAME.gold.jsonl / folder of NAME.txt + NAME.gold.jsonl",
        ),
    ],
    errors: Annotated[
        bool, typer.Option("--errors", help="列出每个漏检与误检及其句子 / list every miss and false hit")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="输出 JSON / print JSON")] = False,
    predictions: Annotated[
        Path | None,
        typer.Option(
            metavar="DIR",
            help="评测此目录中已有的 NAME.jsonl，而不是重新抽取 / score the NAME.jsonl in this folder instead of extracting",
        ),
    ] = None,
) -> None:
    """评测抽取结果 / Score extraction against gold files: precision, recall, F1.

    Counts as gold/GUIDELINES.md section 7 says, with the same figures as shared/tools/score_targets.py.
    """
    evaluation = evaluate(gold_dir) if predictions is None else score_predictions(gold_dir, predictions)
    if as_json:
        typer.echo(json.dumps(evaluation.to_dict(errors=errors), ensure_ascii=False))
        return
    Console(highlight=False, width=None if sys.stdout.isatty() else _PIPE_WIDTH).print(
        scores_table(evaluation)
    )
    if errors:
        for line in error_lines(evaluation):
            typer.echo(line)


@app.command()
def demo() -> None:
    """演示：抽取内置的绍兴报告节选 / Extract the bundled example, an excerpt of a Shaoxing report."""
    text = resources.files("luoshi").joinpath("examples", f"{DEMO_REPORT}.txt").read_text(encoding="utf-8")
    report = report_from_text(text, name=DEMO_REPORT, place="绍兴市", level="city", year=2023)
    FORMATS["table"]([Found(report, extract_targets(report))], sys.stdout.buffer, tasks=True)


def main() -> None:
    """The ``luoshi`` console script."""
    app()
