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
key at once compute it once (one lock per key). The cache is per worker process and holds
values that pages only read. It is bounded by an estimate of the memory its entries take
(:func:`weight`; 256 MB by default, ``luoshi serve --page-cache MB``), least recently used
first out, so that asking for many days (``?as_of=``) of a large plan cannot fill a worker's
memory with statuses.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from fastapi import Request
from sqlalchemy import func, select

from luoshi.store import AuditEvent, Store

__all__ = ["PageCache", "version_of", "cached", "weight"]

T = TypeVar("T")
_VERSION = select(func.max(AuditEvent.id))
_MB = 1 << 20


def weight(value: Any) -> int:
    """About how many bytes ``value`` takes in memory (measured with tracemalloc on a plan of
    500 targets: a status row about 5 KB, a target page about 8 KB and 1.5 KB per
    observation, text 2 bytes a character)."""
    if isinstance(value, str | bytes):
        return 100 + 2 * len(value)
    rows = getattr(value, "rows", None)
    if isinstance(rows, list):  # a plan's status
        return 2_000 + 5_000 * len(rows)
    observations = getattr(value, "observations", None)
    if isinstance(observations, list):  # a target's page
        return 8_000 + 1_500 * len(observations)
    if isinstance(value, dict):
        targets = value.get("targets")
        return 1_000 + (1_000 * len(targets) if isinstance(targets, list) else 150 * len(value))
    if isinstance(value, list | tuple):
        return 1_000 + 200 * len(value)
    return 1_000


class PageCache:
    """Values computed from ``store``, each kept with the store version it was computed at."""

    def __init__(self, store: Store, megabytes: float = 256) -> None:
        self.store = store
        self.budget = int(megabytes * _MB)
        self.used = 0
        self._entries: OrderedDict[Hashable, tuple[int, Any, int]] = OrderedDict()
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
        stored version at or above the asked one is current. ``None`` is never kept, nor a
        value weighing more than a quarter of the budget, nor anything with a budget of 0.
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
            size = weight(value) if value is not None else 0
            with self._lock:
                self.misses += 1
                kept = self._entries.get(key)
                if (
                    value is not None
                    and 0 < size <= self.budget // 4
                    and (kept is None or kept[0] <= version)
                ):
                    if kept is not None:
                        self.used -= kept[2]
                    self._entries[key] = (version, value, size)
                    self._entries.move_to_end(key)
                    self.used += size
                    while self.used > self.budget:
                        _, (_, _, freed) = self._entries.popitem(last=False)
                        self.used -= freed
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
