"""Settings of the web application (网站设置): where the store is, cookies, limits.

:meth:`Settings.from_env` reads ``LUOSHI_*`` environment variables, which is how ``luoshi
serve --workers N`` hands the same settings to every worker process.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

__all__ = ["Settings"]


def _flag(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in ("1", "true", "yes", "on")


@dataclass(frozen=True, slots=True)
class Settings:
    """How the application behaves.

    ``secure_cookies`` marks cookies Secure (set it behind HTTPS); ``public_dashboard`` lets
    anyone read the overview, targets and report without logging in (off by default).
    ``max_upload_bytes`` bounds an evidence file or a sheet; ``login_attempts`` failures per
    ``login_window`` seconds, per user name and per client address, lock further attempts.
    ``as_of`` fixes the day statuses are graded at (None: today), for demonstrations.
    ``page_cache`` is how many megabytes of computed page parts each worker may keep while the
    store is unchanged (:mod:`luoshi.web.cache`; 0 turns the cache off).
    """

    secure_cookies: bool = False
    public_dashboard: bool = False
    session_hours: int = 12
    max_upload_bytes: int = 5 * 1024 * 1024
    login_attempts: int = 5
    login_window: int = 300
    as_of: str | None = None
    page_cache: int = 256

    @classmethod
    def from_env(cls) -> Settings:
        """Settings from ``LUOSHI_SECURE_COOKIES``, ``LUOSHI_PUBLIC_DASHBOARD``, ``LUOSHI_AS_OF``,
        ``LUOSHI_MAX_UPLOAD_BYTES``, ``LUOSHI_PAGE_CACHE``."""
        return cls(
            secure_cookies=_flag("LUOSHI_SECURE_COOKIES", False),
            public_dashboard=_flag("LUOSHI_PUBLIC_DASHBOARD", False),
            max_upload_bytes=int(os.environ.get("LUOSHI_MAX_UPLOAD_BYTES", 5 * 1024 * 1024)),
            as_of=os.environ.get("LUOSHI_AS_OF") or None,
            page_cache=int(os.environ.get("LUOSHI_PAGE_CACHE", 256)),
        )
