"""docs/tracking.md cannot drift: its example runs, its rules file is the default, its counts are true."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from luoshi.catalog import default_catalog
from luoshi.tracking import DEFAULT_RULES_TOML

DOC = Path(__file__).resolve().parents[2] / "docs" / "tracking.md"

pytestmark = pytest.mark.skipif(not DOC.is_file(), reason="docs/tracking.md is not beside the tests")


def _blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S)


def test_the_python_example_runs() -> None:
    for block in _blocks("python"):
        exec(compile(block, str(DOC), "exec"), {})


def test_the_rules_file_shown_is_the_default() -> None:
    assert _blocks("toml") == [DEFAULT_RULES_TOML]


def test_the_catalogue_size_stated_is_true() -> None:
    stated = re.search(
        r"`luoshi/catalog/indicators.toml` holds (\d+) indicators", DOC.read_text(encoding="utf-8")
    )
    assert stated is not None and int(stated.group(1)) == len(default_catalog())
