"""Report files of a folder, place keys and consecutive-year pairs (luoshi.corpus.files, .pairs)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from luoshi.corpus import pair_consecutive, place_key, report_files, slug_of
from luoshi.corpus.files import report_name
from luoshi.errors import InputNotFound


@pytest.mark.parametrize(
    ("stem", "slug"),
    [
        ("2024_shaoxing_city", "shaoxing"),
        ("2024_suzhou_anhui_city", "suzhou_anhui"),
        ("2010_national_state_council", "national"),
        ("2022_qingyuanqu_county", "qingyuanqu"),
        ("保定市2022年政府工作报告", None),
        ("2024_shaoxing", None),
        ("zhejiang/2024_shaoxing_city", "shaoxing"),
    ],
)
def test_slug_of(stem: str, slug: str | None) -> None:
    assert slug_of(stem) == slug


@pytest.mark.parametrize(
    ("name", "place", "key"),
    [
        ("2022_qingyuanqu_county", "保定市清苑区", "qingyuanqu"),  # the file name wins
        ("清苑2005", "清苑县", "清苑"),
        ("清苑2022", "保定市清苑区", "清苑"),  # renamed from 县 to 区, one place
        ("sh", "上海市", "上海"),
        ("yi", "易县", "易县"),  # one character left: keep the suffix
        ("gwy", "国务院", "national"),
        ("x", None, None),
    ],
)
def test_place_key(name: str, place: str | None, key: str | None) -> None:
    assert place_key(name, place) == key


@dataclass
class _Report:
    name: str
    place: str | None
    year: int | None


def test_pairs_are_consecutive_years_of_one_place() -> None:
    reports = [
        _Report("2022_baoding_city", "保定市", 2022),
        _Report("2023_baoding_city", "保定市", 2023),
        _Report("2025_baoding_city", "保定市", 2025),
        _Report("2024_miyixian_county", "米易县", 2022),  # the text's year, not the name's
        _Report("2023_miyixian_county", "米易县", 2023),
        _Report("2023_米易县_copy", "米易县", 2023),  # joins the slug miyixian: a duplicate
        _Report("清苑县2020", "清苑县", 2020),
        _Report("清苑区2021", "保定市清苑区", 2021),
        _Report("unknown", None, 2021),
    ]
    pairing = pair_consecutive(reports)
    assert [(a.name, b.name) for a, b in pairing.pairs] == [
        ("2022_baoding_city", "2023_baoding_city"),
        ("2024_miyixian_county", "2023_miyixian_county"),
        ("清苑县2020", "清苑区2021"),
    ]
    assert sorted(r.name for r, _ in pairing.unpaired) == ["2023_米易县_copy", "unknown"]


def test_report_files_leave_out_notes_and_hidden_files(tmp_path: Path) -> None:
    for name in ("a.txt", "b.docx", "c.doc", "SOURCES.md", ".hidden.txt", "data.csv"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    assert [p.name for p in report_files(tmp_path)] == ["a.txt", "b.docx", "c.doc"]
    with pytest.raises(InputNotFound):
        report_files(tmp_path / "missing")


def test_subfolders_are_read_with_recursive_and_names_keep_them(tmp_path: Path) -> None:
    for name in ("a.txt", "hebei/2023_baoding_city.txt", "hebei/old/2022_baoding_city.txt",
                 "zhejiang/2023_baoding_city.txt", ".git/x.txt", "hebei/.cache/y.txt"):  # fmt: skip
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [p.name for p in report_files(tmp_path)] == ["a.txt"]
    found = report_files(tmp_path, recursive=True)
    assert [report_name(p, tmp_path) for p in found] == [
        "a",
        "hebei/2023_baoding_city",
        "hebei/old/2022_baoding_city",
        "zhejiang/2023_baoding_city",
    ]
