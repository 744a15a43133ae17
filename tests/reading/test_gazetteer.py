"""The place from the places a report names (luoshi.reading.gazetteer), when no meeting or
speaker line says it: the division named most at the level the report speaks for."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from luoshi.reading import read_report, report_from_text
from luoshi.reading.gazetteer import COMMON_WORDS, divisions, place_from_mentions

SPEECH = "各位代表：\n现在，我代表{level}人民政府向大会报告工作，请予审议。\n"


def _report(level: str, body: str) -> str:
    return SPEECH.format(level=level) + body


def test_the_gazetteer_knows_every_level_and_the_short_names() -> None:
    found = {d.name: d for d in divisions()}
    assert len(found) > 3000
    assert (found["毕节市"].level, found["毕节市"].short) == ("city", "毕节")
    assert found["黔南布依族苗族自治州"].short == "黔南"
    assert found["阿坝藏族羌族自治州"].short == "阿坝"
    assert (found["清苑区"].level, found["四川省"].level) == ("county", "province")


def test_the_division_named_most_at_the_speakers_level_is_the_place() -> None:
    body = "毕节发展史上极不平凡。织金、黔西齐头并进。毕节试验区建设……毕节人民团结奋斗。贵州全省。"
    assert place_from_mentions(_report("市", body)) == "毕节市"
    report = report_from_text(_report("市", body))
    assert (report.place, report.level) == ("毕节市", "city")


def test_the_name_is_written_as_the_text_writes_it() -> None:
    body = "徐水县经济发展。徐水县城建设。徐水各族人民……徐水县全面发展。"
    assert place_from_mentions(_report("县", body)) == "徐水县"  # 徐水区 since 2015
    prefecture = "黔南州经济发展。黔南州各族群众。黔南山水。全州上下。"
    assert place_from_mentions(_report("州", prefecture)) == "黔南州"


def test_we_words_say_the_level_when_no_speaker_line_does() -> None:
    body = "过去一年，我州经济稳步增长。全省大局。全省。全省。阿坝山水，阿坝人民，阿坝发展。"
    assert place_from_mentions(body) == "阿坝藏族羌族自治州"  # the text never writes 阿坝州


@pytest.mark.parametrize(
    "text",
    [
        "新增城镇就业1万人以上。",  # no level said
        _report("市", "资源节约，合作共赢，振兴乡村，合作发展，资源利用，合作。"),  # everyday words only
        _report("市", "毕节与遵义携手。毕节、遵义、毕节、遵义。"),  # no clear winner
        _report("市", "深入推进毕节试验区建设。"),  # named once only
    ],
)
def test_no_place_when_the_text_does_not_make_it_clear(text: str) -> None:
    assert place_from_mentions(text) is None


def test_everyday_words_are_not_places() -> None:
    shorts = {d.short for d in divisions()}
    assert {"资源", "合作", "振兴", "增城", "迁安"} <= COMMON_WORDS
    assert COMMON_WORDS - shorts == set(), "a common word that is no division's short name"


@pytest.mark.shared
def test_every_corpus_report_gets_the_place_sources_md_gives(shared_dir: Path) -> None:
    corpus = shared_dir / "corpus"
    truth = {}
    for line in (corpus / "SOURCES.md").read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.split("|")]
        if len(cells) > 4 and cells[1].endswith(".txt"):
            truth[cells[1]] = re.sub(r"\s*\(.*", "", cells[3])
    wrong = []
    for path in sorted(corpus.glob("*.txt")):
        place = read_report(path).place or ""
        expected = truth[path.name]
        core = re.sub(r"[市县区省州盟旗]$", "", expected)
        if expected.startswith("国务院"):
            ok = place == "国务院"
        else:
            ok = bool(place) and (core[:2] in place or place in expected)
        if not ok:
            wrong.append((path.name, expected, place))
    assert len(truth) == 242 and wrong == []
