"""The same bulletin, the same bytes (可复现): Office files written without the moment they
were written.

A DOCX or XLSX file is a zip whose entries carry the time they were zipped, so two renderings
of one bulletin differ although every part is the same. :func:`reproducible` rewrites the zip
with every entry dated at the bulletin's own date (its as-of day, 09:00), in the same order
and compression, and the file's "last modified" property (which openpyxl sets to the moment
of saving) at the same date, so that a bulletin made again from the same data is byte for byte
the one sent before (its sha256 can be quoted). It also drops the parts named in ``drop``
(the thumbnail python-docx's default template carries, which shows its own sample page in file
browsers) with their relationships.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

__all__ = ["reproducible", "save_reproducible"]

_RELATIONSHIP = r'<Relationship\b[^>]*\bTarget="/?{target}"[^>]*/>'
_MODIFIED = re.compile(rb"(<dcterms:modified\b[^>]*>)[^<]*(</dcterms:modified>)")


def reproducible(data: bytes, when: datetime, *, drop: tuple[str, ...] = ()) -> bytes:
    """``data`` (an Office zip) with every entry dated ``when`` and the parts ``drop`` left out."""
    stamp = (when.year, when.month, when.day, when.hour, when.minute, when.second)
    moment = when.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for entry in source.infolist():
            if entry.filename in drop:
                continue
            body = source.read(entry)
            if entry.filename.endswith(".rels"):
                for part in drop:
                    body = re.sub(_RELATIONSHIP.format(target=re.escape(part)).encode(), b"", body)
            elif entry.filename == "docProps/core.xml":
                body = _MODIFIED.sub(rb"\g<1>" + moment + rb"\g<2>", body)
            info = zipfile.ZipInfo(entry.filename, date_time=stamp)
            info.compress_type = entry.compress_type
            info.create_system, info.external_attr = 0, 0  # as Office writes them, on any system
            target.writestr(info, body)
    return out.getvalue()


def save_reproducible(
    write: object, out: Path | str | BinaryIO, when: datetime, *, drop: tuple[str, ...] = ()
) -> None:
    """Call ``write(buffer)`` (a document's or workbook's ``save``), then write its reproducible
    bytes to ``out`` (a path or a binary file)."""
    buffer = io.BytesIO()
    write(buffer)  # type: ignore[operator]
    data = reproducible(buffer.getvalue(), when, drop=drop)
    if isinstance(out, str | Path):
        Path(out).write_bytes(data)
    else:
        out.write(data)
