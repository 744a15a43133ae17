"""Air results as tables for people and files (输出): Chinese-first headers, no computation.

- :func:`daily_frame` / :func:`write_daily`: one row per unit and day (CSV with a byte-order
  mark, so Excel reads the Chinese);
- :func:`annual_rows`, :func:`annual_json`, :func:`annual_tables` / :func:`write_annual`: the
  HJ 663 evaluation table of each unit, every figure with its validity, as rows (CSV), a JSON
  document or Rich tables.
"""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from decimal import Decimal
from typing import Any, BinaryIO

import numpy as np
import pandas as pd
from rich.console import Console
from rich.table import Table

from luoshi.environment.air.annual import AirEvaluation
from luoshi.environment.air.daily_aqi import DailyAqi
from luoshi.environment.air.pollutants import Indicator
from luoshi.environment.air.standards import CATEGORIES, AqiStandard

__all__ = [
    "ANNUAL_FORMATS",
    "annual_json",
    "annual_rows",
    "annual_tables",
    "daily_frame",
    "write_annual",
    "write_daily",
]

ANNUAL_FORMATS = ("table", "json", "csv")
_FILE_WIDTH = 150


def _unit_header(indicator: Indicator) -> str:
    return f"{indicator.pollutant.chinese} {indicator.short} ({indicator.pollutant.unit})"


def daily_frame(results: Sequence[DailyAqi]) -> pd.DataFrame:
    """One row per unit and day of each result (cities first, then sites, as given)."""
    frames = []
    for result in results:
        daily = result.daily
        n_units, n_days = len(daily.units), daily.n_days
        level = "城市 city" if daily.level == "city" else "点位 site"
        names = np.repeat(np.asarray(daily.units, dtype=object), n_days)
        frame = pd.DataFrame(
            {
                "级别 level": level,
                "名称 name": names,
                "日期 date": np.tile(daily.dates().astype(str), n_units),
            }
        )
        for indicator in result.indicators:
            raw = daily.values[indicator].reshape(-1)
            places = indicator.pollutant.places
            column = pd.Series(raw / 10**places if places else raw, dtype="float64" if places else "Int64")
            frame[_unit_header(indicator)] = column.where(raw >= 0)
        aqi = result.aqi.reshape(-1)
        frame["AQI"] = pd.Series(aqi, dtype="Int64").where(aqi >= 0)
        names_by_level = np.array([""] + [c.name for c in CATEGORIES], dtype=object)
        frame["类别 category"] = names_by_level[np.maximum(result.category.reshape(-1), 0)]
        table = np.array(
            ["、".join(i.short for i in result.primary_of(b)) for b in range(1 << len(result.indicators))],
            dtype=object,
        )
        frame["首要污染物 primary"] = table[result.primary.reshape(-1)]
        versions = np.array([s.value for s in AqiStandard], dtype=object)
        frame["标准 standard"] = np.tile(versions[result.standards], n_units)
        frames.append(frame)
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


def write_daily(results: Sequence[DailyAqi], out: BinaryIO) -> None:
    """Write :func:`daily_frame` as CSV (UTF-8 with a byte-order mark)."""
    text = io.TextIOWrapper(out, encoding="utf-8-sig", newline="", write_through=True)
    try:
        daily_frame(results).to_csv(text, index=False)
    finally:
        text.flush()
        text.detach()


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "达标" if value else "不达标"
    return str(value)


