"""Accountability (问责): were last year's targets met? Year N's targets against year N+1's review.

Each year's report opens by reviewing the year before (过去一年, 地区生产总值增长5.8%, 新增城镇
就业10.2万人). Set against the previous report's targets, that says whether its promises
were kept::

    from luoshi import read_report
    from luoshi.accountability import hold_to_account, summarize

    judgements = hold_to_account(read_report("2023_national_state_council.txt"),
                                 read_report("2024_national_state_council.txt"))
    for j in judgements:
        print(j.target.text, "→", j.actual.text if j.actual else "—", j.verdict, j.confidence)
    print(summarize(judgements))

:func:`link` is the pure core (targets and actuals in, judgements out);
:func:`hold_to_account` reads both reports' targets and actuals and keeps the sentences;
:func:`judge` holds the judging rules (:mod:`luoshi.accountability.rules`, with the 左右
tolerance documented there).
"""

from luoshi.accountability.linking import MIN_CONFIDENCE, link, year_described
from luoshi.accountability.model import (
    JUDGEMENT_FIELDS,
    VERDICT_WORDS,
    VERDICTS,
    Judgement,
    PairError,
    Summary,
    summarize,
)
from luoshi.accountability.pair import due_targets, hold_to_account
from luoshi.accountability.rules import DEFAULT_TOLERANCE, Ruling, Tolerance, judge
from luoshi.accountability.wording import HEDGE_FAMILIES

__all__ = [
    "DEFAULT_TOLERANCE",
    "HEDGE_FAMILIES",
    "JUDGEMENT_FIELDS",
    "MIN_CONFIDENCE",
    "VERDICTS",
    "VERDICT_WORDS",
    "Judgement",
    "PairError",
    "Ruling",
    "Summary",
    "Tolerance",
    "due_targets",
    "hold_to_account",
    "judge",
    "link",
    "summarize",
    "year_described",
]
