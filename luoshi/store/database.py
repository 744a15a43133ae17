"""Opening the store (打开数据库): one engine, migrated on open, and read and write sessions.

``open_store(url_or_path)`` makes the engine, brings the schema to the latest migration
(:mod:`luoshi.store.migrate`) and returns a :class:`Store`. ``store.writing(actor)`` is a
session in one transaction that records audit events and commits them with the change;
``store.reading()`` a session that only reads.

SQLite is opened in WAL mode with a busy timeout, and every write transaction starts with
``BEGIN IMMEDIATE``, so two processes writing at once wait for each other instead of
failing; PostgreSQL serialises only the audit chain (an advisory lock at commit).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session

from luoshi.errors import LuoshiError, StoreError
from luoshi.store.audit import seal
from luoshi.store.url import database_url

__all__ = ["Store", "open_store", "BUSY_TIMEOUT_MS"]

#: How long a SQLite writer waits for another one before giving up.
BUSY_TIMEOUT_MS = 60_000
_WRITE = "luoshi_write"


class Store:
    """An open store: the engine and the sessions the workflow uses."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._writer = engine.execution_options(**{_WRITE: True})

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self.engine.dialect.name

    @property
    def url(self) -> str:
        """The URL, with any password hidden."""
        return self.engine.url.render_as_string(hide_password=True)

    @contextmanager
    def writing(self, actor: str) -> Iterator[Session]:
        """A session in one write transaction; committed (with its audit events) on success."""
        with _translated(self), Session(self._writer, expire_on_commit=False) as session:
            session.info["actor"] = actor
            with session.begin():
                yield session
                seal(session)

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session that only reads, in one transaction (a consistent snapshot)."""
        with _translated(self), Session(self.engine, expire_on_commit=False) as session, session.begin():
            yield session

    def close(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_store(url_or_path: str | Path | None = None, *, migrate: bool = True) -> Store:
    """The store at ``url_or_path`` (see :func:`luoshi.store.url.database_url`), migrated to head."""
    from luoshi.store.migrate import upgrade

    url = database_url(url_or_path)
    engine = _engine(url)
    store = Store(engine)
    if migrate:
        with _translated(store):
            upgrade(store)
    return store


def _engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event start transactions (the driver's own would defer them).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.close()


def _sqlite_begin(connection: Any) -> None:
    immediate = connection.get_execution_options().get(_WRITE, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


@contextmanager
def _translated(store: Store) -> Iterator[None]:
    """Database failures as :class:`StoreError`: one message, no traceback."""
    try:
        yield
    except LuoshiError:
        raise
    except DBAPIError as error:
        reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
        raise StoreError(
            f"数据库错误 / database error: {reason}",
            hint=f"数据库 {store.url}；检查它是否可连接、可写",
        ) from error
    except SQLAlchemyError as error:
        raise StoreError(f"数据库错误 / database error: {error}", hint=f"数据库 {store.url}") from error
