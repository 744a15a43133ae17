"""``export_plan``: five tables in xlsx, csv, parquet, json and dta, read back; lights as
conditional formatting; text that would be a formula neutralised in every format."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import date, datetime
from decimal import Decimal

import pandas as pd
import pytest
from openpyxl import load_workbook

from luoshi.bulletins import OutputError
from luoshi.examples.sample_plan import SAMPLE_AS_OF, build_sample_plan
from luoshi.exports import EXPORT_FORMATS, TABLES, export_format_for, export_plan, plan_tables
from luoshi.planning import add_progress
from luoshi.store import open_store

NAMES = list(TABLES)
COUNTS = {"targets": 12, "tasks": 85, "assignments": 15, "observations": 71, "statuses": 12}


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory):  # noqa: ANN001, ANN201
    """The sample plan with one note that a spreadsheet would run: =HYPERLINK(…)."""
    path = tmp_path_factory.mktemp("hostile") / "luoshi.db"
    build_sample_plan(path)
    with open_store(path) as store:
        add_progress(
            store,
            "T8",
            "6100",
            period="2023-06",
            note='=HYPERLINK("http://x","y")',
            reported_at=datetime(2023, 7, 21),
        )
    return path


def _export(db, out, fmt):  # noqa: ANN001, ANN202
    with open_store(db) as store:
        return export_plan(store, 1, out, format=fmt, as_of=SAMPLE_AS_OF)


def test_the_tables(sample_db) -> None:
    with open_store(sample_db) as store:
        tables = plan_tables(store, 1, as_of=SAMPLE_AS_OF)
    assert {t.name: len(t.rows) for t in tables.tables} == COUNTS
    statuses = next(t for t in tables.tables if t.name == "statuses")
    grade = [c.key for c in statuses.columns].index("grade")
    assert sorted(row[grade] for row in statuses.rows).count("滞后") == 4


def test_xlsx(hostile_db, tmp_path) -> None:
    path = tmp_path / "plan.xlsx"
    _export(hostile_db, path, None)
    book = load_workbook(path)
    assert book.sheetnames == ["说明", "目标", "任务", "分解", "报送值", "评价"]
    for title, name in zip(book.sheetnames[1:], NAMES, strict=True):
        sheet = book[title]
        assert sheet.freeze_panes == "A2"
        assert sheet.max_row == COUNTS[name] + 1 + (name == "observations")
        assert sheet["A1"].value.endswith("\n" + TABLES[name][1][0].key)
    rules = book["评价"].conditional_formatting
    ranges = {str(r.sqref) for r in rules}
    assert len(ranges) == 2  # the light and the grade columns
    colours = {rule.dxf.fill.bgColor.rgb[-6:] for r in rules for rule in r.rules}
    assert {"00B050", "FFC000", "FF0000"} <= colours
    notes = [c.value for c in book["报送值"]["F"] if c.value]
    hostile = next(v for v in notes if "HYPERLINK" in v)
    assert hostile.startswith("'=")
    assert all(c.data_type != "f" for row in book["报送值"].iter_rows() for c in row)
    comparator = [c.value for c in book["目标"]["F"]][1:]
    assert "=" in comparator and all(c.data_type == "s" for c in book["目标"]["F"][1:])


def test_csv_zip_and_folder(hostile_db, tmp_path) -> None:
    _export(hostile_db, tmp_path / "plan.csv.zip", "csv")
    with zipfile.ZipFile(tmp_path / "plan.csv.zip") as archive:
        assert sorted(archive.namelist()) == sorted(f"{n}.csv" for n in NAMES)
        raw = archive.read("observations.csv")
    assert raw.startswith(b"\xef\xbb\xbf")  # a BOM, so Excel reads UTF-8
    frame = pd.read_csv(io.BytesIO(raw), encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert len(frame) == 72
    assert "'=HYPERLINK" in "".join(frame["note"])
    assert not any(v.startswith(("=", "+", "@")) for v in frame["note"])
    _export(hostile_db, tmp_path / "plan-csv", "csv")
    targets = pd.read_csv(tmp_path / "plan-csv" / "targets.csv", dtype=str)
    assert list(targets["value"][:2]) == ["10", "100"] and "13200" in set(targets["value"])


def test_parquet_keeps_types(sample_db, tmp_path) -> None:
    _export(sample_db, tmp_path / "pq", "parquet")
    targets = pd.read_parquet(tmp_path / "pq" / "targets.parquet")
    assert len(targets) == 12 and targets["value"].iloc[10] == Decimal(13200)
    assert targets["seq"].dtype == "int64" and targets["due"].iloc[0] == date(2023, 12, 31)
    observations = pd.read_parquet(tmp_path / "pq" / "observations.parquet")
    assert str(observations["reported_at"].dtype).startswith("datetime64")
    statuses = pd.read_parquet(tmp_path / "pq" / "statuses.parquet")
    assert statuses["completion"].dtype == "float64"
    assert set(statuses["comparator"]) >= {">=", "=", "<"}  # codes stay as they are


def test_json(hostile_db, tmp_path) -> None:
    _export(hostile_db, tmp_path / "plan.json", None)
    document = json.loads((tmp_path / "plan.json").read_text(encoding="utf-8"))
    assert document["plan"] == "绍兴市2023年政府工作报告" and document["as_of"] == "2023-07-31"
    assert {name: len(rows) for name, rows in document["data"].items()} == {**COUNTS, "observations": 72}
    assert document["data"]["targets"][10]["value"] == "13200"  # exact, as a string
    assert any(o["note"].startswith("'=HYPERLINK") for o in document["data"]["observations"])


def test_dta(sample_db, tmp_path) -> None:
    _export(sample_db, tmp_path / "plan.dta.zip", "dta")
    with zipfile.ZipFile(tmp_path / "plan.dta.zip") as archive:
        assert sorted(archive.namelist()) == sorted(f"{n}.dta" for n in NAMES)
        with pd.io.stata.StataReader(io.BytesIO(archive.read("statuses.dta"))) as reader:
            frame = reader.read()
            labels = reader.variable_labels()
    assert len(frame) == 12 and labels["grade"] == "评价等级"
    assert "严重滞后" in set(frame["grade"])


def test_the_format_follows_the_suffix() -> None:
    assert EXPORT_FORMATS == ("xlsx", "csv", "parquet", "json", "dta")
    cases = {
        "a.xlsx": "xlsx",
        "a.csv.zip": "csv",
        "a.json": "json",
        "a.parquet": "parquet",
        "a.zip": "xlsx",
        "dir": "xlsx",
    }
    assert {name: export_format_for(name) for name in cases} == cases


def test_an_unknown_format_is_refused(sample_db, tmp_path) -> None:
    with pytest.raises(OutputError, match="unknown export format"):
        _export(sample_db, tmp_path / "x.ods", "ods")
