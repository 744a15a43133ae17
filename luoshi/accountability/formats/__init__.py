"""Outputs of ``luoshi accountability`` (问责输出): each format in its own module behind one
signature, ``write(judgements, out, *, title)``.

``table`` (Rich, side by side: 目标 target · 实绩 actual · 判定 verdict · 置信度 confidence),
``json`` (the judgements and their summary), ``csv`` (one row per judgement, the
``JUDGEMENT_FIELDS`` columns) and ``xlsx`` (a sheet for a supervision office: 目标, 原文,
实绩, 原文, 判定, 依据, 置信度).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import BinaryIO

from luoshi.accountability.formats import csv, json, table, xlsx
from luoshi.accountability.model import Judgement

__all__ = ["FORMATS", "Writer"]

Writer = Callable[[Sequence[Judgement], BinaryIO], None]

#: Every output format by name: ``write(judgements, out, *, title="")``.
FORMATS = {"table": table.write, "json": json.write, "csv": csv.write, "xlsx": xlsx.write}
