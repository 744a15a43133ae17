"""Tables of the web application (账户): users, their login sessions, unit API tokens, evidence files.

=============== ==========================================================================
table           what a row is
=============== ==========================================================================
``app_user``    a local account (用户): name, argon2 password hash, role, its unit (报送单位)
``web_session`` a login (会话): the sha256 of the cookie's token, its CSRF token, expiry
``api_token``   a unit's API token (接口令牌): only the sha256 of the token is kept
``evidence``    a file attached to a submitted value (佐证材料), its bytes in the database
=============== ==========================================================================

Secrets are never stored: a session cookie and an API token are random strings shown once;
the store keeps their sha256, so a copy of the database does not let anyone log in.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from luoshi.store.models import Base

__all__ = ["ROLES", "User", "WebSession", "ApiToken", "Evidence"]

#: Roles (角色): admin (users and plans), supervisor (督查室: everything but users), reporter
#: (one unit: reads its items, submits for them), viewer (reads everything, changes nothing).
ROLES = ("admin", "supervisor", "reporter", "viewer")


class User(Base):
    """A local account (用户); ``unit_id`` is the unit a reporter reports for."""

    __tablename__ = "app_user"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(12))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime]


class WebSession(Base):
    """A login session (会话): ``id`` is the sha256 of the cookie's random token."""

    __tablename__ = "web_session"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id", ondelete="CASCADE"), index=True)
    csrf: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]


class ApiToken(Base):
    """A unit's API token (接口令牌), kept as the sha256 of the token."""

    __tablename__ = "api_token"

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), index=True)
    hash: Mapped[str] = mapped_column(String(64), unique=True)
    label: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[datetime]
    created_by: Mapped[str] = mapped_column(String(100))
    revoked_at: Mapped[datetime | None]


class Evidence(Base):
    """A file attached to a submitted value (佐证材料): name, type, size, sha256 and bytes."""

    __tablename__ = "evidence"

    id: Mapped[int] = mapped_column(primary_key=True)
    observation_id: Mapped[int] = mapped_column(ForeignKey("observation.id"), index=True)
    filename: Mapped[str] = mapped_column(String(255))
    content_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    uploaded_by: Mapped[str] = mapped_column(String(100))
    uploaded_at: Mapped[datetime]
