"""docs/bulletins.md cannot drift: its Python example runs, its commands are real options."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

DOC = Path(__file__).resolve().parents[2] / "docs" / "bulletins.md"
pytestmark = pytest.mark.skipif(not DOC.is_file(), reason="docs/bulletins.md is not beside the tests")


def test_the_python_example_runs() -> None:
    blocks = re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    assert blocks
    for block in blocks:
        exec(compile(block, str(DOC), "exec"), {})  # noqa: S102 - our own documentation


def test_the_commands_use_real_options() -> None:
    from typer.main import get_command

    from luoshi.commands.bulletin import app as bulletin_app
    from luoshi.commands.export import app as export_app

    known = {
        name: {opt for param in get_command(app).params for opt in param.opts}
        for name, app in (("bulletin", bulletin_app), ("export", export_app))
    }
    lines = re.findall(r"^luoshi (bulletin|export) (.*)$", DOC.read_text(encoding="utf-8"), re.M)
    assert len(lines) >= 6
    for command, rest in lines:
        for option in re.findall(r"(?<!\S)(--?[a-z][a-z-]*)", rest):
            assert option in known[command], (command, option)
