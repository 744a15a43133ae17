"""Pair the reports of one place in consecutive years (相邻年份配对): year N's plan, year N+1's review.

A report's place is the slug of its file name when the name follows the corpus pattern
``YEAR_place_level`` (:func:`luoshi.corpus.files.slug_of`), which stays the same when a
place is renamed (清苑县 → 保定市清苑区); otherwise the place the text names (保定市), folded
so that 保定 and 保定市 meet, and joined to a slug that a named file of that place has. The year is the plan year the text states (the file name is
only a fallback: 2024_miyixian_county.txt holds the 2022 report). Two reports of one place
and one year are a duplicate: the first by name is used, the other listed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from luoshi.corpus.files import slug_of

__all__ = ["Pairing", "pair_consecutive", "place_key", "Dated"]

_SUFFIX_RE = re.compile(r"(?:特别行政区|自治区|自治州|自治县|省|市|县|区|州|盟|旗)$")
#: A county named with its city: 保定市清苑区 → 清苑区.
_WITH_PARENT_RE = re.compile(r"^.{2,8}?[省市州盟](.{1,10}[县区市旗])$")

T = TypeVar("T", bound="Dated")


class Dated(Protocol):
    """What pairing reads from a report: its file stem (``name``), ``place`` and ``year``."""

    name: str
    place: str | None
    year: int | None


@dataclass(slots=True)
class Pairing(Generic[T]):
    """Consecutive-year pairs (earlier, later) by place, and the reports left out, with why."""

    pairs: list[tuple[T, T]]
    unpaired: list[tuple[T, str]]


def place_key(name: str, place: str | None) -> str | None:
    """The key that groups a place's reports: the file-name slug, else the text's place folded
    (保定市清苑区 → 清苑, 上海市 → 上海); None when neither is known."""
    slug = slug_of(name)
    if slug is not None:
        return slug
    if not place:
        return None
    if place in ("国务院", "全国", "中国", "中华人民共和国"):
        return "national"
    parent = _WITH_PARENT_RE.match(place)
    inner = parent.group(1) if parent is not None else place
    folded = _SUFFIX_RE.sub("", inner)
    return folded if len(folded) >= 2 else inner


def pair_consecutive(reports: Sequence[T]) -> Pairing[T]:
    """Every (year N, year N+1) pair of reports of one place, by place then year."""
    groups: dict[str, dict[int, T]] = {}
    unpaired: list[tuple[T, str]] = []
    aliases = _aliases(reports)
    for report in sorted(reports, key=lambda r: r.name):
        key = place_key(report.name, report.place)
        key = aliases.get(key, key) if key is not None else None
        if key is None or report.year is None:
            unpaired.append((report, "地区或年份不明 / place or year unknown"))
            continue
        years = groups.setdefault(key, {})
        if report.year in years:
            unpaired.append(
                (report, f"重复：{years[report.year].name} / duplicate of {years[report.year].name}")
            )
            continue
        years[report.year] = report
    pairs = []
    for key in sorted(groups):
        years = groups[key]
        for year in sorted(years):
            if year + 1 in years:
                pairs.append((years[year], years[year + 1]))
    return Pairing(pairs, unpaired)


def _aliases(reports: Sequence[Dated]) -> dict[str, str]:
    """The text's place key → the file-name slug, where a named file says which slug a place has,
    so that 米易县2023.txt joins 2024_miyixian_county.txt."""
    aliases: dict[str, str] = {}
    for report in reports:
        slug = slug_of(report.name)
        if slug is not None and report.place:
            text_key = place_key("", report.place)
            if text_key is not None:
                aliases.setdefault(text_key, slug)
    return aliases
