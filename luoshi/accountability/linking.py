"""Link each target of year N to the actual (实绩) year N+1's review reports for it, and judge it.

For every target, every usable actual is a candidate; the best one at or above
``MIN_CONFIDENCE`` is its actual, else the target is ``silent`` (未提及). A candidate must:

* describe year N: ``Actual.year == N`` and one year (过去一年); a figure of a five-year
  review (过去五年) whose last year is N is used too, a little less surely, when its
  paragraph speaks of year N (2020年, 这一年), or when it is a rate or level in % (or a
  concentration) with no multi-year words (年均, 累计, 五年, 以来): other five-year figures
  are totals over the five years (see ``_describes``);
* state the same kind of figure: a change (增长5%, 下降2.5%) against a change, a level
  (失业率5.5%, 粮食产量1.3万亿斤) against a level (:func:`~luoshi.accountability.wording.change_sense`);
  a decline against a growth is turned into a negative growth;
* be in a compatible unit (:mod:`luoshi.accountability.units`).

Its confidence is the character overlap of the two core wordings
(:func:`~luoshi.accountability.wording.overlap`), raised to at least 0.8 + 0.2 × the weaker
link when target and actual link to the same catalogue entry (:mod:`luoshi.catalog`), halved
when they link to different entries, and scaled by the unit's weight (吨 against 斤: 1; % against
个百分点: 0.85; 个 against 家: 0.9), by 0.55 for a new-this-year count (新增) against a running
total (达到, 累计), and by 0.85 for a five-year figure. An actual whose own words are only a
change word (增长8.1%, its subject elided) is read with the subject that opens its sentence; a
wording too generic to say what it measures (总投资, 产值) with the statement before it.

A target with no actual may still be judged when the review says in words how it went
(城镇调查失业率明显低于年初预期目标, see :mod:`luoshi.accountability.qualitative`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from luoshi.accountability.direction import direction_of
from luoshi.accountability.model import Judgement
from luoshi.accountability.qualitative import find_statement
from luoshi.accountability.rules import DEFAULT_TOLERANCE, Tolerance, judge
from luoshi.accountability.units import POINTS, Compatibility, canonical, compatibility
from luoshi.accountability.wording import (
    Wording,
    change_sense,
    core_wording,
    hedge_family,
    overlap,
    sentence_subject,
    wording_of,
)
from luoshi.catalog import Catalog, Match, default_catalog
from luoshi.catalog.text import NEW_RE, STOCK_RE, normalize
from luoshi.extraction.model import Actual, Target

__all__ = ["link", "MIN_CONFIDENCE", "year_described"]

#: No link below this confidence: the target is judged silent (未提及).
MIN_CONFIDENCE = 0.6
#: The confidence of a judgement the review states in words only (低于年初预期目标).
_WORDS_CONFIDENCE = 0.6
_FIVE_YEAR_WEIGHT = 0.85
_MULTI_YEAR_RE = re.compile(r"年均|累计|五年|十年|三年|连续|以来|多年|从\d{4}年|历史|首次|十[一二三四]五")
_ONE_YEAR_RE = re.compile(r"过去一年|一年来|这一年|去年|全年|刚刚过去的")
_FIVE_YEAR_HEAD_RE = re.compile(r"五年|十[一二三四五]五")
#: How far into a paragraph its opening words reach.
_HEAD = 40
_FIVE_YEAR_UNITS = frozenset({"%", POINTS, "μg/m³"})
_DIGIT_RE = re.compile(r"[0-9０-９]")
_FULL_STOPS = "。！？!?；;\n"
_FULL_STOP_RE = re.compile(r"[。！？!?；;]|(?=\n)")
_SENTENCE_END_RE = re.compile(r"[。；;！？!?\n]")
_STOCK_TEXT_RE = re.compile(r"达到|累计|总数|总量|突破")
#: A new-this-year count (新增) against a running total (达到, 累计) is most likely another measure.
_STOCK_FLOW_WEIGHT = 0.55
#: Core wordings too generic to say what they measure (总投资, 产值): read with the statement before.
_GENERIC = frozenset((
    "投资", "总投资", "产值", "总产值", "规模", "收入", "营收", "营业收入", "总额", "总量", "金额",
    "面积", "产量", "数量", "增加值", "利润", "税收", "销售额",
))  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Side:
    """What linking reads from a target or an actual, computed once."""

    wording: Wording
    sense: str | None
    unit: str
    match: Match | None
    #: ``flow`` (新增 …), ``stock`` (总数, 达到, 累计) or None, for counts and amounts
    stock: str | None = None


@dataclass(frozen=True, slots=True)
class _Link:
    actual: Actual
    confidence: float
    reason: str
    compatibility: Compatibility
    negate: bool


def link(
    targets: Sequence[Target],
    actuals: Sequence[Actual],
    *,
    year: int | None = None,
    target_text: str | None = None,
    actual_text: str | None = None,
    catalog: Catalog | None = None,
    tolerance: Tolerance = DEFAULT_TOLERANCE,
    min_confidence: float = MIN_CONFIDENCE,
) -> list[Judgement]:
    """One judgement per target, in the targets' order.

    ``year`` is N, the year the targets are for; without it, the year most one-year actuals
    describe. ``target_text`` and ``actual_text`` are the two reports' texts, for the
    sentence around each span (without them the sentence is the span's own words).
    """
    catalog = catalog or default_catalog()
    n = year if year is not None else year_described(actuals)
    usable = [a for a in actuals if _describes(a, n, actual_text)]
    sides = list(zip(usable, _sides(usable, actual_text, catalog), strict=True))
    review = _review_span(actual_text, usable)
    judgements = []
    for target, side in zip(targets, _sides(targets, target_text, catalog), strict=True):
        best: _Link | None = None
        runner_up = ""
        for actual, other in sides:
            candidate = _candidate(side, actual, other)
            if candidate is None:
                continue
            if best is None or _rank(candidate) > _rank(best):
                best = candidate
        if best is not None and best.confidence < min_confidence:
            runner_up = f"; closest: {best.actual.text} ({best.confidence:.2f}, below {min_confidence})"
            best = None
        judgements.append(
            _judgement(target, side, best, n, target_text, actual_text, review, tolerance, runner_up)
        )
    return judgements


def year_described(actuals: Sequence[Actual]) -> int | None:
    """The year most one-year actuals describe (the year before the report's), or None."""
    years = Counter(a.year for a in actuals if a.years == 1 and a.year is not None)
    if not years:
        years = Counter(a.year for a in actuals if a.year is not None)
    return years.most_common(1)[0][0] if years else None


def _describes(actual: Actual, year: int | None, text: str | None) -> bool:
    """Whether an actual reports year N.

    A one-year figure of N does. A figure from a five-year review (过去五年, 2020年和“十三五”
    工作回顾) whose last year is N does when its paragraph speaks of that year (2020年, 这一年,
    过去一年) and does not open on the five years; otherwise only a rate or level in % with no
    multi-year words (年均, 累计, 五年 …) in its words or paragraph.
    """
    if year is None or actual.year != year:
        return False
    if actual.years == 1:
        return True
    if _MULTI_YEAR_RE.search(actual.indicator) or _MULTI_YEAR_RE.search(actual.text):
        return False
    paragraph = "" if text is None else _paragraph(text, actual)
    if not _FIVE_YEAR_HEAD_RE.search(paragraph[:_HEAD]) and (
        f"{year}年" in paragraph or _ONE_YEAR_RE.search(paragraph)
    ):
        return True
    return actual.unit in _FIVE_YEAR_UNITS and _MULTI_YEAR_RE.search(paragraph) is None


def _paragraph(text: str, actual: Actual) -> str:
    start = text.rfind("\n", 0, actual.start) + 1
    end = text.find("\n", actual.end)
    return text[start : end if end >= 0 else len(text)]


def _sides(items: Sequence[Target | Actual], text: str | None, catalog: Catalog) -> list[_Side]:
    """The linking features of each item; a short wording (总投资, 投资) borrows the core of the
    statement before it in the same sentence (安排市以上重点项目599项，总投资5942亿元), so that a
    bare 总投资 of key projects does not meet a bare 总投资 of cooperation projects."""
    sides: list[_Side] = []
    for i, item in enumerate(items):
        side = _side(item, text, catalog)
        if (
            _generic(side.wording.core)
            and text is not None
            and i
            and _same_sentence(text, items[i - 1], item)
        ):
            joined = wording_of(sides[-1].wording.core + side.wording.core)
            side = _Side(joined, side.sense, side.unit, side.match, side.stock)
        sides.append(side)
    return sides


def _generic(core: str) -> bool:
    return len(core) < 2 or core in _GENERIC


def _same_sentence(text: str, before: Target | Actual, item: Target | Actual) -> bool:
    return before.end <= item.start and _SENTENCE_END_RE.search(text, before.end, item.start) is None


def _side(item: Target | Actual, text: str | None, catalog: Catalog) -> _Side:
    wording = item.indicator
    core = core_wording(wording)
    if len(core) < 2 and text is not None:
        wording = sentence_subject(text, item.start) + wording
        core = core_wording(wording)
    return _Side(
        wording=wording_of(core),
        sense=change_sense(item.text),
        unit=item.unit,
        match=catalog.match(wording, item.unit, item.comparator) if wording else None,
        stock=_stock_or_flow(wording, item.text, item.unit),
    )


def _stock_or_flow(wording: str, text: str, unit: str) -> str | None:
    """新增高新技术企业60家 is a flow, 高新技术企业达到1306家 a stock; rates are neither."""
    if canonical(unit)[0] in ("%", POINTS):
        return None
    normal = normalize(wording)
    if NEW_RE.search(normal):
        return "flow"
    if STOCK_RE.search(normal) or _STOCK_TEXT_RE.search(text):
        return "stock"
    return None


def _candidate(target: _Side, actual: Actual, other: _Side) -> _Link | None:
    if (target.sense is None) != (other.sense is None):
        return None
    compatible = _compatibility(target.unit, actual.unit, target.sense is not None)
    if compatible is None:
        return None
    score = overlap(target.wording, other.wording)
    reasons = [f"wording overlap {score:.2f} ({target.wording.core} ~ {other.wording.core})"]
    if target.match is not None and other.match is not None:
        weaker = min(target.match.confidence, other.match.confidence)
        if target.match.entry.id == other.match.entry.id:
            score = max(score, 0.8 + 0.2 * weaker)
            reasons.append(f"both link to catalogue {target.match.entry.id}")
        else:
            score *= 0.5
            reasons.append(f"catalogue differs: {target.match.entry.id} against {other.match.entry.id}")
    score *= compatible.weight
    reasons.append(compatible.reason)
    if {target.stock, other.stock} == {"flow", "stock"}:
        score *= _STOCK_FLOW_WEIGHT
        reasons.append(f"a {target.stock} against a {other.stock}")
    if actual.years != 1:
        score *= _FIVE_YEAR_WEIGHT
        reasons.append(f"from the {actual.years}-year review")
    negate = target.sense is not None and target.sense != other.sense
    if negate:
        reasons.append(f"{other.sense} read as a negative {target.sense}")
    return _Link(actual, min(score, 1.0), "; ".join(reasons), compatible, negate)


@lru_cache(maxsize=1024)
def _compatibility(target_unit: str, actual_unit: str, rate_change: bool) -> Compatibility | None:
    return compatibility(target_unit, actual_unit, rate_change=rate_change)


def _rank(candidate: _Link) -> tuple[float, bool, int]:
    """Best first: the most confident, then a one-year figure, then the earliest in the text."""
    return (round(candidate.confidence, 6), candidate.actual.years == 1, -candidate.actual.start)


def _judgement(
    target: Target,
    side: _Side,
    best: _Link | None,
    year: int | None,
    target_text: str | None,
    actual_text: str | None,
    review: tuple[int, int] | None,
    tolerance: Tolerance,
    note: str,
) -> Judgement:
    exact_word = _is_exact_word(target)
    family, hedge = hedge_family(target.comparator, target.text, exact_word)
    entry = side.match.entry if side.match is not None else None
    direction, because = direction_of(target.comparator, target.indicator, target.value, side.sense, entry)
    target_sentence = _sentence(target_text, target)
    if best is None and actual_text is not None and review is not None:
        said = find_statement(actual_text, side.wording.core, direction, *review)
        if said is not None:
            return Judgement(
                year=year,
                target=target,
                actual=None,
                verdict=said.verdict,
                confidence=_WORDS_CONFIDENCE,
                reason=f"the review judges it in words: {said.words}",
                rule=f"stated in words (定性表述); {direction} is better: {because}",
                direction=direction,
                family=family,
                hedge=hedge,
                catalogue=None if entry is None else entry.id,
                target_sentence=target_sentence,
                actual_sentence=_sentence_at(actual_text, said.start, said.end),
                actual_value=None,
                statement=said,
            )
    if best is None:
        where = "no actual in the review" if year is not None else "no review figures"
        return Judgement(
            year=year,
            target=target,
            actual=None,
            verdict="silent",
            confidence=0.0,
            reason=f"{where} of {year}{note}" if year is not None else where,
            rule="",
            direction=direction,
            family=family,
            hedge=hedge,
            catalogue=None if entry is None else entry.id,
            target_sentence=target_sentence,
            actual_sentence="",
            actual_value=None,
        )
    actual = best.actual
    value = actual.value * best.compatibility.factor
    if best.negate:
        value = -value
    ruling = judge(
        target.comparator,
        target.value,
        value,
        direction=direction,
        value_max=target.value_max,
        percent=canonical(target.unit)[0] in ("%", POINTS),
        actual_comparator=actual.comparator,
        exact_word=exact_word,
        tolerance=tolerance,
    )
    return Judgement(
        year=year,
        target=target,
        actual=actual,
        verdict=ruling.verdict,
        confidence=best.confidence,
        reason=best.reason,
        rule=f"{ruling.rule}; {direction} is better: {because}",
        direction=direction,
        family=family,
        hedge=hedge,
        catalogue=None if entry is None else entry.id,
        target_sentence=target_sentence,
        actual_sentence=_sentence(actual_text, actual),
        actual_value=_tidy(value),
    )


def _is_exact_word(target: Target) -> bool:
    """A target stated by a word, not a figure: 全覆盖 (100 %), 清零 (0)."""
    return target.value in (0, 100) and _DIGIT_RE.search(target.text) is None


def _review_span(text: str | None, actuals: Sequence[Actual]) -> tuple[int, int] | None:
    """From the paragraph of the first usable actual to the end of the last one's."""
    if text is None or not actuals:
        return None
    first = min(a.start for a in actuals)
    last = max(a.end for a in actuals)
    end = text.find("\n", last)
    return text.rfind("\n", 0, first) + 1, len(text) if end < 0 else end


def _sentence(text: str | None, item: Target | Actual) -> str:
    """The sentence (句) holding the item: from the sentence end before it to the one after it.

    A semicolon ends a sentence here too: a list of targets (国内生产总值增长5%左右；城镇新增就业
    …；) is one sentence of a hundred characters, and the clause is what a reader needs."""
    if text is None or text[item.start : item.end] != item.text:
        return item.text
    return _sentence_at(text, item.start, item.end)


def _sentence_at(text: str, start: int, end: int) -> str:
    begin = start
    while begin > 0 and text[begin - 1] not in _FULL_STOPS:
        begin -= 1
    found = _FULL_STOP_RE.search(text, end)
    finish = len(text) if found is None else found.end()
    return text[begin:finish].strip()


def _tidy(value: Decimal) -> Decimal:
    """83800000000.000 → 83800000000: no trailing zeros from a unit factor."""
    normal = value.normalize()
    return normal.quantize(Decimal(1)) if normal == normal.to_integral_value() else normal
