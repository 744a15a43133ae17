"""Extract a whole folder of reports into a dataset (批量抽取): reports, targets, tasks, actuals.

::

    from luoshi.corpus import extract_corpus, write_dataset

    dataset = extract_corpus("../shared/corpus", jobs=2)
    print(dataset.reports_per_second, len(dataset.failures))
    write_dataset(dataset, "dataset", format="parquet")

Each report is read and extracted (targets, tasks and the actuals of its review parts) in
a worker process (:mod:`luoshi.corpus.parallel`); the worker returns plain rows, so that the
parent only stacks them into pandas tables (:mod:`luoshi.corpus.tables` lists the columns).
A report that cannot be read or extracted becomes a row of ``failures`` with its reason, and
the run goes on.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import Any

from luoshi.corpus.files import file_name, report_files, report_name
from luoshi.corpus.parallel import default_jobs, fewer_collections, run
from luoshi.corpus.tables import COLUMNS, TABLES
from luoshi.errors import LuoshiError

__all__ = ["Dataset", "extract_corpus", "extract_file", "FileRows"]

Row = tuple[Any, ...]


@dataclass(slots=True)
class FileRows:
    """What one report gives: rows for each table, or one failure row."""

    file: str
    rows: dict[str, list[Row]] = field(default_factory=dict)


@dataclass(slots=True)
class Dataset:
    """The tables of a corpus run as pandas DataFrames (``reports``, ``targets``, ``tasks``,
    ``actuals``, ``failures``), with how long the extraction took."""

    tables: dict[str, Any]
    seconds: float
    jobs: int

    @property
    def reports(self) -> Any:
        return self.tables["reports"]

    @property
    def failures(self) -> Any:
        return self.tables["failures"]

    @property
    def files(self) -> int:
        """How many files were tried (read or failed)."""
        return len(self.tables["reports"]) + len(self.tables["failures"])

    @property
    def reports_per_second(self) -> float:
        return self.files / self.seconds if self.seconds > 0 else 0.0


def extract_corpus(
    folder: str | Path,
    *,
    jobs: int | None = None,
    progress: Callable[[int], None] | None = None,
    total: Callable[[int], None] | None = None,
    recursive: bool = False,
) -> Dataset:
    """Extract every report in ``folder`` (and its subfolders with ``recursive``) with ``jobs``
    processes (default: every core).

    ``total(n)`` is called once with the number of files found, ``progress(k)`` as each ``k``
    more are done. Raises :class:`~luoshi.errors.InputNotFound` when ``folder`` is not a folder.
    """
    import pandas as pd

    paths = report_files(folder, recursive=recursive)
    if total is not None:
        total(len(paths))
    jobs = jobs or default_jobs()
    started = time.perf_counter()
    with fewer_collections():
        function = partial(extract_file, folder=folder)
        crashed = partial(_crashed, folder=folder)
        results = run(function, paths, jobs=jobs, progress=progress, on_crash=crashed, warm=_warm)
        rows: dict[str, list[Row]] = {name: [] for name in TABLES}
        for result in results:
            for name, found in result.rows.items():
                rows[name].extend(found)
        tables = {name: _frame(pd, rows[name], COLUMNS[name]) for name in TABLES}
    seconds = time.perf_counter() - started
    return Dataset(tables=tables, seconds=seconds, jobs=jobs)


def _frame(pd: Any, rows: list[Row], columns: tuple[str, ...]) -> Any:
    """A DataFrame of object columns, built column by column (several times faster than by rows)."""
    values = list(zip(*rows, strict=True)) if rows else [() for _ in columns]
    return pd.DataFrame(
        {name: pd.Series(column, dtype=object) for name, column in zip(columns, values, strict=True)}
    )


def extract_file(path: Path, folder: str | Path | None = None) -> FileRows:
    """The rows of one report file (named by its path under ``folder``); never raises: a
    failure is a ``failures`` row."""
    started = time.perf_counter()
    try:
        from luoshi.extraction import extract
        from luoshi.reading import read_report

        report = read_report(path, name=report_name(path, folder))
        extraction = extract(report, actuals=True)
        rows = _rows(report, extraction, file_name(path, folder), time.perf_counter() - started)
        return FileRows(str(path), rows)
    except LuoshiError as error:
        return _failed(path, type(error).__name__, error.message, error.hint, folder)
    except Exception as error:  # one report's bug must not stop a run over thousands of them
        return _failed(path, type(error).__name__, f"内部错误 / internal error: {error!r}", "", folder)


def _rows(report: Any, extraction: Any, file: str, seconds: float) -> dict[str, list[Row]]:
    from luoshi.catalog import default_catalog

    catalog = default_catalog()
    head = (report.name, report.place, report.level, report.year)

    def linked(item: Any) -> str | None:
        found = catalog.match(item.indicator, item.unit, item.comparator) if item.indicator else None
        return None if found is None else found.entry.id

    targets = [
        (
            *head,
            t.section,
            t.indicator,
            linked(t),
            t.comparator,
            *_values(t.value, t.value_max),
            t.unit,
            t.modality,
            t.year,
            t.kind,
            t.text,
            t.start,
            t.end,
        )
        for t in extraction.targets
    ]
    tasks = [(*head, t.section, t.kind, t.verb, t.lead, t.text, t.start, t.end) for t in extraction.tasks]
    actuals = [
        (
            *head,
            a.year,
            a.years,
            a.section,
            a.indicator,
            linked(a),
            a.comparator,
            *_values(a.value, a.value_max),
            a.unit,
            a.kind,
            a.text,
            a.start,
            a.end,
        )
        for a in extraction.actuals
    ]
    summary = (
        *head,
        file,
        report.format,
        report.encoding,
        len(report.text),
        len(targets),
        len(tasks),
        len(actuals),
        round(seconds, 4),
    )
    return {"reports": [summary], "targets": targets, "tasks": tasks, "actuals": actuals}


def _values(value: Decimal, value_max: Decimal | None) -> tuple[str, str | None, str, str | None]:
    """value, value_max, value_exact, value_max_exact: exact text all four (the writer makes floats)."""
    exact = _exact(value)
    top = None if value_max is None else _exact(value_max)
    return exact, top, exact, top


def _exact(value: Decimal) -> str:
    return format(value.normalize(), "f")


def _failed(path: Path, error: str, message: str, hint: str, folder: str | Path | None = None) -> FileRows:
    return FileRows(str(path), {"failures": [(file_name(path, folder), error, message, hint)]})


def _crashed(path: Path, reason: str, folder: str | Path | None = None) -> FileRows:
    return _failed(
        path, "WorkerCrash", f"处理进程异常退出 / {reason}", "单独重试此文件 / try this file alone", folder
    )


def _warm() -> None:
    """Load what the workers use before they fork: the extraction stage and the catalogue."""
    import luoshi.extraction.actuals  # noqa: F401
    import luoshi.extraction.targets  # noqa: F401
    import luoshi.extraction.tasks  # noqa: F401
    from luoshi.catalog import default_catalog

    default_catalog()
