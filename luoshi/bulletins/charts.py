"""The bulletin's charts (图表) as PNG images: targets per status class (图1) and each lead
unit's mean completion against 序时进度 (图2).

Drawn with matplotlib's object API (no pyplot, no global figure state) in a CJK face from
:func:`luoshi.bulletins.fonts.chart_font`; each :class:`Chart` records the face it was drawn
in, so a test can check that no character fell back to a font without Chinese glyphs.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from luoshi.bulletins.fonts import CjkFont, chart_font
from luoshi.bulletins.model import SHOWN_GRADES, BulletinData

__all__ = ["Chart", "GRADE_COLOURS", "draw_charts", "grade_chart", "unit_chart"]

#: Bar colour of each class: greens for the good ones, yellow, red, greys.
GRADE_COLOURS = {
    "已完成": "#1b7f3b",
    "超序时": "#3aa657",
    "符合序时": "#8cc97f",
    "滞后": "#f2b705",
    "严重滞后": "#d7263d",
    "未报送": "#7f7f7f",
    "无法评价": "#c8c8c8",
}
_DPI = 200
_DRAWING = threading.Lock()
_CM = 1 / 2.54


@dataclass(frozen=True, slots=True)
class Chart:
    """One chart: its key (``grades``, ``units``), caption (图1 …), PNG bytes, the texts drawn
    on it and the face they were drawn in."""

    key: str
    caption: str
    png: bytes
    font: CjkFont
    texts: tuple[str, ...] = ()
    width_cm: float = 15.0


def draw_charts(data: BulletinData) -> list[Chart]:
    """The charts a bulletin shows: 图1 always, 图2 when some lead unit's target has a completion."""
    charts = [grade_chart(data)]
    units = unit_chart(data)
    if units is not None:
        charts.append(units)
    return charts


def grade_chart(data: BulletinData) -> Chart:
    """图1: a bar per status class, its count written above it."""
    counts = data.counts()
    grades = [g for g in counts if g in SHOWN_GRADES or counts[g]]
    values = [counts[g] for g in grades]
    font = chart_font()
    with _style(font):
        figure, axes = _figure(16 * _CM, 8 * _CM)
        bars = axes.bar(grades, values, color=[GRADE_COLOURS[g] for g in grades], width=0.6)
        labels = [f"{v}项" for v in values]
        for bar, label in zip(bars, labels, strict=True):
            axes.annotate(
                label,
                (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                ha="center",
                va="bottom",
                fontsize=9,
                xytext=(0, 2),
                textcoords="offset points",
            )
        axes.set_ylabel("目标数（项）", fontsize=9)
        axes.set_ylim(0, max(values + [1]) * 1.2)
        axes.yaxis.get_major_locator().set_params(integer=True)
        axes.tick_params(labelsize=9)
        png = _png(figure)
    texts = (*grades, *labels, "目标数（项）")
    return Chart("grades", "图1 量化目标分类推进情况", png, font, texts)


def unit_chart(data: BulletinData) -> Chart | None:
    """图2: each lead unit's mean completion as a bar, its mean 序时进度 as a tick; None if none."""
    units = data.unit_completion()
    if not units:
        return None
    font = chart_font()
    height = min(9.0, 1.3 + 0.3 * len(units))
    with _style(font):
        figure, axes = _figure(16 * _CM, height)
        names = [u.unit for u in reversed(units)]
        done = [u.completion * 100 for u in reversed(units)]
        expected = [None if u.expected is None else u.expected * 100 for u in reversed(units)]
        colours = [_unit_colour(d, e) for d, e in zip(done, expected, strict=True)]
        size = 9 if len(units) <= 20 else 7
        axes.barh(names, done, color=colours, height=0.6, label="平均完成率")
        marks = [(e, i) for i, e in enumerate(expected) if e is not None]
        if marks:
            axes.scatter(
                [e for e, _ in marks],
                [i for _, i in marks],
                marker="|",
                s=180,
                color="#222222",
                label="平均序时进度",
            )
        for index, value in enumerate(done):
            axes.annotate(
                f"{value:.1f}%",
                (value, index),
                xytext=(3, 0),
                textcoords="offset points",
                va="center",
                fontsize=size,
            )
        axes.set_xlim(0, 118)
        axes.set_xlabel("完成率（%）", fontsize=9)
        axes.tick_params(labelsize=size)
        axes.legend(fontsize=8, loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=2, frameon=False)
        png = _png(figure)
    texts = (*names, "平均完成率", "平均序时进度", "完成率（%）")
    return Chart("units", "图2 各牵头单位量化目标平均完成率", png, font, texts)


def _unit_colour(done: float, expected: float | None) -> str:
    if expected is None or done >= expected:
        return GRADE_COLOURS["超序时"]
    if done >= expected - 10:
        return GRADE_COLOURS["滞后"]
    return GRADE_COLOURS["严重滞后"]


@contextmanager
def _style(font: CjkFont) -> Iterator[None]:
    """matplotlib settings while one chart is made: its CJK face for every text, ASCII minus.

    rc_context changes matplotlib's global settings, so charts are made one at a time (a web
    server may render bulletins from several threads)."""
    from matplotlib import rc_context

    with _DRAWING, rc_context({"font.family": [font.name], "axes.unicode_minus": False}):
        yield


def _figure(width: float, height: float) -> tuple[Any, Any]:
    """A white figure with one axes and no top or right spine, laid out to fit its labels."""
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height), dpi=_DPI, layout="constrained", facecolor="white")
    axes = figure.add_subplot()
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    return figure, axes


def _png(figure: Any) -> bytes:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    buffer = io.BytesIO()
    FigureCanvasAgg(figure).print_png(buffer, metadata={"Software": None})
    return buffer.getvalue()
