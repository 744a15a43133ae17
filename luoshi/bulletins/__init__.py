"""Bulletins (督查通报): the document a supervision office sends on how a plan's targets stand.

::

    from luoshi.bulletins import bulletin_data, render_bulletin
    from luoshi.store import open_store

    data = bulletin_data(open_store("luoshi.db"), "绍兴市2023年政府工作报告", period="2023-Q2")
    render_bulletin(data, "通报.docx")              # the format from the suffix
    render_bulletin(data, "通报.pdf")               # the same document through LibreOffice
    data.counts(), data.lagging(), data.late_units()

:func:`bulletin_data` is the one place that reads the store; everything after it is pure:
:mod:`~luoshi.bulletins.wording` writes the words once (:class:`~luoshi.bulletins.outline.Written`),
:mod:`~luoshi.bulletins.charts` draws the charts, and each module of
:mod:`~luoshi.bulletins.formats` lays them out as docx, pdf, xlsx, md or html. docs/bulletins.md
describes the document and the rules behind it.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from luoshi.bulletins.formats import FORMATS, format_for, renderer
from luoshi.bulletins.load import bulletin_data, bulletin_window
from luoshi.bulletins.model import (
    GOOD_GRADES,
    LAGGING_GRADES,
    BulletinData,
    BulletinRow,
    LatestValue,
    OutputError,
    UnitCompletion,
)

__all__ = [
    "FORMATS",
    "GOOD_GRADES",
    "LAGGING_GRADES",
    "BulletinData",
    "BulletinRow",
    "LatestValue",
    "OutputError",
    "UnitCompletion",
    "bulletin_data",
    "bulletin_window",
    "format_for",
    "render_bulletin",
]


def render_bulletin(data: BulletinData, out: Path | str | BinaryIO, format: str | None = None) -> str:
    """Write ``data``'s bulletin to ``out`` in ``format`` (default: from the file's suffix,
    else docx); the format used."""
    name = format_for(out if isinstance(out, str | Path) else None, format)
    renderer(name)(data, out)
    return name
