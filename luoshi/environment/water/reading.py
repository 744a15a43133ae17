"""Reading water monitoring tables (地表水监测数据): CSV or XLSX, wide or long.

Wide: one row per sample, a ``断面`` (section) column, optional ``水体类型`` (河流 / 湖库) and
``水质目标`` (target class, Ⅲ or 3) columns, and one column per item named in Chinese or by
its symbol (``氨氮``, ``NH3-N``, ``总磷(mg/L)``…). Long: ``断面``, ``项目`` (item), ``值``
(value) and the same optional columns. Other columns (dates, notes) are ignored and listed.

A value written ``0.01L`` or ``<0.01`` is below the detection limit 0.01 and counts as half
of it (环办监测函〔2020〕82号 [B]). Several rows of a section are its samples of the period.
With ``between=(first, last)``, a table with a date column (``日期``, ``采样日期``…) keeps the
samples of those days only (a year to date); a table without one is taken whole.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from luoshi.environment.air.reading.table import NA_VALUES, find_column
from luoshi.environment.water.classify import SCALE
from luoshi.environment.water.items import find_item, parse_class
from luoshi.errors import InputNotFound, MonitoringDataError

__all__ = ["WaterSamples", "read_water"]

SECTION = ("section", "断面", "断面名称", "点位", "site", "station")
WATERBODY = ("waterbody", "水体类型", "水体", "type", "类型")
TARGET = ("target", "水质目标", "目标", "目标类别", "考核目标")
ITEM = ("item", "项目", "指标", "监测项目", "parameter")
VALUE = ("value", "值", "浓度", "监测值", "result")
DATE = ("date", "日期", "采样日期", "监测日期", "采样时间", "监测时间", "time")

_LAKE_WORDS = {"湖库", "湖泊", "水库", "湖", "库", "lake", "reservoir"}
_RIVER_WORDS = {"河流", "河", "江", "river", ""}


@dataclass(frozen=True, eq=False)
class WaterSamples:
    """Per-section sums (scaled by 10⁸) and sample counts of each item, with each section's
    water body and target class."""

    sections: tuple[str, ...]
    lake: np.ndarray
    targets: tuple[int | None, ...]
    totals: dict[str, np.ndarray]
    counts: dict[str, np.ndarray]
    samples: np.ndarray
    ignored: tuple[str, ...]
    source: str
    #: The first and last sample dates used, when the table has a date column.
    dates: tuple[dt.date, dt.date] | None = None


def _load(path: Path) -> pd.DataFrame:
    if not path.is_file():
        raise InputNotFound("文件不存在 file not found", hint="检查文件路径 / check the path", path=str(path))
    try:
        if path.suffix.lower() in (".xlsx", ".xlsm"):
            frame = pd.read_excel(path, dtype=str)
        else:
            frame = pd.read_csv(
                path, dtype=str, encoding="utf-8-sig", na_values=NA_VALUES, keep_default_na=False
            )
    except UnicodeDecodeError:
        frame = pd.read_csv(path, dtype=str, encoding="gb18030", na_values=NA_VALUES, keep_default_na=False)
    except (pd.errors.ParserError, ValueError) as error:
        raise MonitoringDataError(f"无法解析表格 cannot parse the table: {error}", path=str(path)) from None
    frame.columns = [str(c).strip() for c in frame.columns]
    return frame


def _scaled_values(text: pd.Series, path: Path, what: str, rows: np.ndarray) -> np.ndarray:
    """Scaled integer values (float NaN for empty) of a column of text cells."""
    cells = text.astype("string").str.strip()
    below = cells.str.endswith("L", na=False) | cells.str.startswith("<", na=False)
    numbers = pd.to_numeric(cells.str.removesuffix("L").str.removeprefix("<"), errors="coerce")
    bad = (numbers.isna() & cells.notna()).to_numpy()
    if bad.any():
        n = int(np.flatnonzero(bad)[0])
        raise MonitoringDataError(
            f"第 {rows[n]} 行 {what} 不是数值 row {rows[n]}: {what} is not a number: {cells.iloc[n]!r}",
            hint="低于检出限写作 0.01L / write values below the detection limit as 0.01L",
            path=str(path),
            row=int(rows[n]),
        )
    values = numbers.to_numpy(dtype=np.float64, na_value=np.nan)
    if (values < 0).any():
        n = int(np.flatnonzero(values < 0)[0])
        raise MonitoringDataError(
            f"第 {rows[n]} 行 {what} 为负数 row {rows[n]}: negative value", path=str(path)
        )
    scaled = np.rint(values * SCALE)
    return np.where(below.to_numpy(), np.rint(scaled / 2), scaled)


def _lake_flags(frame: pd.DataFrame, column: str | None, path: Path, rows: np.ndarray) -> np.ndarray:
    if column is None:
        return np.zeros(len(frame), dtype=bool)
    words = frame[column].fillna("").astype(str).str.strip().str.lower()
    unknown = ~words.isin(_LAKE_WORDS | _RIVER_WORDS)
    if unknown.any():
        n = int(np.flatnonzero(unknown.to_numpy())[0])
        raise MonitoringDataError(
            f"第 {rows[n]} 行水体类型无法识别 row {rows[n]}: unknown water body {frame[column].iloc[n]!r}",
            hint="写作 河流 或 湖库 / write 河流 (river) or 湖库 (lake, reservoir)",
            path=str(path),
            row=int(rows[n]),
        )
    return words.isin(_LAKE_WORDS).to_numpy()


def _within(
    frame: pd.DataFrame, column: str, between: tuple[dt.date, dt.date], path: Path
) -> tuple[pd.DataFrame, np.ndarray, tuple[dt.date, dt.date]]:
    """The rows sampled between the two days (inclusive), their row numbers, their date span."""
    cells = frame[column].astype("string").str.strip()
    days = pd.to_datetime(cells, errors="coerce")
    bad = (days.isna() & cells.notna() & (cells != "")).to_numpy()
    if bad.any():
        n = int(np.flatnonzero(bad)[0])
        raise MonitoringDataError(
            f"第 {n + 1} 行日期无法识别 row {n + 1}: not a date: {cells.iloc[n]!r}",
            hint="写作 2024-01-05 / write dates as 2024-01-05",
            path=str(path),
            row=n + 1,
        )
    first, last = pd.Timestamp(between[0]), pd.Timestamp(between[1]) + pd.Timedelta(days=1)
    keep = ((days >= first) & (days < last)).to_numpy()
    if not keep.any():
        raise MonitoringDataError(
            f"表中没有 {between[0]} 至 {between[1]} 的样品 / no sample between {between[0]} and {between[1]}",
            hint="检查日期列和 --period / check the dates and the period",
            path=str(path),
        )
    kept = days[keep]
    span = (kept.min().date(), kept.max().date())
    return frame[keep].reset_index(drop=True), np.flatnonzero(keep) + 1, span


def read_water(path: Path | str, *, between: tuple[dt.date, dt.date] | None = None) -> WaterSamples:
    """The samples of a water monitoring table, summed per section and item (with ``between``,
    only those sampled between the two days, when the table has dates)."""
    path = Path(path)
    frame = _load(path)
    section_col = find_column(frame, SECTION, "section (断面)", path)
    body_col = find_column(frame, WATERBODY, "water body", path, required=False)
    target_col = find_column(frame, TARGET, "target", path, required=False)
    item_col = find_column(frame, ITEM, "item", path, required=False)
    value_col = find_column(frame, VALUE, "value", path, required=False)
    date_col = find_column(frame, DATE, "date", path, required=False)
    rows = np.arange(1, len(frame) + 1)
    dates = None
    if between is not None and date_col is not None:
        frame, rows, dates = _within(frame, date_col, between, path)
    sections = frame[section_col].fillna("").astype(str).str.strip()
    if (sections == "").any():
        n = rows[int(np.flatnonzero((sections == "").to_numpy())[0])]
        raise MonitoringDataError(f"第 {n} 行缺少断面名称 row {n}: no section name", path=str(path))
    codes, names = pd.factorize(sections)
    n_sections = len(names)
    lake_rows = _lake_flags(frame, body_col, path, rows)
    lake = np.zeros(n_sections, dtype=bool)
    lake[codes[::-1]] = lake_rows[::-1]  # the first row of a section decides
    targets: list[int | None] = [None] * n_sections
    if target_col is not None:
        for n, text in zip(codes[::-1], frame[target_col][::-1], strict=True):
            if pd.notna(text) and str(text).strip():
                try:
                    targets[n] = parse_class(text)
                except MonitoringDataError as error:
                    raise MonitoringDataError(error.message, hint=error.hint, path=str(path)) from None
    used = {section_col, body_col, target_col, date_col}
    if item_col is not None and value_col is not None:
        keyed, ignored = _long_items(frame, item_col, path)
        used |= {item_col, value_col}
        values = _scaled_values(frame[value_col], path, "value", rows)
        columns = {key: (values, keyed == key) for key in pd.unique(keyed[keyed != ""])}
    else:
        columns, ignored = {}, []
        for name in frame.columns:
            if name in used:
                continue
            item = find_item(name)
            if item is None:
                ignored.append(name)
                continue
            columns[item.key] = (
                _scaled_values(frame[name], path, name, rows),
                np.ones(len(frame), dtype=bool),
            )
    if not columns:
        raise MonitoringDataError(
            "表中没有可识别的监测项目 no water quality item found",
            hint="列名应为 pH、溶解氧、高锰酸盐指数、氨氮、总磷… / name columns by item",
            path=str(path),
        )
    totals, counts = {}, {}
    for key, (values, chosen) in columns.items():
        ok = chosen & ~np.isnan(values)
        total = np.zeros(n_sections, dtype=np.int64)
        np.add.at(total, codes[ok], values[ok].astype(np.int64))
        totals[key] = total
        counts[key] = np.bincount(codes[ok], minlength=n_sections)
    samples = np.bincount(codes, minlength=n_sections)
    return WaterSamples(
        sections=tuple(str(n) for n in names),
        lake=lake,
        targets=tuple(targets),
        totals=totals,
        counts=counts,
        samples=samples,
        ignored=tuple(name for name in ignored if name != date_col),
        source=str(path),
        dates=dates,
    )


def _long_items(frame: pd.DataFrame, column: str, path: Path) -> tuple[np.ndarray, list[str]]:
    names = frame[column].fillna("").astype(str).str.strip()
    keys = np.empty(len(frame), dtype=object)
    ignored = []
    for name in pd.unique(names):
        item = find_item(name)
        chosen = (names == name).to_numpy()
        if item is None:
            if name:
                ignored.append(name)
            keys[chosen] = ""
        else:
            keys[chosen] = item.key
    return keys.astype(str), ignored
