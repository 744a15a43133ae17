"""Fixtures of the environment tests: the small monitoring files in tests/data/environment."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "data" / "environment"


@pytest.fixture(scope="session")
def env_data() -> Path:
    """tests/data/environment: tiny files in the real formats (long, Beijing PRSA, archive, water)."""
    return DATA
