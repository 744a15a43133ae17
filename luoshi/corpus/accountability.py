"""Accountability over a whole corpus (全库问责): every place's consecutive years, met/missed/silent.

::

    from luoshi.corpus import account_corpus

    result = account_corpus("../shared/corpus", jobs=2)
    result.table          # one row per target of year N: place, level, year, verdict, both sentences …
    result.summary        # met, missed, silent and their shares over all pairs
    result.pairs          # one row per pair: place, years, reports, and its counts

The reports are read and extracted in worker processes (:mod:`luoshi.corpus.parallel`);
pairs come from :func:`luoshi.corpus.pairs.pair_consecutive`; each pair is judged by
:func:`luoshi.accountability.hold_to_account`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import Any

from luoshi.accountability import JUDGEMENT_FIELDS, Summary, hold_to_account, summarize
from luoshi.accountability.model import Judgement
from luoshi.corpus.extract import _warm
from luoshi.corpus.files import file_name, report_files, report_name
from luoshi.corpus.pairs import pair_consecutive, place_key
from luoshi.corpus.parallel import default_jobs, run
from luoshi.errors import LuoshiError
from luoshi.extraction.model import Actual, Target

__all__ = ["CorpusAccounts", "account_corpus", "PAIR_COLUMNS", "ROW_COLUMNS", "read_for_accounts"]

#: Columns of ``CorpusAccounts.table``: the pair, the judgement's (JUDGEMENT_FIELDS), then the
#: target's value and the actual (in the target's unit) as exact decimal text. The numbers
#: are exact decimal text in the DataFrame and in csv, float64 in parquet and dta.
ROW_COLUMNS = ("place", "place_key", "level", *JUDGEMENT_FIELDS, "value_exact", "actual_exact")
#: Columns of ``CorpusAccounts.pairs``.
PAIR_COLUMNS = (
    "place",
    "place_key",
    "level",
    "year",
    "earlier",
    "later",
    "targets",
    "met",
    "missed",
    "silent",
)


@dataclass(slots=True)
class _Read:
    """One report as a corpus accountability run needs it (picklable, sent back from a worker)."""

    name: str
    file: str
    place: str | None
    level: str | None
    year: int | None
    text: str = ""
    targets: list[Target] = field(default_factory=list)
    actuals: list[Actual] = field(default_factory=list)
    failure: str = ""

    @property
    def source(self) -> str:
        return self.file


@dataclass(slots=True)
class CorpusAccounts:
    """The judgements of every pair (``table``), one row per pair (``pairs``), the ``summary``,
    the reports left unpaired with why (``unpaired``: file, reason) and failed files (``failures``)."""

    table: Any
    pairs: Any
    summary: Summary
    unpaired: list[tuple[str, str]]
    failures: list[tuple[str, str]]
    seconds: float


def account_corpus(
    folder: str | Path,
    *,
    jobs: int | None = None,
    progress: Callable[[int], None] | None = None,
    total: Callable[[int], None] | None = None,
    recursive: bool = False,
) -> CorpusAccounts:
    """Judge every target of every report that has next year's report of the same place in
    ``folder`` (and its subfolders with ``recursive``)."""
    import pandas as pd

    started = time.perf_counter()
    paths = report_files(folder, recursive=recursive)
    if total is not None:
        total(len(paths))
    read = run(
        partial(read_for_accounts, folder=folder),
        paths,
        jobs=jobs or default_jobs(),
        progress=progress,
        on_crash=partial(_crashed, folder=folder),
        warm=_warm,
    )
    failures = [(r.file, r.failure) for r in read if r.failure]
    pairing = pair_consecutive([r for r in read if not r.failure])
    rows: list[dict[str, Any]] = []
    pair_rows: list[tuple[Any, ...]] = []
    everything: list[Judgement] = []
    for earlier, later in pairing.pairs:
        judgements = _judge(earlier, later)
        everything.extend(judgements)
        key = place_key(earlier.name, earlier.place)
        place = earlier.place or later.place or key
        level = earlier.level or later.level
        for judgement in judgements:
            row = {k: _exact(v) for k, v in judgement.to_row().items()}
            rows.append(
                {
                    "place": place,
                    "place_key": key,
                    "level": level,
                    **row,
                    "value_exact": row["value"],
                    "actual_exact": row["actual_in_target_unit"],
                }
            )
        counts = summarize(judgements)
        pair_rows.append(
            (
                place,
                key,
                level,
                earlier.year,
                earlier.name,
                later.name,
                counts.total,
                counts.met,
                counts.missed,
                counts.silent,
            )
        )
    table = pd.DataFrame.from_records(rows, columns=list(ROW_COLUMNS))
    return CorpusAccounts(
        table=table,
        pairs=pd.DataFrame.from_records(pair_rows, columns=list(PAIR_COLUMNS)),
        summary=summarize(everything),
        unpaired=[(r.file, why) for r, why in pairing.unpaired],
        failures=failures,
        seconds=time.perf_counter() - started,
    )


def read_for_accounts(path: Path, folder: str | Path | None = None) -> _Read:
    """Read and extract one report for accountability (named by its path under ``folder``);
    never raises (a failure is recorded)."""
    try:
        from luoshi.extraction import extract
        from luoshi.reading import read_report

        report = read_report(path, name=report_name(path, folder))
        extraction = extract(report, actuals=True)
    except LuoshiError as error:
        return _Read(
            report_name(path, folder),
            file_name(path, folder),
            None,
            None,
            None,
            failure=f"{type(error).__name__}: {error.message}",
        )
    except Exception as error:  # one report's bug must not stop a run over thousands of them
        failure = f"{type(error).__name__}: {error!r}"
        return _Read(report_name(path, folder), file_name(path, folder), None, None, None, failure=failure)
    return _Read(
        report.name,
        file_name(path, folder),
        report.place,
        report.level,
        report.year,
        report.text,
        extraction.targets,
        extraction.actuals,
    )


def _judge(earlier: _Read, later: _Read) -> list[Judgement]:
    return hold_to_account(earlier, later, targets=earlier.targets, actuals=later.actuals)


def _exact(value: Any) -> Any:
    """A Decimal as exact text (1300000000000, 5.5); anything else as it is."""
    return format(value.normalize(), "f") if isinstance(value, Decimal) else value


def _crashed(path: Path, reason: str, folder: str | Path | None = None) -> _Read:
    return _Read(
        report_name(path, folder), file_name(path, folder), None, None, None, failure=f"WorkerCrash: {reason}"
    )
