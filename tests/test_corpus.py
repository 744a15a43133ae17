"""Every report in ../shared/corpus reads and extracts, and every span slices back to its words.

Also the 分解表 draft of a real report: it opens with openpyxl and holds one numbered row per
target with the target's own indicator, value words and deadline.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from luoshi import extract, read_report
from luoshi.cli import app
from luoshi.outputs import xlsx
from luoshi.outputs.wording import deadline_words, value_words

pytestmark = pytest.mark.shared


def _corpus(shared_dir: Path) -> list[Path]:
    paths = sorted((shared_dir / "corpus").glob("*.txt"))
    if not paths:
        pytest.skip("no corpus in ../shared/corpus")
    return paths


def test_every_corpus_report_extracts_with_exact_spans(shared_dir: Path) -> None:
    bad = []
    for path in _corpus(shared_dir):
        report = read_report(path)
        extraction = extract(report)
        for item in [*extraction.targets, *extraction.tasks]:
            if report.text[item.start : item.end] != item.text:
                bad.append(f"{path.name} [{item.start}:{item.end}] {item.text!r}")
    assert not bad, f"{len(bad)} spans do not slice back, e.g. {bad[:5]}"


def test_breakdown_sheet_of_a_real_report(shared_dir: Path, tmp_path: Path) -> None:
    source = shared_dir / "gold" / "2024_shaoxing_city.txt"
    out = tmp_path / "shaoxing.xlsx"
    result = CliRunner().invoke(app, ["extract", "--format", "xlsx", "--output", str(out), str(source)])
    assert result.exit_code == 0, result.output

    report = read_report(source)
    targets = extract(report).targets
    sheet = openpyxl.load_workbook(out).active
    assert [cell.value for cell in sheet[xlsx.TITLE_ROWS]] == list(xlsx.HEADER)
    rows = [
        r for r in sheet.iter_rows(min_row=xlsx.TITLE_ROWS + 1, values_only=True) if isinstance(r[0], int)
    ]
    assert len(rows) == len(targets) > 0
    for row, target in zip(rows, targets, strict=True):
        assert target.text in row[1]
        assert (row[2] or "", row[3], row[4] or "") == (target.indicator, value_words(target), target.unit)
        assert row[7] == deadline_words(target.year or report.year)
