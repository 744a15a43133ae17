"""The page cache: what a page computed is used again only while the store is unchanged.

Two apps on one database stand for two worker processes, each with its own cache: a change
made through one is seen by the other's next request; a logout through one ends the session
in the other. Runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

import re
import threading
import time
from datetime import date, datetime, timedelta

import pytest
from conftest import csrf_of, login, make_client
from fastapi.testclient import TestClient

from luoshi.store import open_store
from luoshi.web import accounts
from luoshi.web.cache import PageCache, weight

OWN = "T7"  # 人社局 leads T7 (新增就业大学生 14万名以上)
TODAY = date.today().isoformat()


def _second_worker(store):
    """Another app on the same database, with a store (engine, pool, cache) of its own."""
    return open_store(store.engine.url.render_as_string(hide_password=False))


def _grade_counts(html: str) -> list[str]:
    return re.findall(r'<span class="n">(\d+)</span>', html)


def test_a_value_submitted_through_one_worker_shows_at_once_in_the_other(any_store) -> None:
    reporter = login(make_client(any_store), "hr")
    with _second_worker(any_store) as other:
        viewer = login(make_client(other), "leader")
        page_before = viewer.get(f"/targets/{OWN}").text
        overview_before = viewer.get(f"/?as_of={TODAY}").text
        assert viewer.get(f"/targets/{OWN}").text == page_before  # from the cache, unchanged
        token = csrf_of(reporter, f"/targets/{OWN}")
        response = reporter.post(
            f"/targets/{OWN}/observations",
            data={"period": "2023-12", "value": "150000", "note": "缓存测试备注", "csrf": token},
            follow_redirects=False,
        )
        assert response.status_code == 303, response.text[:300]
        page_after = viewer.get(f"/targets/{OWN}").text
        assert "缓存测试备注" in page_after and "缓存测试备注" not in page_before
        # 未报送 as of today before; 已完成 (14万 reached) after.
        assert _grade_counts(viewer.get(f"/?as_of={TODAY}").text) != _grade_counts(overview_before)


def test_a_logout_through_one_worker_ends_the_session_in_the_other(any_store) -> None:
    first = login(make_client(any_store), "leader")
    with _second_worker(any_store) as other:
        second = make_client(other)
        second.cookies.update(first.cookies)
        assert second.get("/", follow_redirects=False).status_code == 200  # cached now
        first.post("/logout", data={"csrf": csrf_of(first, "/")}, follow_redirects=False)
        assert second.get("/", follow_redirects=False).status_code in (303, 401)


def test_a_session_ends_on_time_even_while_cached(web_store, monkeypatch) -> None:
    client = login(make_client(web_store), "leader")
    assert client.get("/", follow_redirects=False).status_code == 200  # its holder is cached now

    class Later(datetime):
        @classmethod
        def now(cls, tz=None):  # the session's 12 hours have passed; the store has not changed
            return datetime.now(tz) + timedelta(hours=13)

    monkeypatch.setattr(accounts, "datetime", Later)
    assert client.get("/", follow_redirects=False).status_code in (303, 401)


def test_the_cache_keeps_a_value_per_version(web_store) -> None:
    cache = PageCache(web_store, megabytes=2 * weight("x" * 100) / (1 << 20) * 2)  # room for 4 such
    calls: list[str] = []

    def compute(name: str):
        return lambda: calls.append(name) or name.ljust(100)

    assert cache.get("a", 5, compute("a1")).strip() == "a1"
    assert cache.get("a", 5, compute("a2")).strip() == "a1"
    assert (
        cache.get("a", 4, compute("a3")).strip() == "a1"
    )  # a request that began earlier: newer data is fine
    assert cache.get("a", 6, compute("a4")).strip() == "a4"  # the store changed
    assert cache.get("none", 6, lambda: None) is None
    assert cache.get("none", 6, compute("n")).strip() == "n"  # None was not kept
    for name in ("b", "c", "d"):
        cache.get(name, 6, compute(name))
    assert cache.used <= cache.budget
    assert cache.get("a", 6, compute("a5")).strip() == "a5"  # the least recently used went first
    assert calls == ["a1", "a4", "n", "b", "c", "d", "a5"]
    assert cache.version() > 0


def test_many_days_of_a_plan_stay_within_the_budget(web_store) -> None:
    """?as_of= for day after day: each day's status is kept until the budget is spent."""
    from datetime import date, timedelta

    from luoshi.planning import plan_status

    status = plan_status(web_store, 1, as_of=date(2023, 7, 31))
    cache = PageCache(web_store, megabytes=5 * weight(status) / (1 << 20))
    for n in range(30):
        day = date(2023, 7, 1) + timedelta(days=n)
        cache.get(("status", 1, day), 9, lambda day=day: plan_status(web_store, 1, as_of=day))
    assert 0 < cache.used <= cache.budget and len(cache._entries) == 5
    assert cache.get("huge", 9, lambda: "x" * cache.budget) and "huge" not in cache._entries


def test_requests_missing_one_key_at_once_compute_it_once(web_store) -> None:
    cache = PageCache(web_store)
    calls = []
    results = []

    def slow() -> str:
        calls.append(1)
        time.sleep(0.2)
        return "value"

    threads = [threading.Thread(target=lambda: results.append(cache.get("k", 1, slow))) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == ["value"] * 6 and len(calls) == 1


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_shared_overview_carries_no_callers_token(web_store, lang) -> None:
    app = make_client(web_store).app  # one app, one cache, two callers
    first, second = login(TestClient(app), "admin"), login(TestClient(app), "office")
    first_html = first.get(f"/?lang={lang}").text
    second_html = second.get(f"/?lang={lang}").text
    first_token, second_token = csrf_of(first, "/"), csrf_of(second, "/")
    assert first_token != second_token
    assert first_token in first_html and first_token not in second_html
    assert second_token in second_html and second_token not in first_html


def test_a_shared_targets_list_is_never_another_units(web_store) -> None:
    app = make_client(web_store).app  # one app, one cache, two callers
    office, reporter = login(TestClient(app), "office"), login(TestClient(app), "hr")
    assert 'href="/targets/T4"' in office.get("/plans/1/targets").text  # kept for every office caller
    own = reporter.get("/plans/1/targets").text
    assert 'href="/targets/T7"' in own and 'href="/targets/T4"' not in own  # 生态环境局 leads T4
    searched = reporter.get("/plans/1/targets?q=PM2.5").text
    assert 'href="/targets/T4"' not in searched


def test_the_report_and_the_api_status_follow_a_change(web_store) -> None:
    office = login(make_client(web_store), "office")  # one app: its cache must see the change
    assert "review-rejected" not in office.get("/plans/1/report").text
    before = office.get("/api/v1/plans/1/status").json()
    token = csrf_of(office, "/targets/T12")
    office.post("/admin/plans/1/review", data={"item": "T12", "state": "rejected", "csrf": token})
    assert "review-rejected" in office.get("/plans/1/report").text
    after = office.get("/api/v1/plans/1/status").json()
    assert len(after["targets"]) == len(before["targets"]) - 1
