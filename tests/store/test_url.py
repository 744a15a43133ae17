"""Where the store lives: a --db value, LUOSHI_DATABASE_URL, or the XDG default."""

from __future__ import annotations

from pathlib import Path

import pytest

from luoshi.errors import StoreError
from luoshi.store import ENV_VAR, database_url, default_database_path


def test_a_plain_path_is_a_sqlite_file_whose_folder_is_made(tmp_path) -> None:
    url = database_url(tmp_path / "a" / "b" / "luoshi.db")
    assert url == f"sqlite:///{(tmp_path / 'a' / 'b' / 'luoshi.db').resolve()}"
    assert (tmp_path / "a" / "b").is_dir()


def test_a_url_is_kept(monkeypatch) -> None:
    monkeypatch.setenv(ENV_VAR, "sqlite:///elsewhere.db")
    assert database_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"


def test_the_environment_comes_next(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "env.db"))
    assert database_url(None).endswith("env.db")


def test_the_default_is_under_xdg_data_home(monkeypatch, tmp_path) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert default_database_path() == tmp_path / "data" / "luoshi" / "luoshi.db"
    assert database_url(None) == f"sqlite:///{(tmp_path / 'data' / 'luoshi' / 'luoshi.db').resolve()}"


def test_without_xdg_it_is_under_home(monkeypatch) -> None:
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    assert default_database_path() == Path.home() / ".local" / "share" / "luoshi" / "luoshi.db"


@pytest.mark.parametrize("value", ["mysql://u@h/db", "postgresql+psycopg://u@h:notaport/db"])
def test_unsupported_or_malformed_urls_are_refused(value) -> None:
    with pytest.raises(StoreError):
        database_url(value)
