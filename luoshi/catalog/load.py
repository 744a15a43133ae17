"""Load and validate the indicator catalogue file (指标库文件), TOML.

The shipped catalogue is ``luoshi/catalog/indicators.toml``; a plan may bring its own file
in the same format. Every problem is raised as :class:`~luoshi.errors.CatalogError` naming
the entry (its position and id) and the field, with a hint.
"""

from __future__ import annotations

import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

from luoshi.catalog.model import AGGREGATIONS, DIRECTIONS, FREQUENCIES, KINDS, Indicator
from luoshi.errors import CatalogError

__all__ = ["load_indicators", "parse_indicators", "DEFAULT_CATALOG_FILE"]

DEFAULT_CATALOG_FILE = "indicators.toml"

_REQUIRED = ("id", "name", "en", "domain", "unit", "direction", "kind")
_OPTIONAL = ("synonyms", "units", "profile", "aggregation", "frequency", "skip_months")


def load_indicators(path: str | Path | None = None) -> tuple[Indicator, ...]:
    """Read a catalogue file; without a path, the one shipped in the package."""
    if path is None:
        data = resources.files("luoshi.catalog").joinpath(DEFAULT_CATALOG_FILE).read_bytes()
        where = f"luoshi/catalog/{DEFAULT_CATALOG_FILE}"
    else:
        file = Path(path)
        if not file.is_file():
            raise CatalogError("指标库文件不存在 (catalogue file not found)", path=str(path))
        data = file.read_bytes()
        where = str(path)
    try:
        document = tomllib.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise CatalogError(
            f"指标库文件不是有效的 TOML (not valid TOML): {error}",
            hint="检查引号和括号是否成对 (check quotes and brackets)",
            path=where,
        ) from error
    return parse_indicators(document, where=where)


def parse_indicators(document: dict[str, Any], *, where: str = "<catalogue>") -> tuple[Indicator, ...]:
    """Validate a parsed catalogue (``{"indicator": [{...}, ...]}``) into Indicators."""
    rows = document.get("indicator")
    if not isinstance(rows, list) or not rows:
        raise CatalogError(
            "指标库没有 [[indicator]] 条目 (no [[indicator]] entries)",
            hint="每个指标写成一个 [[indicator]] 表 (one [[indicator]] table per indicator)",
            path=where,
        )
    extra = set(document) - {"indicator"}
    if extra:
        raise CatalogError(f"未知的顶层键 (unknown top-level keys): {', '.join(sorted(extra))}", path=where)
    seen: dict[str, int] = {}
    entries = []
    for number, row in enumerate(rows, start=1):
        entry = _entry(row, number, where)
        if entry.id in seen:
            raise CatalogError(
                f"第{number}个指标的 id 重复 (duplicate id) {entry.id!r}, first at entry {seen[entry.id]}",
                hint="每个指标的 id 必须唯一 (ids must be unique)",
                path=where,
            )
        seen[entry.id] = number
        entries.append(entry)
    return tuple(entries)


def _entry(row: Any, number: int, where: str) -> Indicator:
    def fail(message: str, hint: str = "") -> CatalogError:
        name = row.get("id", "?") if isinstance(row, dict) else "?"
        return CatalogError(f"第{number}个指标 ({name}): {message}", hint=hint, path=where)

    if not isinstance(row, dict):
        raise fail("不是表 (not a table)")
    missing = [key for key in _REQUIRED if key not in row]
    if missing:
        raise fail(f"缺少字段 (missing fields): {', '.join(missing)}")
    unknown = set(row) - set(_REQUIRED) - set(_OPTIONAL)
    if unknown:
        raise fail(f"未知字段 (unknown fields): {', '.join(sorted(unknown))}")
    for key in _REQUIRED + ("aggregation", "frequency"):
        if key in row and (not isinstance(row[key], str) or not row[key].strip()):
            raise fail(f"字段 {key} 应为非空字符串 (must be a non-empty string)")
    for key in ("synonyms", "units"):
        value = row.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise fail(f"字段 {key} 应为字符串列表 (must be a list of strings)")
    if row["kind"] not in KINDS:
        raise fail(f"未知类型 (unknown kind) {row['kind']!r}", hint=f"kind 取 {', '.join(KINDS)}")
    if row["direction"] not in DIRECTIONS:
        raise fail(f"未知方向 (unknown direction) {row['direction']!r}", hint="direction 取 higher 或 lower")
    aggregation = row.get("aggregation")
    if aggregation is not None and aggregation not in AGGREGATIONS:
        raise fail(
            f"未知汇总方式 (unknown aggregation) {aggregation!r}", hint="aggregation 取 mean 或 latest"
        )
    if row["kind"] == "level" and aggregation is None:
        raise fail(
            "水平类指标需要 aggregation (a level needs an aggregation)", hint="aggregation 取 mean 或 latest"
        )
    if row["kind"] != "level" and aggregation is not None:
        raise fail("只有水平类指标有 aggregation (only levels aggregate)")
    frequency = row.get("frequency", "month")
    if frequency not in FREQUENCIES:
        raise fail(
            f"未知报送频次 (unknown frequency) {frequency!r}", hint=f"frequency 取 {', '.join(FREQUENCIES)}"
        )
    profile = row.get("profile", False)
    if not isinstance(profile, bool):
        raise fail("字段 profile 应为 true 或 false (must be a boolean)")
    if profile and row["kind"] != "flow":
        raise fail("只有累计类指标有月度分布 (only flows have a monthly profile)")
    skip = row.get("skip_months", [])
    if not isinstance(skip, list) or not all(isinstance(m, int) and 1 <= m <= 12 for m in skip):
        raise fail("字段 skip_months 应为 1..12 的整数列表 (must be months 1..12)")
    return Indicator(
        id=row["id"],
        name=row["name"],
        en=row["en"],
        domain=row["domain"],
        unit=row["unit"],
        direction=row["direction"],
        kind=row["kind"],
        synonyms=tuple(row.get("synonyms", ())),
        units=tuple(row.get("units", ())),
        profile=profile,
        aggregation=aggregation,
        frequency=frequency,
        skip_months=tuple(skip),
    )
