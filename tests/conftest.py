"""Fixtures shared by every test package.

``shared_dir`` is the team's shared data folder (../shared beside the repository: the corpus of
real reports, the gold files). Tests that need it are marked ``@pytest.mark.shared`` and are
skipped, not failed, where the folder is absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The ../shared folder; skips the test when it is not there."""
    if not SHARED.is_dir():
        pytest.skip("../shared is absent (corpus and gold files)")
    return SHARED.resolve()


def pytest_configure(config: pytest.Config) -> None:
    """Markers beyond pyproject's: ``slow`` for a test that takes more than ten seconds."""
    config.addinivalue_line("markers", "slow: takes more than ten seconds (deselect with -m 'not slow')")
