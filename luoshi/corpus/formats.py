"""Write and read a corpus dataset as parquet, csv or Stata dta (数据格式), one file per table.

``DIR/reports.<ext>``, ``DIR/targets.<ext>``, ``DIR/tasks.<ext>``, ``DIR/actuals.<ext>`` and
``DIR/failures.<ext>``; the columns are those of :mod:`luoshi.corpus.tables`.

* **parquet** (needs pyarrow): ``value``/``value_max`` are float64, ``value_exact``/
  ``value_max_exact`` the exact decimal as text; whole numbers are nullable integers.
* **csv**: UTF-8 with a byte-order mark (Excel shows Chinese); ``value`` and ``value_max`` are
  written as the exact decimal (5.5, 1300000000000), never a float's rounding noise; pandas
  reads them as float64, and :func:`load_dataset` keeps ``*_exact`` as text.
* **dta** (Stata 14+, format 118, Unicode): as parquet, but a missing text is ``""``, a
  whole-number column with gaps is a double, and ``start``/``end`` are ``start_offset``/
  ``end_offset`` (``end`` is a word Stata reserves); long texts are strL; each variable
  carries a label (中文 / English). :func:`load_dataset` gives back the usual names.

The three writers share the column conversions below, which is why they live in one module
rather than one module each as :mod:`luoshi.outputs` does: each is a few lines of pandas.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from luoshi.corpus.tables import EXACT_COLUMNS, INTEGER_COLUMNS, NUMBER_COLUMNS, TABLES
from luoshi.errors import LuoshiError

__all__ = ["DATASET_FORMATS", "write_dataset", "load_dataset", "write_table", "read_table", "DatasetError"]

DATASET_FORMATS = ("parquet", "csv", "dta")
_STATA_NAMES = {"start": "start_offset", "end": "end_offset"}
_STATA_STR_MAX = 2045  # bytes a fixed-width Stata string holds; longer ones are strL

_LABELS = {
    "report": "报告 report (file stem)",
    "place": "地区 place",
    "level": "层级 level",
    "year": "计划年份 plan year",
    "file": "文件 file",
    "format": "格式 format",
    "encoding": "编码 encoding",
    "chars": "字数 characters",
    "targets": "目标数 targets",
    "tasks": "任务数 tasks",
    "actuals": "实绩数 actuals",
    "seconds": "用时 seconds",
    "section": "章节 section",
    "indicator": "指标 indicator",
    "catalogue": "指标库 catalogue entry",
    "comparator": "比较 comparator",
    "value": "数值 value",
    "value_max": "上限 value max",
    "value_exact": "精确数值 exact value",
    "value_max_exact": "精确上限 exact value max",
    "unit": "单位 unit",
    "modality": "约束 modality",
    "deadline": "期限 deadline year",
    "kind": "类型 kind",
    "text": "原文 text",
    "start": "起点 start offset",
    "end": "终点 end offset",
    "verb": "动词 verb",
    "lead": "引领句 lead sentence",
    "describes": "所述年份 year described",
    "years": "年数 years covered",
    "error": "错误 error",
    "message": "原因 reason",
    "hint": "提示 hint",
}


class DatasetError(LuoshiError):
    """A dataset that cannot be written or read (数据集): a missing library, a folder without tables."""


def write_dataset(dataset: Any, folder: str | Path, *, format: str = "parquet") -> list[Path]:
    """Write every table of ``dataset`` (a :class:`~luoshi.corpus.extract.Dataset` or a dict
    of DataFrames) to ``folder`` in ``format``; the paths written."""
    tables = getattr(dataset, "tables", dataset)
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    return [write_table(tables[name], out / f"{name}.{format}", format=format) for name in tables]


def write_table(frame: Any, path: Path, *, format: str) -> Path:
    """One table to one file in ``format`` (parquet, csv, dta)."""
    if format == "csv":
        frame.to_csv(path, index=False, encoding="utf-8-sig")
    elif format == "parquet":
        _need_pyarrow()
        _typed(frame).to_parquet(path, index=False)
    elif format == "dta":
        _to_stata(_typed(frame), path)
    else:
        raise DatasetError(
            f"不支持的数据格式 {format} / unsupported dataset format {format}",
            hint=f"可选 / choose one of {', '.join(DATASET_FORMATS)}",
        )
    return path


def load_dataset(folder: str | Path) -> dict[str, Any]:
    """The tables of a dataset folder as DataFrames, whatever its format, with the same dtypes:
    float64 values, text ``*_exact`` columns and nullable whole numbers."""
    root = Path(folder)
    tables: dict[str, Any] = {}
    for name in TABLES:
        found = [root / f"{name}.{ext}" for ext in DATASET_FORMATS if (root / f"{name}.{ext}").is_file()]
        if found:
            tables[name] = read_table(found[0])
    if not tables:
        raise DatasetError(
            "目录中没有数据表 / no dataset tables in the folder",
            hint="先运行 luoshi corpus extract DIR -o 此目录 / run luoshi corpus extract first",
            path=str(folder),
        )
    return tables


def read_table(path: str | Path) -> Any:
    """One table written by :func:`write_table` (or ``luoshi corpus accountability -o``), by its suffix."""
    import pandas as pd

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        frame = pd.read_csv(path, encoding="utf-8-sig", dtype={c: "string" for c in EXACT_COLUMNS})
    elif suffix == ".parquet":
        _need_pyarrow()
        frame = pd.read_parquet(path)
    elif suffix == ".dta":
        frame = pd.read_stata(path).rename(columns={v: k for k, v in _STATA_NAMES.items()})
    else:
        raise DatasetError(
            f"不支持的数据格式 {suffix} / unsupported table format {suffix}",
            hint=f"可选 / one of {', '.join('.' + f for f in DATASET_FORMATS)}",
            path=str(path),
        )
    return _typed(frame)


def _typed(frame: Any) -> Any:
    """Values as float64, exact values as text, whole numbers as nullable integers."""
    import pandas as pd

    frame = frame.copy()
    for column in frame.columns:
        if column in NUMBER_COLUMNS:
            frame[column] = pd.to_numeric(frame[column], errors="coerce").astype("float64")
        elif column in EXACT_COLUMNS:
            frame[column] = frame[column].astype("string")
        elif column in INTEGER_COLUMNS:
            frame[column] = pd.to_numeric(frame[column], errors="coerce").astype("Int64")
    return frame


def _to_stata(frame: Any, path: Path) -> None:
    import pandas as pd

    frame = frame.copy()
    long_texts = []
    for column in frame.columns:
        series = frame[column]
        if isinstance(series.dtype, pd.Int64Dtype):
            frame[column] = series.astype("float64") if series.isna().any() else series.astype("int64")
        elif not pd.api.types.is_numeric_dtype(series.dtype):
            text = series.astype("object").where(series.notna(), "").astype(str)
            frame[column] = text
            if len(text) and text.map(lambda s: len(s.encode("utf-8"))).max() > _STATA_STR_MAX:
                long_texts.append(column)
    labels = {_STATA_NAMES.get(c, c): _LABELS[c] for c in frame.columns if c in _LABELS}
    frame = frame.rename(columns=_STATA_NAMES)
    long_texts = [_STATA_NAMES.get(c, c) for c in long_texts]
    frame.to_stata(
        path, write_index=False, version=118, convert_strl=long_texts or None, variable_labels=labels
    )


def _need_pyarrow() -> None:
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        raise DatasetError(
            "写 parquet 需要 pyarrow / parquet needs pyarrow",
            hint="pip install pyarrow，或改用 --format csv / install pyarrow, or use --format csv",
        ) from None
