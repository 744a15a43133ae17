"""Run one function over many report files across processes (并行), in chunks, with progress.

:func:`run` sends the files to a :class:`~concurrent.futures.ProcessPoolExecutor` in chunks
(largest files first, so that no worker is left with a big file at the end), and calls
``progress(n)`` in this process as each chunk of ``n`` files comes back. With ``jobs=1`` it
runs in this process, with no pool. The function must be a module-level function of one
path that never raises (it returns its failure as a result); if a worker process dies (out
of memory, killed), ``on_crash(path, reason)`` gives the result for each file it had.

The pool uses the platform's default start method (fork on Linux); the parent imports what
the workers need first (``warm``), so that forked workers start with it loaded. While it
runs, the cyclic garbage collector runs less often (extraction makes millions of small
objects and few cycles: a first-generation threshold of 50,000 instead of 700 saves about a
sixth of the time), and what the parent holds is frozen out of the collector's sight before
the workers fork (:func:`gc.freeze`); both are undone at the end.
"""

from __future__ import annotations

import gc
import math
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

__all__ = ["run", "default_jobs", "chunks_of", "fewer_collections"]

R = TypeVar("R")

#: At most this many files a chunk: small enough for a smooth progress bar and balance.
_MAX_CHUNK = 8
#: Aim for this many chunks per worker.
_CHUNKS_PER_JOB = 4
#: The first-generation collection threshold while running (Python's default is 700).
_GC_THRESHOLD = 50_000


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def chunks_of(paths: Sequence[Path], jobs: int) -> list[list[Path]]:
    """The files in chunks, largest files first."""
    ordered = sorted(paths, key=_size, reverse=True)
    size = max(1, min(_MAX_CHUNK, math.ceil(len(ordered) / (jobs * _CHUNKS_PER_JOB))))
    return [ordered[i : i + size] for i in range(0, len(ordered), size)]


def run(
    function: Callable[[Path], R],
    paths: Sequence[Path],
    *,
    jobs: int = 1,
    progress: Callable[[int], None] | None = None,
    on_crash: Callable[[Path, str], R],
    warm: Callable[[], object] | None = None,
) -> list[R]:
    """``function(path)`` for every path, in the order of ``paths``."""
    if warm is not None:
        warm()
    with fewer_collections():
        return _run(function, paths, jobs, progress or (lambda n: None), on_crash)


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Run the cyclic garbage collector less often inside, with what exists now frozen out of its sight."""
    thresholds = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(_GC_THRESHOLD, *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()


def _run(
    function: Callable[[Path], R],
    paths: Sequence[Path],
    jobs: int,
    advance: Callable[[int], None],
    on_crash: Callable[[Path, str], R],
) -> list[R]:
    if jobs <= 1 or len(paths) <= 1:
        results = []
        for path in paths:
            results.append(function(path))
            advance(1)
        return results
    by_path: dict[Path, R] = {}
    crashed: list[Path] = []
    chunks = chunks_of(paths, jobs)
    with ProcessPoolExecutor(max_workers=min(jobs, len(chunks))) as pool:
        futures = {pool.submit(_run_chunk, function, chunk): chunk for chunk in chunks}
        for future in as_completed(futures):
            chunk = futures[future]
            try:
                by_path.update(zip(chunk, future.result(), strict=True))
            except BrokenProcessPool:
                crashed.extend(chunk)
                continue
            advance(len(chunk))
    for path in crashed:  # a dead worker takes the pool with it: each file again, alone
        by_path[path] = _alone(function, path, on_crash)
        advance(1)
    return [by_path[path] for path in paths]


def _alone(function: Callable[[Path], R], path: Path, on_crash: Callable[[Path, str], R]) -> R:
    """``function(path)`` in a pool of its own, so that a file that kills its worker kills only itself."""
    with ProcessPoolExecutor(max_workers=1) as pool:
        try:
            return pool.submit(function, path).result()
        except BrokenProcessPool as error:
            return on_crash(path, f"the worker process died: {error}")


def _run_chunk(function: Callable[[Path], R], chunk: list[Path]) -> list[R]:
    return [function(path) for path in chunk]


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
