"""Benchmark (基准): how fast luoshi reads and extracts the corpus, against one regex pass.

    python benchmarks/bench_extract.py [CORPUS_DIR] [--gold GOLD_DIR]

Runs on one core. Reads and extracts every ``*.txt`` in the corpus (default
``../shared/corpus``), then, over the same texts, runs a single-pass regex baseline that
finds number-unit pairs and nothing else. Prints characters per second for both and their
ratio, the targets found, peak memory (the process's maximum resident set, and the peak of
Python allocations under tracemalloc in a second, untimed pass), and precision, recall and
F1 on the gold files (default ``../shared/gold``), so that a change made for speed shows
at once whether it cost accuracy.

Goal: >= 1,000,000 characters a second, < 300 MB peak, F1 unchanged.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import sys
import time
import tracemalloc
from pathlib import Path

from luoshi import extract, read_report
from luoshi.evaluation import evaluate

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
GOAL_CHARS_PER_SECOND = 1_000_000
GOAL_PEAK_MB = 300
#: The baseline: one compiled regex, one pass, number + magnitude + unit + comparator word.
BASELINE = re.compile(r"[\d.]+(?:万|亿)?(?:%|个|家|人|亿元|万元|公里|吨)(?:以上|左右)?")


def _one_core() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def _extract_all(paths: list[Path]) -> tuple[list[str], int, float, float]:
    """Texts, targets found, seconds reading + extracting, seconds extracting alone."""
    texts, targets, extracting = [], 0, 0.0
    started = time.perf_counter()
    for path in paths:
        report = read_report(path)
        begun = time.perf_counter()
        targets += len(extract(report).targets)
        extracting += time.perf_counter() - begun
        texts.append(report.text)
    return texts, targets, time.perf_counter() - started, extracting


def _baseline(texts: list[str]) -> tuple[int, float]:
    started = time.perf_counter()
    found = sum(1 for text in texts for _ in BASELINE.finditer(text))
    return found, time.perf_counter() - started


def _peak_traced(paths: list[Path]) -> float:
    tracemalloc.start()
    for path in paths:
        extract(read_report(path))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def _max_rss_mb() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / 2**20 if sys.platform == "darwin" else rss / 2**10


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=SHARED / "corpus")
    parser.add_argument("--gold", type=Path, default=SHARED / "gold")
    args = parser.parse_args(argv)
    paths = sorted(args.corpus.glob("*.txt"))
    if not paths:
        print(f"no *.txt in {args.corpus}", file=sys.stderr)
        return 1
    _one_core()

    texts, targets, total_s, extract_s = _extract_all(paths)
    chars = sum(len(text) for text in texts)
    rss = _max_rss_mb()
    found, baseline_s = _baseline(texts)
    traced = _peak_traced(paths)
    speed, extract_speed, baseline_speed = chars / total_s, chars / extract_s, chars / baseline_s

    print(f"corpus        {len(paths)} reports, {chars:,} characters ({args.corpus})")
    print(
        f"luoshi        {speed:,.0f} chars/s read + extract ({total_s:.2f} s); {extract_speed:,.0f} chars/s extract alone"
    )
    print(f"targets       {targets:,} found")
    print(
        f"baseline      {baseline_speed:,.0f} chars/s, one regex pass ({baseline_s:.3f} s), {found:,} number-unit pairs"
    )
    print(f"ratio         the regex pass is {baseline_speed / speed:,.1f}x faster than read + extract")
    print(f"memory        peak RSS {rss:,.0f} MB; peak traced Python allocations {traced:,.1f} MB")
    if args.gold.is_dir():
        e = evaluate(args.gold)
        print(
            f"gold          precision {e.precision:.3f}  recall {e.recall:.3f}  F1 {e.f1:.3f}  ({args.gold})"
        )
    speed_ok = "met" if speed >= GOAL_CHARS_PER_SECOND else "NOT met"
    memory_ok = "met" if rss < GOAL_PEAK_MB else "NOT met"
    print(
        f"goal          >= {GOAL_CHARS_PER_SECOND:,} chars/s: {speed_ok}; < {GOAL_PEAK_MB} MB peak: {memory_ok}; "
        "F1 unchanged: compare with the last run"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
