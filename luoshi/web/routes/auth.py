"""Logging in and out (登录): the login form, rate limited, with a double-submit CSRF cookie."""

from __future__ import annotations

import hmac

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from luoshi.web.accounts import authenticate, end_session, start_session
from luoshi.web.auth import SESSION_COOKIE, principal_of
from luoshi.web.i18n import translate
from luoshi.web.problems import CsrfFailed
from luoshi.web.render import LOGIN_CSRF_COOKIE, lang_of, page
from luoshi.web.routes._common import store_of

router = APIRouter()


def _safe_next(target: str) -> str:
    return target if target.startswith("/") and not target.startswith("//") else "/"


@router.get("/login")
def login_form(request: Request, next: str = "/") -> Response:
    return page(request, "login.html", {"next": _safe_next(next), "message": ""})


@router.post("/login")
def login(
    request: Request,
    username: str = Form(...),
    password: str = Form(...),
    csrf: str = Form(""),
    next: str = Form("/"),
) -> Response:
    cookie = request.cookies.get(LOGIN_CSRF_COOKIE, "")
    if not cookie or not hmac.compare_digest(cookie.encode(), csrf.encode()):
        raise CsrfFailed("登录表单缺少 CSRF 令牌 / the login form's CSRF token is missing")
    limiter = request.app.state.limiter
    address = request.client.host if request.client else "-"
    lang = lang_of(request)
    if not limiter.allowed(username, address):
        return page(
            request, "login.html", {"next": next, "message": translate("login_limited", lang)}, status=429
        )
    store = store_of(request)
    user = authenticate(store, username, password)
    if user is None:
        limiter.failed(username, address)
        return page(
            request, "login.html", {"next": next, "message": translate("login_failed", lang)}, status=401
        )
    limiter.succeeded(username)
    token = start_session(store, user, hours=request.app.state.settings.session_hours, address=address)
    response = RedirectResponse(_safe_next(next), status_code=303)
    response.set_cookie(
        SESSION_COOKIE,
        token,
        httponly=True,
        samesite="lax",
        secure=request.app.state.settings.secure_cookies,
        max_age=request.app.state.settings.session_hours * 3600,
    )
    return response


@router.post("/logout")
async def logout(request: Request) -> Response:
    from luoshi.web.auth import check_csrf

    me = principal_of(request)
    token = request.cookies.get(SESSION_COOKIE)
    if me is not None and token and me.csrf:
        await check_csrf(request, me)
        end_session(store_of(request), token, me.name)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE)
    return response
