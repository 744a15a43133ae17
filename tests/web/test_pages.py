"""Pages render for the office, in Chinese and in English; the supervisor corrects a target
(audited); the admin page shows a sheet's row errors; the app runs under uvicorn."""

from __future__ import annotations

import httpx
import pytest
from conftest import csrf_of
from sqlalchemy import select

from luoshi.store import AuditEvent

PAGES = [
    "/",
    "/plans/1/targets",
    "/plans/1/targets?grade=滞后&q=就业",
    "/targets/T7",
    "/plans/1/report",
    "/tasks/1",
    "/units/1",
    "/admin/plans/1",
    "/admin/users",
    "/api/v1/openapi.json",
]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_renders_for_the_admin(client_for, path) -> None:
    assert client_for("admin").get(path).status_code == 200


def test_the_language_switch(client_for) -> None:
    client = client_for("office")
    assert "总览" in client.get("/").text
    assert "Overview" in client.get("/?lang=en").text
    assert "Overview" in client.get("/").text  # remembered in a cookie


def test_the_target_page_shows_provenance_and_observations(client_for) -> None:
    html = client_for("office").get("/targets/T7").text
    assert "<mark>" in html and "新增就业大学生" in html
    assert "王芳" in html  # who reported
    chart = client_for("office").get("/targets/T7/chart.svg")
    assert chart.headers["content-type"].startswith("image/svg")


def test_a_supervisor_corrects_a_target_and_it_is_audited(client_for, web_store) -> None:
    client = client_for("office")
    token = csrf_of(client, "/targets/T7")
    response = client.post(
        "/admin/plans/1/correct",
        data={"target": "T7", "baseline": "120000", "csrf": token},
        follow_redirects=False,
    )
    assert response.status_code == 303
    with web_store.reading() as session:
        last = session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
    assert (last.actor, last.action, last.entity_id) == ("office", "update", "T7")


def test_an_uploaded_sheet_with_bad_rows_shows_them(client_for) -> None:
    client = client_for("office")
    token = csrf_of(client, "/admin/plans/1")
    response = client.post(
        "/admin/plans/1/assignments",
        data={"csrf": token},
        files={"file": ("分解表.xlsx", b"not a workbook", "application/octet-stream")},
    )
    assert response.status_code == 400
    assert "xlsx" in response.text


def test_the_app_runs_under_uvicorn(live_server) -> None:
    response = httpx.get(f"{live_server}/login")
    assert response.status_code == 200 and "csrf" in response.text


def test_the_office_downloads_the_bulletin_from_the_plan_page(client_for) -> None:
    import io

    from docx import Document

    office = client_for("admin")
    assert "/admin/plans/1/bulletin.docx" in office.get("/admin/plans/1").text
    response = office.get("/admin/plans/1/bulletin.docx?as_of=2023-07-31")
    assert response.status_code == 200
    text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    assert "通报" in text and "总体情况" in text
    assert office.get("/admin/plans/1/bulletin.exe").status_code == 404
