"""The status engine's plain data: a tracked target (跟踪目标), an observation (报送值), a status (进度评价).

All three are plain dataclasses with no storage behind them; the engine reads observations
through attributes only (:class:`ObservationLike`), so database rows with the same column
names can be passed without conversion.

Grades (评价等级), best first, and their default lights (红黄绿灯):

=========== ============== ======
grade       English        light
=========== ============== ======
已完成       completed      green
超序时       ahead          green
符合序时     on track       green
滞后         behind         yellow
严重滞后     far behind     red
未报送       not reported   red (configurable)
无法评价     not assessable none
=========== ============== ======
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Protocol

from luoshi.errors import TrackingError

__all__ = [
    "AGGREGATIONS",
    "COMPARATORS",
    "DIRECTIONS",
    "FREQUENCIES",
    "GRADES",
    "GRADE_EN",
    "GRADE_RANK",
    "KINDS",
    "LIGHTS",
    "STAGES",
    "STAGE_VALUES",
    "Observation",
    "ObservationLike",
    "Status",
    "TrackedTarget",
    "UnitReporting",
]

KINDS = ("flow", "level", "rate", "share", "milestone")
DIRECTIONS = ("higher", "lower")
COMPARATORS = (">=", ">", "<=", "<", "≈", "=", "range")
AGGREGATIONS = ("mean", "latest")
FREQUENCIES = ("month", "quarter", "half", "year")
GRADES = ("已完成", "超序时", "符合序时", "滞后", "严重滞后", "未报送", "无法评价")
GRADE_EN = {
    "已完成": "completed",
    "超序时": "ahead",
    "符合序时": "on track",
    "滞后": "behind",
    "严重滞后": "far behind",
    "未报送": "not reported",
    "无法评价": "not assessable",
}
#: Order of the graded classes, worst first (未报送 and 无法评价 are not on this scale).
GRADE_RANK = {"严重滞后": 0, "滞后": 1, "符合序时": 2, "超序时": 3, "已完成": 4}
LIGHTS = ("green", "yellow", "red", "none")
#: Milestone stages (节点阶段) and the value an observation records for each; a milestone
#: observation is the share done in % (形象进度), so 60 is 推进中 too.
STAGES = ("未启动", "推进中", "已完成")
STAGE_VALUES = {"未启动": Decimal(0), "推进中": Decimal(50), "已完成": Decimal(100)}


@dataclass(frozen=True, slots=True)
class TrackedTarget:
    """A target as the status engine tracks it (跟踪目标).

    ``comparator``, ``value`` and ``value_max`` (for ``range``) are the extraction's.
    ``kind`` is the catalogue's (flow 累计, level 水平, rate 增速, share 覆盖率, milestone 节点);
    ``direction`` says which way is better (a ceiling comparator makes it ``lower``, a floor
    ``higher``, whatever is given). ``baseline`` is last year's value: the start of a share,
    the base of a growth target observed as levels. The plan period runs from ``start``
    (default 1 January of ``year``) to ``end`` (default 31 December of ``year``; set it to the
    deadline year's end for a multi-year target, or to the 完成时限).

    Observations are: for a flow, the year-to-date total (累计) unless ``cumulative`` is False
    (then each period's own amount); for a level, each period's value, aggregated by
    ``aggregation`` (``mean``: the year-to-date mean, ``latest``); for a rate, the
    year-to-date growth in % (``observed="rate"``) or, with ``observed="level"``, the
    measure itself, compared with ``baseline`` × (1 + target) (``sense="decline"``: × (1 − target));
    for a share, the coverage in %; for a milestone, the share done in % (see ``STAGE_VALUES``).

    ``frequency`` (月 month, 季 quarter, 半年 half, 年 year; None: the rules' default) sets the
    reporting periods; ``skip_months`` are months with no separate report (1 for figures
    published as 1-2月). ``profile`` is last year's twelve monthly amounts (1月..12月): for a
    flow it shapes 序时进度, for a level with ``aggregation="mean"`` it scales the bound to the
    season. ``start_by`` is a milestone's planned start (计划开工).
    """

    id: str
    kind: str
    comparator: str
    value: Decimal
    unit: str = ""
    direction: str = "higher"
    value_max: Decimal | None = None
    baseline: Decimal | None = None
    year: int | None = None
    start: date | None = None
    end: date | None = None
    frequency: str | None = None
    aggregation: str = "mean"
    observed: str = "rate"
    sense: str = "growth"
    cumulative: bool = True
    profile: tuple[float, ...] | None = None
    start_by: date | None = None
    skip_months: tuple[int, ...] = ()
    name: str = ""
    indicator: str = ""
    #: Derived once for the engine: the value and value_max as floats, and whether lower is better.
    fvalue: float = field(init=False, repr=False, compare=False, default=0.0)
    fvalue_max: float | None = field(init=False, repr=False, compare=False, default=None)
    lower: bool = field(init=False, repr=False, compare=False, default=False)

    def __post_init__(self) -> None:
        # One combined test for the common case (this runs once per target of a plan, so for a
        # plan of 100,000 targets it must be cheap); the errors are told apart in _invalid.
        set_ = object.__setattr__
        value_max = self.value_max
        if (
            self.kind not in _KINDS
            or self.comparator not in _COMPARATORS
            or self.direction not in _DIRECTIONS
            or self.aggregation not in _AGGREGATIONS
            or self.observed not in _OBSERVED
            or self.sense not in _SENSES
            or (self.frequency is not None and self.frequency not in _FREQUENCIES)
            or not isinstance(self.value, Decimal)
            or (self.comparator == "range" and (value_max is None or value_max < self.value))
        ):
            raise self._invalid()
        start, end = self.start, self.end
        if start is None or end is None:
            if self.year is None:
                raise self._fail("需要计划年度或起止日期 (a year, or a start and an end)")
            if start is None:
                start = date(self.year, 1, 1)
                set_(self, "start", start)
            if end is None:
                end = date(self.year, 12, 31)
                set_(self, "end", end)
        if end < start:
            raise self._fail(f"计划期结束 {end} 早于开始 {start} (the period ends before it starts)")
        if self.profile is not None:
            if len(self.profile) != 12 or any(v < 0 for v in self.profile) or sum(self.profile) <= 0:
                raise self._fail(
                    "月度分布应为12个非负数且总和为正 (a profile is 12 non-negative monthly values)"
                )
            set_(self, "profile", tuple(float(v) for v in self.profile))
        skip = self.skip_months
        if skip:
            if any(not 1 <= m <= 12 for m in skip):
                raise self._fail("skip_months 应为 1..12 (months 1..12)")
            set_(self, "skip_months", tuple(sorted(set(skip))))
        elif skip.__class__ is not tuple:
            set_(self, "skip_months", ())
        set_(self, "fvalue", float(self.value))
        if value_max is not None:
            set_(self, "fvalue_max", float(value_max))
        comparator = self.comparator
        if comparator in _CEILINGS or (comparator not in _FLOORS and self.direction == "lower"):
            set_(self, "lower", True)

    def _fail(self, message: str, hint: str = "") -> TrackingError:
        return TrackingError(f"目标 {self.id}: {message}", hint=hint)

    def _invalid(self) -> TrackingError:
        """The error for the first invalid field among those ``__post_init__`` tests at once."""
        fail = self._fail
        if self.kind not in KINDS:
            return fail(f"未知类型 (unknown kind) {self.kind!r}", f"kind 取 {', '.join(KINDS)}")
        if self.comparator not in COMPARATORS:
            return fail(f"未知比较符 (unknown comparator) {self.comparator!r}")
        if self.direction not in DIRECTIONS:
            return fail(f"未知方向 (unknown direction) {self.direction!r}", "direction 取 higher 或 lower")
        if self.aggregation not in AGGREGATIONS:
            return fail(f"未知汇总方式 (unknown aggregation) {self.aggregation!r}")
        if self.observed not in ("rate", "level"):
            return fail(f"observed 应为 rate 或 level, 而非 {self.observed!r}")
        if self.sense not in ("growth", "decline"):
            return fail(f"sense 应为 growth 或 decline, 而非 {self.sense!r}")
        if self.frequency is not None and self.frequency not in FREQUENCIES:
            return fail(
                f"未知报送频次 (unknown frequency) {self.frequency!r}", f"取 {', '.join(FREQUENCIES)}"
            )
        if not isinstance(self.value, Decimal):
            return fail("目标值应为 Decimal (value must be a Decimal)")
        return fail("区间目标需要 value_max ≥ value (a range needs value_max ≥ value)")


_KINDS = frozenset(KINDS)
_COMPARATORS = frozenset(COMPARATORS)
_DIRECTIONS = frozenset(DIRECTIONS)
_AGGREGATIONS = frozenset(AGGREGATIONS)
_FREQUENCIES = frozenset(FREQUENCIES)
_OBSERVED = frozenset(("rate", "level"))
_SENSES = frozenset(("growth", "decline"))
_CEILINGS = frozenset(("<", "<="))
_FLOORS = frozenset((">", ">="))


#: The fields of a TrackedTarget that :func:`_derived` takes from its arguments; the others
#: it copies from the template.
_OWN_FIELDS = ("id", "value", "value_max", "baseline", "name", "fvalue", "fvalue_max")
_NEW = object.__new__


def _setter(name: str) -> Any:
    """The slot descriptor's ``__set__`` of a TrackedTarget field: sets it past ``frozen``."""
    return vars(TrackedTarget)[name].__set__


_SET_ID = _setter("id")
_SET_KIND = _setter("kind")
_SET_COMPARATOR = _setter("comparator")
_SET_VALUE = _setter("value")
_SET_UNIT = _setter("unit")
_SET_DIRECTION = _setter("direction")
_SET_VALUE_MAX = _setter("value_max")
_SET_BASELINE = _setter("baseline")
_SET_YEAR = _setter("year")
_SET_START = _setter("start")
_SET_END = _setter("end")
_SET_FREQUENCY = _setter("frequency")
_SET_AGGREGATION = _setter("aggregation")
_SET_OBSERVED = _setter("observed")
_SET_SENSE = _setter("sense")
_SET_CUMULATIVE = _setter("cumulative")
_SET_PROFILE = _setter("profile")
_SET_START_BY = _setter("start_by")
_SET_SKIP_MONTHS = _setter("skip_months")
_SET_NAME = _setter("name")
_SET_INDICATOR = _setter("indicator")
_SET_FVALUE = _setter("fvalue")
_SET_FVALUE_MAX = _setter("fvalue_max")
_SET_LOWER = _setter("lower")
#: Every field is set by _derived (a field added to TrackedTarget must be added there too).
assert len(fields(TrackedTarget)) == 24 and {f.name for f in fields(TrackedTarget)} >= set(_OWN_FIELDS)


def _derived(
    template: TrackedTarget,
    id: str,
    value: Decimal,
    value_max: Decimal | None,
    baseline: Decimal | None,
    name: str,
) -> TrackedTarget:
    """``template`` with another id, value, value_max, baseline and name: what the constructor
    would make of them, without checking again what ``template`` shares with it.

    This is how a plan's many targets of one shape are made (see
    :class:`luoshi.tracking.TargetBuilder`): setting the slots directly costs a third of the
    frozen dataclass's ``__init__``.
    """
    if not isinstance(value, Decimal) or (
        template.comparator == "range" and (value_max is None or value_max < value)
    ):  # the constructor says why
        return replace(template, id=id, value=value, value_max=value_max, baseline=baseline, name=name)
    new = _NEW(TrackedTarget)
    _SET_ID(new, id)
    _SET_KIND(new, template.kind)
    _SET_COMPARATOR(new, template.comparator)
    _SET_VALUE(new, value)
    _SET_UNIT(new, template.unit)
    _SET_DIRECTION(new, template.direction)
    _SET_VALUE_MAX(new, value_max)
    _SET_BASELINE(new, baseline)
    _SET_YEAR(new, template.year)
    _SET_START(new, template.start)
    _SET_END(new, template.end)
    _SET_FREQUENCY(new, template.frequency)
    _SET_AGGREGATION(new, template.aggregation)
    _SET_OBSERVED(new, template.observed)
    _SET_SENSE(new, template.sense)
    _SET_CUMULATIVE(new, template.cumulative)
    _SET_PROFILE(new, template.profile)
    _SET_START_BY(new, template.start_by)
    _SET_SKIP_MONTHS(new, template.skip_months)
    _SET_NAME(new, name)
    _SET_INDICATOR(new, template.indicator)
    _SET_FVALUE(new, float(value))
    _SET_FVALUE_MAX(new, None if value_max is None else float(value_max))
    _SET_LOWER(new, template.lower)
    return new


class ObservationLike(Protocol):
    """What the engine reads from an observation; :class:`Observation` and database rows have it."""

    @property
    def target_id(self) -> str: ...
    @property
    def period(self) -> str | date: ...
    @property
    def value(self) -> Decimal: ...
    @property
    def reported_at(self) -> datetime: ...
    @property
    def id(self) -> Any: ...
    @property
    def supersedes(self) -> Any: ...


@dataclass(frozen=True, slots=True)
class Observation:
    """A value reported for a target and period (报送值); never overwritten.

    ``period`` is ``YYYY-MM`` (also ``YYYY-Qn``, ``YYYY-Hn``, ``YYYY``) or a date. A correction
    is a new observation whose ``supersedes`` names the ``id`` of the one it corrects; both
    stay, and the engine uses, per period, the latest-reported observation that nothing
    visible at the as-of date supersedes.
    """

    target_id: str
    period: str | date
    value: Decimal
    reported_at: datetime
    reported_by: str = ""
    source: str = ""
    id: str = ""
    supersedes: str | None = None
    note: str = ""


@dataclass(slots=True)
class Status:
    """A target's status at a date (进度评价).

    ``actual`` is the value to date (a flow's 累计, a level's mean or latest, a rate's
    year-to-date growth); ``period`` the latest period it covers. ``completion`` is the share
    of the target reached, ``expected`` the 序时进度 (elapsed share of the plan period, shaped
    by the monthly profile for a seasonal flow), both 0..1. ``gap`` is in percentage points,
    positive when better than needed: for flows and shares completion minus 序时; for rates
    and levels in % the distance from the bound in points; for other levels that distance as
    a percentage of the bound. ``projection`` is the year-end estimate in the target's unit.
    ``target`` is the value actually compared (for a growth target observed as levels,
    baseline × (1 + growth)). ``rule`` names the rule that decided the grade.

    The reason is written on demand (``reason_zh``, ``reason_en``) so that grading many targets
    stays cheap. A Status is not frozen only because building a frozen one costs more; treat it
    as read-only.
    """

    target_id: str
    as_of: date
    kind: str
    grade: str
    light: str
    rule: str
    comparator: str = ""
    target: Decimal | None = None
    unit: str = ""
    actual: Decimal | None = None
    period: str | None = None
    completion: float | None = None
    expected: float | None = None
    gap: float | None = None
    projection: float | None = None
    stage: str | None = None
    missing_period: str | None = None
    deadline: date | None = None

    @property
    def grade_en(self) -> str:
        return GRADE_EN[self.grade]

    @property
    def reason_zh(self) -> str:
        from luoshi.tracking.reasons import reason

        return reason(self, "zh")

    @property
    def reason_en(self) -> str:
        from luoshi.tracking.reasons import reason

        return reason(self, "en")

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (Decimals as strings, dates ISO), reasons included."""
        return {
            "target_id": self.target_id,
            "as_of": self.as_of.isoformat(),
            "kind": self.kind,
            "grade": self.grade,
            "grade_en": self.grade_en,
            "light": self.light,
            "rule": self.rule,
            "comparator": self.comparator,
            "target": None if self.target is None else str(self.target),
            "unit": self.unit,
            "actual": None if self.actual is None else str(self.actual),
            "period": self.period,
            "completion": self.completion,
            "expected": self.expected,
            "gap": self.gap,
            "projection": self.projection,
            "stage": self.stage,
            "missing_period": self.missing_period,
            "deadline": None if self.deadline is None else self.deadline.isoformat(),
            "reason_zh": self.reason_zh,
            "reason_en": self.reason_en,
        }


@dataclass(frozen=True, slots=True)
class UnitReporting:
    """A unit's reporting record (报送情况) at a date, over the target-periods it owes.

    ``due`` counts target-periods whose deadline has passed; each is ``on_time`` (first
    submission by the deadline), ``late`` (after it, before the as-of date) or ``missing``.
    ``unreported`` lists the unit's targets that are 未报送 now.
    """

    unit: str
    targets: int
    due: int
    on_time: int
    late: int
    missing: int
    unreported: tuple[str, ...] = ()

    @property
    def on_time_rate(self) -> float | None:
        """按时报送率: on-time submissions over due ones (None when nothing is due yet)."""
        return self.on_time / self.due if self.due else None

    @property
    def reported_rate(self) -> float | None:
        """报送率: submissions at all (on time or late) over due ones."""
        return (self.on_time + self.late) / self.due if self.due else None
