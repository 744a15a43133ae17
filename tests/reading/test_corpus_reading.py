"""The real reports in ../shared: every one reads and outlines, gold plan starts are found, fast.

The gold notes (../shared/gold/*.notes.md) say where each report's forward-looking part
starts ("Forward-looking part starts at line N … (char C)"); the outline must put the first
plan paragraph there, and nothing plan before it.
"""

from __future__ import annotations

import html
import io
import re
import time
from pathlib import Path

import docx
import pytest

from luoshi.reading import read_report

pytestmark = pytest.mark.shared

_PLAN_START = re.compile(r"starts at line (\d+)[^(\n]*\(char (\d+)\)")
_GLOSSARY = re.compile(r"\(line (\d+) on, char (\d+)\)")


def _files(folder: Path, pattern: str) -> list[Path]:
    paths = sorted(folder.glob(pattern))
    if not paths:
        pytest.skip(f"no {pattern} in {folder}")
    return paths


def test_every_corpus_report_reads_with_a_plan_part(shared_dir: Path) -> None:
    without_plan, unnested = [], []
    for path in _files(shared_dir / "corpus", "*.txt"):
        report = read_report(path)
        assert report.text == path.read_text(encoding="utf-8")
        if not any(part.role == "plan" for part in report.parts):
            without_plan.append(path.name)
        for part in report.parts:
            if not (0 <= part.start < part.end <= len(report.text)):
                unnested.append(path.name)
    assert not without_plan, without_plan
    assert not unnested


def _gold_notes(shared_dir: Path) -> list[Path]:
    return _files(shared_dir / "gold", "*.notes.md")


def test_gold_notes_are_all_checked(shared_dir: Path) -> None:
    for notes in _gold_notes(shared_dir):
        assert _PLAN_START.search(notes.read_text(encoding="utf-8")), notes.name


def test_plan_starts_where_the_gold_notes_say(shared_dir: Path) -> None:
    problems = []
    for notes in _gold_notes(shared_dir):
        found = _PLAN_START.search(notes.read_text(encoding="utf-8"))
        line, char = int(found.group(1)), int(found.group(2))
        report = read_report(notes.with_name(notes.name.replace(".notes.md", ".txt")))
        text = report.text
        assert text.count("\n", 0, char) + 1 == line, f"{notes.name}: the notes' line and char disagree"
        first_plan = next(p for p in report.paragraphs() if p.role == "plan")
        first_line = text.count("\n", 0, first_plan.start) + 1
        early = [p for p in report.paragraphs() if p.start < char and p.role == "plan"]
        review = [p for p in report.paragraphs() if p.start < char and p.role == "review"]
        if report.role_at(char) != "plan" or early or not review or first_line not in (line, line + 1):
            problems.append(f"{notes.name}: gold plan starts at line {line}, outline at line {first_line}")
    assert not problems, problems


def test_glossaries_in_the_gold_notes_are_other(shared_dir: Path) -> None:
    checked = 0
    for notes in _gold_notes(shared_dir):
        for found in _GLOSSARY.finditer(notes.read_text(encoding="utf-8")):
            report = read_report(notes.with_name(notes.name.replace(".notes.md", ".txt")))
            assert report.role_at(int(found.group(2))) == "other", notes.name
            checked += 1
    assert checked


def test_seed_excerpt_is_all_plan(shared_dir: Path) -> None:
    report = read_report(shared_dir / "gold" / "seed_2023_shaoxing_excerpt.txt")
    assert {p.role for p in report.paragraphs()} == {"plan"}
    assert report.role_at(0) == "plan"


def test_whole_corpus_reads_and_outlines_fast(shared_dir: Path) -> None:
    """3.8 million characters: well under a second of CPU here; the bar is loose for slow machines."""
    paths = _files(shared_dir / "corpus", "*.txt")
    start = time.process_time()
    characters = sum(len(read_report(path).text) for path in paths)
    spent = time.process_time() - start
    assert characters > 1_000_000
    assert spent < 3.0, f"{characters} characters took {spent:.2f} s of CPU"


def test_gold_reports_as_docx_and_html_outline_the_same(shared_dir: Path) -> None:
    """The same report saved as Word and as a GBK web page gives the same parts and roles."""
    for path in _files(shared_dir / "gold", "*.txt"):
        lines = [line for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]
        expected = [(p.heading, p.role) for p in read_report(path).parts]
        document = docx.Document()
        for line in lines:
            document.add_paragraph(line)
        out = io.BytesIO()
        document.save(out)
        page = (
            '<html><head><meta charset="gbk"></head><body><div class="nav">首页</div><div id="zoom">'
            + "".join(f"<p>{html.escape(line)}</p>" for line in lines)
            + "</div></body></html>"
        ).encode("gb18030")
        for data in (out.getvalue(), page):
            assert [(p.heading, p.role) for p in read_report(data).parts] == expected, path.name
