"""The indicator catalogue (指标库): canonical indicators and the matcher that links targets to them.

::

    from luoshi.catalog import match, infer_kind

    found = match("全市地区生产总值增长", unit="%", comparator="≈")
    found.entry.id, found.entry.kind, found.confidence   # ('gdp_growth', 'rate', 1.0)

The shipped catalogue is ``luoshi/catalog/indicators.toml`` (see the comments at its top for
the fields); :func:`load_catalog` reads another file in the same format. A target that links
to no entry still gets a kind and direction from :func:`infer_kind` and :func:`infer_direction`.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from luoshi.catalog.infer import TargetLike, infer_direction, infer_kind
from luoshi.catalog.load import load_indicators, parse_indicators
from luoshi.catalog.matcher import MIN_CONFIDENCE, Catalog
from luoshi.catalog.model import AGGREGATIONS, DIRECTIONS, FREQUENCIES, KINDS, Indicator, Match
from luoshi.catalog.units import unit_family

__all__ = [
    "AGGREGATIONS",
    "Catalog",
    "DIRECTIONS",
    "FREQUENCIES",
    "Indicator",
    "KINDS",
    "MIN_CONFIDENCE",
    "Match",
    "TargetLike",
    "default_catalog",
    "infer_direction",
    "infer_kind",
    "load_catalog",
    "match",
    "parse_indicators",
    "unit_family",
]


def load_catalog(path: str | Path | None = None, *, min_confidence: float = MIN_CONFIDENCE) -> Catalog:
    """A catalogue from a TOML file; without a path, the one shipped in the package."""
    return Catalog(load_indicators(path), min_confidence=min_confidence)


@lru_cache(maxsize=1)
def default_catalog() -> Catalog:
    """The shipped catalogue, loaded once."""
    return load_catalog()


def match(indicator_text: str, unit: str | None = None, comparator: str | None = None) -> Match | None:
    """Link a target's indicator wording to the shipped catalogue; None below the confidence threshold."""
    return default_catalog().match(indicator_text, unit, comparator)
