"""The target grammar (目标语法): quantities in the plan part become Targets.

For each plan paragraph: find every quantity (:mod:`quantities`) and exact quantity word
(:mod:`exact_words`), drop the non-targets (:mod:`nontargets`), then give each the
comparator (:mod:`comparators`, with a list-final hedge shared along a 、 list), modality
(:mod:`modality`), deadline year (:mod:`deadlines`) and indicator words
(:mod:`indicators`). The span runs from the indicator to the end of the quantity, so that
``text`` is the shortest stretch of the report that states the target.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from luoshi.extraction.clauses import Segments, segment
from luoshi.extraction.comparators import prefix_comparator, suffix_comparator
from luoshi.extraction.deadlines import deadline_year
from luoshi.extraction.exact_words import ExactWord, find_exact_words
from luoshi.extraction.indicators import indicator_words, item_start, target_kind
from luoshi.extraction.modality import modality_at
from luoshi.extraction.model import Target
from luoshi.extraction.nontargets import non_target_reason
from luoshi.extraction.quantities import Quantity, find_quantities
from luoshi.extraction.units import frequency_period
from luoshi.reading.report import Node, Report

__all__ = ["extract_targets", "targets_in_paragraph"]

_CHANGE = r"(?:同比|比上年|年均|实际)?(?:增长|下降|提高|降低|上涨|增速|增幅|减少|涨幅)"
_BARE_CHANGE_RE = re.compile(_CHANGE)
_CHANGE_TAIL_RE = re.compile(_CHANGE + "$")
_SENTENCE_END_RE = re.compile(r"[。；;！？!?\n]")
_NAMED_ACTION_RE = re.compile(r"[\u4e00-\u9fff]{0,6}(?:行动|工程|活动|计划|专项|攻坚|方针|策略|原则|理念)")
#: A quoted formula that counts its parts: “两个全覆盖”, like 两个确立 (a slogan, not a target).
_COUNTED_FORMULA_RE = re.compile(r"[一二三四五六七八九十两]个")
#: 目标 after the quote, maybe past a note mark (“两个翻一番”〔13〕目标, “…”[2]目标).
_GOAL_AFTER_RE = re.compile(r"(?:[〔\[［(（]\d{1,3}[〕\]］)）])?目标")
_LIST_JOINERS = ("、", "和", "及", "与", "以及")


def extract_targets(report: Report) -> list[Target]:
    """Every quantitative target in the plan parts of ``report``, in report order."""
    targets: list[Target] = []
    for paragraph in report.paragraphs(role="plan"):
        targets.extend(targets_in_paragraph(report, paragraph))
    return targets


def statements_in_paragraph(report: Report, paragraph: Node) -> list[Target]:
    """Every stated quantity of a paragraph, read by the target grammar whatever its part's role.

    The review part states achievements with the same words (增长5.8%, 新增就业10.2万人);
    :mod:`luoshi.extraction.actuals` reads them through this.
    """
    return targets_in_paragraph(report, paragraph)


def targets_in_paragraph(report: Report, paragraph: Node) -> list[Target]:
    """The targets of one paragraph."""
    text = report.text
    quantities = find_quantities(text, paragraph.start, paragraph.end)
    words = find_exact_words(text, paragraph.start, paragraph.end)
    if not quantities and not words:
        return []
    segments = segment(text, paragraph.start, paragraph.end)
    section = " > ".join(report.section_path(paragraph.start))
    found: list[Target] = []
    found.extend(_quantity_targets(report, section, segments, quantities))
    found.extend(_word_targets(report, section, segments, words, quantities))
    found.sort(key=lambda t: (t.start, t.end))
    _inherit_subjects(text, found)
    return found


def _inherit_subjects(text: str, found: list[Target]) -> None:
    """An elided subject is the one before it: 国内生产总值超过126万亿元、增长5.2% → 国内生产总值增长."""
    for i in range(1, len(found)):
        target, before = found[i], found[i - 1]
        if not _BARE_CHANGE_RE.fullmatch(target.indicator) or _SENTENCE_END_RE.search(
            text, before.end, target.start
        ):
            continue
        subject = _CHANGE_TAIL_RE.sub("", before.indicator)
        if subject and not _BARE_CHANGE_RE.fullmatch(before.indicator):
            indicator = subject + target.indicator
            found[i] = replace(target, indicator=indicator, kind=target_kind(indicator, target.unit))


def _quantity_targets(
    report: Report, section: str, segments: Segments, quantities: list[Quantity]
) -> list[Target]:
    text = report.text
    by_clause: dict[int, list[Quantity]] = {}
    for q in quantities:
        by_clause.setdefault(segments.clause_index(q.start), []).append(q)
    targets: list[Target] = []
    for clause, items in by_clause.items():
        c_start, c_end = segments.clause(clause)
        comparators: list[str | None] = []
        kept: list[tuple[Quantity, int]] = []
        for i, q in enumerate(items):
            previous_end = items[i - 1].end if i else c_start
            start = item_start(text, c_start, previous_end, q.start)
            comparator = suffix_comparator(q)
            if comparator is None:
                prefix = prefix_comparator(text, start if i else c_start, q.start)
                if prefix is not None:
                    comparator = prefix[0]
            later = items[i + 1 :]
            if non_target_reason(
                text, c_start, c_end, q, later, comparator is not None, items[i - 1].end if i else -1
            ):
                continue
            comparators.append(comparator)
            kept.append((q, start))
        _share_list_comparators(text, kept, comparators)
        for (q, start), comparator in zip(kept, comparators, strict=True):
            targets.append(_target(report, section, segments, clause, q, start, comparator or "="))
    return targets


def _share_list_comparators(
    text: str, kept: list[tuple[Quantity, int]], comparators: list[str | None]
) -> None:
    """Share comparators along a 、 list (a chain of items with no comma between them).

    A hedge on the chain's last item governs every item (新增产业合规指引6个、合规示范企业3家以上
    → both ``>=``); a comparator word at the head governs the items after it (普及率达到93%、
    处理率74% → both ``>=``). A hedge in the middle of a chain stays with its own item.
    """
    chain: list[int] = []
    for i in range(len(kept) + 1):
        if chain and (i == len(kept) or not _joined(text, kept[i - 1][0].end)):
            _share_in_chain(kept, comparators, chain)
            chain = []
        if i < len(kept):
            chain.append(i)


def _share_in_chain(
    kept: list[tuple[Quantity, int]], comparators: list[str | None], chain: list[int]
) -> None:
    if len(chain) < 2:
        return
    last = kept[chain[-1]][0]
    hedge = suffix_comparator(last)
    if hedge is not None and hedge != "range":
        for i in chain[:-1]:
            if comparators[i] is None:
                comparators[i] = hedge
    head = comparators[chain[0]]
    if head is not None and head != "range" and suffix_comparator(kept[chain[0]][0]) is None:
        for i in chain[1:]:
            if comparators[i] is None:
                comparators[i] = head


def _joined(text: str, at: int) -> bool:
    """Does a list seam (、 or 和 between items) follow the item ending at ``at``?"""
    return text.startswith(_LIST_JOINERS, at)


def _target(
    report: Report, section: str, segments: Segments, clause: int, q: Quantity, start: int, comparator: str
) -> Target:
    text = report.text
    c_start, c_end = segments.clause(clause)
    indicator = indicator_words(text, start, q.start, q.end, c_end)
    s_start, _ = segments.sentence(clause)
    year = deadline_year(text, s_start, q.start, report.year)
    value_max = q.value_max if comparator == "range" else None
    period = frequency_period(text, c_start, q.start, q.unit)
    return Target(
        report=report.name,
        start=start,
        end=q.end,
        text=text[start : q.end],
        section=section,
        indicator=indicator,
        comparator=comparator,
        value=_exact(q.value),
        value_max=None if value_max is None else _exact(value_max),
        unit=q.unit if period is None else f"{q.unit}/{period}",  # 每月开展一次: 1 次/月
        modality=modality_at(text, segments, clause, q.start),
        year=year,
        kind=target_kind(indicator, q.unit),
    )


def _word_targets(
    report: Report, section: str, segments: Segments, words: list[ExactWord], quantities: list[Quantity]
) -> list[Target]:
    text = report.text
    targets = []
    for word in words:
        if any(q.start < word.end and word.start < q.end for q in quantities):
            continue  # 100%达标 is already a quantity
        clause = segments.clause_index(word.start)
        c_start, c_end = segments.clause(clause)
        if _quoted_inside_longer_name(text, c_start, word):
            continue
        previous = [q.end for q in quantities if c_start <= q.end <= word.start]
        start = item_start(text, c_start, max(previous, default=c_start), word.start)
        indicator = indicator_words(text, start, word.start, word.end, c_end)
        if "覆盖" in word.word:
            indicator += "覆盖"
        elif "达标" in word.word:
            indicator += "达标"
        s_start, _ = segments.sentence(clause)
        targets.append(
            Target(
                report=report.name,
                start=start,
                end=word.end,
                text=text[start : word.end],
                section=section,
                indicator=indicator or word.word,
                comparator="=",
                value=word.value,
                value_max=None,
                unit=word.unit,
                modality=modality_at(text, segments, clause, word.start),
                year=deadline_year(text, s_start, word.start, report.year),
                kind=target_kind(indicator, word.unit) if word.value else "count",
            )
        )
    return targets


def _quoted_inside_longer_name(text: str, clause_start: int, word: ExactWord) -> bool:
    """“两清零一提升” is a name; “两清零” and “零增长” state the target. A quote that names a
    policy (“动态清零”总方针) or counts its parts like a formula (“两个全覆盖”) is a slogan."""
    opening = text.rfind("“", clause_start, word.start)
    if opening < 0 or text.rfind("”", opening, word.start) >= 0:
        return False
    if not text.startswith("”", word.end):
        return True
    if _COUNTED_FORMULA_RE.match(text, opening + 1):
        return _GOAL_AFTER_RE.match(text, word.end + 1) is None  # but 实现“两个翻一番”目标 is one
    return _NAMED_ACTION_RE.match(text, word.end + 1) is not None  # 开展信访积案“清零”巩固提升行动


def _exact(value: Decimal) -> Decimal:
    """Drop float-like trailing zeros (13200.00 → 13200) without changing the value."""
    normalized = value.normalize()
    return normalized.quantize(Decimal(1)) if normalized == normalized.to_integral_value() else normalized
