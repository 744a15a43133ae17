"""Hostile input is stored as typed and shown escaped; uploads are bounded; a zip bomb is
refused; logins are rate limited; ``luoshi audit verify`` finds an edited event."""

from __future__ import annotations

import io
import zipfile

from conftest import csrf_of, make_client
from sqlalchemy import select, update
from typer.testing import CliRunner

from luoshi.store import AuditEvent, Observation

HOSTILE = "<script>alert('x')</script>'; DROP TABLE observation; -- \u202eevil\u202c " + "长" * 5000


def test_hostile_input_is_stored_as_typed_and_shown_escaped(client_for, web_store) -> None:
    client = client_for("hr")
    token = csrf_of(client, "/")
    response = client.post(
        "/targets/T7/observations",
        data={"period": "2023-07", "value": "80000", "note": HOSTILE, "csrf": token},
        files={"evidence": ("<img src=x onerror=alert(1)>.txt", b"evidence", "text/plain")},
    )
    assert response.status_code == 200
    with web_store.reading() as session:
        stored = session.scalars(select(Observation).order_by(Observation.id.desc())).first()
    assert stored.note == HOSTILE
    html = response.text
    assert "<script>alert" not in html and "&lt;script&gt;alert" in html
    assert "<img src=x" not in html
    assert "\u202eevil" in html


def test_an_evidence_file_over_the_limit_is_refused(web_store) -> None:
    from conftest import login

    client = login(make_client(web_store, max_upload_bytes=1000), "hr")
    token = csrf_of(client, "/")
    response = client.post(
        "/targets/T7/observations",
        data={"period": "2023-07", "value": "80000", "csrf": token},
        files={"evidence": ("big.bin", b"x" * 2000, "application/octet-stream")},
    )
    assert response.status_code == 400


def test_an_xlsx_zip_bomb_is_refused_with_the_sheet_error_on_the_page(client_for) -> None:
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (210 * 1024 * 1024))
    client = client_for("office")
    token = csrf_of(client, "/admin/plans/1")
    response = client.post(
        "/admin/plans/1/assignments",
        data={"csrf": token},
        files={"file": ("bomb.xlsx", bomb.getvalue(), "application/octet-stream")},
    )
    assert response.status_code == 400
    assert 'class="problem"' in response.text


def test_login_is_rate_limited(web_store) -> None:
    client = make_client(web_store, login_attempts=3)
    for _ in range(3):
        token = csrf_of(client)
        assert (
            client.post("/login", data={"username": "hr", "password": "wrong", "csrf": token}).status_code
            == 401
        )
    token = csrf_of(client)
    from conftest import PASSWORD

    response = client.post("/login", data={"username": "hr", "password": PASSWORD, "csrf": token})
    assert response.status_code == 429


def test_a_login_without_its_csrf_cookie_is_refused(web_store) -> None:
    client = make_client(web_store)
    assert client.post("/login", data={"username": "hr", "password": "x", "csrf": "x"}).status_code == 403


def test_audit_verify_finds_an_edited_event(web_store) -> None:
    from luoshi.commands.audit import app

    runner = CliRunner()
    url = web_store.url
    assert runner.invoke(app, ["verify", "--db", url]).exit_code == 0
    with web_store.engine.begin() as connection:
        connection.execute(update(AuditEvent).where(AuditEvent.id == 5).values(actor="someone else"))
    result = runner.invoke(app, ["verify", "--db", url])
    assert result.exit_code == 1
    assert "5" in result.output
