"""Evaluation (评测): precision, recall and F1 of extracted targets against the gold files.

:func:`evaluate` reads each gold report with :func:`luoshi.reading.read_report`, extracts
with :func:`luoshi.extraction.extract` and scores; :func:`score_predictions` scores targets
already written as ``NAME.jsonl`` files (by ``luoshi extract --format jsonl --output-dir``
or by any other extractor). Both count over all reports together, as the reference scorer
does, and keep every miss (漏检, FN) and false hit (误检, FP) with the sentence it lies in.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from luoshi.errors import InputNotFound
from luoshi.evaluation.gold import GoldReport, load_gold_dir, read_predictions
from luoshi.evaluation.scoring import char_f1, match_pairs
from luoshi.extraction import extract
from luoshi.outputs.context import sentence_around
from luoshi.reading import read_report

__all__ = ["Error", "ReportScore", "Evaluation", "score_report", "evaluate", "score_predictions"]

Prediction = Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class Error:
    """A gold target nobody found (``FN``, 漏检) or a prediction not in the gold (``FP``, 误检)."""

    kind: str
    start: int
    end: int
    words: str
    comparator: str
    value: Any
    unit: str
    sentence: str

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict; a Decimal value becomes a JSON number without rounding noise."""
        row = asdict(self)
        if isinstance(self.value, Decimal):
            row["value"] = (
                int(self.value) if self.value == self.value.to_integral_value() else float(self.value)
            )
        return row


class _Rates:
    """Precision, recall and F1 from the four counts, for one report or for all together."""

    __slots__ = ()
    if TYPE_CHECKING:  # fields of ReportScore, properties of Evaluation

        @property
        def gold(self) -> int: ...
        @property
        def predicted(self) -> int: ...
        @property
        def gold_matched(self) -> int: ...
        @property
        def predicted_matched(self) -> int: ...

    @property
    def precision(self) -> float:
        return _ratio(self.predicted_matched, self.predicted)

    @property
    def recall(self) -> float:
        return _ratio(self.gold_matched, self.gold)

    @property
    def f1(self) -> float:
        return _f1(self.precision, self.recall)


@dataclass(frozen=True, slots=True)
class ReportScore(_Rates):
    """How the predictions for one report fared."""

    name: str
    gold: int
    predicted: int
    gold_matched: int
    predicted_matched: int
    indicator_scores: tuple[float, ...]
    errors: tuple[Error, ...]


@dataclass(frozen=True, slots=True)
class Evaluation(_Rates):
    """Scores of every report and, counted over all of them together, the totals."""

    reports: tuple[ReportScore, ...]

    @property
    def gold(self) -> int:
        return sum(r.gold for r in self.reports)

    @property
    def predicted(self) -> int:
        return sum(r.predicted for r in self.reports)

    @property
    def gold_matched(self) -> int:
        return sum(r.gold_matched for r in self.reports)

    @property
    def predicted_matched(self) -> int:
        return sum(r.predicted_matched for r in self.reports)

    @property
    def indicator_char_f1(self) -> float:
        """Mean character-overlap F1 of the indicator wording over matched gold targets."""
        scores = [s for r in self.reports for s in r.indicator_scores]
        return sum(scores) / len(scores) if scores else 0.0

    def summary(self) -> dict[str, Any]:
        """The totals with the keys and rounding of the reference scorer's ``--json`` line."""
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "gold": self.gold,
            "predicted": self.predicted,
            "gold_matched": self.gold_matched,
            "predicted_matched": self.predicted_matched,
            "indicator_char_f1": round(self.indicator_char_f1, 4),
        }

    def to_dict(self, *, errors: bool = False) -> dict[str, Any]:
        """The summary, each report's counts and scores and, with ``errors``, every error."""
        reports = []
        for r in self.reports:
            row: dict[str, Any] = {
                "name": r.name,
                "gold": r.gold,
                "predicted": r.predicted,
                "gold_matched": r.gold_matched,
                "predicted_matched": r.predicted_matched,
                "precision": round(r.precision, 4),
                "recall": round(r.recall, 4),
                "f1": round(r.f1, 4),
            }
            if errors:
                row["errors"] = [e.to_dict() for e in r.errors]
            reports.append(row)
        return {**self.summary(), "reports": reports}


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def score_report(gold: GoldReport, predictions: Sequence[Prediction]) -> ReportScore:
    """Score one report's predictions against its gold targets (codebook section 7)."""
    hits = match_pairs(gold.targets, gold.spans, predictions)
    gold_hit = {gi for gi, _ in hits}
    pred_hit = {pi for _, pi in hits}
    best: dict[int, float] = {}
    for gi, pi in sorted(hits):
        score = char_f1(gold.targets[gi].get("indicator"), predictions[pi].get("indicator"))
        best[gi] = max(best.get(gi, 0.0), score)
    text = gold.text
    misses = [
        Error(
            "FN",
            s,
            e,
            g["anchor"],
            g["comparator"],
            g.get("value"),
            g.get("unit", ""),
            sentence_around(text, s, e),
        )
        for gi, (g, (s, e)) in enumerate(zip(gold.targets, gold.spans, strict=True))
        if gi not in gold_hit
    ]
    false_hits = [
        Error(
            "FP",
            int(p["start"]),
            int(p["end"]),
            text[int(p["start"]) : int(p["end"])],
            str(p.get("comparator")),
            p.get("value"),
            str(p.get("unit") or ""),
            sentence_around(text, int(p["start"]), int(p["end"])),
        )
        for pi, p in enumerate(predictions)
        if pi not in pred_hit
    ]
    return ReportScore(
        name=gold.name,
        gold=len(gold.targets),
        predicted=len(predictions),
        gold_matched=len(gold_hit),
        predicted_matched=len(pred_hit),
        indicator_scores=tuple(best.values()),
        errors=tuple(misses + false_hits),
    )


def _score_all(
    golds: Iterable[GoldReport], predict: Callable[[GoldReport], Sequence[Prediction]]
) -> Evaluation:
    return Evaluation(tuple(score_report(gold, predict(gold)) for gold in golds))


def _extract(gold: GoldReport) -> Sequence[Prediction]:
    return [asdict(target) for target in extract(read_report(gold.path)).targets]


def evaluate(gold_dir: str | Path) -> Evaluation:
    """Extract every report in ``gold_dir`` and score it against its gold file."""
    return _score_all(load_gold_dir(gold_dir), _extract)


def score_predictions(gold_dir: str | Path, pred_dir: str | Path) -> Evaluation:
    """Score the ``NAME.jsonl`` predictions in ``pred_dir``; a missing file counts as none."""
    folder = Path(pred_dir)
    if not folder.is_dir():
        raise InputNotFound(
            "预测目录不存在 / predictions folder not found",
            hint="先运行 luoshi extract --format jsonl --output-dir 目录 / write it with that command first",
            path=str(folder),
        )
    return _score_all(load_gold_dir(gold_dir), lambda gold: read_predictions(folder, gold.name))
