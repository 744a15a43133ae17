"""Web pages as government sites publish them: the main text only, one paragraph a line."""

from __future__ import annotations

from pathlib import Path

import pytest

from luoshi.reading import read_report
from luoshi.reading.from_html import html_encoding, read_html

EXPECTED = [
    "——2024年1月29日在绍兴市第九届人民代表大会第四次会议上",
    "绍兴市人民政府市长　施惠芳",
    "各位代表：",
    "现在，我代表市人民政府向大会报告工作，请予审议，并请各位政协委员提出意见。",
    "一、2023年主要工作",
    "过去一年，全市地区生产总值增长7.8%，新增城镇就业12.3万人。",
    "二、2024年主要目标和重点工作",
    "今年经济社会发展的主要预期目标是：地区生产总值增长6%左右。",
    "（一）稳就业。新增就业大学生14万名以上。",
    "指标\t目标",
    "PM2.5平均浓度\t低于28微克/立方米",
]


def test_government_page_fixture(data_dir: Path) -> None:
    """A GB2312 page with navigation, scripts, a share bar and a footer around a TRS_Editor box."""
    report = read_report(data_dir / "gov_page.html")
    assert report.format == "html"
    assert report.encoding == "gb18030"
    assert report.text.split("\n") == EXPECTED
    for noise in ("首页", "siteName", "统计代码", "主办", "分享到", "编辑：张三", "字号"):
        assert noise not in report.text
    assert (report.place, report.level, report.year) == ("绍兴市", "city", 2024)
    assert [(part.heading, part.role) for part in report.parts] == [
        ("一、2023年主要工作", "review"),
        ("二、2024年主要目标和重点工作", "plan"),
    ]


def _page(body: str, head: str = "") -> bytes:
    return f"<!DOCTYPE html><html><head>{head}<title>报告</title></head><body>{body}</body></html>".encode()


def test_without_a_known_container_the_most_chinese_paragraphs_win() -> None:
    body = (
        "<div id='left'><p>网站导航</p><p>政务公开</p></div>"
        "<div id='wrap'><div id='text'>"
        "<p>一、2023年工作回顾</p><p>过去一年，全市经济运行稳中向好，新增城镇就业1.2万人。</p>"
        "<p>二、2024年工作安排</p><p>今年新增城镇就业1.3万人以上，城镇调查失业率控制在5.5%以内。</p>"
        "</div><p>相关链接</p></div>"
    )
    text, _ = read_html(_page(body))
    assert text.split("\n") == [
        "一、2023年工作回顾",
        "过去一年，全市经济运行稳中向好，新增城镇就业1.2万人。",
        "二、2024年工作安排",
        "今年新增城镇就业1.3万人以上，城镇调查失业率控制在5.5%以内。",
    ]


def test_line_breaks_and_inline_tags() -> None:
    body = (
        "<div class='article'><p>　　今年主要预期目标是：<br>地区生产总值增长<b>6%</b>左右，"
        "<span>城镇新增就业</span>1.2万人。</p><p>&nbsp;</p><p>（一）稳就业。</p></div>"
    )
    text, _ = read_html(_page(body))
    assert text.split("\n") == [
        "今年主要预期目标是：",
        "地区生产总值增长6%左右，城镇新增就业1.2万人。",
        "（一）稳就业。",
    ]


@pytest.mark.parametrize(
    ("head", "encoding", "expected"),
    [
        ('<meta charset="utf-8">', "utf-8", "utf-8"),
        ('<meta http-equiv="Content-Type" content="text/html; charset=GBK">', "gbk", "gb18030"),
        ('<meta charset="gb2312">', "gb18030", "gb18030"),
        ("", "utf-8", "utf-8"),  # no declaration: detected
        ("", "gb18030", "gb18030"),
        ('<meta charset="utf-8">', "gb18030", "gb18030"),  # a wrong declaration: detected instead
    ],
)
def test_encoding(head: str, encoding: str, expected: str) -> None:
    words = "今年新增城镇就业1.2万人以上，居民人均可支配收入增长6%。"
    data = f"<html><head>{head}</head><body><div id='zoom'><p>{words * 3}</p></div></body></html>".encode(
        encoding
    )
    text, found = read_html(data)
    assert text == words * 3
    assert found == expected


def test_declared_charset() -> None:
    assert (
        html_encoding(b'<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />') == "gb18030"
    )
    assert html_encoding(b"<meta charset='UTF-8'>") == "utf-8"
    assert html_encoding(b"<html><body>") is None


def test_html_bytes_are_sniffed_and_formats_named() -> None:
    data = _page("<div id='zoom'><p>今年新增城镇就业1.2万人以上，城镇调查失业率控制在5.5%以内。</p></div>")
    assert read_report(data).format == "html"
    assert read_report(data, format="htm").format == "html"


def test_html_extension(tmp_path: Path) -> None:
    path = tmp_path / "report.htm"
    path.write_bytes(
        _page("<div class='TRS_Editor'><p>二、2024年工作安排</p><p>今年新增城镇就业1.2万人以上。</p></div>")
    )
    report = read_report(path)
    assert report.text == "二、2024年工作安排\n今年新增城镇就业1.2万人以上。"
    assert report.parts[0].role == "plan"


def test_deeply_nested_page_does_not_exhaust_recursion() -> None:
    depth = 3000
    body = (
        "<div id='zoom'>"
        + "<div>" * depth
        + "<p>今年新增城镇就业1.2万人以上。</p>"
        + "</div>" * depth
        + "</div>"
    )
    text, _ = read_html(_page(body))
    assert text == "今年新增城镇就业1.2万人以上。"
