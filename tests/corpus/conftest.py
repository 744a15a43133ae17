"""A small corpus folder in tmp_path: a few real reports from ../shared/corpus and a broken file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

#: National 2022–2024 (two pairs), 保定 2022–2023 (one pair), and a county without its next year.
SMALL = (
    "2022_national_state_council.txt",
    "2023_national_state_council.txt",
    "2024_national_state_council.txt",
    "2022_baoding_city.txt",
    "2023_baoding_city.txt",
)


@pytest.fixture
def small_corpus(tmp_path: Path, shared_dir: Path) -> Path:
    """Five reports copied from the shared corpus, a binary file named like a report, and notes."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in SMALL:
        shutil.copy(shared_dir / "corpus" / name, folder / name)
    (folder / "2023_broken_city.txt").write_bytes(bytes(range(256)) * 64)
    (folder / "SOURCES.md").write_text("# notes, not a report\n", encoding="utf-8")
    return folder
