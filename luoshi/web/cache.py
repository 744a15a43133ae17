"""What pages compute from the store, kept while the store is unchanged (页面缓存).

Every change to the store writes its audit events in the same transaction
(:mod:`luoshi.store.audit`), and events are sealed one transaction at a time under a lock,
so the id of the latest audit event is the store's *version*: it grows with every committed
change, in commit order, whichever process or worker made it. A request reads the version
once, first of all (one indexed query, :func:`version_of`); whatever a page computes from
the store afterwards — a plan's statuses, the overview's counts, a target's page, who holds
a session cookie — is kept under a key together with the version it was read at, and used
again by any later request that sees the same version. A change anywhere makes every entry
older than the new version a miss, so a page never shows data older than its request.

Computing after reading the version can only see *newer* data than the version says, never
older: an entry is at worst recomputed once more than needed. Two requests missing the same
key at once compute it once (one lock per key). The cache is per worker process, bounded
(least recently used entries go first) and holds plain values that pages only read.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from fastapi import Request
from sqlalchemy import func, select

from luoshi.store import AuditEvent, Store

__all__ = ["PageCache", "version_of", "cached"]

T = TypeVar("T")
_VERSION = select(func.max(AuditEvent.id))


class PageCache:
    """Values computed from ``store``, each kept with the store version it was computed at."""

    def __init__(self, store: Store, size: int = 4096) -> None:
        self.store = store
        self.size = size
        self._entries: OrderedDict[Hashable, tuple[int, Any]] = OrderedDict()
        self._lock = threading.Lock()
        self._computing: dict[Hashable, threading.Lock] = {}
        self.hits = 0
        self.misses = 0

    def version(self) -> int:
        """The store's version: the id of its latest audit event (0 for a new store)."""
        with self.store.engine.connect() as connection:
            return int(connection.execute(_VERSION).scalar() or 0)

    def get(self, key: Hashable, version: int, compute: Callable[[], T]) -> T:
        """The value kept under ``key`` at ``version`` (or a newer one), else ``compute()``'s.

        A value computed for a request that saw ``version`` is at least that fresh, so a
        stored version at or above the asked one is current. ``None`` is never kept, nor
        anything when the cache's size is 0.
        """
        found = self._lookup(key, version)
        if found is not None:
            return found
        with self._lock:
            gate = self._computing.setdefault(key, threading.Lock())
        with gate:
            found = self._lookup(key, version)  # computed by the request we waited for
            if found is not None:
                return found
            try:
                value = compute()
            finally:
                with self._lock:
                    self._computing.pop(key, None)
            with self._lock:
                self.misses += 1
                kept = self._entries.get(key)
                if value is not None and self.size > 0 and (kept is None or kept[0] <= version):
                    self._entries[key] = (version, value)
                    self._entries.move_to_end(key)
                    while len(self._entries) > self.size:
                        self._entries.popitem(last=False)
            return value

    def _lookup(self, key: Hashable, version: int) -> Any:
        with self._lock:
            entry = self._entries.get(key)
            if entry is None or entry[0] < version:
                return None
            self._entries.move_to_end(key)
            self.hits += 1
            return entry[1]


def version_of(request: Request) -> int:
    """The store's version as this request first saw it (read once per request)."""
    version = getattr(request.state, "store_version", None)
    if version is None:
        version = request.state.store_version = request.app.state.cache.version()
    return version


def cached(request: Request, key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()``, or its value kept from a request that saw the same store version."""
    return request.app.state.cache.get(key, version_of(request), compute)
