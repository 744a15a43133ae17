"""What a bulletin (督查通报) says, as plain data: :class:`BulletinData` and its rows.

:func:`luoshi.bulletins.bulletin_data` builds one from the store; every renderer (docx, pdf,
xlsx, md, html) takes one and nothing else, so a test can build it by hand. The derived
views a bulletin's sections need (counts per class, the lagging targets, the units that
did not report on time, each lead unit's completion) are methods here, computed the same
way for every format.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from luoshi.errors import LuoshiError
from luoshi.tracking import GRADES, Status, UnitReporting

__all__ = [
    "BulletinData",
    "BulletinRow",
    "LatestValue",
    "OutputError",
    "UnitCompletion",
    "against_time",
    "GOOD_GRADES",
    "LAGGING_GRADES",
    "SHOWN_GRADES",
]

#: Grades that count as done or ahead (三、进展较好), best first.
GOOD_GRADES = ("已完成", "超序时")
#: Grades that count as lagging (四、进度滞后), worst first.
LAGGING_GRADES = ("严重滞后", "滞后")
#: The classes a bulletin always counts, even when empty; 无法评价 is shown only when present.
SHOWN_GRADES = GRADES[:6]


class OutputError(LuoshiError):
    """A bulletin or export that cannot be made (无法生成): no CJK font installed, LibreOffice
    missing or failing, an unknown format, a period outside the plan."""


@dataclass(frozen=True, slots=True)
class LatestValue:
    """The latest reported value of a target (最新报送): what the unit said, when and who."""

    value: Decimal
    unit: str
    period: str
    note: str = ""
    reported_by: str = ""
    reported_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class BulletinRow:
    """One target as a bulletin lists it: 序号, where it stands in the report, who leads it,
    its status (:class:`luoshi.tracking.Status`) and the latest value its unit reported."""

    id: str
    number: int
    section: str
    indicator: str
    text: str
    unit: str
    lead_unit: str | None
    co_units: tuple[str, ...]
    status: Status
    latest: LatestValue | None = None

    @property
    def grade(self) -> str:
        return self.status.grade

    @property
    def lead(self) -> str:
        """The lead unit's name, or 未明确 when the target is not assigned."""
        return self.lead_unit or "未明确"


@dataclass(frozen=True, slots=True)
class UnitCompletion:
    """A lead unit's mean completion (平均完成率) over its targets that have one, capped at
    100% per target, beside the mean 序时进度 of the same targets."""

    unit: str
    targets: int
    completion: float
    expected: float | None


@dataclass(frozen=True, slots=True)
class BulletinData:
    """Everything a bulletin shows: the plan, the dates, one row per target, each unit's
    reporting record (报送情况).

    ``as_of`` is the evaluation date (评价日期, the date the bulletin carries); ``period`` the
    reporting period it covers (2023-06, 2023-Q2) and ``period_end`` that period's last day
    (截至…). ``office`` issues it (督查室) and ``number`` is its 文号 (default a placeholder,
    督查通报〔2023〕X号, for the office to fill in); ``level`` is the report's (city, county,
    province, national) and chooses the recipients line.
    """

    plan_id: int
    plan_name: str
    place: str | None
    level: str | None
    year: int
    as_of: date
    period: str
    period_end: date
    rows: tuple[BulletinRow, ...]
    units: tuple[UnitReporting, ...] = ()
    frequency: str = "month"
    deadline_day: int = 25
    office: str = ""
    number: str = ""
    skipped: tuple[tuple[str, str], ...] = field(default=())

    @property
    def title(self) -> str:
        """关于2023年政府工作报告目标任务推进情况的通报."""
        return f"关于{self.year}年政府工作报告目标任务推进情况的通报"

    @property
    def issuer(self) -> str:
        """Who issues it: the office given, else the place's government's 督查室."""
        if self.office:
            return self.office
        return f"{self.place}人民政府督查室" if self.place else "人民政府督查室"

    @property
    def document_number(self) -> str:
        """The 文号: the one given, else 督查通报〔year〕X号 for the office to fill in."""
        return self.number or f"督查通报〔{self.as_of.year}〕X号"

    def counts(self) -> dict[str, int]:
        """Targets per grade, every grade in :data:`luoshi.tracking.GRADES` order, zeros included."""
        counts = dict.fromkeys(GRADES, 0)
        for row in self.rows:
            counts[row.grade] += 1
        return counts

    def with_grade(self, *grades: str) -> list[BulletinRow]:
        """The rows of the given grades, in that grade order, then in report order."""
        order = {grade: index for index, grade in enumerate(grades)}
        chosen = [row for row in self.rows if row.grade in order]
        return sorted(chosen, key=lambda row: (order[row.grade], row.number))

    def lagging(self) -> list[BulletinRow]:
        """严重滞后 then 滞后, each in report order."""
        return self.with_grade(*LAGGING_GRADES)

    def good(self) -> list[BulletinRow]:
        """已完成 then 超序时, each in report order."""
        return self.with_grade(*GOOD_GRADES)

    def late_units(self) -> list[UnitReporting]:
        """Units with a due report that was late or is missing (未按时报送), worst rate first."""
        late = [unit for unit in self.units if unit.due and unit.on_time < unit.due]
        return sorted(late, key=lambda unit: (unit.on_time_rate or 0.0, unit.unit))

    def unassigned_unreported(self) -> list[BulletinRow]:
        """未报送 targets that no unit leads: nobody can be named for them."""
        return [row for row in self.rows if row.grade == "未报送" and not row.lead_unit]

    def reporting_totals(self) -> tuple[int, int, int, int]:
        """(due, on time, late, missing) over every unit: 应报, 按时, 逾期, 未报 (项次)."""
        due = sum(unit.due for unit in self.units)
        on_time = sum(unit.on_time for unit in self.units)
        late = sum(unit.late for unit in self.units)
        return due, on_time, late, due - on_time - late

    def unit_completion(self) -> list[UnitCompletion]:
        """Each lead unit's mean completion, best first (for 图2)."""
        grouped: dict[str, list[Status]] = {}
        for row in self.rows:
            if row.lead_unit and row.status.completion is not None:
                grouped.setdefault(row.lead_unit, []).append(row.status)
        result = []
        for unit, found in grouped.items():
            expected = [s.expected for s in found if s.expected is not None and against_time(s)]
            result.append(
                UnitCompletion(
                    unit,
                    len(found),
                    _mean(min(s.completion or 0.0, 1.0) for s in found),
                    _mean(expected) if expected else None,
                )
            )
        return sorted(result, key=lambda item: (-item.completion, item.unit))

    def mean_completion(self) -> tuple[int, float | None, float | None]:
        """(targets with a completion, their mean completion capped at 100%, their mean 序时)."""
        found = [row.status for row in self.rows if row.status.completion is not None]
        if not found:
            return 0, None, None
        expected = [s.expected for s in found if s.expected is not None and against_time(s)]
        return (
            len(found),
            _mean(min(s.completion or 0.0, 1.0) for s in found),
            _mean(expected) if expected else None,
        )


def against_time(status: Status) -> bool:
    """Whether a status compares completion with 序时进度 (flows, shares, milestones, growth
    observed as levels), rather than a level or rate with its bound."""
    return status.rule.startswith(("flow", "share", "rate.level", "milestone"))


def _mean(values: Iterable[float]) -> float:
    items = list(values)
    return sum(items) / len(items) if items else 0.0
