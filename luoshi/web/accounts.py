"""Accounts (账户): users with argon2 password hashes, login sessions and unit API tokens.

The functions ``luoshi user …`` and the web pages call. Every change (a user added, a
password changed, a login, a token made) is an audit event (:func:`luoshi.store.record`).
Secrets are random (:func:`secrets.token_urlsafe`) and only their sha256 is stored.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, select

from luoshi.errors import LuoshiError
from luoshi.planning.lookup import find_unit
from luoshi.store import ROLES, ApiToken, Store, Unit, User, WebSession, record

__all__ = [
    "AccountError",
    "Principal",
    "add_user",
    "list_users",
    "set_password",
    "authenticate",
    "start_session",
    "session_principal",
    "end_session",
    "set_active",
    "create_api_token",
    "list_api_tokens",
    "revoke_api_token",
    "token_unit",
    "digest",
]

_HASHER = PasswordHasher()
#: A hash to verify against when the user does not exist, so both cases take as long.
_DUMMY = _HASHER.hash("luoshi-no-such-user")


class AccountError(LuoshiError):
    """An account request refused (账户错误): an unknown role, a name taken, a reporter without a unit."""


@dataclass(frozen=True, slots=True)
class Principal:
    """Who is asking (当前用户): name, role, and for a reporter the unit's id and name.

    ``role`` is one of :data:`luoshi.store.ROLES`, or ``public`` for an anonymous reader of a
    public dashboard. ``csrf`` is the session's CSRF token (empty for API and public callers);
    ``expires_at`` is when the session ends (None for API and public callers).
    """

    name: str
    role: str
    unit_id: int | None = None
    unit_name: str | None = None
    csrf: str = ""
    user_id: int | None = None
    expires_at: datetime | None = None

    @property
    def expired(self) -> bool:
        """Whether the session this principal came from has ended."""
        return self.expires_at is not None and self.expires_at < datetime.now()

    @property
    def can_write(self) -> bool:
        return self.role in ("admin", "supervisor", "reporter")

    @property
    def is_office(self) -> bool:
        """Admin or supervisor (督查室): sees and steers every plan."""
        return self.role in ("admin", "supervisor")


def digest(secret: str) -> str:
    """The sha256 of a secret, as stored."""
    return hashlib.sha256(secret.encode()).hexdigest()


def add_user(
    store: Store, name: str, password: str, role: str, *, unit: str | None = None, actor: str = "admin"
) -> User:
    """Create a user; a reporter needs a unit (an existing 单位, by name or short name)."""
    name = name.strip()
    if role not in ROLES:
        raise AccountError(f"未知角色 / unknown role {role!r}", hint=f"角色取 {', '.join(ROLES)}")
    if not name or len(name) > 100:
        raise AccountError("用户名应为 1 至 100 个字符 / a user name has 1 to 100 characters")
    if len(password) < 8:
        raise AccountError("密码至少 8 个字符 / a password has at least 8 characters")
    if role == "reporter" and not unit:
        raise AccountError("报送用户须指定单位 / a reporter needs --unit", hint="例如 --unit 人社局")
    with store.writing(actor) as session:
        if session.scalars(select(User).where(User.name == name)).first() is not None:
            raise AccountError(f"用户名已存在 / the user {name!r} exists")
        unit_row = find_unit(session, unit) if unit else None
        user = User(
            name=name,
            password_hash=_HASHER.hash(password),
            role=role,
            unit_id=unit_row.id if unit_row else None,
            active=True,
            created_at=datetime.now(),
        )
        session.add(user)
        session.flush()
        record(
            session,
            "create",
            "user",
            user.id,
            after={"name": name, "role": role, "unit": unit_row.name if unit_row else None},
        )
    return user


def list_users(store: Store) -> list[tuple[User, str | None]]:
    """Every user with the name of its unit, by name."""
    with store.reading() as session:
        rows = session.execute(
            select(User, Unit.name).outerjoin(Unit, Unit.id == User.unit_id).order_by(User.name)
        ).all()
        return [(user, unit) for user, unit in rows]


def set_password(store: Store, name: str, password: str, *, actor: str) -> None:
    """Change a user's password (and end their sessions)."""
    if len(password) < 8:
        raise AccountError("密码至少 8 个字符 / a password has at least 8 characters")
    with store.writing(actor) as session:
        user = session.scalars(select(User).where(User.name == name)).first()
        if user is None:
            raise AccountError(f"没有这个用户 / no user {name!r}")
        user.password_hash = _HASHER.hash(password)
        session.execute(delete(WebSession).where(WebSession.user_id == user.id))
        record(session, "password", "user", user.id, after={"name": name})


