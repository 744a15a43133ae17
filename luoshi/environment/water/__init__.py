"""Surface water quality (地表水水质) per GB 3838—2002 and the 2011 evaluation method.

- :mod:`.items`: the items of 表 1 and their class limits;
- :mod:`.classify`: item classes, section classes, 达标 against targets, the summary;
- :mod:`.reading`: CSV or XLSX monitoring tables (wide or long);
- :mod:`.report`: tables and files for people.

``classify_file(path)`` does all of it for one file.
"""

from __future__ import annotations

from pathlib import Path

from luoshi.environment.water.classify import (
    SectionResult,
    WaterSummary,
    classify_items,
    classify_sections,
    summarize,
)
from luoshi.environment.water.items import CLASS_NAMES, ITEMS, WaterItem, find_item, parse_class
from luoshi.environment.water.reading import WaterSamples, read_water

__all__ = [
    "CLASS_NAMES",
    "ITEMS",
    "SectionResult",
    "WaterItem",
    "WaterSamples",
    "WaterSummary",
    "classify_file",
    "classify_items",
    "classify_samples",
    "classify_sections",
    "find_item",
    "parse_class",
    "read_water",
    "summarize",
]


def classify_samples(samples: WaterSamples, *, include_tn: bool = False) -> list[SectionResult]:
    """The class and 达标 of every section of ``samples``."""
    return classify_sections(
        samples.sections,
        samples.lake,
        samples.targets,
        samples.totals,
        samples.counts,
        samples.samples,
        include_tn=include_tn,
    )


def classify_file(path: Path | str, *, include_tn: bool = False) -> tuple[list[SectionResult], WaterSummary]:
    """Read a water table and classify its sections: ``(sections, summary)``."""
    results = classify_samples(read_water(path), include_tn=include_tn)
    return results, summarize(results)
