"""Fixtures of the bulletin and export tests: the bundled sample plan in a SQLite file, built
once per session (:func:`luoshi.examples.sample_plan.build_sample_plan`), its bulletin data at
31 July 2023 and its charts."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from luoshi.examples.sample_plan import build_sample_plan

    path = tmp_path_factory.mktemp("sample") / "luoshi.db"
    build_sample_plan(path)
    return path


@pytest.fixture(scope="session")
def sample_data(sample_db: Path):  # noqa: ANN201
    from luoshi.bulletins import bulletin_data
    from luoshi.examples.sample_plan import SAMPLE_AS_OF
    from luoshi.store import open_store

    with open_store(sample_db) as store:
        return bulletin_data(store, 1, as_of=SAMPLE_AS_OF)


@pytest.fixture(scope="session")
def sample_charts(sample_data):  # noqa: ANN001, ANN201
    from luoshi.bulletins.charts import draw_charts

    return draw_charts(sample_data)