def set_active(store: Store, name: str, active: bool, *, actor: str) -> None:
    """Disable (停用) or enable a user; disabling ends their sessions. The last active admin
    cannot be disabled."""
    with store.writing(actor) as session:
        user = session.scalars(select(User).where(User.name == name)).first()
        if user is None:
            raise AccountError(f"没有这个用户 / no user {name!r}")
        if user.active == active:
            return
        if not active and user.role == "admin":
            admins = session.scalars(select(User.id).where(User.role == "admin", User.active.is_(True))).all()
            if len(admins) <= 1:
                raise AccountError("不能停用最后一个管理员 / cannot disable the last active admin")
        user.active = active
        if not active:
            session.execute(delete(WebSession).where(WebSession.user_id == user.id))
        record(session, "enable" if active else "disable", "user", user.id, after={"name": name})


def authenticate(store: Store, name: str, password: str) -> User | None:
    """The active user with this name and password, or None (in the same time either way)."""
    with store.reading() as session:
        user = session.scalars(select(User).where(User.name == name.strip())).first()
    try:
        _HASHER.verify(user.password_hash if user else _DUMMY, password)
    except (VerificationError, InvalidHashError):
        return None
    if user is None or not user.active:
        return None
    return user


def start_session(store: Store, user: User, *, hours: int, address: str = "") -> str:
    """Record a login and open a session; the cookie's token (only its sha256 is stored)."""
    token = secrets.token_urlsafe(32)
    now = datetime.now()
    with store.writing(user.name) as session:
        session.execute(delete(WebSession).where(WebSession.expires_at < now))
        session.add(
            WebSession(
                id=digest(token),
                user_id=user.id,
                csrf=secrets.token_urlsafe(32),
                created_at=now,
                expires_at=now + timedelta(hours=hours),
            )
        )
        record(session, "login", "user", user.id, after={"name": user.name, "address": address})
    return token


def session_principal(store: Store, token: str) -> Principal | None:
    """Who holds the session cookie ``token``, if it is open and the user active."""
    with store.reading() as session:
        row = session.execute(
            select(WebSession, User, Unit.name)
            .join(User, User.id == WebSession.user_id)
            .outerjoin(Unit, Unit.id == User.unit_id)
            .where(WebSession.id == digest(token))
        ).first()
    if row is None:
        return None
    web_session, user, unit_name = row
    found = Principal(
        user.name, user.role, user.unit_id, unit_name, web_session.csrf, user.id, web_session.expires_at
    )
    return None if found.expired or not user.active else found


def end_session(store: Store, token: str, actor: str) -> None:
    """Close the session (退出登录)."""
    with store.writing(actor) as session:
        found = session.get(WebSession, digest(token))
        if found is not None:
            session.delete(found)
            record(session, "logout", "user", found.user_id)


def create_api_token(store: Store, unit: str, *, label: str = "", actor: str = "admin") -> str:
    """A new API token for ``unit``, shown once; only its sha256 is stored."""
    token = "lsk_" + secrets.token_urlsafe(32)
    with store.writing(actor) as session:
        unit_row = find_unit(session, unit)
        row = ApiToken(
            unit_id=unit_row.id,
            hash=digest(token),
            label=label,
            created_at=datetime.now(),
            created_by=actor,
            revoked_at=None,
        )
        session.add(row)
        session.flush()
        record(session, "create", "api_token", row.id, after={"unit": unit_row.name, "label": label})
    return token


def list_api_tokens(store: Store) -> list[tuple[ApiToken, str]]:
    """Every API token (never the secret, which is not stored) with its unit's name, by id."""
    with store.reading() as session:
        rows = session.execute(
            select(ApiToken, Unit.name).join(Unit, Unit.id == ApiToken.unit_id).order_by(ApiToken.id)
        )
        return [(token, unit) for token, unit in rows]


def revoke_api_token(store: Store, token_id: int, *, actor: str) -> None:
    """Revoke (吊销) an API token: it stops working at once, in every worker."""
    with store.writing(actor) as session:
        row = session.get(ApiToken, token_id)
        if row is None:
            raise AccountError(f"没有这个令牌 / no API token {token_id}")
        if row.revoked_at is not None:
            return
        row.revoked_at = datetime.now()
        record(session, "revoke", "api_token", row.id, after={"label": row.label})


def token_unit(store: Store, token: str) -> Principal | None:
    """The unit an API token reports for, as a reporter principal; None for a bad token."""
    with store.reading() as session:
        row = session.execute(
            select(ApiToken, Unit)
            .join(Unit, Unit.id == ApiToken.unit_id)
            .where(ApiToken.hash == digest(token), ApiToken.revoked_at.is_(None))
        ).first()
    if row is None:
        return None
    _, unit = row
    return Principal(f"api:{unit.name}", "reporter", unit.id, unit.name)
