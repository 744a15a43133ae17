"""Gold files (金标准): ``NAME.txt`` with ``NAME.gold.jsonl`` beside it, and predictions to score.

The layout and format are those of ``shared/gold/GUIDELINES.md`` section 6. Numbers are read
as :class:`~decimal.Decimal`, never float; each gold anchor is located in the text as the
reference scorer locates it (its ``occurrence``-th exact occurrence, 1 when omitted).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from luoshi.errors import InputNotFound, ReadError, UndecodableText
from luoshi.evaluation.scoring import FAMILY, Span

__all__ = ["GoldReport", "load_gold_dir", "read_jsonl", "read_predictions", "GOLD_SUFFIX"]

GOLD_SUFFIX = ".gold.jsonl"


@dataclass(frozen=True, slots=True)
class GoldReport:
    """One annotated report: its text as the reference scorer reads it (UTF-8), the gold
    targets, and where each gold anchor lies in the text."""

    name: str
    path: Path
    text: str
    targets: list[dict[str, Any]]
    spans: list[Span]


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """The JSON objects of a JSON-lines file, numbers as Decimal; blank lines skipped."""
    rows = []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line, parse_float=Decimal)
            except json.JSONDecodeError as error:
                raise ReadError(
                    f"第 {number} 行不是 JSON / line {number} is not JSON: {error.msg}",
                    hint="每行应是一个 JSON 对象 / each line must be one JSON object",
                    path=str(path),
                ) from None
            if not isinstance(row, dict):
                raise ReadError(
                    f"第 {number} 行不是 JSON 对象 / line {number} is not a JSON object",
                    hint="每行应是一个 JSON 对象 / each line must be one JSON object",
                    path=str(path),
                )
            rows.append(row)
    return rows


def _locate(text: str, anchor: str, occurrence: int) -> Span | None:
    pos = -1
    for _ in range(occurrence):
        pos = text.find(anchor, pos + 1)
        if pos < 0:
            return None
    return pos, pos + len(anchor)


def _load(gold_path: Path) -> GoldReport:
    name = gold_path.name[: -len(GOLD_SUFFIX)]
    path = gold_path.with_name(f"{name}.txt")
    if not path.is_file():
        raise InputNotFound(
            f"金标准缺少原文 {path.name} / the gold file has no text beside it",
            hint=f"把报告原文放在 {path} / put the report text at that path",
            path=str(gold_path),
        )
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise UndecodableText(
            "金标准原文不是 UTF-8 / gold text is not UTF-8",
            hint="请将原文另存为 UTF-8 / save the text as UTF-8",
            path=str(path),
        ) from None
    targets = read_jsonl(gold_path)
    spans = []
    for number, gold in enumerate(targets, 1):
        span = _locate(text, gold.get("anchor", ""), int(gold.get("occurrence", 1)))
        if gold.get("comparator") not in FAMILY:
            raise ReadError(
                f"第 {number} 条的比较符无效 / target {number}: unknown comparator {gold.get('comparator')!r}",
                hint="比较符见 gold/GUIDELINES.md 第 4 节 / see section 4 of gold/GUIDELINES.md",
                path=str(gold_path),
            )
        if span is None:
            raise ReadError(
                f"第 {number} 条的锚文本不在原文中 / target {number}: anchor not in the text: "
                f"{gold.get('anchor')!r}",
                hint="锚文本须与原文逐字一致 / the anchor must occur in the text exactly as written",
                path=str(gold_path),
            )
        spans.append(span)
    return GoldReport(name=name, path=path, text=text, targets=targets, spans=spans)


def load_gold_dir(gold_dir: str | Path) -> list[GoldReport]:
    """Every ``NAME.gold.jsonl`` in ``gold_dir`` with its ``NAME.txt``, sorted by name."""
    folder = Path(gold_dir)
    if not folder.is_dir():
        raise InputNotFound(
            "金标准目录不存在 / gold folder not found",
            hint="给出存放 NAME.txt 与 NAME.gold.jsonl 的目录 / name a folder of NAME.txt + NAME.gold.jsonl",
            path=str(folder),
        )
    reports = [_load(p) for p in sorted(folder.glob(f"*{GOLD_SUFFIX}"))]
    if not reports:
        raise InputNotFound(
            "目录中没有金标准文件 / no NAME.gold.jsonl files in the folder",
            hint="金标准格式见 gold/GUIDELINES.md / see gold/GUIDELINES.md for the format",
            path=str(folder),
        )
    return reports


def read_predictions(pred_dir: Path, name: str) -> list[dict[str, Any]]:
    """The predicted targets in ``pred_dir/NAME.jsonl``; none when the file is absent."""
    path = pred_dir / f"{name}.jsonl"
    if not path.exists():
        return []
    rows = read_jsonl(path)
    for number, row in enumerate(rows, 1):
        try:
            row["start"], row["end"] = int(row["start"]), int(row["end"])
        except (KeyError, TypeError, ValueError):
            raise ReadError(
                f"第 {number} 行缺少 start/end 偏移 / line {number} lacks start and end offsets",
                hint="每个预测须有 start、end（字符偏移）/ each prediction needs character offsets",
                path=str(path),
            ) from None
    return rows
