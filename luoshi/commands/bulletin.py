"""``luoshi bulletin``: a plan's 督查通报 as docx, pdf, xlsx, md or html.

A thin shell over :func:`luoshi.bulletins.bulletin_data` and
:func:`luoshi.bulletins.render_bulletin`; errors are :class:`~luoshi.errors.LuoshiError`,
shown by the one handler in ``luoshi/cli.py``.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from luoshi.commands._shared import Db, Plan, store_at

__all__ = ["app", "bulletin", "BulletinFormat"]


class BulletinFormat(StrEnum):
    """Formats of ``luoshi bulletin``."""

    docx = "docx"
    pdf = "pdf"
    xlsx = "xlsx"
    md = "md"
    html = "html"


def bulletin(
    plan: Plan,
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="通报文件 / the bulletin file",
            dir_okay=False,
            show_default=False,
        ),
    ],
    as_of: Annotated[
        datetime | None,
        typer.Option(
            "--as-of",
            metavar="DATE",
            formats=["%Y-%m-%d"],
            help="评价日期 / the date (default: the day after --period's deadline, else today)",
            show_default=False,
        ),
    ] = None,
    period: Annotated[
        str | None,
        typer.Option(
            "--period",
            metavar="PERIOD",
            help="通报期 / the period covered: 2023-06, 2023-Q2, 2023-H1 (default: the latest due)",
            show_default=False,
        ),
    ] = None,
    format: Annotated[
        BulletinFormat | None,
        typer.Option("--format", "-f", help="格式 / format (default: from the file's suffix, else docx)"),
    ] = None,
    office: Annotated[
        str | None,
        typer.Option("--office", metavar="NAME", help="发文单位 / issuer (default: 地区+人民政府督查室)"),
    ] = None,
    number: Annotated[
        str | None,
        typer.Option("--number", metavar="TEXT", help="文号 / document number (default: 督查通报〔年〕X号)"),
    ] = None,
    db: Db = None,
) -> None:
    """督查通报 / Write a plan's bulletin: overall figures, counts per class, what is ahead, each lagging target with its lead unit and note, units that did not report on time, and an annex table of every target with its light.

    The PDF is the DOCX laid out by LibreOffice (soffice), which must be installed.
    """
    from luoshi.bulletins import bulletin_data, render_bulletin
    from luoshi.bulletins.numbers import cutoff_words

    with store_at(db) as store:
        data = bulletin_data(
            store,
            plan,
            as_of=as_of.date() if as_of else None,
            period=period,
            office=office or "",
            number=number or "",
        )
    output.parent.mkdir(parents=True, exist_ok=True)
    used = render_bulletin(data, output, format.value if format else None)
    counts = data.counts()
    summary = "、".join(f"{grade}{count}" for grade, count in counts.items() if count)
    typer.echo(
        f"已写出通报 {output}（{used}）：截至{cutoff_words(data.period_end)}，{len(data.rows)}项目标，{summary}；"
        f"未按时报送单位 {len(data.late_units())} 个 / wrote the {used} bulletin"
    )


#: A one-command app: ``luoshi bulletin PLAN`` (Typer makes a lone command the app itself).
app = typer.Typer(name="bulletin", add_completion=False)
app.command(name="bulletin")(bulletin)
