"""``luoshi audit``: check the audit log's hash chain (审计日志校验).

``audit verify`` walks the chain (:func:`luoshi.store.verify_chain`): an edited event, or a
deleted one before the last, breaks it and is named, exit 1. Deleting the last events
leaves a shorter chain that still holds; to catch that, note ``audit head`` somewhere else
(a bulletin, a signed mail) and pass it back with ``verify --head HASH``.
"""

from __future__ import annotations

from typing import Annotated

import typer
from sqlalchemy import func, select

from luoshi.commands._shared import Db, store_at
from luoshi.store import AuditEvent, verify_chain

__all__ = ["app"]

app = typer.Typer(name="audit", help="审计日志 / the audit log", no_args_is_help=True, add_completion=False)


@app.command("verify")
def verify(
    head: Annotated[
        str | None,
        typer.Option("--head", metavar="HASH", help="此前记下的链尾哈希 / a head hash noted earlier"),
    ] = None,
    db: Db = None,
) -> None:
    """校验审计日志 / Verify that no audit event was edited or deleted."""
    with store_at(db) as store, store.reading() as session:
        broken = verify_chain(session)
        count = session.scalar(select(func.count()).select_from(AuditEvent)) or 0
        found = session.scalar(select(AuditEvent.id).where(AuditEvent.hash == head)) if head else None
    if broken is not None:
        typer.echo(
            f"审计日志被改动 / the audit log was altered: event {broken} (or the one before it) was edited or deleted",
            err=True,
        )
        raise typer.Exit(1)
    if head and found is None:
        typer.echo("记下的链尾不在日志中 / the noted head is not in the log: events were deleted", err=True)
        raise typer.Exit(1)
    typer.echo(f"审计日志完好 / the audit log holds: {count} events")


@app.command("head")
def head_(db: Db = None) -> None:
    """打印链尾哈希 / Print the hash of the latest event, to note elsewhere."""
    with store_at(db) as store, store.reading() as session:
        last = session.scalar(select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1))
    typer.echo(last or "")
