"""luoshi (落实): turn a government work report (政府工作报告) into tracked commitments.

The public API::

    from luoshi import read_report, extract

    report = read_report("2024_shaoxing_city.txt")
    for target in extract(report).targets:
        print(target.indicator, target.comparator, target.value, target.unit)

Names are imported on first use, so ``import luoshi`` stays cheap.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__all__ = [
    "Extraction",
    "LuoshiError",
    "Report",
    "Target",
    "Task",
    "extract",
    "read_report",
    "report_from_text",
]

_HOME = {
    "read_report": "luoshi.reading",
    "report_from_text": "luoshi.reading",
    "Report": "luoshi.reading.report",
    "extract": "luoshi.extraction",
    "Target": "luoshi.extraction.model",
    "Task": "luoshi.extraction.model",
    "Extraction": "luoshi.extraction.model",
    "LuoshiError": "luoshi.errors",
}

if TYPE_CHECKING:
    from luoshi.errors import LuoshiError
    from luoshi.extraction import extract
    from luoshi.extraction.model import Extraction, Target, Task
    from luoshi.reading import read_report, report_from_text
    from luoshi.reading.report import Report


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module 'luoshi' has no attribute {name!r}")
    value = getattr(import_module(_HOME[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
