"""csv output: the jsonl columns, UTF-8 with a byte-order mark for Excel."""

from __future__ import annotations

import csv as std_csv
import io

from luoshi.outputs import csv
from luoshi.outputs.model import TARGET_FIELDS


def _rows(found, **options) -> tuple[bytes, list[dict]]:
    out = io.BytesIO()
    csv.write([found], out, **options)
    data = out.getvalue()
    return data, list(std_csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_bom_then_the_target_columns(found) -> None:
    data, rows = _rows(found)
    assert data.startswith("\ufeff".encode())
    assert data.count("\ufeff".encode()) == 1
    assert tuple(rows[0]) == TARGET_FIELDS
    assert [row["indicator"] for row in rows] == [t.indicator for t in found.extraction.targets]
    assert rows[0]["value"] == "140000"
    assert rows[0]["value_max"] == ""


def test_tasks_add_verb_and_lead(found) -> None:
    _, rows = _rows(found, tasks=True)
    assert tuple(rows[0]) == (*TARGET_FIELDS, "verb", "lead")
    task = rows[-1]
    assert task["kind"] == "milestone"
    assert task["verb"] == "完成"
    assert task["comparator"] == ""
