"""CSV output of ``luoshi accountability``: one row per judgement, the ``JUDGEMENT_FIELDS`` columns.

UTF-8 with a byte-order mark so that Excel shows Chinese; values are the exact decimals
(5.5, 1300000000000), never a float's rounding noise.
"""

from __future__ import annotations

import csv as _csv
import io
from collections.abc import Sequence
from decimal import Decimal
from typing import BinaryIO

from luoshi.accountability.formats.words import plain
from luoshi.accountability.model import JUDGEMENT_FIELDS, Judgement

__all__ = ["write"]


def write(judgements: Sequence[Judgement], out: BinaryIO, *, title: str = "") -> None:
    """A header row and a row per judgement (``title`` is not written: a csv has no title row)."""
    text = io.TextIOWrapper(out, encoding="utf-8-sig", newline="", write_through=True)
    try:
        sheet = _csv.DictWriter(text, fieldnames=JUDGEMENT_FIELDS)
        sheet.writeheader()
        for judgement in judgements:
            row = judgement.to_row()
            sheet.writerow({k: plain(v) if isinstance(v, Decimal) else v for k, v in row.items()})
    finally:
        text.flush()
        text.detach()
