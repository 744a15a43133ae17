"""The store (数据库): plans, targets, tasks, units, assignments, observations and the audit log.

::

    from luoshi.store import open_store

    store = open_store("luoshi.db")            # or a URL: postgresql+psycopg://user@host/db
    with store.reading() as session:
        ...
    with store.writing(actor="督查室") as session:
        ...                                     # audit events are committed with the change

SQLite is the embedded default (a file; see :func:`default_database_path`), PostgreSQL the
multi-user deployment; the same code and migrations run on both. Opening migrates the
schema to the latest revision. Observations are never updated: a correction supersedes.
"""

from __future__ import annotations

from luoshi.store.accounts import ROLES, ApiToken, Evidence, User, WebSession
from luoshi.store.audit import record, snapshot, verify_chain
from luoshi.store.database import Store, open_store
from luoshi.store.models import (
    LINK_SOURCES,
    OBSERVATION_SOURCES,
    REVIEW_STATES,
    Assignment,
    AssignmentUnit,
    AuditEvent,
    Base,
    Observation,
    Plan,
    Report,
    Target,
    Task,
    Unit,
)
from luoshi.store.url import ENV_VAR, database_url, default_database_path

__all__ = [
    "ENV_VAR",
    "LINK_SOURCES",
    "OBSERVATION_SOURCES",
    "REVIEW_STATES",
    "ROLES",
    "ApiToken",
    "Assignment",
    "AssignmentUnit",
    "AuditEvent",
    "Base",
    "Evidence",
    "Observation",
    "Plan",
    "Report",
    "Store",
    "Target",
    "Task",
    "Unit",
    "User",
    "WebSession",
    "database_url",
    "default_database_path",
    "open_store",
    "record",
    "snapshot",
    "verify_chain",
]
