"""``luoshi serve``: the web application under uvicorn (网站).

``luoshi serve --db URL`` serves a store; ``luoshi serve --demo`` builds the bundled sample
plan with sample progress into a temporary SQLite file, creates an ``admin`` user with a
random password, prints the address and the login, and serves it (graded as on the
sample's date). With ``--workers N`` each worker process builds the app from ``LUOSHI_*``
environment variables (:func:`luoshi.web.app_from_env`).
"""

from __future__ import annotations

import os
import secrets
import sys
import tempfile
from pathlib import Path
from typing import Annotated

import typer

from luoshi.commands._shared import Db
from luoshi.store import database_url

__all__ = ["app", "serve"]


def serve(
    db: Db = None,
    host: Annotated[str, typer.Option("--host", help="监听地址 / address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="端口 / port")] = 8000,
    workers: Annotated[int, typer.Option("--workers", min=1, help="工作进程数 / worker processes")] = 1,
    demo: Annotated[bool, typer.Option("--demo", help="示例计划与示例进度 / serve the sample plan")] = False,
    public: Annotated[
        bool, typer.Option("--public", help="公开只读总览 / a public read-only dashboard")
    ] = False,
    secure_cookies: Annotated[
        bool, typer.Option("--secure-cookies", help="HTTPS 部署时 / behind HTTPS")
    ] = False,
    page_cache: Annotated[
        int,
        typer.Option(
            "--page-cache",
            min=0,
            help="每个进程缓存的页面数据条数，0 为关闭 / page cache entries per worker (0: off)",
        ),
    ] = 4096,
) -> None:
    """启动网站 / Serve the web dashboard."""
    import uvicorn

    if demo:
        from luoshi.examples.sample_plan import SAMPLE_AS_OF, build_sample_plan
        from luoshi.store import open_store
        from luoshi.web import add_user

        folder = Path(tempfile.mkdtemp(prefix="luoshi-demo-"))
        db = str(folder / "demo.db")
        password = secrets.token_urlsafe(12)
        with open_store(db) as store:
            build_sample_plan(store)
            add_user(store, "admin", password, "admin", actor="demo")
        os.environ["LUOSHI_AS_OF"] = SAMPLE_AS_OF.isoformat()
        typer.echo(f"示例数据库 demo database: {db}")
        typer.echo(f"登录 login: admin / {password}")
    os.environ["LUOSHI_DATABASE_URL"] = database_url(db)
    if public:
        os.environ["LUOSHI_PUBLIC_DASHBOARD"] = "1"
    if secure_cookies:
        os.environ["LUOSHI_SECURE_COOKIES"] = "1"
    os.environ["LUOSHI_PAGE_CACHE"] = str(page_cache)
    typer.echo(f"地址 address: http://{host}:{port}/")
    uvicorn.run(
        "luoshi.web.app:app_from_env",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="info",
        # uvloop sets TCP_NODELAY on every connection; asyncio's own loop does not on the socket
        # uvicorn hands to worker processes, and each keep-alive response then waits ~40 ms
        # for a delayed ACK. httptools parses HTTP in C.
        loop="auto" if sys.platform == "win32" else "uvloop",
        http="httptools",
    )


#: A one-command app: ``luoshi serve`` (Typer makes a lone command the app itself).
app = typer.Typer(name="serve", add_completion=False)
app.command(name="serve")(serve)
