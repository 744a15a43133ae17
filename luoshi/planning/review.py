"""Correcting a stored target (审核与更正): its catalogue link, kind, direction, baseline, review state.

Extraction and the catalogue's matcher guess; the office knows. ``correct_target`` records
what a user says: another catalogue entry (or none), a kind and direction of their own, last
year's baseline (上年基数, for growth targets observed as levels and for shares), and whether
the target is confirmed or rejected (a rejected target leaves the 分解表, the 报送表 and the
status). Each change is one audit event with the fields before and after; the catalogue
link then says ``user``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import cast

from luoshi.catalog import Catalog, TargetLike, default_catalog, infer_direction, infer_kind
from luoshi.errors import PlanError
from luoshi.planning.lookup import current_user, resolve_target, target_ref
from luoshi.planning.model import TargetInfo
from luoshi.planning.plans import plan_detail
from luoshi.store import REVIEW_STATES, Store, record
from luoshi.tracking import KINDS

__all__ = ["correct_target", "UNLINK"]

#: The ``indicator`` value that removes a target's catalogue link.
UNLINK = "-"
_DIRECTIONS = ("higher", "lower")
_FIELDS = ("indicator_id", "link_confidence", "link_source", "track_kind", "direction", "baseline", "review")


def correct_target(
    store: Store,
    target: str,
    *,
    indicator: str | None = None,
    kind: str | None = None,
    direction: str | None = None,
    baseline: Decimal | None = None,
    review: str | None = None,
    actor: str | None = None,
    catalog: Catalog | None = None,
) -> TargetInfo:
    """Correct target ``T12``; only the arguments given change. ``indicator`` is a catalogue
    id (its kind and direction come with it unless given too) or ``-`` for no link."""
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
