"""``luoshi accountability``: the command and each output format (table, json, csv, xlsx)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from luoshi import cli
from luoshi.accountability import JUDGEMENT_FIELDS, hold_to_account
from luoshi.accountability.formats import FORMATS

runner = CliRunner()


@pytest.fixture
def app():
    """The luoshi command line."""
    return cli.app


@pytest.fixture
def files(tmp_path: Path, plan, review) -> tuple[Path, Path]:
    """The two hand-made reports of conftest.py as files."""
    paths = tmp_path / "2023_example_city.txt", tmp_path / "2024_example_city.txt"
    for path, report in zip(paths, (plan, review), strict=True):
        path.write_text(report.text, encoding="utf-8")
    return paths


def test_table_side_by_side(app, files) -> None:
    result = runner.invoke(app, ["accountability", *map(str, files)])
    assert result.exit_code == 0, result.output
    for header in ("目标", "target", "实绩", "actual", "判定", "verdict", "置信度", "confidence"):
        assert header in result.stdout
    for word in ("完成", "未完成", "未提及", "全市生产总值增长5.6%"):
        assert word in result.stdout
    assert "完成 met 5 (71%) · 未完成 missed 1 (14%) · 未提及 silent 1 (14%) · 共 total 7" in result.stdout


def test_json(app, files) -> None:
    result = runner.invoke(app, ["accountability", *map(str, files), "--format", "json"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["summary"]["met"] == 5
    first = document["judgements"][0]
    assert list(first) == list(JUDGEMENT_FIELDS)
    assert first["value"] == 6 and first["actual_in_target_unit"] == 5.6
    assert first["verdict_zh"] == "完成"


def test_csv_and_xlsx_files(app, files, tmp_path: Path) -> None:
    out = tmp_path / "out" / "judged.csv"
    result = runner.invoke(app, ["accountability", *map(str, files), "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert len(rows) == 7
    grain = next(r for r in rows if r["target_text"] == "粮食产量保持在80亿斤以上")
    assert (grain["value"], grain["actual_value"], grain["actual_in_target_unit"]) == (
        "8000000000",
        "4190000",
        "8380000000",
    )
    sheet_path = tmp_path / "judged.xlsx"
    result = runner.invoke(app, ["accountability", *map(str, files), "-o", str(sheet_path)])
    assert result.exit_code == 0, result.output
    sheet = openpyxl.load_workbook(sheet_path).active
    assert [c.value for c in sheet[2]] == [
        "序号",
        "指标",
        "目标",
        "目标原文",
        "实绩",
        "实绩原文",
        "判定",
        "依据",
        "置信度",
    ]
    assert sheet.cell(row=3, column=3).value == "6%左右"
    assert sheet.cell(row=3, column=7).value == "完成"


def test_reports_in_the_wrong_order_fail_cleanly(app, files) -> None:
    plan, review = files
    result = runner.invoke(app, ["accountability", str(review), str(plan)])
    assert result.exit_code == 1
    assert "错误 error:" in result.stderr and "提示 hint:" in result.stderr
    assert "Traceback" not in result.output


def test_every_format_writes_bytes(plan, review) -> None:
    judgements = hold_to_account(plan, review)
    for name, write in FORMATS.items():
        out = io.BytesIO()
        write(judgements, out, title="示例")
        assert out.getvalue(), name
