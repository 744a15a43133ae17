"""Benchmark (基准): corpus extraction on 1 and 2 processes, and accountability over the corpus.

    python benchmarks/bench_corpus.py [CORPUS_DIR] [--repeat N]

Runs ``luoshi corpus extract`` (the library call behind it, :func:`luoshi.corpus.extract_corpus`:
read, extract targets, tasks and actuals, link each to the catalogue, stack the tables)
over every report in the corpus (default ``../shared/corpus``) with ``--jobs 1`` and
``--jobs 2``, best of ``--repeat`` runs each, and prints reports per second and the speedup
(goal: close to 2x on 2 cores; the pool's start-up and the parent's table stacking are the
serial part). Writing the tables is left out of the timing. Each run also shows the CPU
seconds spent in this process (the serial part: the pool, unpickling the rows, stacking the
tables) and in the workers, and the load average before it. Then runs ``luoshi corpus
accountability`` (:func:`luoshi.corpus.account_corpus`) and prints the number of
consecutive-year report pairs, the target-actual pairs found (targets judged met or
missed), and the shares judged met, missed and silent, over all targets and over those
linked to a catalogue entry.

Other processes on the machine slow the two-process run more than the one-process run:
run it on a quiet machine.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from luoshi.corpus import account_corpus, extract_corpus

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
GOAL_SPEEDUP = 1.8


@dataclass
class _Run:
    dataset: Any
    cpu_parent: float
    cpu_workers: float
    load: float


def _timed(folder: Path, jobs: int) -> _Run:
    """One run, with the CPU seconds of this process and of its (finished) worker processes."""
    load = os.getloadavg()[0]
    parent, children = time.process_time(), resource.getrusage(resource.RUSAGE_CHILDREN)
    dataset = extract_corpus(folder, jobs=jobs)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    workers = (after.ru_utime + after.ru_stime) - (children.ru_utime + children.ru_stime)
    return _Run(dataset, time.process_time() - parent, workers, load)


def _best(folder: Path, jobs: int, repeat: int) -> _Run:
    runs = [_timed(folder, jobs) for _ in range(repeat)]
    return min(runs, key=lambda run: run.dataset.seconds)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=SHARED / "corpus")
    parser.add_argument("--repeat", type=int, default=3, help="runs per job count; the best is kept")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"corpus        {args.corpus} ({cores} cores available)")
    extract_corpus(args.corpus, jobs=1)  # warm the file cache and the catalogue
    one = _best(args.corpus, 1, args.repeat)
    two = _best(args.corpus, 2, args.repeat)
    for timed in (one, two):
        run = timed.dataset
        print(
            f"jobs {run.jobs}        {run.files} reports in {run.seconds:.2f} s: "
            f"{run.reports_per_second:.1f} reports/s ({len(run.failures)} failed); CPU s: "
            f"this process {timed.cpu_parent:.2f}, workers {timed.cpu_workers:.2f}; load before {timed.load:.2f}"
        )
    speedup = one.dataset.seconds / two.dataset.seconds
    verdict = "ok" if speedup >= GOAL_SPEEDUP else f"below the goal of {GOAL_SPEEDUP}x"
    print(f"speedup       {speedup:.2f}x with 2 processes ({verdict})")
    rows = {name: len(table) for name, table in two.dataset.tables.items()}
    print(
        f"rows          {rows['targets']} targets, {rows['tasks']} tasks, {rows['actuals']} actuals, "
        f"{rows['failures']} failures"
    )

    accounts = account_corpus(args.corpus, jobs=2)
    s = accounts.summary
    table = accounts.table
    linked = table[table["catalogue"].notna()]
    print(
        f"report pairs  {len(accounts.pairs)} consecutive-year pairs of one place ({accounts.seconds:.2f} s)"
    )
    print(f"judged        {s.total} targets of year N against year N+1's review")
    print(f"found         {s.met + s.missed} target-actual pairs (judged met or missed)")
    print(
        f"all targets   met {s.share('met'):.1%} · missed {s.share('missed'):.1%} · silent {s.share('silent'):.1%}"
    )
    shares = linked["verdict"].value_counts(normalize=True)
    print(
        f"catalogue     {len(linked)} targets linked to the catalogue: met {shares.get('met', 0):.1%} · "
        f"missed {shares.get('missed', 0):.1%} · silent {shares.get('silent', 0):.1%}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
