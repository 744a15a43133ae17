"""Evaluation (评测): score extracted targets against gold files, as gold/GUIDELINES.md says."""

from luoshi.evaluation.evaluate import (
    Error,
    Evaluation,
    ReportScore,
    evaluate,
    score_predictions,
    score_report,
)
from luoshi.evaluation.gold import GoldReport, load_gold_dir

__all__ = [
    "Error",
    "Evaluation",
    "GoldReport",
    "ReportScore",
    "evaluate",
    "load_gold_dir",
    "score_predictions",
    "score_report",
]
