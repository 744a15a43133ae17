"""The application factory (网站应用): :func:`create_app` builds the FastAPI app on a store.

::

    from luoshi.web import Settings, create_app
    app = create_app("luoshi.db", settings=Settings())
    # uvicorn.run(app)  or, for several workers:
    # uvicorn luoshi.web.app:app_from_env --factory --workers 4   (settings from LUOSHI_* variables)

The same object serves the pages, ``/static`` and the API; tests drive it with FastAPI's
TestClient or start it under uvicorn on a loopback port.
"""

from __future__ import annotations

import os
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from luoshi.store import Store, open_store
from luoshi.web.cache import PageCache
from luoshi.web.limits import LoginLimiter
from luoshi.web.problems import install_handlers
from luoshi.web.settings import Settings

__all__ = ["create_app", "app_from_env"]

HERE = Path(__file__).parent


def create_app(store_url: str | Path | Store, *, settings: Settings | None = None) -> FastAPI:
    """The web application over the store at ``store_url`` (a URL, a SQLite path or an open store)."""
    from luoshi.web.routes import admin, api, auth, overview, reader, targets, units, users

    settings = settings or Settings()
    store = store_url if isinstance(store_url, Store) else open_store(store_url)
    app = FastAPI(
        title="luoshi 落实",
        description="政府工作报告目标任务督查 / tracking a government work report's targets",
        version="1",
        openapi_url="/api/v1/openapi.json",
        docs_url="/api/v1/docs",
        redoc_url=None,
    )
    app.state.store = store
    app.state.cache = PageCache(store, megabytes=settings.page_cache)
    app.state.settings = settings
    app.state.limiter = LoginLimiter(settings.login_attempts, settings.login_window)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    for module in (auth, overview, targets, reader, units, admin, users, api):
        app.include_router(module.router)
    install_handlers(app)
    return app


def app_from_env() -> FastAPI:
    """The app for ``uvicorn --factory``: the store from ``LUOSHI_DATABASE_URL``, settings from the environment."""
    return create_app(os.environ.get("LUOSHI_DATABASE_URL", ""), settings=Settings.from_env())
