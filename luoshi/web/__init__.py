"""The web application (网站): the 督查室 steers, departments report, leaders see what lags.

:func:`create_app` builds a FastAPI application with server-rendered pages (Jinja2, forms
without JavaScript, Chinese with an English switch), local accounts and roles
(:mod:`luoshi.web.accounts`, :mod:`luoshi.web.auth`), charts drawn on the server
(:mod:`luoshi.web.charts`) and a JSON API under ``/api/v1``. ``luoshi serve`` runs it.
"""

from __future__ import annotations

from luoshi.web.accounts import Principal, add_user, create_api_token, list_users
from luoshi.web.app import app_from_env, create_app
from luoshi.web.settings import Settings

__all__ = [
    "Principal",
    "Settings",
    "add_user",
    "app_from_env",
    "create_api_token",
    "create_app",
    "list_users",
]
