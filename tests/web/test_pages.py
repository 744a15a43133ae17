"""Pages render for the office, in Chinese and in English; the supervisor corrects a target
(audited); the admin page shows a sheet's row errors; the app runs under uvicorn."""

from __future__ import annotations

import httpx
import pytest
from conftest import csrf_of
from sqlalchemy import select

from luoshi.store import AuditEvent, Evidence, Observation

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


def test_a_submission_keeps_its_source_and_its_evidence_even_when_the_value_repeats(
    client_for, web_store
) -> None:
    client = client_for("hr")

    def submit(value: str, name: str) -> str:
        response = client.post(
            "/targets/T7/observations",
            data={
                "period": "2023-07",
                "value": value,
                "note": "月报",
                "csrf": csrf_of(client, "/targets/T7"),
            },
            files={"evidence": (name, name.encode(), "text/plain")},
            follow_redirects=False,
        )
        assert response.status_code == 303, response.text[:300]
        return response.headers["location"]

    assert submit("78000", "first.txt").endswith("saved=saved")
    assert submit("78000", "second.txt").endswith("saved=evidence_added")  # same value: file kept
    with web_store.reading() as session:
        rows = session.execute(
            select(Observation.id, Observation.source, Evidence.filename)
            .join(Evidence, Evidence.observation_id == Observation.id)
            .where(Observation.target_id == 7, Observation.period == "2023-07")
            .order_by(Evidence.id)
        ).all()
        kinds = [
            e.entity for e in session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(3))
        ]
    assert [(r.source, r.filename) for r in rows] == [
        ("submission", "first.txt"),
        ("submission", "second.txt"),
    ]
    assert rows[0].id == rows[1].id  # one observation, two files
    assert kinds == ["evidence", "evidence", "observation"]
    assert "second.txt" in client.get("/targets/T7").text


def test_an_api_value_is_stored_with_source_api(web_store) -> None:
    from conftest import make_client

    from luoshi.web import create_api_token

    token = create_api_token(web_store, "人社局")
    response = make_client(web_store).post(
        "/api/v1/targets/T7/observations",
        json={"period": "2023-07", "value": "78000"},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 201, response.text
    with web_store.reading() as session:
        assert session.get(Observation, response.json()["observation_id"]).source == "api"


def test_a_supervisor_sets_last_years_monthly_profile_on_the_target_page(client_for, web_store) -> None:
    client = client_for("office")
    token = csrf_of(client, "/targets/T7")
    totals = "3000,6000,10000,14000,19000,42000,72000,97000,112000,122000,130000,140000"
    response = client.post(
        "/admin/plans/1/correct",
        data={"target": "T7", "profile": totals, "cumulative": "true", "csrf": token},
        follow_redirects=False,
    )
    assert response.status_code == 303
    html = client.get("/targets/T7").text
    assert 'name="profile" value="3000,3000,4000,4000,5000,23000,30000,' in html  # monthly, pre-filled
    bad = client.post("/admin/plans/1/correct", data={"target": "T7", "profile": "1,2", "csrf": token})
    assert bad.status_code == 400 and "12" in bad.text
    client.post(
        "/admin/plans/1/correct", data={"target": "T7", "profile": "", "profile_shown": "true", "csrf": token}
    )
    assert 'name="profile" value=""' in client.get("/targets/T7").text
