"""``luoshi user``: local accounts of the web application (用户) and unit API tokens.

A thin shell over :mod:`luoshi.web.accounts`: ``user add NAME --role R [--unit U]`` (the
password is asked for, or generated and printed with ``--generate``), ``user list``,
``user password NAME``, ``user disable|enable NAME``, ``user token UNIT`` (prints a new API
token once), ``user tokens`` and ``user revoke TOKEN_ID``.
"""

from __future__ import annotations

import secrets
from typing import Annotated

import typer

from luoshi.commands._shared import Db, stdout, store_at
from luoshi.planning.lookup import current_user
from luoshi.web.accounts import (
    add_user,
    create_api_token,
    list_api_tokens,
    list_users,
    revoke_api_token,
    set_active,
    set_password,
)

__all__ = ["app"]

app = typer.Typer(
    name="user",
    help="网站用户与接口令牌 / web users and API tokens",
    no_args_is_help=True,
    add_completion=False,
)


@app.command("add")
def add(
    name: Annotated[str, typer.Argument(metavar="NAME", help="用户名 / user name")],
    role: Annotated[str, typer.Option("--role", help="admin, supervisor, reporter or viewer")],
    unit: Annotated[
        str | None, typer.Option("--unit", help="报送单位（reporter 必填）/ the reporter's unit")
    ] = None,
    generate: Annotated[
        bool, typer.Option("--generate", help="生成随机密码并打印 / generate and print a password")
    ] = False,
    db: Db = None,
) -> None:
    """新增用户 / Add a user (the password is asked for twice, or generated)."""
    password = (
        secrets.token_urlsafe(12)
        if generate
        else typer.prompt("密码 password", hide_input=True, confirmation_prompt=True)
    )
    with store_at(db) as store:
        add_user(store, name, password, role, unit=unit, actor=current_user())
    typer.echo(f"已新增 added {name} ({role}{', ' + unit if unit else ''})")
    if generate:
        typer.echo(f"密码 password: {password}")


@app.command("list")
def list_(db: Db = None) -> None:
    """列出用户 / List the users."""
    with store_at(db) as store:
        users = list_users(store)
    console = stdout()
    for user, unit in users:
        console.print(
            f"{user.name}\t{user.role}\t{unit or ''}\t{'active' if user.active else 'disabled'}", markup=False
        )


@app.command("password")
def password(name: Annotated[str, typer.Argument(metavar="NAME")], db: Db = None) -> None:
    """更改密码 / Change a user's password (ends their sessions)."""
    new = typer.prompt("新密码 new password", hide_input=True, confirmation_prompt=True)
    with store_at(db) as store:
        set_password(store, name, new, actor=current_user())
    typer.echo(f"已更改 changed the password of {name}")


@app.command("token")
def token(
    unit: Annotated[str, typer.Argument(metavar="UNIT", help="单位 / the unit")],
    label: Annotated[str, typer.Option("--label", help="用途 / what the token is for")] = "",
    db: Db = None,
) -> None:
    """为单位生成接口令牌（只显示一次）/ Make an API token for a unit (shown once)."""
    with store_at(db) as store:
        secret = create_api_token(store, unit, label=label, actor=current_user())
    typer.echo(secret)


@app.command("disable")
def disable(name: Annotated[str, typer.Argument(metavar="NAME")], db: Db = None) -> None:
    """停用用户（并结束其会话）/ Disable a user (and end their sessions)."""
    with store_at(db) as store:
        set_active(store, name, False, actor=current_user())
    typer.echo(f"已停用 disabled {name}")


@app.command("enable")
def enable(name: Annotated[str, typer.Argument(metavar="NAME")], db: Db = None) -> None:
    """重新启用用户 / Enable a disabled user again."""
    with store_at(db) as store:
        set_active(store, name, True, actor=current_user())
    typer.echo(f"已启用 enabled {name}")


@app.command("tokens")
def tokens(db: Db = None) -> None:
    """列出接口令牌（不显示令牌本身）/ List the API tokens (never the secrets)."""
    with store_at(db) as store:
        rows = list_api_tokens(store)
    console = stdout()
    for row, unit in rows:
        state = f"revoked {row.revoked_at:%Y-%m-%d %H:%M}" if row.revoked_at else "active"
        console.print(
            f"{row.id}\t{unit}\t{row.label}\t{row.created_by}\t{row.created_at:%Y-%m-%d %H:%M}\t{state}",
            markup=False,
        )


@app.command("revoke")
def revoke(
    token_id: Annotated[int, typer.Argument(metavar="TOKEN_ID", help="luoshi user tokens 列出的编号 / id")],
    db: Db = None,
) -> None:
    """吊销接口令牌（立即失效）/ Revoke an API token (it stops working at once)."""
    with store_at(db) as store:
        revoke_api_token(store, token_id, actor=current_user())
    typer.echo(f"已吊销 revoked token {token_id}")
