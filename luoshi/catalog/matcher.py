"""Link an extracted target's indicator wording to a catalogue entry (指标匹配), with a confidence.

A wording scores against an entry the best it scores against the entry's name and synonyms,
all normalised (:func:`luoshi.catalog.text.normalize`):

* 1.0 for the same wording;
* containment: 0.6 + 0.4 × (the synonym's share of the wording) when the wording contains it,
  0.45 + 0.45 × (the wording's share) when it is contained in the synonym;
* abbreviation (招商到资 for 招商到位资金): 0.55 + 0.35 × (the wording's share);
* otherwise an IDF-weighted Dice coefficient of character bigrams (rare pairs like 失业 weigh
  more than common ones like 增长);

less what characters alone miss: a different sector or population qualifier (工业 vs 金融业,
粮食 vs 蔬菜: −0.25, −0.1 when only one side names one), a different measure (增加值 vs 产值:
−0.25), a stock (总数, 余额) against a flow or 新增 against a stock (−0.15). The target's other
fields then adjust the link: its unit (+0.05 to +0.15 when the entry uses it, more for a rare
unit; −0.3 for another family: % against 元), growth words (增长, 涨幅, 下降 against an entry
that is not a rate, or their absence against one that is: −0.2) and its comparator (a ceiling
on a higher-is-better level or rate, a floor on a lower-is-better level: −0.1).

Below ``min_confidence`` there is no link. Everything is precompiled into an inverted bigram
index (the most common pairs, 增长 and 新增, only score candidates that rarer pairs found);
reasons are written only for the matches returned, and results are memoised.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from luoshi.catalog.model import Indicator, Match
from luoshi.catalog.text import (
    DECLINE_RE,
    GROWTH_RE,
    NEW_RE,
    STOCK_RE,
    bigrams,
    is_abbreviation,
    measures,
    normalize,
    qualifiers,
)
from luoshi.catalog.units import unit_family

__all__ = ["Catalog", "MIN_CONFIDENCE"]

#: No link below this confidence: chosen for precision on hand-checked tables (docs/tracking.md).
MIN_CONFIDENCE = 0.65
_CACHE_SIZE = 1 << 16
_PERCENT = ("%", "个百分点")
#: Bigrams in more synonyms than this (增长, 新增) only score candidates that rarer bigrams found.
_COMMON = 40
#: The most an entry adjustment adds (a rare unit that agrees).
_MAX_BONUS = 0.15


@dataclass(frozen=True, slots=True)
class _Synonym:
    text: str
    entry: int
    weight: float
    grams: frozenset[str]
    qualifiers: frozenset[str]
    measures: frozenset[str]
    stock: bool
    new: bool


@dataclass(slots=True)
class _Query:
    """A normalised wording and what the scores read from it, computed once per match."""

    text: str
    grams: frozenset[str]
    total: float
    qualifiers: frozenset[str]
    measures: frozenset[str]
    stock: bool
    new: bool
    growth: bool
    decline: bool
    unit: str | None
    family: str | None
    comparator: str | None


class Catalog:
    """The indicator catalogue: entries by id, and the matcher over their wordings."""

    def __init__(self, entries: Iterable[Indicator], *, min_confidence: float = MIN_CONFIDENCE) -> None:
        self.entries: tuple[Indicator, ...] = tuple(entries)
        self.min_confidence = min_confidence
        self._by_id = {entry.id: entry for entry in self.entries}
        wordings: dict[tuple[str, int], None] = {}
        for index, entry in enumerate(self.entries):
            for wording in (entry.name, *entry.synonyms):
                text = normalize(wording)
                if text:
                    wordings[(text, index)] = None
        grams = {key: bigrams(key[0]) for key in wordings}
        frequency: dict[str, int] = {}
        for pairs in grams.values():
            for gram in pairs:
                frequency[gram] = frequency.get(gram, 0) + 1
        total = len(wordings)
        self._weight = {gram: math.log(1 + total / count) for gram, count in frequency.items()}
        self._unknown = math.log(1 + total)
        self._common = frozenset(gram for gram, count in frequency.items() if count > _COMMON)
        postings: dict[str, list[int]] = {}
        synonyms: list[_Synonym] = []
        self._exact: dict[str, list[int]] = {}
        for number, (text, index) in enumerate(wordings):
            pairs = grams[(text, index)]
            synonyms.append(
                _Synonym(
                    text,
                    index,
                    sum(self._weight[g] for g in pairs),
                    pairs,
                    qualifiers(text),
                    measures(text),
                    STOCK_RE.search(text) is not None,
                    NEW_RE.search(text) is not None,
                )
            )
            self._exact.setdefault(text, []).append(number)
            for gram in pairs:
                if gram not in self._common:
                    postings.setdefault(gram, []).append(number)
        self._synonyms = tuple(synonyms)
        self._postings = {gram: tuple(numbers) for gram, numbers in postings.items()}
        self._growth = tuple(_rate_sense(entry) for entry in self.entries)
        self._unit_bonus = _unit_bonuses(self.entries)
        self._cache: dict[tuple[str, str | None, str | None], Match | None] = {}

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[Indicator]:
        return iter(self.entries)

    def __contains__(self, indicator_id: object) -> bool:
        return indicator_id in self._by_id

    def __getitem__(self, indicator_id: str) -> Indicator:
        return self._by_id[indicator_id]

    def get(self, indicator_id: str) -> Indicator | None:
        """The entry with this id, or None."""
        return self._by_id.get(indicator_id)

    def match(
        self, indicator_text: str, unit: str | None = None, comparator: str | None = None
    ) -> Match | None:
        """The best entry for a wording, or None when no entry reaches ``min_confidence``."""
        key = (indicator_text, unit, comparator)
        cache = self._cache
        if key in cache:
            return cache[key]
        found = None
        query = self._query(indicator_text, unit or None, comparator or None)
        if query is not None:
            ranked = self._ranked(query, 1)
            if ranked and ranked[0][0] >= self.min_confidence:
                found = self._explain(query, ranked[0])
        if len(cache) >= _CACHE_SIZE:
            cache.clear()
        cache[key] = found
        return found

    def candidates(
        self, indicator_text: str, unit: str | None = None, comparator: str | None = None, *, limit: int = 5
    ) -> list[Match]:
        """The best few entries, best first, whatever their confidence (for a review screen)."""
        query = self._query(indicator_text, unit or None, comparator or None)
        if query is None:
            return []
        return [self._explain(query, item) for item in self._ranked(query, limit)]

    def _query(self, text: str, unit: str | None, comparator: str | None) -> _Query | None:
        normal = normalize(text)
        if not normal:
            return None
        grams = bigrams(normal)
        weight, unknown = self._weight, self._unknown
        stock = STOCK_RE.search(normal) is not None
        return _Query(
            normal,
            grams,
            sum(weight.get(gram, unknown) for gram in grams),
            qualifiers(normal),
            measures(normal),
            stock,
            NEW_RE.search(normal) is not None and not stock,
            GROWTH_RE.search(normal) is not None,
            DECLINE_RE.search(normal) is not None,
            unit,
            unit_family(unit) if unit else None,
            comparator,
        )

    def _ranked(self, query: _Query, limit: int | None = None) -> list[tuple[float, int, int]]:
        """(confidence, entry index, synonym number) of the candidate entries, best first.

        With ``limit``, entries whose wording score cannot lift them into the first ``limit``
        (no adjustment adds more than ``_MAX_BONUS``) are not adjusted at all.
        """
        raw = sorted(self._raw_scores(query).items(), key=lambda item: (-item[1][0], item[0]))
        ranked: list[tuple[float, int, int]] = []
        floor = -1.0
        for index, (score, number) in raw:
            if limit is not None and len(ranked) >= limit and score + _MAX_BONUS < floor:
                break
            score += self._entry_adjustment(query, index, None)
            ranked.append((round(min(1.0, max(0.0, score)), 4), index, number))
            if limit is not None and len(ranked) >= limit:
                ranked.sort(key=lambda item: (-item[0], item[1]))
                del ranked[limit:]
                floor = ranked[-1][0]
        ranked.sort(key=lambda item: (-item[0], item[1]))
        return ranked if limit is None else ranked[:limit]

    def _explain(self, query: _Query, item: tuple[float, int, int]) -> Match:
        """The Match for a ranked candidate, with its reason written out."""
        confidence, index, number = item
        notes: list[str] = []
        self._synonym_score(query, self._synonyms[number], self._overlap(query, number), notes)
        self._entry_adjustment(query, index, notes)
        return Match(self.entries[index], confidence, "; ".join(notes), self._synonyms[number].text)

    def _overlap(self, query: _Query, number: int) -> float:
        synonym = self._synonyms[number]
        weight = self._weight
        return sum(weight[gram] for gram in query.grams & synonym.grams)

    def _raw_scores(self, query: _Query) -> dict[int, tuple[float, int]]:
        """Best wording score per entry index, with the synonym number that reached it."""
        best: dict[int, tuple[float, int]] = {}
        synonyms = self._synonyms
        for number in self._exact.get(query.text, ()):
            best[synonyms[number].entry] = (1.0, number)
        if not query.grams:
            return best
        weight = self._weight
        postings = self._postings
        shared: dict[int, float] = {}
        common = []
        for gram in query.grams:
            if gram in self._common:
                common.append(gram)
                continue
            numbers = postings.get(gram)
            if numbers is None:
                continue
            w = weight[gram]
            for number in numbers:
                shared[number] = shared.get(number, 0.0) + w
        total = query.total
        for number, overlap in shared.items():
            synonym = synonyms[number]
            previous = best.get(synonym.entry)
            if previous is not None and previous[0] >= 1.0:
                continue
            for gram in common:
                if gram in synonym.grams:
                    overlap += weight[gram]
            if (
                2.0 * overlap / (total + synonym.weight) < 0.25
                and overlap < synonym.weight - 1e-9
                and overlap < total - 1e-9
            ):
                continue
            score = self._synonym_score(query, synonym, overlap, None)
            if score >= 0.3 and (previous is None or score > previous[0]):
                best[synonym.entry] = (score, number)
        return best

    def _synonym_score(
        self, query: _Query, synonym: _Synonym, overlap: float, notes: list[str] | None
    ) -> float:
        """How alike a wording and one synonym are; with ``notes``, say why."""
        text, length = query.text, len(query.text)
        if text == synonym.text:
            if notes is not None:
                notes.append(f"same wording as {synonym.text!r}")
            return 1.0
        dice = 2.0 * overlap / (query.total + synonym.weight)
        score, how = dice, "overlap"
        if overlap >= synonym.weight - 1e-9 and synonym.text in text:
            contained = 0.6 + 0.4 * len(synonym.text) / length
            if contained > score:
                score, how = contained, "contains"
        elif overlap >= query.total - 1e-9 and text in synonym.text:
            contained = 0.45 + 0.45 * length / len(synonym.text)
            if contained > score:
                score, how = contained, "contained"
        elif (
            dice >= 0.25 and not synonym.qualifiers - query.qualifiers and is_abbreviation(text, synonym.text)
        ):
            short = 0.55 + 0.35 * length / len(synonym.text)
            if short > score:
                score, how = short, "abbreviates"
        if notes is not None:
            notes.append(
                {
                    "overlap": f"character overlap {dice:.2f} with {synonym.text!r}",
                    "contains": f"contains {synonym.text!r}",
                    "contained": f"contained in {synonym.text!r}",
                    "abbreviates": f"abbreviates {synonym.text!r}",
                }[how]
            )
        marks = query.qualifiers
        if marks != synonym.qualifiers:
            extra, missing = marks - synonym.qualifiers, synonym.qualifiers - marks
            if extra and missing:
                score -= 0.25
                if notes is not None:
                    notes.append(f"qualifier {_words(extra)} is not {_words(missing)} (-0.25)")
            else:
                score -= 0.1
                if notes is not None:
                    notes.append(
                        f"qualifier {_words(extra)} not in the synonym (-0.10)"
                        if extra
                        else f"synonym adds {_words(missing)} (-0.10)"
                    )
        if query.measures and synonym.measures and not query.measures & synonym.measures:
            score -= 0.25
            if notes is not None:
                notes.append(f"measure {_words(query.measures)} is not {_words(synonym.measures)} (-0.25)")
        entry = self.entries[synonym.entry]
        if query.stock and not synonym.stock and entry.kind == "flow":
            score -= 0.15
            if notes is not None:
                notes.append("a stock (总数, 余额) for a flow (-0.15)")
        elif query.new and not synonym.new and entry.kind == "level" and entry.unit not in _PERCENT:
            score -= 0.15
            if notes is not None:
                notes.append("a new count (新增) for a stock (-0.15)")
        return score

    def _entry_adjustment(self, query: _Query, index: int, notes: list[str] | None) -> float:
        """What the unit, growth words and comparator add to or take from a link to an entry."""
        entry = self.entries[index]
        adjustment = 0.0
        unit = query.unit
        if unit:
            if unit in entry.all_units:
                bonus = self._unit_bonus.get(unit, 0.05)
                adjustment += bonus
                if notes is not None:
                    notes.append(f"unit {unit} agrees (+{bonus:.2f})")
            elif query.family != unit_family(entry.unit):
                adjustment -= 0.3
                if notes is not None:
                    notes.append(f"unit {unit} is not {entry.unit} (-0.30)")
        sense = self._growth[index]
        growth, decline = query.growth, query.decline
        if sense is not None:
            if not (growth or decline):
                adjustment -= 0.2
                if notes is not None:
                    notes.append("no growth word for a rate (-0.20)")
            elif (sense == "growth" and decline and not growth) or (sense == "decline" and not decline):
                adjustment -= 0.2
                if notes is not None:
                    notes.append(f"wording is not a {sense} (-0.20)")
        elif (growth or decline) and (unit is None or unit in _PERCENT) and entry.kind != "milestone":
            adjustment -= 0.2
            if notes is not None:
                notes.append("growth word for an entry that is not a rate (-0.20)")
        comparator = query.comparator
        if comparator and entry.kind in ("level", "rate"):
            if comparator in ("<", "<=") and entry.direction == "higher":
                adjustment -= 0.1
                if notes is not None:
                    notes.append("ceiling on a higher-is-better measure (-0.10)")
            elif comparator in (">", ">=") and entry.direction == "lower" and entry.kind == "level":
                adjustment -= 0.1
                if notes is not None:
                    notes.append("floor on a lower-is-better measure (-0.10)")
        return adjustment


def _words(words: frozenset[str]) -> str:
    return "/".join(sorted(words))


def _rate_sense(entry: Indicator) -> str | None:
    """growth or decline for a rate entry (by its name), None for other kinds."""
    if entry.kind != "rate":
        return None
    return "decline" if DECLINE_RE.search(entry.name) else "growth"


def _unit_bonuses(entries: tuple[Indicator, ...]) -> dict[str, float]:
    """A rare unit is stronger evidence: +0.15 when one entry uses it, +0.1 for up to five, else +0.05."""
    users: dict[str, int] = {}
    for entry in entries:
        for unit in set(entry.all_units):
            users[unit] = users.get(unit, 0) + 1
    return {unit: 0.15 if n == 1 else 0.1 if n <= 5 else 0.05 for unit, n in users.items()}
