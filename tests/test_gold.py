"""The extractor on the development gold (../shared/gold): the issue's bar, and a scorer that agrees.

Extracts every gold report, scores with :mod:`luoshi.evaluation`, and requires precision and
recall of at least 0.92. The same predictions, written by ``luoshi extract --format jsonl
--output-dir``, are scored by the reference scorer too: the two must give the same figures.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from luoshi.cli import app
from luoshi.evaluation import evaluate, score_predictions

BAR = 0.92

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def gold(shared_dir: Path) -> Path:
    return shared_dir / "gold"


@pytest.fixture(scope="module")
def predictions(gold: Path, tmp_path_factory) -> Path:
    """``luoshi extract --format jsonl --output-dir`` over every gold text."""
    out = tmp_path_factory.mktemp("pred")
    result = CliRunner().invoke(
        app, ["extract", "--format", "jsonl", "--output-dir", str(out), *map(str, sorted(gold.glob("*.txt")))]
    )
    assert result.exit_code == 0, result.output
    return out


def _reference(shared_dir: Path, gold: Path, predictions: Path) -> dict:
    script = shared_dir / "tools" / "score_targets.py"
    done = subprocess.run(
        [sys.executable, str(script), str(gold), str(predictions), "--json"],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    return json.loads(done.stdout)


def test_the_scorers_agree_on_luoshi_extract(shared_dir: Path, gold: Path, predictions: Path) -> None:
    ours = CliRunner().invoke(app, ["eval", str(gold), "--predictions", str(predictions), "--json"])
    assert ours.exit_code == 0, ours.output
    summary = json.loads(ours.stdout)
    reference = _reference(shared_dir, gold, predictions)
    assert {key: summary[key] for key in reference} == reference


def test_eval_extracts_what_extract_writes(gold: Path, predictions: Path) -> None:
    assert evaluate(gold).summary() == score_predictions(gold, predictions).summary()


def test_precision_and_recall_reach_the_bar(gold: Path) -> None:
    evaluation = evaluate(gold)
    worst = sorted(evaluation.reports, key=lambda r: r.f1)[:3]
    detail = ", ".join(f"{r.name} P {r.precision:.2f} R {r.recall:.2f}" for r in worst)
    assert evaluation.precision >= BAR, f"precision {evaluation.precision:.3f} < {BAR}; worst: {detail}"
    assert evaluation.recall >= BAR, f"recall {evaluation.recall:.3f} < {BAR}; worst: {detail}"
