"""Who may do what (权限): the one dependency every page and API call goes through.

``Depends(Access("read"))`` resolves the caller — a session cookie, or for the API a
``Authorization: Bearer`` unit token — and refuses what their role does not allow:

======== ================================================================
level    who
======== ================================================================
read     everyone logged in (and anyone, when the public dashboard is on)
write    admin, supervisor, reporter (a reporter only for its unit's items)
office   admin and supervisor (督查室)
admin    admin
======== ================================================================

Every state-changing request (POST) made with a session cookie must carry the session's
CSRF token, in the form field ``csrf`` or the ``X-CSRF-Token`` header (session-bound
tokens); a bearer-token API call carries no cookie and needs none. Which items a reporter
may read or write is decided in :mod:`luoshi.web.scope`.

Who holds a cookie or token is looked up once per store version (:mod:`luoshi.web.cache`):
a logout, a password change or a user change writes an audit event, which ends the cached
answer everywhere; a session's end time is checked on every request.
"""

from __future__ import annotations

import hmac
from typing import cast

from fastapi import Request

from luoshi.web.accounts import Principal, digest, session_principal, token_unit
from luoshi.web.cache import cached
from luoshi.web.problems import CsrfFailed, Forbidden, LoginRequired

__all__ = ["Access", "SESSION_COOKIE", "principal_of", "check_csrf"]

SESSION_COOKIE = "luoshi_session"
_LEVELS = {
    "read": ("admin", "supervisor", "reporter", "viewer", "public"),
    "write": ("admin", "supervisor", "reporter"),
    "office": ("admin", "supervisor"),
    "admin": ("admin",),
}
_SAFE = ("GET", "HEAD", "OPTIONS")


def principal_of(request: Request) -> Principal | None:
    """The caller: the session's user, a unit token's unit, the public reader, or None."""
    known = getattr(request.state, "principal", False)
    if known is not False:
        return cast("Principal | None", known)
    store = request.app.state.store
    found: Principal | None = None
    header = request.headers.get("authorization", "")
    if request.url.path.startswith("/api/") and header.lower().startswith("bearer "):
        bearer = header[7:].strip()
        found = cached(request, ("token", digest(bearer)), lambda: token_unit(store, bearer))
        if found is None:
            raise LoginRequired("无效的令牌 / invalid token")
    else:
        token = request.cookies.get(SESSION_COOKIE)
        if token:
            found = cached(request, ("session", digest(token)), lambda: session_principal(store, token))
            if found is not None and found.expired:
                found = None
        if found is None and request.app.state.settings.public_dashboard:
            found = Principal("public", "public")
    request.state.principal = found
    return found


async def check_csrf(request: Request, principal: Principal) -> None:
    """Refuse a state-changing request made with a session cookie and no matching CSRF token."""
    if not principal.csrf:  # a bearer token: no cookie, nothing a browser sends by itself
        return
    sent = request.headers.get("x-csrf-token", "")
    if not sent:
        content_type = request.headers.get("content-type", "")
        if "form" in content_type:
            form = await request.form()
            value = form.get("csrf")
            sent = value if isinstance(value, str) else ""
    if not sent or not hmac.compare_digest(sent.encode(), principal.csrf.encode()):
        raise CsrfFailed("缺少或错误的 CSRF 令牌 / missing or wrong CSRF token")


class Access:
    """The dependency: the caller, if their role reaches ``level`` (and, for a POST, the CSRF token)."""

    def __init__(self, level: str) -> None:
        if level not in _LEVELS:
            raise ValueError(level)
        self.level = level

    async def __call__(self, request: Request) -> Principal:
        principal = principal_of(request)
        if principal is None:
            raise LoginRequired("请先登录 / log in first")
        if principal.role not in _LEVELS[self.level]:
            if principal.role == "public":
                raise LoginRequired("请先登录 / log in first")
            raise Forbidden(f"角色 {principal.role} 无权执行此操作 / not allowed for this role")
        if request.method not in _SAFE:
            if principal.role not in _LEVELS["write"]:
                raise Forbidden("只读用户不能更改 / read-only")
            await check_csrf(request, principal)
        return principal
