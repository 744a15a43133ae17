"""The status engine (进度评价): pure functions from targets, observations and a date to statuses.

::

    from datetime import date, datetime
    from decimal import Decimal
    from luoshi.tracking import Observation, TrackedTarget, status_of

    jobs = TrackedTarget("T1", kind="flow", comparator=">=", value=Decimal(140000), unit="人", year=2024)
    june = Observation("T1", "2024-06", Decimal(50000), datetime(2024, 7, 10))
    status = status_of(jobs, [june], date(2024, 7, 31))
    status.grade, status.light, status.reason_zh
    # ('滞后', 'yellow', '截至2024-06为5万人，完成目标14万人的35.7%；序时进度50.0%，落后14.3个百分点；…')

No database, no I/O: :func:`statuses` grades many targets at once, :func:`reporting_rates`
gives each unit's on-time reporting rate (按时报送率), :func:`load_rules` reads a plan's
thresholds from TOML, and :func:`tracked_target` turns an extracted target and its catalogue
link into a :class:`TrackedTarget` (:class:`TargetBuilder` does it for many at once, cheaply).
:class:`luoshi.tracking.digest.DigestGrader` grades a large plan from per-target digests of its
observations that the store aggregates. docs/tracking.md explains the rules and their defaults.
"""

from __future__ import annotations

from luoshi.tracking.adapt import TargetBuilder, profile_from_cumulative, tracked_target
from luoshi.tracking.engine import group_observations, status_of, statuses
from luoshi.tracking.model import (
    GRADE_EN,
    GRADE_RANK,
    GRADES,
    KINDS,
    LIGHTS,
    STAGE_VALUES,
    STAGES,
    Observation,
    ObservationLike,
    Status,
    TrackedTarget,
    UnitReporting,
)
from luoshi.tracking.periods import Period, elapsed_share, parse_period, reporting_periods
from luoshi.tracking.reporting import reporting_rates
from luoshi.tracking.rules import DEFAULT_RULES, DEFAULT_RULES_TOML, Rules, load_rules, rules_from_dict

__all__ = [
    "DEFAULT_RULES",
    "DEFAULT_RULES_TOML",
    "GRADES",
    "GRADE_EN",
    "GRADE_RANK",
    "KINDS",
    "LIGHTS",
    "STAGES",
    "STAGE_VALUES",
    "Observation",
    "ObservationLike",
    "Period",
    "Rules",
    "Status",
    "TargetBuilder",
    "TrackedTarget",
    "UnitReporting",
    "elapsed_share",
    "group_observations",
    "load_rules",
    "parse_period",
    "profile_from_cumulative",
    "reporting_periods",
    "reporting_rates",
    "rules_from_dict",
    "status_of",
    "statuses",
    "tracked_target",
]
