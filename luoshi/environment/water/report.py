"""Water results as tables for people and files (输出): Chinese-first headers.

One row per section: 断面, 水体, 水质目标, 水质类别, 水质状况, 达标, 定类项目 (the items that set
the class), 主要污染指标, then each item's mean and class; a summary of 断面达标比例 and the
class shares follows in the table and JSON forms.
"""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from typing import Any, BinaryIO

import pandas as pd
from rich.console import Console
from rich.table import Table

from luoshi.environment.water.classify import SectionResult, WaterSummary
from luoshi.environment.water.items import CLASS_NAMES, ITEMS, STATUS

__all__ = ["FORMATS", "section_rows", "write_water"]

FORMATS = ("table", "json", "csv")
_NAMES = {i.key: i.name for i in ITEMS}


def _class(value: int | None) -> str:
    return "" if value is None else CLASS_NAMES[value]


def _meets(value: bool | None) -> str:
    return "" if value is None else ("达标" if value else "不达标")


def section_rows(results: Sequence[SectionResult]) -> list[dict[str, str]]:
    """One flat row per section, item means and classes included."""
    keys = [i.key for i in ITEMS if any(i.key in r.classes for r in results)]
    rows = []
    for r in results:
        row = {
            "断面 section": r.section,
            "水体 waterbody": "湖库" if r.lake else "河流",
            "水质目标 target": _class(r.target),
            "水质类别 class": _class(r.water_class),
            "水质状况 status": "" if r.water_class is None else STATUS[r.water_class],
            "达标 meets": _meets(r.meets),
            "定类项目 deciding": "、".join(_NAMES[k] for k in r.deciding),
            "主要污染指标 main pollutants": "、".join(_NAMES[k] for k in r.main_pollutants),
            "样品数 samples": str(r.samples),
        }
        for key in keys:
            row[f"{_NAMES[key]} {key}"] = "" if key not in r.means else str(r.means[key])
            row[f"{_NAMES[key]} 类别 class"] = _class(r.classes.get(key))
        rows.append(row)
    return rows


def _summary_json(summary: WaterSummary) -> dict[str, Any]:
    return {
        "sections": summary.sections,
        "with_target": summary.with_target,
        "meeting": summary.meeting,
        "meeting_ratio": None if summary.meeting_ratio is None else str(summary.meeting_ratio),
        "all_meet": summary.all_meet,
        "class_I_III_ratio": None if summary.good_ratio is None else str(summary.good_ratio),
        "worse_than_V_ratio": None if summary.worst_ratio is None else str(summary.worst_ratio),
        "by_class": {CLASS_NAMES[c]: n for c, n in summary.by_class.items()},
    }


def write_water(
    results: Sequence[SectionResult],
    summary: WaterSummary,
    out: BinaryIO,
    format: str = "table",
    *,
    ignored: Sequence[str] = (),
) -> None:
    """Write the sections and the summary as ``table``, ``json`` or ``csv`` (sections only)."""
    if format not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}")
    rows = section_rows(results)
    text = io.TextIOWrapper(
        out, encoding="utf-8-sig" if format == "csv" else "utf-8", newline="" if format == "csv" else None,
        write_through=True,
    )  # fmt: skip
    try:
        if format == "csv":
            pd.DataFrame(rows).to_csv(text, index=False)
        elif format == "json":
            document = {"sections": rows, "summary": _summary_json(summary), "ignored_columns": list(ignored)}
            json.dump(document, text, ensure_ascii=False, indent=2)
            text.write("\n")
        else:
            console = Console(file=text, width=None if out.isatty() else 150, highlight=False)
            table = Table(title=f"地表水断面水质评价 GB 3838—2002: {len(rows)} 个断面 sections")
            shown = list(rows[0])[:9] if rows else []
            for name in shown:
                table.add_column(name.replace(" ", "\n", 1))
            for row in rows:
                table.add_row(*(row[name] for name in shown))
            console.print(table)
            ratio = "—" if summary.meeting_ratio is None else f"{summary.meeting_ratio}%"
            console.print(
                f"达标断面 sections meeting target: {summary.meeting}/{summary.with_target} ({ratio}); "
                f"全面达标 all meet: {'是 yes' if summary.all_meet else '否 no'}; "
                f"Ⅰ–Ⅲ类 {summary.good_ratio}%; 劣Ⅴ类 {summary.worst_ratio}%",
                markup=False,
            )
            if ignored:
                console.print("未识别的列已忽略 ignored columns: " + ", ".join(ignored), markup=False)
    finally:
        text.flush()
        text.detach()
