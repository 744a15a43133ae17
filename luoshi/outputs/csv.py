"""CSV output: the jsonl columns as a sheet, UTF-8 with a byte-order mark so Excel reads Chinese.

The columns are the Target field names. With ``tasks`` two columns, ``verb`` and ``lead``,
are added and each task follows the targets of its report: its ``kind`` is milestone or
action and the target-only columns (indicator … year) are empty.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import BinaryIO

from luoshi.outputs.model import TARGET_FIELDS, Found

__all__ = ["write"]

_TASK_ONLY = ("verb", "lead")


def write(found: Sequence[Found], out: BinaryIO, *, tasks: bool = False) -> None:
    """Write a header row and one row per target (and task) of every report."""
    columns = TARGET_FIELDS + _TASK_ONLY if tasks else TARGET_FIELDS
    text = io.TextIOWrapper(out, encoding="utf-8-sig", newline="", write_through=True)
    try:
        sheet = csv.DictWriter(text, fieldnames=columns, restval="", extrasaction="ignore")
        sheet.writeheader()
        for _, extraction in found:
            sheet.writerows(t.to_dict() for t in extraction.targets)
            if tasks:
                sheet.writerows(t.to_dict() for t in extraction.tasks)
    finally:
        text.flush()
        text.detach()
