"""What every output format (输出格式) takes: the reports read and what was extracted from them.

Each format is one module in :mod:`luoshi.outputs` with one function,
``write(found, out, *, tasks=False)``, that writes a sequence of :class:`Found` to a binary
stream: a file opened ``"wb"`` or the standard output's buffer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields
from typing import BinaryIO, NamedTuple, Protocol

from luoshi.extraction.model import Extraction, Target, Task
from luoshi.reading.report import Report

__all__ = ["Found", "Writer", "TARGET_FIELDS", "TASK_FIELDS"]

#: The field names of a Target, in order: the columns of jsonl and csv output.
TARGET_FIELDS = tuple(f.name for f in fields(Target))
#: The field names of a Task, in order.
TASK_FIELDS = tuple(f.name for f in fields(Task))


class Found(NamedTuple):
    """One report and the targets and tasks extracted from it."""

    report: Report
    extraction: Extraction


class Writer(Protocol):
    """The signature every output format has."""

    def __call__(self, found: Sequence[Found], out: BinaryIO, *, tasks: bool = False) -> None: ...
