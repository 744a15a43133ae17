"""JSON lines (jsonl) output: one target a line with exactly the Target field names.

Offsets are into the text as read and decoded, so ``shared/tools/score_targets.py`` and
``luoshi eval --predictions`` can score the file. With ``tasks`` the tasks follow the targets,
one a line with the Task field names (a task has ``verb``, a target ``comparator``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import BinaryIO

from luoshi.outputs.model import Found

__all__ = ["write"]


def write(found: Sequence[Found], out: BinaryIO, *, tasks: bool = False) -> None:
    """Write every target (then every task) of every report, in report order."""
    for _, extraction in found:
        rows = [t.to_dict() for t in extraction.targets]
        if tasks:
            rows += [t.to_dict() for t in extraction.tasks]
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False).encode("utf-8") + b"\n")