def annual_rows(evaluation: AirEvaluation) -> list[dict[str, str]]:
    """The evaluation as flat rows: each figure, each pollutant's 达标, the good days and the
    composite index, with unit, limit, 达标, 超标倍数, day count and validity."""
    head = {"名称 unit": evaluation.unit, "时段 period": f"{evaluation.start}—{evaluation.end}"}
    rows = []
    for f in evaluation.figures.values():
        rows.append(
            head
            | {
                "项目 item": f.name,
                "数值 value": _text(f.value),
                "单位 unit": f.unit,
                "标准限值 limit": _text(f.limit),
                "达标 meets": _text(f.meets),
                "超标倍数 exceedance": _text(f.exceedance),
                "有效天数 days": str(f.validity.days),
                "有效性 validity": f.validity.describe(),
            }
        )
    for p, r in evaluation.pollutants.items():
        rows.append(
            head
            | {
                "项目 item": f"{p.value} 日达标率",
                "数值 value": _text(r.daily_rate),
                "单位 unit": "%",
                "达标 meets": "无效 invalid" if r.meets is None else _text(r.meets),
                "有效天数 days": str(r.valid_days),
                "有效性 validity": f"超标天数 days over {r.days_over}",
            }
        )
    g = evaluation.good_days
    common = {"有效天数 days": str(g.valid), "有效性 validity": g.validity.describe()}
    rows.append(head | {"项目 item": "优良天数", "数值 value": str(g.good), "单位 unit": "天"} | common)
    rows.append(head | {"项目 item": "优良天数比例", "数值 value": _text(g.ratio), "单位 unit": "%"} | common)
    for category, count in zip(CATEGORIES, g.by_category, strict=True):
        rows.append(
            head | {"项目 item": f"{category.name}天数", "数值 value": str(count), "单位 unit": "天"} | common
        )
    for indicator, count in g.primary_days.items():
        rows.append(
            head
            | {"项目 item": f"首要污染物 {indicator.short} 天数", "数值 value": str(count), "单位 unit": "天"}
        )
    c = evaluation.composite
    rows.append(head | {"项目 item": f"综合指数 ({c.variant})", "数值 value": _text(c.value)})
    rows.append(head | {"项目 item": "综合达标 all six meet", "数值 value": _text(evaluation.meets_all)})
    return rows


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    return value


def annual_json(evaluation: AirEvaluation) -> dict[str, Any]:
    """The evaluation as a JSON-ready document (numbers as decimal strings)."""
    g, c, p = evaluation.good_days, evaluation.composite, evaluation.provenance
    return {
        "unit": evaluation.unit,
        "level": evaluation.level,
        "start": evaluation.start.isoformat(),
        "end": evaluation.end.isoformat(),
        "figures": {
            f.key: {
                "name": f.name,
                "value": _plain(f.value),
                "unit": f.unit,
                "limit": _plain(f.limit),
                "meets": f.meets,
                "exceedance": _plain(f.exceedance),
                "days": f.validity.days,
                "valid": f.validity.valid,
                "validity": f.validity.describe(),
            }
            for f in evaluation.figures.values()
        },
        "pollutants": {
            k.value: {
                "meets": r.meets,
                "daily_rate": _plain(r.daily_rate),
                "days_over": r.days_over,
                "valid_days": r.valid_days,
            }
            for k, r in evaluation.pollutants.items()
        },
        "meets_all": evaluation.meets_all,
        "good_days": {
            "good": g.good,
            "valid": g.valid,
            "ratio": _plain(g.ratio),
            "by_category": {cat.name: n for cat, n in zip(CATEGORIES, g.by_category, strict=True)},
            "primary_days": {i.value: n for i, n in g.primary_days.items()},
            "validity": g.validity.describe(),
        },
        "composite_index": {
            "variant": c.variant,
            "value": _plain(c.value),
            "max": _plain(c.maximum),
            "parts": {k.value: _plain(v) for k, v in c.parts.items()},
        },
        "provenance": {
            "standards": list(p.standards),
            "sites": list(p.sites),
            "days": p.days,
            "sources": list(p.sources),
            "notes": list(p.notes),
        },
    }


