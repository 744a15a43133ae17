"""The reason for a status (评价说明), in Chinese and English, written from the status's fields.

Reasons are rendered on demand (``Status.reason_zh``, ``Status.reason_en``) so grading stays
cheap; they name the figures a 督查通报 would quote: 累计完成, 完成目标的X%, 序时进度, 落后X个百分点.
"""

from __future__ import annotations

from decimal import Decimal

from luoshi.tracking.model import Status

__all__ = ["reason", "format_number"]

_PERCENT = ("%", "个百分点", "‰")
_ZH_COMPARATOR = {
    ">=": "不低于",
    ">": "高于",
    "<=": "不高于",
    "<": "低于",
    "≈": "",
    "=": "",
    "range": "不低于",
}
_EN_COMPARATOR = {
    ">=": "at least ",
    ">": "above ",
    "<=": "at most ",
    "<": "below ",
    "≈": "about ",
    "=": "",
    "range": "at least ",
}


def format_number(value: Decimal | float | None, lang: str = "zh") -> str:
    """1.32万 / 14万 / 80亿 in Chinese, 13,200 / 140,000 in English; at most two decimals."""
    if value is None:
        return "—"
    number = float(value)
    if lang == "zh" and abs(number) >= 10_000:
        for size, word in ((1e8, "亿"), (1e4, "万")):
            if abs(number) >= size:
                return f"{_plain(number / size)}{word}"
    if lang == "en" and abs(number) >= 10_000:
        return f"{number:,.0f}" if number == int(number) else f"{number:,.2f}"
    return _plain(number)


def _plain(number: float) -> str:
    text = f"{number:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _share(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def reason(status: Status, lang: str = "zh") -> str:
    """Why a status has its grade, in ``zh`` or ``en``."""
    zh = lang == "zh"
    unit = status.unit
    sep = "" if zh or not unit else " "

    def n(value: Decimal | float | None) -> str:
        return format_number(value, lang)

    actual = f"{n(status.actual)}{sep}{unit}"
    target = f"{n(status.target)}{sep}{unit}"
    rule = status.rule
    gap = status.gap
    if rule == "not_started":
        return f"计划期自{status.deadline}开始。" if zh else f"The plan period starts on {status.deadline}."
    if rule == "nothing_due":
        if zh:
            return f"尚无报送数据，首个报送期限为{status.deadline}。"
        return f"No report yet; the first is due by {status.deadline}."
    if rule == "no_baseline":
        if zh:
            return "增速目标报送的是水平值，但缺少上年基数，无法计算增速。"
        return "A growth target reported as levels, but last year's baseline is missing."
    if rule == "unreported":
        text = (
            f"{status.missing_period}期应于{status.deadline}前报送，截至{status.as_of}未报送"
            if zh
            else f"The {status.missing_period} report was due by {status.deadline} and is missing on {status.as_of}"
        )
        if status.actual is not None:
            text += (
                f"；最近一次为{status.period}：{actual}"
                if zh
                else f"; last reported {status.period}: {actual}"
            )
        return text + "。" if zh else text + "."
    if rule.startswith("milestone"):
        text = (
            f"阶段：{status.stage}（完成{n(status.actual)}%）"
            if zh
            else f"Stage {status.stage} ({n(status.actual)}% done)"
        )
        if rule == "milestone.overdue":
            text += "，已过计划完成时间" if zh else ", past its planned date"
        elif rule == "milestone.late_start":
            text += "，已过计划开工时间仍未启动" if zh else ", not started after its planned start"
        return text + ("。" if zh else ".")
    if rule.startswith(("flow", "share", "rate.level")):
        return _progress(status, actual, target, zh)
    return _bound(status, actual, target, zh, gap)


def _progress(status: Status, actual: str, target: str, zh: bool) -> str:
    rule = status.rule
    if rule == "flow.breached":
        return (
            f"累计{actual}，已超过上限{target}。"
            if zh
            else f"{actual} to date, beyond the ceiling of {target}."
        )
    if rule.endswith(".done"):
        if zh:
            return f"截至{status.period}为{actual}，已达到目标{target}（{_share(status.completion)}）。"
        return f"{actual} by {status.period}: the target of {target} is met ({_share(status.completion)})."
    gap = status.gap or 0.0
    lead = ("超前" if gap > 0 else "落后") if zh else ("ahead" if gap > 0 else "behind")
    projection = format_number(status.projection, "zh" if zh else "en")
    unit = status.unit
    if zh:
        return (
            f"截至{status.period}为{actual}，完成目标{target}的{_share(status.completion)}；"
            f"序时进度{_share(status.expected)}，{lead}{abs(gap):.1f}个百分点；预计全年{projection}{unit}。"
        )
    return (
        f"{actual} by {status.period}, {_share(status.completion)} of the target {target}; "
        f"time elapsed {_share(status.expected)}, {abs(gap):.1f} points {lead}; "
        f"year-end projection {projection}{' ' + unit if unit else ''}."
    )


def _bound(status: Status, actual: str, target: str, zh: bool, gap: float | None) -> str:
    comparator = status.comparator
    word = (_ZH_COMPARATOR if zh else _EN_COMPARATOR).get(comparator, "")
    band = comparator == "≈"
    goal = (f"{target}左右" if band else f"{word}{target}") if zh else f"{word}{target}"
    if status.rule.startswith("level.seasonal"):
        goal += "（按季节折算）" if zh else " (scaled to the season)"
    text = (
        f"截至{status.period}为{actual}，目标{goal}" if zh else f"{actual} by {status.period}, target {goal}"
    )
    if gap is not None and abs(gap) > 1e-9:
        points = status.kind == "rate" or status.unit in _PERCENT
        size = f"{abs(gap):.2f}".rstrip("0").rstrip(".")
        if zh:
            text += f"，{'优于' if gap > 0 else '差于'}{'界限' if not band else '区间'}{size}{'个百分点' if points else '%'}"
        else:
            text += f", {size}{' points' if points else '%'} {'better' if gap > 0 else 'worse'} than the {'band' if band else 'bound'}"
    if status.grade == "已完成":
        text += "，全年已达标" if zh else "; met for the year"
    return text + ("。" if zh else ".")
