"""User administration (用户管理): list users, add one. Admin only."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy import select

from luoshi.store import ROLES, Unit
from luoshi.web.accounts import Principal, add_user, list_users
from luoshi.web.auth import Access
from luoshi.web.render import page
from luoshi.web.routes._common import store_of

router = APIRouter(prefix="/admin")
_ADMIN = Access("admin")


@router.get("/users")
def users_page(request: Request, me: Principal = Depends(_ADMIN)) -> Response:
    store = store_of(request)
    with store.reading() as session:
        units = list(session.scalars(select(Unit.name).order_by(Unit.name)))
    return page(request, "users.html", {"users": list_users(store), "roles": ROLES, "units": units})


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