def annual_tables(evaluation: AirEvaluation) -> list[Table]:
    """Rich tables: the figures, each pollutant's 达标, and the good days with the index."""
    p = evaluation.provenance
    title = (
        f"{evaluation.unit} {evaluation.start}—{evaluation.end} 环境空气质量评价 "
        f"({'; '.join(p.standards)}; {len(p.sites)} 个点位 sites)"
    )
    figures = Table(title=title)
    for name, justify in (
        ("项目\nitem", "left"),
        ("数值\nvalue", "right"),
        ("单位\nunit", "left"),
        ("标准限值\nlimit", "right"),
        ("达标\nmeets", "center"),
        ("超标倍数\nexceedance", "right"),
        ("有效性\nvalidity", "left"),
    ):
        figures.add_column(name, justify=justify)  # type: ignore[arg-type]
    for f in evaluation.figures.values():
        figures.add_row(
            f.name,
            _text(f.value),
            f.unit,
            _text(f.limit),
            _text(f.meets),
            _text(f.exceedance),
            f.validity.describe(),
        )
    by_pollutant = Table(title="污染物达标情况 by pollutant")
    for name in (
        "污染物\npollutant",
        "年评价\nannual",
        "日达标率 %\ndaily rate",
        "超标天数\ndays over",
        "有效天数\nvalid days",
    ):
        by_pollutant.add_column(name)
    for pollutant, r in evaluation.pollutants.items():
        by_pollutant.add_row(
            f"{pollutant.chinese} {pollutant.value}",
            "无效 invalid" if r.meets is None else _text(r.meets),
            _text(r.daily_rate),
            str(r.days_over),
            str(r.valid_days),
        )
    g, c = evaluation.good_days, evaluation.composite
    summary = Table(title="优良天数与综合指数 good days and composite index")
    summary.add_column("项目\nitem")
    summary.add_column("数值\nvalue", justify="right")
    summary.add_column("说明\nnote")
    summary.add_row("有效天数 valid AQI days", str(g.valid), g.validity.describe())
    summary.add_row("优良天数 good days", str(g.good), "AQI ≤ 100")
    summary.add_row("优良天数比例 good-day ratio %", _text(g.ratio), "一位小数 one decimal")
    for category, count in zip(CATEGORIES, g.by_category, strict=True):
        summary.add_row(f"{category.name} ({category.grade})", str(count), "")
    primary = "、".join(f"{i.short} {n}" for i, n in g.primary_days.items())
    summary.add_row("首要污染物天数 primary days", "", primary)
    parts = "、".join(f"{k.value} {_text(v)}" for k, v in c.parts.items())
    summary.add_row(f"综合指数 composite ({c.variant})", _text(c.value), f"I_max {_text(c.maximum)}; {parts}")
    summary.add_row(
        "综合达标 all six meet", _text(evaluation.meets_all), "无效统计量计为不达标 (HJ 663 §6.2)"
    )
    notes = Table(title="来源与说明 provenance and notes", show_header=False)
    notes.add_column("")
    notes.add_row("点位 sites: " + ", ".join(p.sites))
    for note in p.notes:
        notes.add_row(note)
    return [figures, by_pollutant, summary, notes]


def write_annual(evaluations: Sequence[AirEvaluation], out: BinaryIO, format: str = "table") -> None:
    """Write the evaluations as ``table`` (Rich text), ``json`` or ``csv``."""
    if format not in ANNUAL_FORMATS:
        raise ValueError(f"format must be one of {ANNUAL_FORMATS}")
    encoding = "utf-8-sig" if format == "csv" else "utf-8"
    text = io.TextIOWrapper(
        out, encoding=encoding, newline="" if format == "csv" else None, write_through=True
    )
    try:
        if format == "json":
            document = [annual_json(e) for e in evaluations]
            json.dump(document[0] if len(document) == 1 else document, text, ensure_ascii=False, indent=2)
            text.write("\n")
        elif format == "csv":
            pd.DataFrame([row for e in evaluations for row in annual_rows(e)]).to_csv(text, index=False)
        else:
            width = None if out.isatty() else _FILE_WIDTH
            console = Console(file=text, width=width, highlight=False)
            for evaluation in evaluations:
                for table in annual_tables(evaluation):
                    console.print(table)
    finally:
        text.flush()
        text.detach()
