"""The audit log (审计日志): every change the workflow makes, who made it, before and after.

Inside :meth:`luoshi.store.Store.writing`, :func:`record` queues an event; at commit,
:func:`seal` writes the queued events in order, each chained to the one before it:
``hash = sha256(prev_hash + canonical JSON of the event)``, the canonical JSON having
sorted keys, no spaces and Decimals and dates as strings. Sealing takes a lock first (on
PostgreSQL an advisory transaction lock; SQLite write transactions are already serial), so
concurrent writers extend one chain rather than forking it. :func:`verify_chain` checks a
chain end to end.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import insert, select, text
from sqlalchemy.orm import Session

from luoshi.store.models import AuditEvent

__all__ = ["record", "seal", "snapshot", "canonical_json", "event_hash", "verify_chain", "AUDIT_LOCK"]

#: The advisory lock (PostgreSQL) that serialises sealing: "luoshi" in ASCII.
AUDIT_LOCK = 0x6C756F736869
_QUEUE = "luoshi_audit"


@dataclass(frozen=True, slots=True)
class _Pending:
    action: str
    entity: str
    entity_id: str
    before: Any
    after: Any


def record(
    session: Session,
    action: str,
    entity: str,
    entity_id: object,
    *,
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
) -> None:
    """Queue an audit event (create, update, delete, supersede …) for the session's commit."""
    session.info.setdefault(_QUEUE, []).append(
        _Pending(action, entity, str(entity_id), _plain(before), _plain(after))
    )


def snapshot(row: object, *columns: str) -> dict[str, Any]:
    """The named columns of a model instance (all of its table's columns by default)."""
    names = columns or tuple(column.key for column in row.__table__.columns)  # type: ignore[attr-defined]
    return {name: getattr(row, name) for name in names}


def seal(session: Session) -> None:
    """Write the queued events, chained to the last one in the store."""
    pending: list[_Pending] = session.info.pop(_QUEUE, [])
    if not pending:
        return
    session.flush()
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": AUDIT_LOCK})
    previous = session.execute(select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)).scalar()
    actor = session.info.get("actor", "")
    now = datetime.now()
    rows = []
    for event in pending:
        row = {
            "at": now,
            "actor": actor,
            "action": event.action,
            "entity": event.entity,
            "entity_id": event.entity_id,
            "before": event.before,
            "after": event.after,
            "prev_hash": previous,
        }
        row["hash"] = previous = event_hash(row)
        rows.append(row)
    session.execute(insert(AuditEvent), rows)


def canonical_json(value: Any) -> str:
    """JSON with sorted keys and no spaces; Decimals, dates and times as strings."""
    return json.dumps(_plain(value), sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def event_hash(row: Mapping[str, Any]) -> str:
    """sha256 of the previous hash and the event's canonical JSON (without its own hash)."""
    body = {key: value for key, value in row.items() if key not in ("hash", "id")}
    return hashlib.sha256(((row.get("prev_hash") or "") + canonical_json(body)).encode()).hexdigest()


def verify_chain(session: Session) -> int | None:
    """The id of the first event whose hash or link is wrong, or None when the chain holds."""
    previous = None
    for event in session.scalars(select(AuditEvent).order_by(AuditEvent.id)):
        row = {
            "at": event.at,
            "actor": event.actor,
            "action": event.action,
            "entity": event.entity,
            "entity_id": event.entity_id,
            "before": event.before,
            "after": event.after,
            "prev_hash": event.prev_hash,
        }
        if event.prev_hash != previous or event_hash(row) != event.hash:
            return event.id
        previous = event.hash
    return None


def _plain(value: Any) -> Any:
    """``value`` with Decimals, dates and times as strings, ready for JSON."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        items = [_plain(item) for item in value]
        return sorted(items, key=repr) if isinstance(value, set | frozenset) else items
    return str(value)
