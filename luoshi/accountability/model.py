"""What accountability produces: one judgement (判定) per target of year N, and their summary.

A :class:`Judgement` sets a target of year N's report (``国内生产总值增长5.5%左右``) beside the
figure year N+1's review reports for it (``全年国内生产总值增长3%``), with both sentences,
the verdict (``met`` 完成, ``missed`` 未完成, ``silent`` 未提及: the review says nothing of
it, itself a finding), the rule that decided it, and how sure the link is.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from luoshi.accountability.qualitative import Statement
from luoshi.errors import LuoshiError
from luoshi.extraction.model import Actual, Target

__all__ = [
    "VERDICTS",
    "VERDICT_WORDS",
    "Judgement",
    "Summary",
    "PairError",
    "summarize",
    "JUDGEMENT_FIELDS",
]

#: met 完成 · missed 未完成 · silent 未提及 (the review does not report it)
VERDICTS = ("met", "missed", "silent")
VERDICT_WORDS = {"met": "完成", "missed": "未完成", "silent": "未提及"}

#: The columns of a judgement as a flat row (csv, json, the corpus table), in order.
JUDGEMENT_FIELDS = (
    "year",
    "verdict",
    "verdict_zh",
    "confidence",
    "indicator",
    "catalogue",
    "family",
    "hedge",
    "comparator",
    "value",
    "value_max",
    "unit",
    "modality",
    "direction",
    "target_report",
    "target_text",
    "target_start",
    "target_end",
    "target_sentence",
    "actual_report",
    "actual_indicator",
    "actual_comparator",
    "actual_value",
    "actual_unit",
    "actual_in_target_unit",
    "actual_text",
    "actual_start",
    "actual_end",
    "actual_sentence",
    "rule",
    "reason",
)


class PairError(LuoshiError):
    """Two reports that cannot be held to account one against the other (报告年份不相邻)."""


@dataclass(frozen=True, slots=True)
class Judgement:
    """A target of year N, the actual year N+1 reports for it (None when silent) and the verdict.

    ``confidence`` (0..1) is how sure the link is (0 when silent); ``reason`` says what it rests
    on (wording overlap, a shared catalogue entry, the units); ``rule`` how the verdict
    follows (``3 ≥ 5.5 − 0.5个百分点 (左右)``). ``actual_value`` is the actual in the target's
    unit and sense (419万吨 as 83.8亿斤; a 下降 as a negative 增长). ``family`` and ``hedge``
    are the target's wording family (about, floor, ceiling, range, point, word) and word (左右).
    ``statement`` is set, and ``actual`` None, when the review judges the target in words
    only (城镇调查失业率明显低于年初预期目标, see :mod:`luoshi.accountability.qualitative`).
    """

    year: int | None
    target: Target
    actual: Actual | None
    verdict: str
    confidence: float
    reason: str
    rule: str
    direction: str
    family: str
    hedge: str
    catalogue: str | None
    target_sentence: str
    actual_sentence: str
    actual_value: Decimal | None
    statement: Statement | None = None

    @property
    def linked(self) -> bool:
        """Whether the review reports on this target (a figure or words), i.e. not silent."""
        return self.actual is not None or self.statement is not None

    def to_row(self) -> dict[str, Any]:
        """A flat row with the ``JUDGEMENT_FIELDS`` names; numbers stay Decimal, absent ones None."""
        t, a, said = self.target, self.actual, self.statement
        return {
            "year": self.year,
            "verdict": self.verdict,
            "verdict_zh": VERDICT_WORDS[self.verdict],
            "confidence": round(self.confidence, 3),
            "indicator": t.indicator,
            "catalogue": self.catalogue,
            "family": self.family,
            "hedge": self.hedge,
            "comparator": t.comparator,
            "value": t.value,
            "value_max": t.value_max,
            "unit": t.unit,
            "modality": t.modality,
            "direction": self.direction,
            "target_report": t.report,
            "target_text": t.text,
            "target_start": t.start,
            "target_end": t.end,
            "target_sentence": self.target_sentence,
            "actual_report": None if a is None else a.report,
            "actual_indicator": None if a is None else a.indicator,
            "actual_comparator": None if a is None else a.comparator,
            "actual_value": None if a is None else a.value,
            "actual_unit": None if a is None else a.unit,
            "actual_in_target_unit": self.actual_value,
            "actual_text": a.text if a is not None else (said.words if said is not None else None),
            "actual_start": a.start if a is not None else (said.start if said is not None else None),
            "actual_end": a.end if a is not None else (said.end if said is not None else None),
            "actual_sentence": self.actual_sentence,
            "rule": self.rule,
            "reason": self.reason,
        }


@dataclass(frozen=True, slots=True)
class Summary:
    """How many judgements are met, missed and silent, and the shares of all."""

    total: int
    met: int
    missed: int
    silent: int

    def share(self, verdict: str) -> float:
        """The share (0..1) of judgements with this verdict; 0 when there are none."""
        return getattr(self, verdict) / self.total if self.total else 0.0

    def to_dict(self) -> dict[str, Any]:
        row: dict[str, Any] = {"total": self.total}
        for verdict in VERDICTS:
            row[verdict] = getattr(self, verdict)
            row[f"{verdict}_share"] = round(self.share(verdict), 4)
        return row


def summarize(judgements: list[Judgement]) -> Summary:
    """Counts of met, missed and silent over ``judgements``."""
    counts = Counter(j.verdict for j in judgements)
    return Summary(len(judgements), counts["met"], counts["missed"], counts["silent"])
