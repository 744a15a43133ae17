"""The researcher's session (docs/examples/research_session.py) runs, and the README shows it as it is."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from luoshi.corpus import account_corpus, extract_corpus, write_dataset, write_table

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "docs" / "examples" / "research_session.py"


def _session():
    spec = importlib.util.spec_from_file_location("research_session", EXAMPLE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.session


def _body() -> str:
    """The lines of ``session`` after its imports, as the README and docs/research.md show them."""
    source = EXAMPLE.read_text(encoding="utf-8")
    body = source.split("def session(dataset: str, accountability: str) -> None:\n", 1)[1]
    body = body.split('\n\nif __name__ == "__main__":', 1)[0]
    return "\n".join(line[4:] for line in body.splitlines())


@pytest.mark.shared
def test_the_session_runs_on_a_small_dataset(small_corpus: Path, tmp_path: Path, capsys) -> None:
    write_dataset(extract_corpus(small_corpus, jobs=1), tmp_path / "dataset", format="csv")
    write_table(account_corpus(small_corpus, jobs=1).table, tmp_path / "accountability.csv", format="csv")
    _session()(str(tmp_path / "dataset"), str(tmp_path / "accountability.csv"))
    out = capsys.readouterr().out
    assert "national" in out and "city" in out
    assert "GDP growth targets reported on: 3, met: 33%" in out


@pytest.mark.parametrize("doc", ["README.md", "docs/research.md"])
def test_the_docs_show_the_example_as_it_is(doc: str) -> None:
    text = (ROOT / doc).read_text(encoding="utf-8")
    shown = [block for block in re.findall(r"```py\n(.*?)```", text, flags=re.S) if "load_dataset" in block]
    assert shown, f"{doc} shows no session"
    assert shown[0].strip() == _body().strip()
