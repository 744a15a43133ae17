"""``luoshi corpus accountability``: consecutive years of each place paired and judged."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from luoshi import cli
from luoshi.corpus import account_corpus, read_table
from luoshi.corpus.accountability import PAIR_COLUMNS, ROW_COLUMNS

pytestmark = pytest.mark.shared
runner = CliRunner()


def test_pairs_and_verdicts(small_corpus: Path) -> None:
    accounts = account_corpus(small_corpus, jobs=2)
    pairs = accounts.pairs
    assert list(pairs.columns) == list(PAIR_COLUMNS)
    assert [(r.place_key, r.year, r.earlier, r.later) for r in pairs.itertuples()] == [
        ("baoding", 2022, "2022_baoding_city", "2023_baoding_city"),
        ("national", 2022, "2022_national_state_council", "2023_national_state_council"),
        ("national", 2023, "2023_national_state_council", "2024_national_state_council"),
    ]
    table = accounts.table
    assert list(table.columns) == list(ROW_COLUMNS)
    gdp = table[(table["catalogue"] == "gdp_growth") & table["target_text"].str.contains("生产总值增长")]
    assert dict(zip(gdp["target_report"], gdp["verdict"], strict=True)) == {
        "2022_baoding_city": "missed",  # 8%以上 → 3.8%
        "2022_national_state_council": "missed",  # 5.5%左右 → 3%
        "2023_national_state_council": "met",  # 5%左右 → 5.2%
    }
    s = accounts.summary
    assert s.total == len(table) == s.met + s.missed + s.silent
    assert s.met >= 20
    assert accounts.failures == [("2023_broken_city.txt", accounts.failures[0][1])]
    assert "UndecodableText" in accounts.failures[0][1]


def test_the_command(small_corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "accountability.dta"
    result = runner.invoke(
        cli.app, ["corpus", "accountability", str(small_corpus), "-o", str(out), "-j", "2"]
    )
    assert result.exit_code == 1, result.output  # the broken file
    assert "相邻年份 3 对" in result.stdout
    assert "全部目标 all targets:" in result.stdout and "target-actual pairs found:" in result.stdout
    table = read_table(out)
    assert {"met", "missed", "silent"} <= set(table["verdict"])
    assert len(read_table(tmp_path / "accountability.pairs.dta")) == 3


def test_subfolders_with_recursive(small_corpus: Path, tmp_path: Path) -> None:
    nested = tmp_path / "nested"
    for name in ("2022_baoding_city.txt", "2023_baoding_city.txt"):
        (nested / "hebei").mkdir(parents=True, exist_ok=True)
        (nested / "hebei" / name).write_bytes((small_corpus / name).read_bytes())
    for name in ("2022_national_state_council.txt", "2023_national_state_council.txt"):
        (nested / "national").mkdir(exist_ok=True)
        (nested / "national" / name).write_bytes((small_corpus / name).read_bytes())
    (nested / "broken").mkdir()
    (nested / "broken" / "2023_broken_city.txt").write_bytes(bytes(range(256)) * 64)
    assert len(account_corpus(nested, jobs=1).pairs) == 0  # the top folder holds no report
    accounts = account_corpus(nested, jobs=2, recursive=True)
    assert [(r.place_key, r.earlier, r.later) for r in accounts.pairs.itertuples()] == [
        ("baoding", "hebei/2022_baoding_city", "hebei/2023_baoding_city"),
        ("national", "national/2022_national_state_council", "national/2023_national_state_council"),
    ]
    assert [file for file, _ in accounts.failures] == ["broken/2023_broken_city.txt"]
