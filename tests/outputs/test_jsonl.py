"""jsonl output: one target a line, exactly the Target field names, offsets that slice back."""

from __future__ import annotations

import io
import json

from luoshi.outputs import jsonl
from luoshi.outputs.model import TARGET_FIELDS, TASK_FIELDS


def _lines(found, **options) -> list[dict]:
    out = io.BytesIO()
    jsonl.write([found], out, **options)
    return [json.loads(line) for line in out.getvalue().decode("utf-8").splitlines()]


def test_one_target_a_line_with_the_target_fields(found) -> None:
    rows = _lines(found)
    assert len(rows) == len(found.extraction.targets)
    for row in rows:
        assert tuple(row) == TARGET_FIELDS
        assert found.report.text[row["start"] : row["end"]] == row["text"]
    assert rows[0]["value"] == 140000
    assert isinstance(rows[0]["value"], int)


def test_chinese_is_written_as_is(found) -> None:
    out = io.BytesIO()
    jsonl.write([found], out)
    assert "新增就业大学生" in out.getvalue().decode("utf-8")


def test_tasks_follow_the_targets(found) -> None:
    rows = _lines(found, tasks=True)
    targets, tasks = rows[: len(found.extraction.targets)], rows[len(found.extraction.targets) :]
    assert all(tuple(row) == TARGET_FIELDS for row in targets)
    assert [tuple(row) for row in tasks] == [TASK_FIELDS]
