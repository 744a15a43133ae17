"""Shared steps of the air readers: opening a CSV, finding columns, parsing numbers.

Every failure becomes a :class:`~luoshi.errors.MonitoringDataError` naming the file, the
column and the first bad row (1-based, counting data rows after the header).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import numpy as np
import pandas as pd

from luoshi.errors import InputNotFound, MonitoringDataError

__all__ = ["NA_VALUES", "find_column", "header", "numbers", "read_csv"]

#: Cells read as empty: pandas' defaults plus the dashes used in Chinese tables.
NA_VALUES = ["", "NA", "N/A", "NaN", "nan", "null", "NULL", "None", "—", "-", "--", "/"]


def _check(path: Path) -> None:
    if not path.is_file():
        raise InputNotFound("文件不存在 file not found", hint="检查文件路径 / check the path", path=str(path))


def _encoding(path: Path) -> str:
    with path.open("rb") as f:
        head = f.read(65536)
    try:
        head.decode("utf-8")
        return "utf-8-sig"
    except UnicodeDecodeError as error:
        if error.start > len(head) - 4:  # a character cut by the 64 KiB sample
            return "utf-8-sig"
        return "gb18030"


def header(path: Path) -> list[str]:
    """The column names of a CSV file's first line."""
    _check(path)
    with path.open(encoding=_encoding(path), errors="replace") as f:
        line = f.readline()
    return [c.strip().strip('"').strip() for c in line.rstrip("\r\n").split(",")]


def read_csv(path: Path, **options) -> pd.DataFrame:
    """A CSV file as text-safe data (empty cells and dashes as NaN)."""
    _check(path)
    try:
        frame = pd.read_csv(
            path, encoding=_encoding(path), na_values=NA_VALUES, keep_default_na=False, **options
        )
    except (pd.errors.ParserError, UnicodeDecodeError, ValueError) as error:
        raise MonitoringDataError(
            f"无法解析 CSV cannot parse the CSV: {error}",
            hint="文件应为逗号分隔的表格 / expected a comma-separated table",
            path=str(path),
        ) from None
    frame.columns = [str(c).strip() for c in frame.columns]
    return frame


def find_column(frame: pd.DataFrame, names: Iterable[str], what: str, path: Path, *, required: bool = True):
    """The first column of ``frame`` whose name (case-insensitive) is one of ``names``."""
    wanted = [n.lower() for n in names]
    by_name = {c.lower(): c for c in frame.columns}
    for name in wanted:
        if name in by_name:
            return by_name[name]
    if required:
        raise MonitoringDataError(
            f"缺少列 missing column: {what} (one of {', '.join(names)})",
            hint="现有列 columns found: " + ", ".join(map(str, frame.columns[:30])),
            path=str(path),
        )
    return None


def numbers(values: pd.Series | pd.DataFrame, path: Path, what: str) -> np.ndarray:
    """Float values of a column (or columns); an unparsable cell is an error with its row."""
    if isinstance(values, pd.DataFrame):
        out = np.empty(values.shape, dtype=np.float64)
        for n, column in enumerate(values.columns):
            out[:, n] = numbers(values[column], path, f"{what} {column}")
        return out
    if pd.api.types.is_numeric_dtype(values.dtype):
        return values.to_numpy(dtype=np.float64, na_value=np.nan)
    parsed = pd.to_numeric(values, errors="coerce")
    bad = parsed.isna() & values.notna()
    if bad.any():
        row = int(np.flatnonzero(bad.to_numpy())[0])
        raise MonitoringDataError(
            f"第 {row + 1} 行 {what} 不是数值 row {row + 1}: {what} is not a number: {values.iloc[row]!r}",
            hint="数值列只能含数字或空值 / value columns hold numbers or empty cells",
            path=str(path),
            row=row + 1,
        )
    return parsed.to_numpy(dtype=np.float64, na_value=np.nan)
