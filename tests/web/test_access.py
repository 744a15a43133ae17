"""Access: a reporter of one unit cannot read or write another's targets, through pages or
the API, nor open any admin page; a viewer changes nothing; no CSRF token, no change.
Runs on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from conftest import csrf_of, login, make_client

from luoshi.web import create_api_token

OWN, OTHER = "T7", "T4"  # 人社局 leads T7; 生态环境局 leads T4
ADMIN_GETS = [
    "/admin/plans/1",
    "/admin/users",
    "/admin/plans/1/assignments.xlsx",
    "/admin/plans/1/bulletin.docx",
]
ADMIN_POSTS = [
    ("/admin/plans/1/assign", {"item": "T7", "lead": "人社局"}),
    ("/admin/plans/1/correct", {"target": "T7", "kind": "flow"}),
    ("/admin/plans/1/review", {"item": "T7", "state": "rejected"}),
    ("/admin/users", {"name": "x", "password": "p" * 10, "role": "admin"}),
]


@pytest.fixture
def hr(any_store):
    return any_store, login(make_client(any_store), "hr")


def test_a_reporter_reads_its_own_target_and_not_another_units(hr) -> None:
    _, client = hr
    assert client.get(f"/targets/{OWN}").status_code == 200
    assert client.get(f"/targets/{OTHER}").status_code == 403
    assert client.get(f"/targets/{OTHER}/chart.svg").status_code == 403
    assert client.get(f"/api/v1/targets/{OWN}").status_code == 200
    assert client.get(f"/api/v1/targets/{OTHER}").status_code == 403
    assert client.get("/units/1").status_code in (200, 403)
    listed = client.get("/api/v1/plans/1/targets").json()
    assert {t["id"] for t in listed} == {"T7", "T8", "T9", "T10"}


def test_a_reporter_cannot_write_another_units_target(hr) -> None:
    _, client = hr
    token = csrf_of(client, "/")
    response = client.post(
        f"/targets/{OTHER}/observations", data={"period": "2023-07", "value": "1", "csrf": token}
    )
    assert response.status_code == 403
    response = client.post(
        f"/targets/{OWN}/observations",
        data={"period": "2023-07", "value": "80000", "csrf": token},
        follow_redirects=False,
    )
    assert response.status_code == 303


def test_an_api_token_writes_only_its_units_targets(any_store) -> None:
    token = create_api_token(any_store, "人社局")
    client = make_client(any_store)
    headers = {"Authorization": f"Bearer {token}"}
    body = {"period": "2023-07", "value": "80000", "note": "接口"}
    assert client.post(f"/api/v1/targets/{OTHER}/observations", json=body, headers=headers).status_code == 403
    created = client.post(f"/api/v1/targets/{OWN}/observations", json=body, headers=headers)
    assert created.status_code == 201, created.text
    assert created.json()["observation_id"]
    assert client.get(f"/api/v1/targets/{OTHER}", headers=headers).status_code == 403
    bad = client.get("/api/v1/plans", headers={"Authorization": "Bearer nope"})
    assert bad.status_code == 401 and bad.json()["error"]["status"] == 401


@pytest.mark.parametrize("path", ADMIN_GETS)
def test_a_reporter_gets_403_on_every_admin_page(hr, path) -> None:
    _, client = hr
    assert client.get(path).status_code == 403


@pytest.mark.parametrize(("path", "data"), ADMIN_POSTS)
def test_a_reporter_and_a_viewer_get_403_on_every_admin_action(any_store, path, data) -> None:
    for name in ("hr", "leader"):
        client = login(make_client(any_store), name)
        token = csrf_of(client, "/")
        assert client.post(path, data={**data, "csrf": token}).status_code == 403


def test_a_viewer_reads_everything_and_changes_nothing(any_store) -> None:
    client = login(make_client(any_store), "leader")
    assert client.get(f"/targets/{OTHER}").status_code == 200
    token = csrf_of(client, "/")
    response = client.post(
        f"/targets/{OWN}/observations", data={"period": "2023-07", "value": "1", "csrf": token}
    )
    assert response.status_code == 403
    assert client.get("/admin/plans/1").status_code == 403


def test_a_post_without_csrf_token_is_refused(any_store) -> None:
    client = login(make_client(any_store), "office")
    response = client.post(f"/targets/{OWN}/observations", data={"period": "2023-07", "value": "80000"})
    assert response.status_code == 403
    response = client.post(
        f"/targets/{OWN}/observations", data={"period": "2023-07", "value": "80000", "csrf": "forged"}
    )
    assert response.status_code == 403
    assert client.post("/admin/plans/1/review", data={"item": "T7", "state": "rejected"}).status_code == 403


def test_anonymous_callers_are_sent_to_log_in(any_store) -> None:
    client = make_client(any_store)
    assert client.get("/", follow_redirects=False).status_code == 303
    assert client.get("/api/v1/plans").status_code == 401
    assert client.get(f"/targets/{OWN}", follow_redirects=False).status_code == 303
