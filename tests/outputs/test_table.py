"""table output: Rich tables with Chinese headers first."""

from __future__ import annotations

import io

from luoshi.outputs import table


def _text(found, **options) -> str:
    out = io.BytesIO()
    table.write([found], out, **options)
    return out.getvalue().decode("utf-8")


def test_targets_table_headers_and_rows(found) -> None:
    text = _text(found)
    for header in ("指标", "比较", "目标值", "单位", "约束", "年份", "原文", "位置"):
        assert header in text
    assert "indicator" in text
    assert "新增就业大学生14万名以上" in text
    assert "任务 tasks" not in text


def test_tasks_table_with_tasks(found) -> None:
    text = _text(found, tasks=True)
    assert "任务 tasks: 1" in text
    assert "完成市中医院扩建" in text


def test_the_stream_stays_open(found) -> None:
    out = io.BytesIO()
    table.write([found], out)
    out.write(b"still open")
