"""Two processes importing different units' 报送表 at the same moment lose no observation."""

from __future__ import annotations

import subprocess
import sys

from sqlalchemy import func, select

from luoshi.store import verify_chain
from luoshi.store.models import AuditEvent, Observation

#: Opens the store, says it is ready, waits for "go" on its input, imports one sheet.
IMPORT = """
import sys
import openpyxl  # noqa: F401 - loaded before "go", so both imports start together
from luoshi.planning import import_progress
from luoshi.store import open_store

url, plan, sheet, by = sys.argv[1:5]
store = open_store(url)
print("ready", flush=True)
sys.stdin.readline()
result = import_progress(store, plan, sheet, by=by)
print(result.created, flush=True)
"""
JOBS = ("T7", "T8", "T9", "T10")
AIR = ("T4", "T5", "T6")


def test_simultaneous_imports_keep_every_value(store, database_url, assigned, submission) -> None:
    rounds = [f"2023-{month:02d}" for month in range(1, 5)]
    for number, period in enumerate(rounds, 1):
        jobs = submission("人社局", period, {item: number * 1000 for item in JOBS})
        air = submission("生态环境局", period, {item: 20 + number for item in AIR})
        processes = [
            subprocess.Popen(
                [sys.executable, "-c", IMPORT, database_url, str(assigned.id), str(sheet), by],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for sheet, by in ((jobs, "人社局甲"), (air, "生态环境局乙"))
        ]
        for process in processes:  # both have opened the store and read their imports' code
            assert process.stdout is not None and process.stdout.readline().strip() == "ready"
        for process in processes:  # now both at once
            assert process.stdin is not None
            process.stdin.write("go\n")
            process.stdin.flush()
        outputs = [process.communicate(timeout=120) for process in processes]
        for process, (_, err) in zip(processes, outputs, strict=True):
            assert process.returncode == 0, err
        assert sorted(int(out) for out, _ in outputs) == [len(AIR), len(JOBS)]
    with store.reading() as session:
        stored = session.execute(
            select(Observation.target_id, Observation.period, Observation.reported_by)
        ).all()
        events = session.scalar(
            select(func.count()).select_from(AuditEvent).where(AuditEvent.entity == "observation")
        )
        assert verify_chain(session) is None
    expected = {(int(item[1:]), period) for period in rounds for item in (*JOBS, *AIR)}
    assert {(target, period) for target, period, _ in stored} == expected
    assert len(stored) == len(expected) == events
    assert {by for _, _, by in stored} == {"人社局甲", "生态环境局乙"}
