"""Correcting a stored target (审核与更正): its catalogue link, kind, direction, baseline,
seasonal profile, review state.

Extraction and the catalogue's matcher guess; the office knows. ``correct_target`` records
what a user says: another catalogue entry (or none), a kind and direction of their own, last
year's baseline (上年基数, for growth targets observed as levels and for shares), last year's
monthly profile (上年逐月数, which shapes a flow's 序时进度 by season: a year whose December
brings a fifth of the total should not call May's 40% late), and whether the target is
confirmed or rejected (a rejected target leaves the 分解表, the 报送表 and the status). Each
change is one audit event with the fields before and after; the catalogue link then says
``user``. :func:`parse_profile` reads a profile as people write it: twelve monthly amounts,
or the twelve year-to-date totals (累计值) statistics bureaus publish.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from typing import cast

from luoshi.catalog import Catalog, TargetLike, default_catalog, infer_direction, infer_kind
from luoshi.errors import PlanError
from luoshi.planning.lookup import current_user, resolve_target, target_ref
from luoshi.planning.model import TargetInfo
from luoshi.planning.plans import plan_detail
from luoshi.store import REVIEW_STATES, Store, record
from luoshi.tracking import KINDS

__all__ = ["correct_target", "parse_profile", "monthly_amounts", "checked_profile", "UNLINK"]

#: The ``indicator`` value that removes a target's catalogue link.
UNLINK = "-"
_DIRECTIONS = ("higher", "lower")
_FIELDS = (
    "indicator_id",
    "link_confidence",
    "link_source",
    "track_kind",
    "direction",
    "baseline",
    "profile",
    "review",
)
_SEPARATORS = re.compile(r"[\s,，、;；]+")


def parse_profile(text: str, *, cumulative: bool = False) -> list[Decimal]:
    """Last year's twelve monthly amounts from ``text`` (twelve numbers separated by commas,
    、 or spaces; with ``cumulative``, twelve year-to-date totals, 累计值); ``-`` or nothing
    is no profile (an empty list). Raises :class:`PlanError` saying what is wrong."""
    words = [w for w in _SEPARATORS.split(text.strip()) if w]
    if words in ([], ["-"]):
        return []
    numbers = []
    for word in words:
        try:
            numbers.append(Decimal(word))
        except InvalidOperation:
            raise PlanError(f"逐月数中有非数值 / not a number in the profile: {word!r}") from None
    if len(numbers) != 12:
        raise PlanError(
            f"需要 12 个月的数值，得到 {len(numbers)} 个 / a profile has twelve monthly values, got {len(numbers)}",
            hint="按 1月至12月 的顺序，用逗号分隔",
        )
    if not cumulative:
        return numbers
    monthly = monthly_amounts(numbers)
    if monthly is None:
        raise PlanError(
            "累计值出现下降 / a year-to-date total decreases", hint="若填的是当月值，请不要选累计"
        )
    return monthly


def monthly_amounts(totals: Sequence[Decimal]) -> list[Decimal] | None:
    """Each month's amount from year-to-date totals (累计值 → 当月值); None when one decreases."""
    monthly = [totals[0]] + [b - a for a, b in zip(totals, totals[1:], strict=False)]
    return None if any(v < 0 for v in monthly) else monthly


def checked_profile(numbers: Sequence[Decimal]) -> list[str] | None:
    """The profile as stored (exact decimals as text), or None for an empty one; raises
    :class:`PlanError` for one that is not twelve non-negative values with a positive total."""
    if not numbers:
        return None
    if len(numbers) != 12:
        raise PlanError(f"需要 12 个月的数值 / a profile has twelve monthly values, got {len(numbers)}")
    if any(not v.is_finite() or v < 0 for v in numbers) or sum(numbers) <= 0:
        raise PlanError(
            "逐月数应为非负数且合计大于 0 / monthly values are non-negative with a positive total"
        )
    return [str(v) for v in numbers]


def correct_target(
    store: Store,
    target: str,
    *,
    indicator: str | None = None,
    kind: str | None = None,
    direction: str | None = None,
    baseline: Decimal | None = None,
    profile: Sequence[Decimal] | None = None,
    review: str | None = None,
    actor: str | None = None,
    catalog: Catalog | None = None,
) -> TargetInfo:
    """Correct target ``T12``; only the arguments given change. ``indicator`` is a catalogue
    id (its kind and direction come with it unless given too) or ``-`` for no link;
    ``profile`` is last year's twelve monthly amounts (an empty sequence removes it)."""
    _check_choice("kind", kind, KINDS)
    _check_choice("direction", direction, _DIRECTIONS)
    _check_choice("review", review, REVIEW_STATES)
    catalog = catalog or default_catalog()
    with store.writing(actor or current_user()) as session:
        row = resolve_target(session, target)
        before = {name: getattr(row, name) for name in _FIELDS}
        if indicator is not None:
            if indicator == UNLINK:
                row.indicator_id, row.link_confidence = None, None
                like = cast(TargetLike, row)
                row.track_kind, row.direction = infer_kind(like), infer_direction(like)
            else:
                entry = catalog.get(indicator)
                if entry is None:
                    near = catalog.candidates(row.indicator, row.unit, row.comparator, limit=5)
                    raise PlanError(
                        f"指标库中没有 / not in the indicator catalogue: {indicator!r}",
                        hint="可选 / candidates: "
                        + "、".join(f"{m.entry.id}（{m.entry.name}）" for m in near)
                        if near
                        else "见 luoshi/catalog/indicators.toml",
                    )
                row.indicator_id, row.link_confidence = entry.id, None
                row.track_kind, row.direction = entry.kind, entry.direction
            row.link_source = "user"
        if kind is not None:
            row.track_kind, row.link_source = kind, "user"
        if direction is not None:
            row.direction, row.link_source = direction, "user"
        if baseline is not None:
            if not baseline.is_finite():
                raise PlanError(f"上年基数不是数值 / the baseline is not a number: {baseline}")
            row.baseline = baseline
        if profile is not None:
            row.profile = checked_profile(profile)
        if review is not None:
            row.review = review
        after = {name: getattr(row, name) for name in _FIELDS}
        if after != before:
            changed = [name for name in _FIELDS if after[name] != before[name]]
            record(
                session,
                "update",
                "target",
                target_ref(row.id),
                before={name: before[name] for name in changed},
                after={name: after[name] for name in changed},
            )
        plan_id, ref = row.plan_id, target_ref(row.id)
    return next(info for info in plan_detail(store, plan_id).targets if info.id == ref)


def _check_choice(name: str, value: str | None, choices: tuple[str, ...]) -> None:
    if value is not None and value not in choices:
        raise PlanError(f"{name} 应取 / must be one of {', '.join(choices)}: {value!r}")
