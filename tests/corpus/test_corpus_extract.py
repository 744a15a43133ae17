"""``luoshi corpus extract``: a folder of reports into tables that load in pandas; a bad file is logged."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from luoshi import cli
from luoshi.corpus import COLUMNS, TABLES, extract_corpus, load_dataset, write_dataset

pytestmark = pytest.mark.shared
runner = CliRunner()


@pytest.fixture
def app():
    """The luoshi command line."""
    return cli.app


@pytest.fixture(scope="module")
def dataset(tmp_path_factory, shared_dir: Path):
    import shutil

    folder = tmp_path_factory.mktemp("corpus")
    for name in ("2023_national_state_council.txt", "2022_baoding_city.txt", "2024_shaoxing_city.txt"):
        shutil.copy(shared_dir / "corpus" / name, folder / name)
    (folder / "2023_broken_city.txt").write_bytes(bytes(range(256)) * 64)
    return extract_corpus(folder, jobs=2)


def test_every_table_has_its_columns(dataset) -> None:
    assert list(dataset.tables) == list(TABLES)
    for name in TABLES:
        assert tuple(dataset.tables[name].columns) == COLUMNS[name]
    assert len(dataset.reports) == 3
    assert dataset.files == 4 and dataset.reports_per_second > 0


def test_a_failed_report_is_logged_and_the_run_goes_on(dataset) -> None:
    (failure,) = dataset.failures.itertuples(index=False)
    assert failure.file == "2023_broken_city.txt"
    assert failure.error == "UndecodableText"
    assert failure.message and failure.hint


def test_rows_keep_their_report_and_words(dataset, shared_dir: Path) -> None:
    targets = dataset.tables["targets"]
    national = targets[targets["report"] == "2023_national_state_council"]
    text = (shared_dir / "corpus" / "2023_national_state_council.txt").read_text(encoding="utf-8")
    first = national.iloc[0]
    assert (first["place"], first["level"], first["year"]) == ("国务院", "national", 2023)
    assert text[first["start"] : first["end"]] == first["text"] == "国内生产总值增长5%左右"
    assert first["catalogue"] == "gdp_growth"
    assert first["value_exact"] == "5"
    actuals = dataset.tables["actuals"]
    grain = actuals[
        (actuals["report"] == "2023_national_state_council") & (actuals["text"] == "粮食产量1.37万亿斤")
    ]
    assert grain.iloc[0]["value_exact"] == "1370000000000" and grain.iloc[0]["describes"] == 2022


@pytest.mark.parametrize("format", ["parquet", "csv", "dta"])
def test_each_format_loads_in_pandas(dataset, tmp_path: Path, format: str) -> None:
    if format == "parquet":
        pytest.importorskip("pyarrow")
    written = write_dataset(dataset, tmp_path / "out", format=format)
    assert [p.name for p in written] == [f"{name}.{format}" for name in TABLES]
    targets_file = tmp_path / "out" / f"targets.{format}"
    plain = {
        "parquet": pd.read_parquet,
        "csv": lambda p: pd.read_csv(p, dtype={"value_exact": str, "value_max_exact": str}),
        "dta": pd.read_stata,
    }[format](targets_file)
    expected = list(COLUMNS["targets"])
    if format == "dta":  # 'end' is a word Stata reserves
        expected = [{"start": "start_offset", "end": "end_offset"}.get(c, c) for c in expected]
    assert list(plain.columns) == expected
    assert plain["value"].dtype == "float64"
    assert set(plain["value_exact"].dropna().map(Decimal).map(float)) == set(plain["value"].dropna())
    tables = load_dataset(tmp_path / "out")
    assert list(tables) == list(TABLES)
    assert list(tables["targets"].columns) == list(COLUMNS["targets"])
    assert len(tables["targets"]) == len(dataset.tables["targets"])
    assert tables["targets"]["year"].dtype == "Int64"
    assert len(tables["failures"]) == 1


def test_csv_values_are_exact_decimals(dataset, tmp_path: Path) -> None:
    write_dataset(dataset, tmp_path, format="csv")
    text = (tmp_path / "targets.csv").read_text(encoding="utf-8-sig")
    assert ",1300000000000,," in text  # 粮食产量1.3万亿斤: no 1.3e12, no 1300000000000.0


def test_the_command(app, small_corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "dataset"
    result = runner.invoke(
        app, ["corpus", "extract", str(small_corpus), "-o", str(out), "--jobs", "2", "-f", "csv"]
    )
    assert result.exit_code == 1, result.output  # one report failed; the others are written
    assert "份/秒 reports per second" in result.stdout
    assert "5 份报告 reports, 1 失败 failed" in result.stdout
    assert "错误 error: 2023_broken_city.txt" in result.stderr
    reports = pd.read_csv(out / "reports.csv")
    assert sorted(reports["year"]) == [2022, 2022, 2023, 2023, 2024]
    assert pd.read_csv(out / "failures.csv")["file"].tolist() == ["2023_broken_city.txt"]


def test_a_missing_folder_fails_cleanly(app, tmp_path: Path) -> None:
    result = runner.invoke(app, ["corpus", "extract", str(tmp_path / "nowhere"), "-o", str(tmp_path / "x")])
    assert result.exit_code == 1
    assert "错误 error:" in result.stderr and "Traceback" not in result.output


def test_the_command_reads_subfolders_with_recursive(app, small_corpus: Path, tmp_path: Path) -> None:
    nested = tmp_path / "nested"
    for folder in ("a", "b"):  # one file name in two folders: two reports
        (nested / folder).mkdir(parents=True)
        (nested / folder / "2023_baoding_city.txt").write_bytes(
            (small_corpus / "2023_baoding_city.txt").read_bytes()
        )
    out = tmp_path / "dataset"
    result = runner.invoke(
        app, ["corpus", "extract", str(nested), "-r", "-o", str(out), "-j", "1", "-f", "csv"]
    )
    assert result.exit_code == 0, result.output
    reports = pd.read_csv(out / "reports.csv")
    assert sorted(reports["report"]) == ["a/2023_baoding_city", "b/2023_baoding_city"]
    assert sorted(reports["file"]) == ["a/2023_baoding_city.txt", "b/2023_baoding_city.txt"]
    targets = pd.read_csv(out / "targets.csv")
    assert set(targets["report"]) == {"a/2023_baoding_city", "b/2023_baoding_city"}
