"""``luoshi corpus``: a folder of reports into a dataset (批量抽取), and every place held to account.

``luoshi corpus extract DIR -o dataset/`` and ``luoshi corpus accountability DIR -o FILE``:
a thin shell over :func:`luoshi.corpus.extract_corpus`, :func:`luoshi.corpus.write_dataset`
and :func:`luoshi.corpus.account_corpus`, with a Rich progress bar on standard error and
the figures (reports per second; met, missed and silent) at the end. A report that fails
is shown on standard error and listed in the ``failures`` table; the run goes on, and the
exit code is 1 at the end.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from luoshi.accountability import VERDICT_WORDS, VERDICTS
from luoshi.corpus import account_corpus, default_jobs, extract_corpus, write_dataset
from luoshi.corpus.formats import write_table

__all__ = ["app"]

app = typer.Typer(
    name="corpus",
    help="语料库：批量抽取与问责 / many reports: a dataset, and every place held to account.",
    no_args_is_help=True,
    add_completion=False,
)

_stderr = Console(stderr=True, highlight=False, soft_wrap=True)


@app.callback()
def corpus() -> None:
    """语料库：批量抽取与问责 / many reports: a dataset, and every place held to account."""


class DatasetFormat(StrEnum):
    """Dataset formats of ``luoshi corpus extract``."""

    parquet = "parquet"
    csv = "csv"
    dta = "dta"


Jobs = Annotated[
    int | None,
    typer.Option(
        "--jobs", "-j", min=1, metavar="N", help="并行进程数 / worker processes; default: every core"
    ),
]
Folder = Annotated[
    Path,
    typer.Argument(
        metavar="DIR", help="报告目录 / a folder of reports (.txt, .docx, .pdf, .html)", show_default=False
    ),
]
Recursive = Annotated[
    bool,
    typer.Option(
        "--recursive",
        "-r",
        help="包括子目录；报告名带子目录 / include subfolders (report names keep the subfolder)",
    ),
]


@app.command()
def extract(
    folder: Folder,
    output: Annotated[
        Path,
        typer.Option(
            "--output", "-o", metavar="DIR", help="数据集目录 / the dataset folder", file_okay=False
        ),
    ] = Path("dataset"),
    format: Annotated[
        DatasetFormat, typer.Option("--format", "-f", help="数据格式 / dataset format")
    ] = DatasetFormat.parquet,
    jobs: Jobs = None,
    recursive: Recursive = False,
) -> None:
    """批量抽取为数据集 / Extract every report in DIR into tables: reports, targets, tasks, actuals, failures.

    Reports run in parallel across processes. Each row keeps its report's place, level and year and the words it came from (text, start, end). Values are exact: value_exact holds the decimal as text; value is float64 in parquet and dta, the exact decimal in csv.
    """
    jobs = jobs or default_jobs()
    with _progress("抽取 extracting") as (total, advance):
        dataset = extract_corpus(folder, jobs=jobs, total=total, progress=advance, recursive=recursive)
    for row in dataset.failures.itertuples(index=False):
        _show_failure(row.file, row.message, row.hint)
    written = write_dataset(dataset, output, format=format.value)
    read = len(dataset.reports)
    typer.echo(
        f"{read} 份报告 reports, {len(dataset.failures)} 失败 failed · "
        f"{len(dataset.tables['targets'])} 目标 targets, {len(dataset.tables['tasks'])} 任务 tasks, "
        f"{len(dataset.tables['actuals'])} 实绩 actuals"
    )
    typer.echo(
        f"{dataset.seconds:.2f} s, {jobs} 进程 jobs: {dataset.reports_per_second:.1f} 份/秒 reports per second"
    )
    typer.echo(f"→ {output}/ ({', '.join(p.name for p in written)})")
    if len(dataset.failures):
        raise typer.Exit(1)


class AccountsFormat(StrEnum):
    """Formats of the table ``luoshi corpus accountability`` writes."""

    csv = "csv"
    parquet = "parquet"
    dta = "dta"


@app.command("accountability")
def accountability(
    folder: Folder,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="写出全部判定 / write every judgement (.csv, .parquet, .dta); FILE.pairs.<ext> gets one row per pair",
            dir_okay=False,
        ),
    ] = None,
    format: Annotated[
        AccountsFormat | None,
        typer.Option(
            "--format", "-f", help="表格格式 / table format; default: from --output's suffix, else csv"
        ),
    ] = None,
    jobs: Jobs = None,
    recursive: Recursive = False,
) -> None:
    """全库问责 / Pair consecutive years of each place in DIR and judge every target: met, missed or silent.

    A place is the file name's slug (YEAR_place_level) or else the place the text names; the year is the one the text states. Prints one line per pair and the summary; with --output, writes every judgement with both sentences.
    """
    with _progress("读取 reading") as (total, advance):
        accounts = account_corpus(
            folder, jobs=jobs or default_jobs(), total=total, progress=advance, recursive=recursive
        )
    for file, reason in accounts.failures:
        _show_failure(file, reason, "")
    console = Console(highlight=False, width=None if sys.stdout.isatty() else 120)
    console.print(_pairs_table(accounts.pairs))
    for line in _summary_lines(accounts):
        typer.echo(line)
    if output is not None:
        name = format.value if format is not None else _suffix_format(output)
        output.parent.mkdir(parents=True, exist_ok=True)
        write_table(accounts.table, output, format=name)
        pairs = output.with_name(f"{output.stem}.pairs.{name}")
        write_table(accounts.pairs, pairs, format=name)
        typer.echo(f"→ {output}, {pairs}")
    if accounts.failures:
        raise typer.Exit(1)


def _suffix_format(output: Path) -> str:
    suffix = output.suffix.lstrip(".").lower()
    return suffix if suffix in AccountsFormat.__members__ else "csv"


def _pairs_table(pairs: Any) -> Table:
    table = Table(title=f"相邻年份 {len(pairs)} 对 / consecutive-year pairs: {len(pairs)}")
    for header in (
        "地区\nplace",
        "年份\nyears",
        "目标\ntargets",
        "完成\nmet",
        "未完成\nmissed",
        "未提及\nsilent",
    ):
        table.add_column(header, justify="left" if header.startswith("地区") else "right")
    for row in pairs.itertuples(index=False):
        table.add_row(
            str(row.place),
            f"{row.year}→{row.year + 1}",
            str(row.targets),
            str(row.met),
            str(row.missed),
            str(row.silent),
        )
    return table


def _summary_lines(accounts: Any) -> list[str]:
    """The summary over all targets, and over those linked to a catalogue entry (the headline ones)."""
    lines = []
    everything = accounts.summary
    table = accounts.table
    linked = table[table["catalogue"].notna()] if len(table) else table
    for label, counts in (
        ("全部目标 all targets", everything.to_dict()),
        ("指标库目标 catalogue targets", _counts(linked)),
    ):
        parts = [f"{VERDICT_WORDS[v]} {v} {counts[v]} ({counts[f'{v}_share']:.1%})" for v in VERDICTS]
        lines.append(f"{label}: {counts['total']} · " + " · ".join(parts))
    found = everything.met + everything.missed
    lines.append(
        f"目标—实绩配对 target-actual pairs found: {found} "
        f"({len(accounts.pairs)} 对报告 report pairs, {accounts.seconds:.1f} s)"
    )
    if accounts.unpaired:
        lines.append(f"未配对 not paired (place or year unknown, duplicates): {len(accounts.unpaired)}")
    return lines


def _counts(table: Any) -> dict[str, Any]:
    total = len(table)
    counts: dict[str, Any] = {"total": total}
    for verdict in VERDICTS:
        n = int((table["verdict"] == verdict).sum()) if total else 0
        counts[verdict] = n
        counts[f"{verdict}_share"] = n / total if total else 0.0
    return counts


def _show_failure(file: str, message: str, hint: str) -> None:
    _stderr.print(f"错误 error: {file}: {message}", markup=False)
    if hint:
        _stderr.print(f"提示 hint: {hint}", markup=False)


@contextmanager
def _progress(label: str) -> Iterator[tuple[Callable[[int], None], Callable[[int], None]]]:
    """(total, advance) callbacks driving a progress bar on standard error when it is a terminal.

    The bar refreshes only when advanced (no refresh thread), so that the worker processes
    are never forked while another thread runs.
    """
    if not _stderr.is_terminal:
        yield (lambda n: None), (lambda n: None)
        return
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=_stderr, transient=True, auto_refresh=False) as bar:
        task = bar.add_task(label, total=None)

        def total(n: int) -> None:
            bar.update(task, total=n, refresh=True)

        def advance(n: int) -> None:
            bar.update(task, advance=n, refresh=True)

        yield total, advance
