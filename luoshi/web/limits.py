"""Login rate limiting (登录限速), in memory.

At most ``attempts`` failed logins per ``window`` seconds for one user name, and the same
for one client address; beyond that every attempt is refused until the oldest failure ages
out, whether the password is right or not. A successful login clears the user name's
failures. The counts live in the worker process: with ``--workers N`` an attacker gets up
to N times the attempts, and a restart forgets them — a bound on guessing, not an account
lock-out.
"""

from __future__ import annotations

import threading
import time
from collections import deque

__all__ = ["LoginLimiter"]


class LoginLimiter:
    """Failed logins per user name and per address in a sliding window."""

    def __init__(self, attempts: int, window: float) -> None:
        self.attempts = attempts
        self.window = window
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque[float]:
        failures = self._failures.setdefault(key, deque())
        while failures and failures[0] <= now - self.window:
            failures.popleft()
        return failures

    def allowed(self, user: str, address: str) -> bool:
        """Whether another attempt for ``user`` from ``address`` may be tried now."""
        now = time.monotonic()
        with self._lock:
            return all(len(self._recent(key, now)) < self.attempts for key in (f"u:{user}", f"a:{address}"))

    def failed(self, user: str, address: str) -> None:
        """Count a failed attempt against both the user name and the address."""
        now = time.monotonic()
        with self._lock:
            for key in (f"u:{user}", f"a:{address}"):
                self._recent(key, now).append(now)
            if len(self._failures) > 100_000:  # bound the memory a flood of names can take
                self._failures.clear()

    def succeeded(self, user: str) -> None:
        """Forget the user name's failures."""
        with self._lock:
            self._failures.pop(f"u:{user}", None)
