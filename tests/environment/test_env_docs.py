"""The Python example in docs/environment.md runs as written (docs that cannot drift)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_docs_example_runs(monkeypatch, capsys):
    text = (ROOT / "docs" / "environment.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, flags=re.S)
    assert blocks
    monkeypatch.chdir(ROOT)
    for block in blocks:
        exec(compile(block, "docs/environment.md", "exec"), {})
    assert "PM2.5平均浓度 84 微克/立方米" in capsys.readouterr().out
