"""A written bulletin (通报正文) as a list of blocks, before any file format.

:func:`luoshi.bulletins.wording.compose` writes the words once; the docx, pdf, md and html
renderers lay the same blocks out, so every format says the same thing. Blocks are
headings (一、 level 1, （一） level 2), paragraphs of runs (some bold), tables, and figures
that name a chart by its key (:mod:`luoshi.bulletins.charts`).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Run", "Paragraph", "Heading", "Table", "Figure", "Block", "AnnexRow", "Written"]


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of text, bold or not."""

    text: str
    bold: bool = False


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A body paragraph (正文), first line indented by two characters."""

    runs: tuple[Run, ...]

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


@dataclass(frozen=True, slots=True)
class Heading:
    """一、总体情况 (level 1, 黑体) or （一）已完成的目标 (level 2, 楷体)."""

    text: str
    level: int = 1


@dataclass(frozen=True, slots=True)
class Table:
    """A small table in the body: a caption (表1 …) above, a header row, rows."""

    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True)
class Figure:
    """A chart, named by its key (``grades``, ``units``), with its caption (图1 …) below."""

    key: str
    caption: str


Block = Heading | Paragraph | Table | Figure


@dataclass(frozen=True, slots=True)
class AnnexRow:
    """One row of the annex table (附件): a section row (only ``section`` set) or a target's
    row, whose ``light`` (green, yellow, red, none) colours its 灯 cell."""

    section: str = ""
    cells: tuple[str, ...] = ()
    light: str = "none"


@dataclass(frozen=True, slots=True)
class Written:
    """The whole bulletin as words: head, body blocks, signature and the annex table."""

    title: str
    title_lines: tuple[str, ...]
    number: str
    recipients: str
    blocks: tuple[Block, ...]
    attachment: str
    issuer: str
    date: str
    annex_title: str
    annex_header: tuple[str, ...]
    annex_rows: tuple[AnnexRow, ...]
    light_column: int

    def section(self, heading: str) -> list[Block]:
        """The blocks under the level-1 heading ``heading``, up to the next one."""
        found: list[Block] = []
        inside = False
        for block in self.blocks:
            if isinstance(block, Heading) and block.level == 1:
                inside = block.text == heading
                continue
            if inside:
                found.append(block)
        return found

    def text(self) -> str:
        """Every word of the body, one block a line (for search and tests)."""
        lines = [self.title, self.number, self.recipients]
        for block in self.blocks:
            if isinstance(block, Table):
                lines.append(block.caption)
                lines += ["\t".join(row) for row in (block.header, *block.rows)]
            elif isinstance(block, Figure):
                lines.append(block.caption)
            else:
                lines.append(block.text)
        return "\n".join([*lines, self.attachment, self.issuer, self.date])
