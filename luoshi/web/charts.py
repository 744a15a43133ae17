"""Charts (进度图) as SVG, drawn on the server with matplotlib: no script, no network.

A target's chart shows its current value per reporting period against the 序时 line (for a
cumulative flow, the target × the elapsed share of the year at each period's end) and the
target line. Labels are Chinese when a CJK font is installed (Noto Sans CJK, WenQuanYi …);
otherwise they are drawn in English rather than as empty boxes, and nothing fails.
"""

from __future__ import annotations

import io
import threading
from datetime import date
from decimal import Decimal
from functools import lru_cache

from luoshi.tracking import parse_period

__all__ = ["target_chart", "cjk_font"]

_CJK = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Noto Sans SC",
    "SimHei",
    "Microsoft YaHei",
)
_LABELS = {
    "zh": {"actual": "实际", "expected": "序时", "target": "目标"},
    "en": {"actual": "actual", "expected": "expected (序时)", "target": "target"},
}
_LOCK = threading.Lock()  # matplotlib's font cache and text layout are not thread-safe


@lru_cache(maxsize=1)
def cjk_font() -> str | None:
    """The family name of an installed CJK sans face, or None."""
    from matplotlib import font_manager

    names = {font.name for font in font_manager.fontManager.ttflist}
    return next((name for name in _CJK if name in names), None)


def target_chart(
    points: list[tuple[str, Decimal]], target: Decimal | None, flow: bool, year: int, lang: str
) -> bytes:
    """An SVG chart of ``points`` ((period, value) in period order) against the target."""
    from matplotlib.backends.backend_svg import FigureCanvasSVG
    from matplotlib.figure import Figure

    font = cjk_font()
    labels = _LABELS["zh" if lang == "zh" and font else "en"]
    ends = [parse_period(period)[1] for period, _ in points]
    with _LOCK:
        figure = Figure(figsize=(6.4, 3.0))
        FigureCanvasSVG(figure)
        axes = figure.add_subplot()
        family = [font, "DejaVu Sans"] if font else ["DejaVu Sans"]
        if points:
            axes.plot(  # dates: matplotlib converts them, its type stubs do not say so
                ends,  # type: ignore[arg-type]
                [float(v) for _, v in points],
                marker="o",
                color="#1f5fa8",
                label=labels["actual"],
            )
        if target is not None:
            goal = float(target)
            axes.axhline(goal, color="#d7263d", linestyle="--", linewidth=1, label=labels["target"])
            if flow:
                days = [date(year, 1, 1), date(year, 12, 31)]
                axes.plot(days, [0, goal], color="#888888", linestyle=":", label=labels["expected"])  # type: ignore[arg-type]
        axes.set_xlim(date(year, 1, 1), date(year, 12, 31))  # type: ignore[arg-type]
        axes.grid(alpha=0.3)
        legend = axes.legend(loc="upper left", fontsize=8)
        for text in [*legend.get_texts(), *axes.get_xticklabels(), *axes.get_yticklabels()]:
            text.set_fontfamily(family)
        figure.autofmt_xdate()
        figure.tight_layout()
        out = io.StringIO()
        figure.savefig(out, format="svg")
    return out.getvalue().encode()
