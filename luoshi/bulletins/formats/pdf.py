"""The bulletin as PDF: the DOCX, laid out by LibreOffice (headless), so both carry the same
words, tables and charts.

The DOCX is built with the fonts installed here (:func:`luoshi.bulletins.fonts.installed_fonts`:
the official faces when present, else Noto CJK), converted with ``soffice --headless
--convert-to pdf`` in a private, throw-away LibreOffice profile (so that conversions may run
side by side and never touch a user's own LibreOffice), and the PDF copied to ``out``.
``LUOSHI_SOFFICE`` names the program when it is not ``soffice`` or ``libreoffice`` on the
PATH. Without LibreOffice, :class:`OutputError` says what to install.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

from luoshi.bulletins.charts import Chart
from luoshi.bulletins.fonts import installed_fonts
from luoshi.bulletins.formats import docx
from luoshi.bulletins.model import BulletinData, OutputError

__all__ = ["write", "docx_to_pdf", "soffice", "ENV_SOFFICE"]

#: The environment variable naming the LibreOffice program.
ENV_SOFFICE = "LUOSHI_SOFFICE"
_TIMEOUT = 300


def soffice() -> str | None:
    """The LibreOffice program: ``$LUOSHI_SOFFICE``, else soffice or libreoffice on the PATH."""
    named = os.environ.get(ENV_SOFFICE)
    if named:
        return shutil.which(named) or (named if Path(named).is_file() else None)
    return shutil.which("soffice") or shutil.which("libreoffice")


def write(data: BulletinData, out: Path | str | BinaryIO, *, charts: Sequence[Chart] | None = None) -> None:
    """Write ``data``'s bulletin as PDF to ``out`` (a path or a binary file)."""
    fonts = installed_fonts()
    with tempfile.TemporaryDirectory(prefix="luoshi-pdf-") as folder:
        source = Path(folder) / "bulletin.docx"
        docx.write(data, source, fonts=fonts, charts=charts)
        made = docx_to_pdf(source, Path(folder))
        if isinstance(out, str | Path):
            shutil.copyfile(made, out)
        else:
            out.write(made.read_bytes())


def docx_to_pdf(source: Path, folder: Path, *, timeout: float = _TIMEOUT) -> Path:
    """Convert ``source`` to a PDF in ``folder`` with LibreOffice; the PDF's path."""
    program = soffice()
    if program is None:
        raise OutputError(
            "找不到 LibreOffice，无法生成 PDF / LibreOffice (soffice) is needed for PDF",
            hint=f"apt-get install libreoffice-writer-nogui，或用 {ENV_SOFFICE} 指明程序位置；也可先生成 docx",
        )
    profile = folder / "libreoffice-profile"
    command = [
        program,
        f"-env:UserInstallation={profile.resolve().as_uri()}",
        "--headless",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        "pdf:writer_pdf_Export",
        "--outdir",
        str(folder),
        str(source),
    ]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired as error:
        raise OutputError(
            f"LibreOffice 转换超时（{timeout:.0f} 秒）/ LibreOffice timed out", hint="重试，或先生成 docx"
        ) from error
    made = folder / f"{source.stem}.pdf"
    if not made.is_file():
        said = (done.stderr or done.stdout or "").strip().splitlines()[-3:]
        raise OutputError(
            f"LibreOffice 未能生成 PDF（退出码 {done.returncode}）/ LibreOffice made no PDF: {' '.join(said)}",
            hint="检查 LibreOffice 是否可用：soffice --headless --version",
        )
    return made
