"""JSON output of ``luoshi accountability``: ``{"title", "summary", "judgements": [row, …]}``.

Each row has the ``JUDGEMENT_FIELDS`` names; numbers are JSON numbers without rounding
noise (5.5, 1300000000000), absent ones null.
"""

from __future__ import annotations

import json as _json
from collections.abc import Sequence
from decimal import Decimal
from typing import Any, BinaryIO

from luoshi.accountability.model import Judgement, summarize

__all__ = ["write", "to_json"]


def to_json(judgements: Sequence[Judgement], *, title: str = "") -> dict[str, Any]:
    """The document ``write`` writes, as a dict."""
    return {
        "title": title,
        "summary": summarize(list(judgements)).to_dict(),
        "judgements": [{k: _plain(v) for k, v in j.to_row().items()} for j in judgements],
    }


def write(judgements: Sequence[Judgement], out: BinaryIO, *, title: str = "") -> None:
    """One JSON document, UTF-8, Chinese unescaped."""
    out.write(_json.dumps(to_json(judgements, title=title), ensure_ascii=False, indent=1).encode("utf-8"))
    out.write(b"\n")


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value
