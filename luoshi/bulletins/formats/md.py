"""The bulletin as Markdown: the same words and tables as the DOCX, for a wiki, an e-mail or
a diff between two months.

Headings are ``##`` (一、) and ``###`` (（一）); 表1 and the annex are pipe tables, the annex's
灯 column a coloured disc and its word (🟢 绿). A chart cannot live in plain text, so each
figure is given as its caption and the table of its data.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

from luoshi.bulletins.model import BulletinData
from luoshi.bulletins.numbers import share
from luoshi.bulletins.outline import Figure, Heading, Paragraph, Table, Written
from luoshi.bulletins.wording import compose

__all__ = ["write", "render", "LIGHT_MARKS"]

#: The annex's 灯 cell for each light.
LIGHT_MARKS = {"green": "🟢 绿", "yellow": "🟡 黄", "red": "🔴 红", "none": "—"}
_SPECIAL = str.maketrans({"|": "\\|", "*": "\\*", "_": "\\_", "`": "\\`", "<": "&lt;", ">": "&gt;"})


def write(data: BulletinData, out: Path | str | BinaryIO) -> None:
    """Write ``data``'s bulletin as UTF-8 Markdown to ``out`` (a path or a binary file)."""
    text = render(data).encode("utf-8")
    if isinstance(out, str | Path):
        Path(out).write_bytes(text)
    else:
        out.write(text)


def render(data: BulletinData) -> str:
    """The bulletin as Markdown text."""
    written = compose(data)
    lines = [
        f"**{_escape(written.issuer)}**",
        "",
        _escape(written.number),
        "",
        f"# {_escape(written.title)}",
        "",
        _escape(written.recipients),
        "",
    ]
    for block in written.blocks:
        if isinstance(block, Heading):
            lines += [f"{'##' if block.level == 1 else '###'} {_escape(block.text)}", ""]
        elif isinstance(block, Paragraph):
            lines += [_paragraph(block), ""]
        elif isinstance(block, Table):
            lines += [f"**{_escape(block.caption)}**", "", *_table(block.header, block.rows), ""]
        elif isinstance(block, Figure):
            lines += _figure(block, data)
    lines += [_escape(written.attachment), "", f"{_escape(written.issuer)}  ", _escape(written.date), ""]
    lines += _annex(written)
    return "\n".join(lines)


def _escape(text: str) -> str:
    return text.translate(_SPECIAL)


def _paragraph(block: Paragraph) -> str:
    return "".join(f"**{_escape(run.text)}**" if run.bold else _escape(run.text) for run in block.runs)


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(_escape(cell) for cell in cells) + " |"

    return [line(header), "|" + "---|" * len(header), *(line(row) for row in rows)]


def _figure(block: Figure, data: BulletinData) -> list[str]:
    if block.key == "grades":
        return [f"**{_escape(block.caption)}**（数据见表1）", ""]
    rows = [
        (unit.unit, str(unit.targets), share(unit.completion), share(unit.expected))
        for unit in data.unit_completion()
    ]
    table = _table(("牵头单位", "目标数（项）", "平均完成率", "平均序时进度"), rows)
    return [f"**{_escape(block.caption)}**", "", *table, ""]


def _annex(written: Written) -> list[str]:
    width = len(written.annex_header)
    lines = ["---", "", "附件", "", f"## {_escape(written.annex_title)}", ""]
    lines += ["| " + " | ".join(written.annex_header) + " |", "|" + "---|" * width]
    for item in written.annex_rows:
        if item.section:
            cells = [f"**{_escape(item.section)}**", *([""] * (width - 1))]
        else:
            cells = [_escape(cell) for cell in item.cells]
            cells[written.light_column] = LIGHT_MARKS.get(item.light, "—")
        lines.append("| " + " | ".join(cells) + " |")
    return [*lines, ""]
