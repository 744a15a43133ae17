"""Reading gold folders: the pairs, the anchors, and the errors a broken folder gives."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from luoshi.errors import InputNotFound, ReadError
from luoshi.evaluation import load_gold_dir, score_predictions

TEXT = "今年新增就业1万人以上，新增就业1万人以上。"


def _gold(folder: Path, rows: list[dict], name: str = "r") -> Path:
    folder.mkdir(exist_ok=True)
    (folder / f"{name}.txt").write_text(TEXT, encoding="utf-8")
    (folder / f"{name}.gold.jsonl").write_text(
        "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8"
    )
    return folder


ROW = {
    "anchor": "新增就业1万人以上",
    "indicator": "新增就业",
    "comparator": ">=",
    "value": 10000.0,
    "unit": "人",
}


def test_anchors_are_located_by_occurrence(tmp_path: Path) -> None:
    folder = _gold(tmp_path / "gold", [ROW, {**ROW, "occurrence": 2}])
    (gold,) = load_gold_dir(folder)
    assert gold.name == "r"
    assert gold.spans == [(2, 11), (12, 21)]
    assert gold.targets[0]["value"] == Decimal("10000.0")


def test_missing_predictions_count_as_none(tmp_path: Path) -> None:
    folder = _gold(tmp_path / "gold", [ROW])
    (tmp_path / "pred").mkdir()
    evaluation = score_predictions(folder, tmp_path / "pred")
    assert (evaluation.gold, evaluation.predicted, evaluation.recall) == (1, 0, 0.0)
    assert [e.kind for e in evaluation.reports[0].errors] == ["FN"]
    assert evaluation.reports[0].errors[0].sentence == "今年新增就业1万人以上，新增就业1万人以上。"


def test_a_hit_and_a_false_hit(tmp_path: Path) -> None:
    folder = _gold(tmp_path / "gold", [ROW])
    pred = tmp_path / "pred"
    pred.mkdir()
    rows = [
        {"start": 2, "end": 11, "comparator": ">=", "value": 1, "unit": "万人", "indicator": "新增就业"},
        {"start": 12, "end": 21, "comparator": ">=", "value": 10000, "unit": "人"},
    ]
    (pred / "r.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    evaluation = score_predictions(folder, pred)
    assert evaluation.summary() == {
        "precision": 0.5,
        "recall": 1.0,
        "f1": 0.6667,
        "gold": 1,
        "predicted": 2,
        "gold_matched": 1,
        "predicted_matched": 1,
        "indicator_char_f1": 1.0,
    }
    (false_hit,) = evaluation.reports[0].errors
    assert (false_hit.kind, false_hit.words) == ("FP", "新增就业1万人以上")


@pytest.mark.parametrize(
    ("setup", "error"),
    [
        (lambda d: None, InputNotFound),
        (lambda d: d.mkdir(), InputNotFound),
        (lambda d: _gold(d, [{**ROW, "anchor": "不在原文"}]), ReadError),
        (lambda d: _gold(d, [{**ROW, "comparator": "?"}]), ReadError),
        (lambda d: (_gold(d, [ROW]), (d / "r.txt").unlink()), InputNotFound),
        (lambda d: (_gold(d, []), (d / "r.gold.jsonl").write_text("{not json\n")), ReadError),
        (lambda d: (_gold(d, []), (d / "r.gold.jsonl").write_text("[1]\n")), ReadError),
        (lambda d: (_gold(d, []), (d / "r.txt").write_bytes(b"\xff\xfe\xfa")), ReadError),
    ],
)
def test_broken_gold_folders(tmp_path: Path, setup, error: type[Exception]) -> None:
    folder = tmp_path / "gold"
    setup(folder)
    with pytest.raises(error) as raised:
        load_gold_dir(folder)
    assert raised.value.hint


def test_predictions_without_offsets(tmp_path: Path) -> None:
    folder = _gold(tmp_path / "gold", [ROW])
    pred = tmp_path / "pred"
    pred.mkdir()
    (pred / "r.jsonl").write_text('{"value": 1}\n', encoding="utf-8")
    with pytest.raises(ReadError, match="start"):
        score_predictions(folder, pred)


def test_missing_prediction_folder(tmp_path: Path) -> None:
    with pytest.raises(InputNotFound):
        score_predictions(_gold(tmp_path / "gold", [ROW]), tmp_path / "nowhere")
