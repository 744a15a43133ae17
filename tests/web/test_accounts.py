"""Account administration: disabling a user ends their sessions at once, in every worker;
a revoked API token stops working at once; the last admin stays; only an admin may do it;
every change is audited. Through the command line and the users page."""

from __future__ import annotations

import re

import pytest
from conftest import PASSWORD, csrf_of, login, make_client
from sqlalchemy import select
from typer.testing import CliRunner

from luoshi.cli import app as cli_app
from luoshi.store import AuditEvent, open_store
from luoshi.web import create_api_token
from luoshi.web.accounts import AccountError, set_active

runner = CliRunner()


def luoshi(*args: str):
    """``luoshi user ARGS…`` through the command line's one error handler."""
    return runner.invoke(cli_app, ["user", *args])


def _db(store) -> str:
    return store.engine.url.render_as_string(hide_password=False)


def _last_event(store) -> tuple[str, str, str]:
    with store.reading() as session:
        event = session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
        return event.actor, event.action, event.entity


def test_disabling_a_user_ends_their_session_in_every_worker(any_store) -> None:
    victim = login(make_client(any_store), "hr")
    with open_store(_db(any_store)) as other:
        elsewhere = make_client(other)
        elsewhere.cookies.update(victim.cookies)
        assert elsewhere.get("/", follow_redirects=False).status_code == 200
        result = luoshi("disable", "hr", "--db", _db(any_store))
        assert result.exit_code == 0, result.output
        assert elsewhere.get("/", follow_redirects=False).status_code in (303, 401)
    fresh = make_client(any_store)
    token = csrf_of(fresh)
    refused = fresh.post("/login", data={"username": "hr", "password": PASSWORD, "csrf": token})
    assert refused.status_code == 401
    assert luoshi("enable", "hr", "--db", _db(any_store)).exit_code == 0
    login(make_client(any_store), "hr")
    assert _last_event(any_store)[1:] == ("login", "user")


def test_the_last_active_admin_cannot_be_disabled(web_store) -> None:
    with pytest.raises(AccountError):
        set_active(web_store, "admin", False, actor="test")
    result = luoshi("disable", "admin", "--db", _db(web_store))
    assert result.exit_code == 1 and "最后一个管理员" in result.output
    assert luoshi("disable", "nobody", "--db", _db(web_store)).exit_code == 1


def test_a_revoked_token_stops_working_at_once(any_store) -> None:
    secret = create_api_token(any_store, "人社局", label="统计系统")
    headers = {"Authorization": f"Bearer {secret}"}
    client = make_client(any_store)
    assert client.get("/api/v1/plans", headers=headers).status_code == 200
    listed = luoshi("tokens", "--db", _db(any_store))
    assert listed.exit_code == 0 and "统计系统" in listed.output and secret not in listed.output
    token_id = listed.output.split()[0]
    assert luoshi("revoke", token_id, "--db", _db(any_store)).exit_code == 0
    assert client.get("/api/v1/plans", headers=headers).status_code == 401
    assert _last_event(any_store)[1:] == ("revoke", "api_token")
    assert "revoked" in luoshi("tokens", "--db", _db(any_store)).output


def test_the_admin_disables_a_user_and_makes_and_revokes_a_token_on_the_users_page(web_store) -> None:
    admin = login(make_client(web_store), "admin")
    victim = login(make_client(web_store), "leader")
    token = csrf_of(admin, "/admin/users")
    answer = admin.post(
        "/admin/users/active", data={"name": "leader", "active": "0", "csrf": token}, follow_redirects=False
    )
    assert answer.status_code == 303
    assert _last_event(web_store) == ("admin", "disable", "user")
    assert victim.get("/", follow_redirects=False).status_code in (303, 401)
    made = admin.post("/admin/tokens", data={"unit": "人社局", "label": "推送", "csrf": token})
    assert made.status_code == 200 and made.headers["cache-control"] == "no-store"
    secret = re.search(r"<code>(lsk_[^<]+)</code>", made.text)[1]
    headers = {"Authorization": f"Bearer {secret}"}
    assert admin.get("/api/v1/plans", headers=headers).status_code == 200
    token_id = re.search(r'action="/admin/tokens/(\d+)/revoke"', made.text)[1]
    revoked = admin.post(f"/admin/tokens/{token_id}/revoke", data={"csrf": token}, follow_redirects=False)
    assert revoked.status_code == 303
    assert make_client(web_store).get("/api/v1/plans", headers=headers).status_code == 401
    assert secret not in admin.get("/admin/users").text  # shown once only


@pytest.mark.parametrize(
    ("path", "data"),
    [
        ("/admin/users/active", {"name": "hr", "active": "0"}),
        ("/admin/tokens", {"unit": "人社局"}),
        ("/admin/tokens/1/revoke", {}),
    ],
)
def test_only_an_admin_administers_accounts(web_store, path, data) -> None:
    for name in ("office", "hr", "leader"):
        client = login(make_client(web_store), name)
        answer = client.post(path, data={**data, "csrf": csrf_of(client, "/")}, follow_redirects=False)
        assert answer.status_code == 403, (name, path)
