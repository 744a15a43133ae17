"""Running over many files across processes (luoshi.corpus.parallel): order, chunks, dead workers."""

from __future__ import annotations

import os
from pathlib import Path

from luoshi.corpus.parallel import chunks_of, run


def _length(path: Path) -> tuple[str, int]:
    if path.name.startswith("die"):
        os._exit(3)  # a worker killed mid-file (out of memory, a crash in a library)
    return path.name, path.stat().st_size


def _crashed(path: Path, reason: str) -> tuple[str, int]:
    return path.name, -1


def _files(folder: Path, names: list[str]) -> list[Path]:
    paths = []
    for i, name in enumerate(names):
        path = folder / name
        path.write_bytes(b"x" * (i + 1))
        paths.append(path)
    return paths


def test_results_come_back_in_order_in_and_across_processes(tmp_path: Path) -> None:
    paths = _files(tmp_path, [f"{i:02}.txt" for i in range(20)])
    done: list[int] = []
    expected = [(p.name, p.stat().st_size) for p in paths]
    assert run(_length, paths, jobs=1, on_crash=_crashed, progress=done.append) == expected
    assert sum(done) == 20
    done.clear()
    assert run(_length, paths, jobs=2, on_crash=_crashed, progress=done.append) == expected
    assert sum(done) == 20


def test_a_dead_worker_costs_only_its_file(tmp_path: Path) -> None:
    paths = _files(tmp_path, ["a.txt", "b.txt", "die.txt", "c.txt", "d.txt"])
    results = dict(run(_length, paths, jobs=2, on_crash=_crashed))
    assert results["die.txt"] == -1
    assert all(size > 0 for name, size in results.items() if name != "die.txt")


def test_chunks_take_the_largest_files_first(tmp_path: Path) -> None:
    paths = _files(tmp_path, [f"{i:02}.txt" for i in range(30)])
    chunks = chunks_of(paths, 2)
    assert chunks[0][0].name == "29.txt"
    assert sum(len(c) for c in chunks) == 30
    assert max(len(c) for c in chunks) <= 8
