"""``luoshi user``: local accounts of the web application (用户) and unit API tokens.

A thin shell over :mod:`luoshi.web.accounts`: ``user add NAME --role R [--unit U]`` (the
password is asked for, or generated and printed with ``--generate``), ``user list``,
``user password NAME``, ``user token UNIT`` (prints a new API token once).
"""

from __future__ import annotations

import secrets
from typing import Annotated

import typer

from luoshi.commands._shared import Db, stdout, store_at
from luoshi.planning.lookup import current_user
from luoshi.web.accounts import add_user, create_api_token, list_users, set_password

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
