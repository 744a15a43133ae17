"""The bulletin as one self-contained HTML page: the same words, tables and charts as the
DOCX (charts embedded as PNG data URIs), styled to print on A4 like the document.

No template engine: every text goes through :func:`html.escape`. The 红头 head, the body,
the signature and the annex table with its coloured 灯 cells; the fonts are the official
faces first, then Noto CJK and the system's Chinese fonts.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence
from html import escape
from pathlib import Path
from typing import BinaryIO

from luoshi.bulletins.charts import Chart, draw_charts
from luoshi.bulletins.model import BulletinData
from luoshi.bulletins.outline import Figure, Heading, Paragraph, Table, Written
from luoshi.bulletins.wording import compose

__all__ = ["write", "render", "LIGHT_COLOURS"]

#: The annex's 灯 cell background for each light.
LIGHT_COLOURS = {"green": "#00b050", "yellow": "#ffc000", "red": "#ff0000"}
_STYLE = """
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
@page annex { size: A4 landscape; margin: 20mm; }
body { font-family: "仿宋_GB2312", "仿宋", FangSong, "Noto Serif CJK SC", "Source Han Serif SC", serif;
       font-size: 16pt; line-height: 28pt; max-width: 156mm; margin: 2em auto; color: #000; }
.masthead { color: #e60012; text-align: center; font-size: 30pt; line-height: 48pt;
            font-family: "方正小标宋简体", "Noto Serif CJK SC", serif; margin: 0; }
.number { text-align: center; margin: 6pt 0 0; padding-bottom: 6pt; border-bottom: 2.5pt solid #e60012; }
h1 { font-family: "方正小标宋简体", "Noto Serif CJK SC", serif; font-weight: normal; font-size: 22pt;
     line-height: 36pt; text-align: center; margin: 28pt 0 20pt; }
h2 { font-family: "黑体", SimHei, "Noto Sans CJK SC", sans-serif; font-weight: normal; font-size: 16pt;
     text-indent: 2em; margin: 0; }
h3 { font-family: "楷体_GB2312", "楷体", KaiTi, "Noto Serif CJK SC", serif; font-weight: normal;
     font-size: 16pt; text-indent: 2em; margin: 0; }
p { text-indent: 2em; margin: 0; text-align: justify; }
p.flush { text-indent: 0; }
p.sign { text-align: right; text-indent: 0; margin-right: 4em; }
table { border-collapse: collapse; margin: 0 auto; font-family: "宋体", SimSun, "Noto Serif CJK SC", serif;
        font-size: 10.5pt; line-height: 1.4; }
th, td { border: 0.5pt solid #000; padding: 2pt 4pt; text-align: center; vertical-align: middle; }
th { background: #d9e1f2; }
td.text { text-align: left; }
tr.section td { background: #f2f2f2; font-weight: bold; text-align: left; }
caption, figcaption { font-family: "黑体", SimHei, "Noto Sans CJK SC", sans-serif; font-size: 12pt;
                      text-align: center; padding: 4pt; }
figure { text-align: center; margin: 4pt 0 8pt; }
figure img { width: 150mm; max-width: 100%; }
td.light { font-weight: bold; }
section.annex { page: annex; break-before: page; max-width: none; }
section.annex h1 { font-size: 18pt; margin: 8pt 0; }
"""


def write(data: BulletinData, out: Path | str | BinaryIO, *, charts: Sequence[Chart] | None = None) -> None:
    """Write ``data``'s bulletin as a UTF-8 HTML page to ``out`` (a path or a binary file)."""
    text = render(data, charts=charts).encode("utf-8")
    if isinstance(out, str | Path):
        Path(out).write_bytes(text)
    else:
        out.write(text)


def render(data: BulletinData, *, charts: Sequence[Chart] | None = None) -> str:
    """The bulletin as an HTML page."""
    drawn = list(draw_charts(data) if charts is None else charts)
    written = compose(data, tuple(chart.key for chart in drawn))
    images = {chart.key: chart for chart in drawn}
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        f"<title>{escape(written.title)}</title><style>{_STYLE}</style></head><body>",
        f'<p class="masthead">{escape(written.issuer)}</p>',
        f'<p class="number flush">{escape(written.number)}</p>',
        f"<h1>{'<br>'.join(escape(line) for line in written.title_lines)}</h1>",
        f'<p class="flush">{escape(written.recipients)}</p>',
    ]
    for block in written.blocks:
        if isinstance(block, Heading):
            tag = "h2" if block.level == 1 else "h3"
            parts.append(f"<{tag}>{escape(block.text)}</{tag}>")
        elif isinstance(block, Paragraph):
            runs = "".join(f"<b>{escape(r.text)}</b>" if r.bold else escape(r.text) for r in block.runs)
            parts.append(f"<p>{runs}</p>")
        elif isinstance(block, Table):
            parts.append(_table(block))
        elif isinstance(block, Figure) and block.key in images:
            parts.append(_figure(images[block.key], block.caption))
    parts += [
        "<p>&nbsp;</p>",
        f'<p class="flush" style="margin-left:2em">{escape(written.attachment)}</p>',
        "<p>&nbsp;</p>",
        f'<p class="sign">{escape(written.issuer)}</p>',
        f'<p class="sign">{escape(written.date)}</p>',
        _annex(written),
        "</body></html>",
    ]
    return "\n".join(parts)


def _table(block: Table) -> str:
    head = "".join(f"<th>{escape(cell)}</th>" for cell in block.header)
    rows = "".join(
        "<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in block.rows
    )
    return f"<table><caption>{escape(block.caption)}</caption><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"


def _figure(chart: Chart, caption: str) -> str:
    data = base64.b64encode(chart.png).decode("ascii")
    return (
        f'<figure><img alt="{escape(caption)}" src="data:image/png;base64,{data}">'
        f"<figcaption>{escape(caption)}</figcaption></figure>"
    )


def _annex(written: Written) -> str:
    width = len(written.annex_header)
    rows = []
    for item in written.annex_rows:
        if item.section:
            rows.append(f'<tr class="section"><td colspan="{width}">{escape(item.section)}</td></tr>')
            continue
        cells = []
        for index, cell in enumerate(item.cells):
            if index == written.light_column and item.light in LIGHT_COLOURS:
                colour = "#000" if item.light == "yellow" else "#fff"
                style = f' class="light" style="background:{LIGHT_COLOURS[item.light]};color:{colour}"'
            else:
                style = ' class="text"' if index == 1 else ""
            cells.append(f"<td{style}>{escape(cell)}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    head = "".join(f"<th>{escape(cell)}</th>" for cell in written.annex_header)
    return (
        '<section class="annex"><p class="flush" style="font-family:黑体,\'Noto Sans CJK SC\',sans-serif">附件</p>'
        f"<h1>{escape(written.annex_title)}</h1>"
        f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></section>"
    )
