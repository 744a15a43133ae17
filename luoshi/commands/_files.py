"""What the file-reading commands share (extract, air): a progress bar over input files and
an output that is a file or the standard output. Light to import: no database, no numpy."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from rich.console import Console
from rich.progress import Progress

__all__ = ["file_progress", "opened_output"]


@contextmanager
def file_progress(total: int, label: str, console: Console) -> Iterator[Callable[[], None]]:
    """A progress bar on ``console`` when it is a terminal and there is more than one file;
    yields the function to call after each file."""
    if total < 2 or not console.is_terminal:
        yield lambda: None
        return
    with Progress(console=console, transient=True) as bar:
        task = bar.add_task(label, total=total)
        yield lambda: bar.advance(task)


@contextmanager
def opened_output(path: Path | None) -> Iterator[BinaryIO]:
    """``path`` opened for writing (its folder made), or the standard output when it is None."""
    if path is None:
        sys.stdout.flush()
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as out:
        yield out
