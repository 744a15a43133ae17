"""User administration (用户管理): users (add, disable, enable) and unit API tokens (make,
revoke). Admin only; every change is an audit event (:mod:`luoshi.web.accounts`)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy import select

from luoshi.store import ROLES, Unit
from luoshi.web.accounts import (
    Principal,
    add_user,
    create_api_token,
    list_api_tokens,
    list_users,
    revoke_api_token,
    set_active,
)
from luoshi.web.auth import Access
from luoshi.web.render import page
from luoshi.web.routes._common import store_of

router = APIRouter(prefix="/admin")
_ADMIN = Access("admin")


def _users_page(request: Request, new_token: str = "") -> Response:
    store = store_of(request)
    with store.reading() as session:
        units = list(session.scalars(select(Unit.name).order_by(Unit.name)))
    context = {
        "users": list_users(store),
        "roles": ROLES,
        "units": units,
        "tokens": list_api_tokens(store),
        "new_token": new_token,
    }
    return page(request, "users.html", context)


@router.get("/users")
def users_page(request: Request, me: Principal = Depends(_ADMIN)) -> Response:
    return _users_page(request)


@router.post("/users")
def users_add(
    request: Request,
    name: str = Form(...),
    password: str = Form(...),
    role: str = Form(...),
    unit: str = Form(""),
    me: Principal = Depends(_ADMIN),
) -> Response:
    add_user(store_of(request), name, password, role, unit=unit or None, actor=me.name)
    return RedirectResponse("/admin/users", status_code=303)


@router.post("/users/active")
def users_active(
    request: Request, name: str = Form(...), active: bool = Form(...), me: Principal = Depends(_ADMIN)
) -> Response:
    set_active(store_of(request), name, active, actor=me.name)
    return RedirectResponse("/admin/users", status_code=303)


@router.post("/tokens")
def tokens_add(
    request: Request, unit: str = Form(...), label: str = Form(""), me: Principal = Depends(_ADMIN)
) -> Response:
    """Make a unit's API token and show it this once (the store keeps only its sha256)."""
    secret = create_api_token(store_of(request), unit, label=label[:100], actor=me.name)
    response = _users_page(request, new_token=secret)
    response.headers["Cache-Control"] = "no-store"
    return response


@router.post("/tokens/{token_id}/revoke")
def tokens_revoke(request: Request, token_id: int, me: Principal = Depends(_ADMIN)) -> Response:
    revoke_api_token(store_of(request), token_id, actor=me.name)
    return RedirectResponse("/admin/users", status_code=303)
