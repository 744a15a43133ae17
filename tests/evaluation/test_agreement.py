"""luoshi eval and the reference scorer give the same figures on the same predictions.

The predictions are made from the gold files themselves, each target changed in one of the
ways the codebook's rules care about (other magnitude, unit synonym, comparator of the same or
another family, span moved off, value off by a little or by rounding noise, range ends), plus
false hits, so the test does not depend on how good the extractor is.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from luoshi.cli import app
from luoshi.evaluation import load_gold_dir

pytestmark = pytest.mark.shared

SAME_FAMILY = {">=": ">", ">": ">=", "<=": "<", "<": "<=", "≈": "~", "=": "=", "range": "range"}
OTHER_FAMILY = {">=": "<=", ">": "≈", "<=": ">=", "<": "=", "≈": ">=", "=": "<", "range": "="}
UNIT_SYNONYM = {"人": "名", "%": "％", "μg/m³": "微克/立方米", "公里": "千米", "个百分点": "百分点"}


def _number(value: Decimal | int) -> int | float:
    value = Decimal(value)
    return int(value) if value == value.to_integral_value() else float(value)


def _variant(rng: random.Random, gold: dict, span: tuple[int, int]) -> list[dict]:
    value = Decimal(gold["value"])
    row = {
        "start": span[0],
        "end": span[1],
        "comparator": gold["comparator"],
        "value": _number(value),
        "value_max": None if gold.get("value_max") is None else _number(gold["value_max"]),
        "unit": gold.get("unit", ""),
        "indicator": gold.get("indicator", "")[rng.randrange(3) :],
    }
    change = rng.randrange(11)
    if change == 1 and value and value % 10000 == 0:
        row["value"], row["unit"] = _number(value / 10000), "万" + row["unit"]
    elif change == 2:
        row["unit"] = UNIT_SYNONYM.get(row["unit"], row["unit"])
    elif change == 3:
        row["comparator"] = SAME_FAMILY[gold["comparator"]]
    elif change == 4:
        row["comparator"] = OTHER_FAMILY[gold["comparator"]]
    elif change == 5:
        row["start"], row["end"] = span[1], span[1] + 4
    elif change == 6:
        row["value"] = float(value) * 1.01
    elif change == 7:
        row["value"] = float(value) * (1 + 1e-9)
    elif change == 8:
        row["value"] = str(value)
    elif change == 9:
        row["unit"] = ""
    elif change == 10:
        return [row, {**row, "start": span[0] + 1}]  # two predictions for one target
    return [row]


def _write_predictions(gold_dir: Path, out: Path) -> None:
    rng = random.Random(20240229)
    for report in load_gold_dir(gold_dir):
        if rng.random() < 0.1:
            continue  # no predictions file: counts as none
        rows = []
        for gold, span in zip(report.targets, report.spans, strict=True):
            if rng.random() < 0.85:
                rows += _variant(rng, gold, span)
        for _ in range(rng.randrange(5)):  # false hits
            start = rng.randrange(len(report.text) - 10)
            rows.append(
                {
                    "start": start,
                    "end": start + 8,
                    "comparator": "=",
                    "value": rng.randrange(100),
                    "unit": "个",
                }
            )
        lines = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
        (out / f"{report.name}.jsonl").write_text(lines, encoding="utf-8")


def test_luoshi_eval_agrees_with_the_reference_scorer(shared_dir: Path, tmp_path: Path) -> None:
    gold = shared_dir / "gold"
    _write_predictions(gold, tmp_path)
    reference = subprocess.run(
        [sys.executable, str(shared_dir / "tools" / "score_targets.py"), str(gold), str(tmp_path), "--json"],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    expected = json.loads(reference.stdout)
    result = CliRunner().invoke(app, ["eval", str(gold), "--predictions", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    ours = json.loads(result.stdout)
    assert {key: ours[key] for key in expected} == expected
    assert 0 < expected["precision"] < 1 and 0 < expected["recall"] < 1
