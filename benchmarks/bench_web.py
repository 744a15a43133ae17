"""Benchmark (网站压测): the web application under load, on SQLite and on PostgreSQL.

    python benchmarks/bench_web.py [--targets 500] [--workers 2] [--connections 8] [--duration 10]
                                   [--postgres URL | --no-postgres]

Builds one plan of 500 targets in 10 sections of a synthetic report, assigned to 40 units,
with 12 monthly observations each (bulk-inserted with Core ``insert()``), plus a viewer
account; serves it with ``luoshi serve --workers 2`` (real uvicorn worker processes) on
127.0.0.1, graded as of 31 January 2024; logs in as the viewer; then runs wrk (Debian's
``wrk``, its own process, one thread) with the session cookie against the overview (``/``),
one target page (``/targets/T…``) and every target page in turn (a wrk Lua script), after a
short warm-up, for a bounded time each, and prints requests per second and p50/p99 latency.
The goal is judged with the page cache on (``luoshi serve``'s default); the same pages with
the cache off (``--page-cache 0``: every request reads and grades from the database, as
luoshi did before the cache) are the baseline beside it. The same on a fresh schema of the
PostgreSQL test database when it answers. The servers are stopped and the databases removed
at the end. wrk shares the two cores with the server, so the figures are at saturation.

Goal: at least 300 requests per second with p99 under 100 ms on 2 cores.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import httpx
from bench_status import _SHAPES, _value
from sqlalchemy import create_engine, insert, select, text
from synthetic import assignment_row, insert_plan, insert_units, target_row

from luoshi.store import Store, open_store
from luoshi.store.models import Assignment, Observation, Target
from luoshi.web import add_user

GOAL_RPS = 300
GOAL_P99_MS = 100.0
POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
YEAR = 2023
AS_OF = date(YEAR + 1, 1, 31)
VIEWER, PASSWORD = "leader", "bench-password-1"
BIN = Path(sys.executable).parent


def build(store: Store, targets: int, months: int = 12) -> int:
    """Insert the synthetic plan (report text with every target's sentence in it); its id."""
    rng = random.Random(2023)
    now = datetime(YEAR, 1, 2, 9, 0)
    sections = 10
    parts: list[str] = []
    spans: list[tuple[int, int, str, str]] = []  # start, end, text, section
    offset = 0
    for seq in range(1, targets + 1):
        number = (seq - 1) * sections // targets + 1
        section = f"（{number}）第{number}部分重点工作"
        if (seq - 1) % (targets // sections or 1) == 0:
            parts.append(section + "\n")
            offset += len(section) + 1
        indicator, comparator, value, unit, *_ = _SHAPES[seq % len(_SHAPES)]
        lead = f"第{seq}项：坚持稳中求进，扎实推进各项工作，"
        phrase = f"{indicator}{'以上' if comparator == '>=' else ''}{value}{unit}"
        tail = "。" + ("\n" if seq % 5 == 0 else "")
        parts.append(lead + phrase + tail)
        spans.append((offset + len(lead), offset + len(lead) + len(phrase), phrase, section))
        offset += len(lead) + len(phrase) + len(tail)
    report_text = "".join(parts)
    with store.engine.begin() as connection:
        plan_id = insert_plan(connection, YEAR, now, name="样例市2023年政府工作报告", text=report_text)
        unit_ids = insert_units(connection, [f"样例单位{i:02d}" for i in range(1, 41)], now)
        rows = [
            target_row(
                plan_id,
                seq,
                _SHAPES[seq % len(_SHAPES)],
                start=start,
                end=end,
                text=phrase,
                section=section,
                linked=seq % 3 == 0,
                review="confirmed",
            )
            for seq, (start, end, phrase, section) in enumerate(spans, 1)
        ]
        connection.execute(insert(Target), rows)
        ids = list(
            connection.scalars(select(Target.id).where(Target.plan_id == plan_id).order_by(Target.seq))
        )
        due = date(YEAR, 12, 31)
        connection.execute(
            insert(Assignment),
            [
                assignment_row(plan_id, target_id, unit_ids[i % len(unit_ids)], now, due)
                for i, target_id in enumerate(ids)
            ],
        )
        observations = []
        for i, target_id in enumerate(ids):
            shape = _SHAPES[(i + 1) % len(_SHAPES)]
            for month in range(1, months + 1):
                observations.append(
                    {
                        "target_id": target_id,
                        "period": f"{YEAR}-{month:02d}",
                        "value": _value(shape, month, rng),
                        "unit": shape[3],
                        "note": "按月报送" if month % 3 else "季度数据已核实",
                        "source": "web",
                        "reported_by": f"统计员{i % 40:02d}",
                        "reported_at": datetime(YEAR + month // 12, month % 12 + 1, rng.randint(5, 28), 10),
                        "supersedes_id": None,
                    }
                )
        connection.execute(insert(Observation), observations)
    add_user(store, VIEWER, PASSWORD, "viewer", actor="bench")
    return plan_id


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server:
    """``luoshi serve --workers N`` on a free loopback port, in its own process group."""

    def __init__(self, url: str, workers: int, log: Path, page_cache: int) -> None:
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        env = dict(os.environ, LUOSHI_AS_OF=AS_OF.isoformat())
        self.log = log.open("wb")
        self.process = subprocess.Popen(
            [str(BIN / "luoshi"), "serve", "--db", url, "--host", "127.0.0.1", "--port", str(self.port)]
            + ["--workers", str(workers), "--page-cache", str(page_cache)],
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"luoshi serve exited with {self.process.returncode}; see {log}")
            try:
                if httpx.get(f"{self.base}/login", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        self.stop()
        raise SystemExit(f"luoshi serve did not answer within 60 s; see {log}")

    def session_cookie(self) -> str:
        with httpx.Client(base_url=self.base) as client:
            page = client.get("/login").text
            token = re.search(r'name="csrf" value="([^"]+)"', page)
            assert token, page[:300]
            answer = client.post("/login", data={"username": VIEWER, "password": PASSWORD, "csrf": token[1]})
            assert answer.status_code in (200, 303), answer.status_code
            return f"luoshi_session={client.cookies['luoshi_session']}"

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.log.close()


@dataclass
class Load:
    rps: float
    p50_ms: float
    p99_ms: float
    requests: int
    errors: int


def _ms(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()  # type: ignore[union-attr]
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}[unit]


def wrk(url: str, cookie: str, connections: int, duration: int, script: Path | None = None) -> Load:
    """Run wrk (one thread) against ``url`` with the session cookie; its figures."""
    out = subprocess.run(
        ["wrk", "-t1", f"-c{connections}", f"-d{duration}s", "--latency", "--timeout", "5s"]
        + ["-H", f"Cookie: {cookie}", url]
        + (["-s", str(script)] if script else []),
        capture_output=True,
        text=True,
        check=True,
        timeout=duration + 30,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out)[1])  # type: ignore[index]
    p50 = _ms(re.search(r"\s50%\s+(\S+)", out)[1])  # type: ignore[index]
    p99 = _ms(re.search(r"\s99%\s+(\S+)", out)[1])  # type: ignore[index]
    total = int(re.search(r"(\d+) requests in", out)[1])  # type: ignore[index]
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    errors = re.search(r"Socket errors:.*", out)
    failed = (int(bad[1]) if bad else 0) + (sum(map(int, re.findall(r"\d+", errors[0]))) if errors else 0)
    return Load(rps, p50, p99, total, failed)


def in_turn(ids: list[int], folder: Path) -> Path:
    """A wrk script that asks for every target page in turn."""
    script = folder / "targets.lua"
    script.write_text(
        f"local ids = {{{', '.join(map(str, ids))}}}\n"
        "local i = 0\n"
        "request = function()\n"
        "  i = i + 1\n"
        '  return wrk.format("GET", "/targets/T" .. ids[(i % #ids) + 1])\n'
        "end\n"
    )
    return script


def measure(label: str, url: str, args: argparse.Namespace, folder: Path) -> list[Load]:
    """The goal's figures (page cache on) and the baseline's (off), for each page."""
    started = time.perf_counter()
    with open_store(url) as store:
        build(store, args.targets)
        with store.reading() as session:
            ids = list(session.scalars(select(Target.id).order_by(Target.seq)))
    built = time.perf_counter() - started
    print(f"{label}")
    print(f"  setup        {args.targets} targets, {args.targets * 12:,} observations in {built:.1f} s")
    pages = (
        ("overview", "/", None),
        ("target page", f"/targets/T{ids[len(ids) // 2]}", None),
        (f"{len(ids)} targets", "/", in_turn(ids, folder)),
    )
    goal_loads = []
    for cache, entries in (("cache on", 256), ("cache off", 0)):
        server = Server(url, args.workers, folder / f"serve-{label}-{entries}.log", entries)
        try:
            cookie = server.session_cookie()
            for name, path, script in pages:
                # Warm-up: every worker grades the plan and, with the cache on, fills it.
                wrk(server.base + path, cookie, args.connections, 2, script)
                load = wrk(server.base + path, cookie, args.connections, args.duration, script)
                if entries:
                    goal_loads.append(load)
                print(
                    f"  {name:12} {cache:9} {load.rps:7,.0f} requests/s · p50 {load.p50_ms:6.1f} ms · "
                    f"p99 {load.p99_ms:6.1f} ms · {load.requests:,} requests, {load.errors} failed"
                )
        finally:
            server.stop()
    print(f"  ({args.workers} workers, {args.connections} connections, {args.duration} s per line)")
    return goal_loads


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--targets", type=int, default=500)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--duration", type=int, default=10, help="seconds per page")
    parser.add_argument("--postgres", default=POSTGRES, help="PostgreSQL URL (a fresh schema is made in it)")
    parser.add_argument("--no-postgres", action="store_true", help="SQLite only")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is missing: apt-get install wrk")
    print(f"{os.cpu_count()} cores; graded as of {AS_OF}; load generator wrk on 127.0.0.1")
    loads: list[Load] = []
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        loads += measure("SQLite", str(folder / "bench.db"), args, folder)
        if not args.no_postgres:
            loads += _postgres(args, folder)
    met = all(load.rps >= GOAL_RPS and load.p99_ms < GOAL_P99_MS and load.errors == 0 for load in loads)
    print(f"goal ({GOAL_RPS} requests/s, p99 < {GOAL_P99_MS:.0f} ms): {'met' if met else 'NOT met'}")


def _postgres(args: argparse.Namespace, folder: Path) -> list[Load]:
    schema = f"bench_web_{uuid.uuid4().hex[:10]}"
    admin = create_engine(args.postgres)
    try:
        with admin.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    except Exception as error:  # noqa: BLE001 - a benchmark: say why and go on
        print(f"PostgreSQL skipped: {str(error).splitlines()[0]}")
        return []
    try:
        return measure("PostgreSQL", f"{args.postgres}?options=-csearch_path%3D{schema}", args, folder)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


if __name__ == "__main__":
    main()
