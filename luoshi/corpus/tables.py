"""The tables of a corpus dataset (数据集) and their columns, one row per report, target, task, actual.

Every row names its report (``report``, the file's stem) and the report's ``place``,
``level`` and ``year`` (the plan year), and keeps the words it came from: ``text``, with
``start`` and ``end`` offsets into the report's text as decoded, and ``section`` (the outline
path). Values are exact: ``value_exact`` and ``value_max_exact`` hold the Decimal as text
(``5.5``, ``1300000000000``); ``value`` and ``value_max`` are the same numbers as float64 in
parquet and dta, and as the same exact text in csv.

============ ===============================================================================
table        columns beyond report, place, level, year
============ ===============================================================================
reports      file, format, encoding, chars, targets, tasks, actuals, seconds
targets      section, indicator, catalogue, comparator, value, value_max, value_exact,
             value_max_exact, unit, modality, deadline, kind, text, start, end
tasks        section, kind, verb, lead, text, start, end
actuals      describes, years, section, indicator, catalogue, comparator, value, value_max,
             value_exact, value_max_exact, unit, kind, text, start, end
failures     file, error, message, hint (no report columns: the report could not be read)
============ ===============================================================================

``catalogue`` is the id of the indicator catalogue entry (:mod:`luoshi.catalog`) the
indicator links to (``gdp_growth``), empty when none; ``deadline`` the target's deadline
year when it names one; ``describes`` the year an actual describes and ``years`` how many
(1, or 5 for a five-year review).
"""

from __future__ import annotations

__all__ = ["COLUMNS", "TABLES", "NUMBER_COLUMNS", "INTEGER_COLUMNS", "EXACT_COLUMNS"]

_REPORT = ("report", "place", "level", "year")
_VALUES = ("value", "value_max", "value_exact", "value_max_exact")
_WORDS = ("text", "start", "end")

COLUMNS: dict[str, tuple[str, ...]] = {
    "reports": (*_REPORT, "file", "format", "encoding", "chars", "targets", "tasks", "actuals", "seconds"),
    "targets": (
        *_REPORT,
        "section",
        "indicator",
        "catalogue",
        "comparator",
        *_VALUES,
        "unit",
        "modality",
        "deadline",
        "kind",
        *_WORDS,
    ),
    "tasks": (*_REPORT, "section", "kind", "verb", "lead", *_WORDS),
    "actuals": (
        *_REPORT,
        "describes",
        "years",
        "section",
        "indicator",
        "catalogue",
        "comparator",
        *_VALUES,
        "unit",
        "kind",
        *_WORDS,
    ),
    "failures": ("file", "error", "message", "hint"),
}
#: The tables in the order they are written.
TABLES = tuple(COLUMNS)
#: Columns of exact numbers as float64 (parquet, dta) or exact text (csv); the last two are
#: those of the corpus accountability table.
NUMBER_COLUMNS = ("value", "value_max", "actual_value", "actual_in_target_unit")
#: Their exact text, a string in every format.
EXACT_COLUMNS = ("value_exact", "value_max_exact", "actual_exact")
#: Whole-number columns that may be empty (a report without a stated year).
INTEGER_COLUMNS = (
    "year",
    "deadline",
    "describes",
    "years",
    "start",
    "end",
    "chars",
    "targets",
    "tasks",
    "actuals",
)
