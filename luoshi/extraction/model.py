"""What extraction produces: quantitative targets (量化目标), tasks (任务) and the pair of them.

Every Target and Task carries ``start``/``end`` offsets into the report text and ``text``,
which is always ``report.text[start:end]``: the exact words it came from.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import Any

__all__ = [
    "Target",
    "Task",
    "Actual",
    "Extraction",
    "COMPARATORS",
    "MODALITIES",
    "TARGET_KINDS",
    "TASK_KINDS",
]

#: ``>=`` 以上/不低于/达到 · ``>`` 超过/突破 · ``<=`` 以内/控制在 · ``<`` 低于 ·
#: ``≈`` 左右/约 · ``range`` 5%—6% · ``=`` a bare quantity, 保持, 稳定在
COMPARATORS = (">=", ">", "<=", "<", "≈", "=", "range")
#: ``binding`` unless 力争/争取/争创/努力/力求 governs the quantity (``strive``).
MODALITIES = ("binding", "strive")
#: growth 增长X% · decline 下降X% · share a proportion or coverage in % · count a number of
#: things (个, 家, 项, 人) · amount money or a physical quantity (元, 吨, 公里, μg/m³)
TARGET_KINDS = ("growth", "decline", "share", "count", "amount")
#: milestone: has a finish condition (完成, 建成, 投用, 开工 …); action: ongoing work (推进, 加强 …)
TASK_KINDS = ("milestone", "action")


@dataclass(frozen=True, slots=True)
class Target:
    """A quantitative target (量化目标) as gold/GUIDELINES.md defines it.

    ``value``/``value_max`` are in base units (14万名 → 140000 人); ``value_max`` only for
    ``range``. ``year`` is the deadline year; None means the report's plan year.
    """

    report: str
    start: int
    end: int
    text: str
    section: str
    indicator: str
    comparator: str
    value: Decimal
    value_max: Decimal | None
    unit: str
    modality: str
    year: int | None
    kind: str

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict; Decimals become ints or floats without rounding noise."""
        row = asdict(self)
        row["value"] = _number(self.value)
        row["value_max"] = None if self.value_max is None else _number(self.value_max)
        return row


@dataclass(frozen=True, slots=True)
class Task:
    """A commitment clause (任务) in the plan part: 推进…, 完成…扩建, 启动建设….

    ``section`` is the outline path (part > section > item) it lies in; ``lead`` is the
    paragraph's lead sentence (全面落实“双碳”战略。) when it has one.
    """

    report: str
    start: int
    end: int
    text: str
    section: str
    kind: str
    verb: str
    lead: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Actual:
    """An achieved figure (实绩) stated in a review part: 地区生产总值增长5.8%, 新增城镇就业10.2万人.

    The same grammar as a Target reads it; ``comparator`` is ``=`` unless the text bounds it
    (超过, 以上 …). ``year`` is the last year the figure describes; ``years`` how many years it
    covers (1 for 过去一年, 5 for 过去五年).
    """

    report: str
    start: int
    end: int
    text: str
    section: str
    indicator: str
    comparator: str
    value: Decimal
    value_max: Decimal | None
    unit: str
    year: int | None
    years: int
    kind: str

    def to_dict(self) -> dict[str, Any]:
        row = asdict(self)
        row["value"] = _number(self.value)
        row["value_max"] = None if self.value_max is None else _number(self.value_max)
        return row


@dataclass(slots=True)
class Extraction:
    """The targets, tasks and (on request) actuals of one report, in report order."""

    report: str
    targets: list[Target] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    actuals: list[Actual] = field(default_factory=list)


def _number(value: Decimal) -> int | float:
    """Decimal to the plainest JSON number: 140000 not 140000.0, 1.32 not 1.3200000001."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)
