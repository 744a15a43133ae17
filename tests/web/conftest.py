"""Fixtures of the web tests: the sample plan in a store, users of every role, logged-in clients.

``sample_db`` builds the bundled sample plan once per session into a SQLite file; ``web_store``
copies it for each test (SQLite), or builds it into a fresh PostgreSQL schema for tests that
take ``database_url``. ``client_for(role)`` returns a TestClient logged in as that role's user;
``csrf_of(client)`` the CSRF token its pages carry. ``live_server`` serves the app under
uvicorn on a free loopback port in a thread, for browser tests.
"""

from __future__ import annotations

import re
import shutil
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from luoshi.examples.sample_plan import SAMPLE_AS_OF, build_sample_plan
from luoshi.store import Store, open_store
from luoshi.web import Settings, add_user, create_app

PASSWORD = "correct horse battery"
#: user name: (role, unit)
USERS = {
    "admin": ("admin", None),
    "office": ("supervisor", None),
    "hr": ("reporter", "人社局"),
    "env": ("reporter", "生态环境局"),
    "leader": ("viewer", None),
}


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sample") / "sample.db"
    with open_store(path) as store:
        build_sample_plan(store)
        for name, (role, unit) in USERS.items():
            add_user(store, name, PASSWORD, role, unit=unit)
    return path


def _fill(store: Store) -> None:
    build_sample_plan(store)
    for name, (role, unit) in USERS.items():
        add_user(store, name, PASSWORD, role, unit=unit)


@pytest.fixture
def web_store(sample_db: Path, tmp_path: Path) -> Iterator[Store]:
    """A store holding the sample plan and the users (a copy of the session's SQLite file)."""
    copy = tmp_path / "web.db"
    shutil.copy(sample_db, copy)
    with open_store(copy) as store:
        yield store


@pytest.fixture
def any_store(
    request: pytest.FixtureRequest, database_url: str, sample_db: Path, tmp_path: Path
) -> Iterator[Store]:
    """Like ``web_store``, on SQLite and on PostgreSQL (``database_url``)."""
    if "://" not in database_url:
        copy = tmp_path / "web.db"
        shutil.copy(sample_db, copy)
        with open_store(copy) as store:
            yield store
        return
    with open_store(database_url) as store:
        _fill(store)
        yield store


def make_client(store: Store, **settings: object) -> TestClient:
    return TestClient(create_app(store, settings=Settings(as_of=SAMPLE_AS_OF.isoformat(), **settings)))  # type: ignore[arg-type]


def csrf_of(client: TestClient, path: str = "/login") -> str:
    """The CSRF token a page of ``client`` carries in its forms."""
    html = client.get(path).text
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, html[:500]
    return found[1]


def login(client: TestClient, name: str, password: str = PASSWORD) -> TestClient:
    token = csrf_of(client)
    response = client.post(
        "/login", data={"username": name, "password": password, "csrf": token}, follow_redirects=False
    )
    assert response.status_code == 303, response.text[:500]
    return client


@pytest.fixture
def client_for(web_store: Store) -> Callable[[str], TestClient]:
    def make(name: str) -> TestClient:
        return login(make_client(web_store), name)

    return make


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def live_server(web_store: Store) -> Iterator[str]:
    """The app served by uvicorn on a free loopback port, in a thread; yields its base URL."""
    import uvicorn

    port = _free_port()
    app = create_app(web_store, settings=Settings(as_of=SAMPLE_AS_OF.isoformat()))
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
