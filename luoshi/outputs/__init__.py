"""Outputs (输出): each format in its own module behind one signature, ``write(found, out, *, tasks)``.

``table`` (Rich tables for the terminal), ``jsonl`` (one target a line, what the scorer
reads), ``csv`` (the same columns for spreadsheets) and ``xlsx`` (the 分解表 draft).
"""

from luoshi.outputs import csv, jsonl, table, xlsx
from luoshi.outputs.model import Found, Writer

__all__ = ["FORMATS", "SUFFIXES", "Found", "Writer"]

#: Every output format by name.
FORMATS: dict[str, Writer] = {
    "table": table.write,
    "jsonl": jsonl.write,
    "csv": csv.write,
    "xlsx": xlsx.write,
}
#: The file name ending of each format, for ``--output-dir``.
SUFFIXES = {"table": ".table.txt", "jsonl": ".jsonl", "csv": ".csv", "xlsx": ".xlsx"}
