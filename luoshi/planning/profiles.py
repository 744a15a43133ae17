"""Last year's monthly profiles from last year's plan (上年逐月数): when the office tracked last
year's report in luoshi too, the months of its values shape this year's 序时进度.

:func:`profiles_from_plan` finds, for each of this plan's flows and mean levels, the target of
last year's plan with the same catalogue entry (or, unlinked, the same indicator words and
unit; of two on one entry, the one with the same words) and, when last year has a value for
each of its twelve months, gives this year's target those twelve months as its profile (:func:`luoshi.planning.correct_target`'s ``profile``): a
flow's year-to-date totals turned into monthly amounts (累计值 → 当月值), a mean level's
monthly values as they are. A target that already has a profile keeps it unless ``replace``.
Each profile set is an audit event; a target left alone says why.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from luoshi.catalog import default_catalog
from luoshi.errors import PlanError
from luoshi.planning.lookup import current_user, resolve_plan, target_ref
from luoshi.planning.progress import current_values
from luoshi.planning.review import checked_profile, monthly_amounts
from luoshi.store import Store, record
from luoshi.store.models import Target

__all__ = ["ProfileFound", "profiles_from_plan"]


@dataclass(frozen=True, slots=True)
class ProfileFound:
    """What happened to one target: ``set`` (from ``source``, last year's target), or ``kept``
    or ``skipped`` with ``why``."""

    target: str
    indicator: str
    outcome: str
    source: str | None = None
    why: str = ""


def profiles_from_plan(
    store: Store,
    plan_ref: str | int,
    source_ref: str | int,
    *,
    replace: bool = False,
    actor: str | None = None,
) -> list[ProfileFound]:
    """Give this plan's flows and mean levels last year's monthly profile from ``source_ref``."""
    catalog = default_catalog()
    found: list[ProfileFound] = []
    with store.writing(actor or current_user()) as session:
        plan = resolve_plan(session, plan_ref)
        source = resolve_plan(session, source_ref)
        mine, theirs = _targets(session, plan.id), _targets(session, source.id)
        values = current_values(session, [t.id for t in theirs])
        months = [f"{source.year}-{month:02d}" for month in range(1, 13)]
        for target in mine:
            entry = catalog.get(target.indicator_id) if target.indicator_id else None
            mean_level = target.track_kind == "level" and (entry is None or entry.aggregation == "mean")
            if target.track_kind != "flow" and not mean_level:
                continue
            ref = target_ref(target.id)
            if target.profile is not None and not replace:
                found.append(ProfileFound(ref, target.indicator, "kept", why="已有逐月数 / has a profile"))
                continue
            alike = [t for t in theirs if _same(t, target)]
            if len(alike) > 1:  # two targets on one catalogue entry: the one with the same words
                alike = [t for t in alike if t.indicator == target.indicator and t.unit == target.unit]
            if len(alike) != 1:
                why = "上年计划中没有同一指标" if not alike else f"上年计划中有 {len(alike)} 个同一指标"
                found.append(ProfileFound(ref, target.indicator, "skipped", why=why))
                continue
            last = alike[0]
            reported = values.get(last.id, {})
            have = [reported[m].value for m in months if m in reported]
            if len(have) < 12:
                why = f"上年只有 {len(have)} 个月的报送值 / last year has {len(have)} of 12 months"
                found.append(ProfileFound(ref, target.indicator, "skipped", target_ref(last.id), why))
                continue
            monthly = monthly_amounts(have) if target.track_kind == "flow" else have
            if monthly is None:
                why = "上年累计值出现下降 / last year's year-to-date totals decrease"
                found.append(ProfileFound(ref, target.indicator, "skipped", target_ref(last.id), why))
                continue
            try:
                profile = checked_profile(monthly)
            except PlanError as error:
                found.append(
                    ProfileFound(ref, target.indicator, "skipped", target_ref(last.id), error.message)
                )
                continue
            before = target.profile
            target.profile = profile
            record(
                session,
                "update",
                "target",
                ref,
                before={"profile": before},
                after={"profile": profile, "profile_from": target_ref(last.id)},
            )
            found.append(ProfileFound(ref, target.indicator, "set", target_ref(last.id)))
    return found


def _same(last: Target, target: Target) -> bool:
    """Whether last year's target is this one: the same catalogue entry, or unlinked with the
    same indicator words and unit."""
    if target.indicator_id:
        return last.indicator_id == target.indicator_id
    return last.indicator_id is None and last.indicator == target.indicator and last.unit == target.unit


def _targets(session: Session, plan_id: int) -> list[Target]:
    """A plan's targets that are not rejected, in order."""
    chosen = select(Target).where(Target.plan_id == plan_id, Target.review != "rejected")
    return list(session.scalars(chosen.order_by(Target.seq)))
