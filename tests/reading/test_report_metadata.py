"""Place, level and plan year from the text, the caller, or (weakly) the file name."""

from __future__ import annotations

from pathlib import Path

import pytest

from luoshi.reading import read_report, report_from_text
from luoshi.reading.metadata import detect_place, detect_year, level_of, metadata_from_name


@pytest.mark.parametrize(
    ("head", "place"),
    [
        ("——2024年1月29日在杭州市第十四届人民代表大会第四次会议上\n杭州市人民政府市长  姚高员", "杭州市"),
        ("——2023年1月13日在保定市清苑区第三届人民代表大会第三次会议上", "保定市清苑区"),
        ("2020年1月13日在县十六届人民代表大会第四次会议上\n涞源县人民政府县长周峰", "涞源县"),
        ("——2023年3月5日在第十四届全国人民代表大会第一次会议上\n国务院总理\n李克强", "国务院"),
        ("上海市市长　龚正\n各位代表：", "上海市"),
        ("高唐县县长 杨曙光", "高唐县"),
        ("（2024年1月31日在黔东南州第十五届人民代表大会第四次会议上）", "黔东南州"),
        ("在2月5日召开的保定市满城区第二届人民代表大会第五次会议上", "保定市满城区"),
        ("各位代表：\n现在，我代表镇江市人民政府向大会报告工作。", "镇江市"),
        ("各位代表：\n现在，我代表市人民政府向大会报告工作。", None),
        ("1月3日，国务院总理李强亲临花湖机场调研。", None),
        (
            "圆满完成州十三届人民代表大会第二次会议确定的目标任务，全州长治久安和高质量发展迈出坚实步伐，各项事业取得新成绩。",
            None,
        ),
    ],
)
def test_place(head: str, place: str | None) -> None:
    assert detect_place(head) == place


@pytest.mark.parametrize(
    ("place", "level"),
    [
        ("国务院", "national"),
        ("河北省", "province"),
        ("广西壮族自治区", "province"),
        ("上海市", "province"),
        ("北京", "province"),
        ("绍兴市", "city"),
        ("黔东南州", "city"),
        ("恩施土家族苗族自治州", "city"),
        ("锡林郭勒盟", "city"),
        ("保定市清苑区", "county"),
        ("易县", "county"),
        ("保定市安国市", "county"),
        ("正蓝旗", "county"),
        ("某某", None),
    ],
)
def test_level(place: str, level: str | None) -> None:
    assert level_of(place) == level


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("——2024年1月29日在杭州市第十四届人民代表大会第四次会议上\n一、2023年工作回顾", 2024),
        ("二〇一九年一月十四日在河北省第十三届人民代表大会第二次会议上", 2019),
        ("（二〇〇三年一月十日）在省人民代表大会上", 2003),
        ("各位代表：\n一、2023年工作回顾\n过去一年……\n二、2024年工作安排", 2024),
        ("各位代表：\n2022年政府工作回顾\n……", 2023),
        ("三、2011年的工作\n今年……", 2011),
        ("各位代表：现在，我代表市人民政府报告工作。2023年工作回顾2023年是开局之年。", 2024),
        ("全面落实“双碳”战略。", None),
    ],
)
def test_year(text: str, year: int | None) -> None:
    assert detect_year(text) == year


@pytest.mark.parametrize(
    ("name", "year", "level"),
    [
        ("2024_shaoxing_city", 2024, "city"),
        ("2023_national_state_council", 2023, "national"),
        ("2021_shanghai_province", 2021, "province"),
        ("2022_gaotangxian_county", 2022, "county"),
        ("report", None, None),
        ("shaoxing_2024", None, None),
    ],
)
def test_file_name_fallback(name: str, year: int | None, level: str | None) -> None:
    found = metadata_from_name(name)
    assert (found.year, found.level, found.place) == (year, level, None)


def test_options_override_the_text(snippet: str) -> None:
    report = report_from_text(snippet, name="x", place="诸暨市", level="county", year=2025)
    assert (report.place, report.level, report.year) == ("诸暨市", "county", 2025)
    plain = report_from_text(snippet, name="x")
    assert (plain.place, plain.level, plain.year) == ("绍兴市", "city", 2024)


def test_place_from_caller_gives_its_level() -> None:
    report = report_from_text("今年新增就业1万人。", place="河北省")
    assert report.level == "province"


def test_file_name_is_only_a_fallback(tmp_path: Path, snippet: str) -> None:
    quiet = tmp_path / "2021_somewhere_county.txt"
    quiet.write_text("今年新增就业1万人。\n", encoding="utf-8")
    report = read_report(quiet)
    assert (report.year, report.level, report.place, report.name) == (
        2021,
        "county",
        None,
        "2021_somewhere_county",
    )
    stated = tmp_path / "2021_somewhere_county_2.txt"
    stated.write_text(snippet, encoding="utf-8")
    report = read_report(stated)
    assert (report.year, report.level, report.place) == (2024, "city", "绍兴市")
