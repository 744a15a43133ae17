"""The plain rows the two office sheets hold: the 分解表 (assignment sheet) and the 报送表
(progress submission sheet), plus what import checks a submission against.

No I/O here: :mod:`luoshi.sheets.assignments` and :mod:`luoshi.sheets.progress` turn these
into workbooks and back. Two words named "unit" meet in these sheets; the fields say which:
a department (单位: 牵头单位, 责任单位, 报送单位) or a unit of measure (计量单位: 万人, %, 亿元).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

__all__ = [
    "AssignmentRow",
    "ProgressTemplateRow",
    "ProgressExpectation",
    "ProgressEntry",
    "ProgressSubmission",
    "Expectations",
]


@dataclass(frozen=True, slots=True)
class AssignmentRow:
    """One row of the 分解表: a target or task and who delivers it by when.

    ``item_id`` is the item's stable id (T12 for a target, K7 for a task), kept in a hidden
    column so the office may reorder or delete rows. ``number`` is the 序号 as shown (text:
    "3", "3.1"). ``target_value`` is display text (14万以上). ``lead_unit`` is the 牵头单位,
    ``co_units`` the 责任单位 in sheet order, ``leader`` the 责任领导, ``due`` the 完成时限.
    ``section`` is the merged heading row the item sits under (written when it changes,
    read back from the sheet). ``row`` is the Excel row number it was read from (0 when
    not read from a sheet); it does not take part in equality.
    """

    item_id: str
    number: str
    content: str
    indicator: str = ""
    target_value: str = ""
    unit: str = ""
    lead_unit: str = ""
    co_units: tuple[str, ...] = ()
    leader: str = ""
    due: date | None = None
    section: str = ""
    row: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class ProgressTemplateRow:
    """One row of a department's 报送表 as written: a target it reports on.

    ``unit`` is the unit of measure (计量单位). ``last_value`` fills 上期累计/上次报送值;
    ``value`` and ``note`` pre-fill 本期值 and 备注 (normally empty).
    """

    target_id: str
    number: str
    indicator: str
    target_value: str = ""
    unit: str = ""
    last_value: Decimal | None = None
    value: Decimal | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class ProgressExpectation:
    """What import checks one target's submitted row against.

    ``unit``: the unit of measure the row must still show ("" accepts any). ``cumulative``:
    the value is a year-to-date total (a flow, 累计值) and may not fall below
    ``last_value``, the last value reported before this period. ``plan_start`` and
    ``plan_end``: the plan period the submission's 报送期 must lie in (None: open).
    """

    unit: str = ""
    cumulative: bool = False
    last_value: Decimal | None = None
    plan_start: date | None = None
    plan_end: date | None = None


@dataclass(frozen=True, slots=True)
class ProgressEntry:
    """One reported value (本期值) read from a 报送表: exact, in the target's unit of measure."""

    target_id: str
    value: Decimal
    unit: str
    note: str
    row: int


@dataclass(frozen=True, slots=True)
class ProgressSubmission:
    """A department's (``unit``, 报送单位) submission for one 报送期 (``period``, e.g. 2023-06)."""

    unit: str
    period: str
    entries: list[ProgressEntry]


#: The expected targets of a submission, by target id: a mapping, or a function of the
#: sheet's (department, period) that returns one (so a caller can look up that unit's
#: targets and their last values once the sheet says whose it is).
Expectations = Mapping[str, ProgressExpectation] | Callable[[str, str], Mapping[str, ProgressExpectation]]
