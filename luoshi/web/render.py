"""Pages (页面): Jinja2 templates with autoescaping, the language switch and the CSRF field.

Every page gets ``t`` (the catalogue, :mod:`luoshi.web.i18n`), ``lang``, ``me`` (the
caller, or None) and ``csrf`` (the token a form must send back). Everything a user typed is
shown through Jinja's autoescaping; nothing is marked safe but a :func:`fragment`: a part
of a page rendered (with autoescaping) by the same templates, to be kept in the page cache
and shared between callers. A fragment gets only the language's helpers, never ``me`` or
``csrf``, so nothing personal can end up in it.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from luoshi.web.i18n import LANGS, grade_label, translate

__all__ = ["templates", "page", "fragment", "shared_page", "error_page", "lang_of", "LOGIN_CSRF_COOKIE"]

HERE = Path(__file__).parent
templates = Jinja2Templates(directory=str(HERE / "templates"))
LOGIN_CSRF_COOKIE = "luoshi_login_csrf"


def lang_of(request: Request) -> str:
    """``en`` or ``zh``: the query's ``lang``, else the cookie, else Chinese."""
    asked = request.query_params.get("lang") or request.cookies.get("lang") or "zh"
    return asked if asked in LANGS else "zh"


def _percent(value: float | None) -> str:
    return "" if value is None else f"{value * 100:.1f}%"


def _number(value: Any) -> str:
    if value is None:
        return ""
    text = format(value, "f") if hasattr(value, "as_tuple") else str(value)
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def _helpers(lang: str) -> dict[str, Any]:
    """What every template gets for its language."""
    return {
        "lang": lang,
        "t": lambda key: translate(key, lang),
        "grade": lambda g: grade_label(g, lang),
        "pct": _percent,
        "num": _number,
    }


def fragment(lang: str, name: str, context: dict[str, Any]) -> Markup:
    """Template ``name`` rendered (autoescaped) for ``lang``, as HTML to put in a page.

    It sees ``context`` and the language's helpers only: no request, caller or CSRF token.
    """
    return Markup(templates.get_template(name).render({**_helpers(lang), **context}))


def shared_page(
    request: Request,
    name: str,
    key: Hashable,
    context: Callable[[], dict[str, Any]],
    *,
    plan_id: int | None = None,
    template: str = "fragment.html",
    extra: dict[str, Any] | None = None,
    keep: bool = True,
) -> HTMLResponse:
    """A page whose content is template ``name`` rendered once per store version, language and
    ``key`` (what else it depends on: the plan, the day, the filters, a reporter's unit) and
    shared by every caller it is for; ``context`` is called only to render it anew. The
    content goes into ``template`` (which shows ``body``) with ``extra`` beside it; with
    ``keep`` false it is rendered for this request only (a free-text search)."""
    from luoshi.web.cache import cached

    lang = lang_of(request)

    def body() -> Markup:
        return fragment(lang, name, context())

    html = cached(request, (name, lang, key), body) if keep else body()
    return page(request, template, {**(extra or {}), "body": html, "plan_id": plan_id})


def page(request: Request, name: str, context: dict[str, Any], *, status: int = 200) -> HTMLResponse:
    """Render template ``name`` with the shared context; remember a ``?lang=`` choice."""
    from luoshi.web.auth import principal_of

    lang = lang_of(request)
    try:
        me = principal_of(request)
    except Exception:  # noqa: BLE001 - an error page for a caller with a bad token
        me = None
    login_csrf = request.cookies.get(LOGIN_CSRF_COOKIE) or secrets.token_urlsafe(24)
    shared = {
        "request": request,
        **_helpers(lang),
        "me": me,
        "csrf": me.csrf if me and me.csrf else login_csrf,
        "other_lang": "en" if lang == "zh" else "zh",
    }
    response = templates.TemplateResponse(request, name, {**shared, **context}, status_code=status)
    settings = request.app.state.settings
    if "lang" in request.query_params and request.query_params["lang"] in LANGS:
        response.set_cookie("lang", lang, samesite="lax", secure=settings.secure_cookies, max_age=365 * 86400)
    if me is None and LOGIN_CSRF_COOKIE not in request.cookies:
        response.set_cookie(
            LOGIN_CSRF_COOKIE, login_csrf, httponly=True, samesite="lax", secure=settings.secure_cookies
        )
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Security-Policy"] = "default-src 'self'; img-src 'self' data:; style-src 'self'"
    return response


def error_page(
    request: Request,
    status: int,
    code: str,
    detail: str = "",
    *,
    hint: str = "",
    problems: list[str] | None = None,
) -> HTMLResponse:
    """The error page: what was refused and why."""
    return page(
        request,
        "error.html",
        {"status": status, "code": code, "detail": detail, "hint": hint, "problems": problems or []},
        status=status,
    )
