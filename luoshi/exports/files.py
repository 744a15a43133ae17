"""Where a multi-file export goes (导出位置): a zip archive or a folder.

csv, parquet and dta hold one table per file. When the output path ends in ``.zip`` the
files go into one zip archive (what to mail or attach); otherwise the path is a folder,
created when missing, with one file per table (what a script reads).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

__all__ = ["table_files"]

#: Writes one table's file: (name inside the archive or folder, the bytes writer).
Put = Callable[[str, Callable[[BinaryIO], None]], None]


@contextmanager
def table_files(out: Path | str | BinaryIO) -> Iterator[Put]:
    """A ``put(name, write)`` for each table: into a zip (a binary file or a ``.zip`` path) or a folder."""
    if not isinstance(out, str | Path) or str(out).lower().endswith(".zip"):
        with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:

            def into_zip(name: str, write: Callable[[BinaryIO], None]) -> None:
                buffer = io.BytesIO()
                write(buffer)
                archive.writestr(name, buffer.getvalue())

            yield into_zip
        return
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)

    def into_folder(name: str, write: Callable[[BinaryIO], None]) -> None:
        with (folder / name).open("wb") as handle:
            write(handle)

    yield into_folder
