"""Web pages (网页) as government sites publish reports: the main text only.

Scripts, styles, navigation, headers, footers and forms are dropped. The main container is
the first element named like a content box on Chinese government sites (``zoom``,
``TRS_Editor``, ``pages_content``, ``article``, ``content`` ...) that holds Chinese text;
failing that, the element whose own ``<p>`` children hold the most Chinese. Each block
(paragraph, heading, list item, ``<br>``-separated line) becomes one line, and a table row
one line of tab-separated cells. The encoding comes from a byte-order mark, the page's
``<meta charset>``, or detection (GBK pages are read as GB18030).
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, NavigableString, Tag

from luoshi.reading.decode import decode_bytes

__all__ = ["read_html", "html_encoding"]

_DROP = (
    "script",
    "style",
    "noscript",
    "nav",
    "header",
    "footer",
    "form",
    "iframe",
    "button",
    "select",
    "aside",
    "template",
)
_CONTENT_NAMES = (
    "zoom",
    "trs_editor",
    "pages_content",
    "ucap-content",
    "article-content",
    "article_content",
    "artibody",
    "main-text",
    "con_text",
    "content",
    "article",
    "detail",
    "main",
)
_BLOCKS = frozenset(
    [
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "dt",
        "dd",
        "blockquote",
        "pre",
        "section",
        "article",
        "tr",
        "table",
        "ul",
        "ol",
        "center",
        "address",
    ]
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([-\w]+)""", re.IGNORECASE)
_HAN = re.compile(r"[\u4e00-\u9fff]")
_SPACES = re.compile(r"[ \t\r\n\f\u00a0]+")
_GB = {"gb2312", "gbk", "gb18030", "x-gbk", "cp936", "euc-cn", "hz-gb-2312"}


def html_encoding(data: bytes) -> str | None:
    """The charset a page declares in a ``<meta>`` tag (GB names mapped to GB18030)."""
    found = _META_CHARSET.search(data[:8192])
    if not found:
        return None
    name = found.group(1).decode("ascii", "ignore").lower()
    return "gb18030" if name in _GB else name


def read_html(data: bytes, *, path: str | None = None) -> tuple[str, str]:
    """The main text of a page, one paragraph a line, and the encoding it was in."""
    text, encoding = _decode(data, path)
    soup = BeautifulSoup(text, "lxml")
    for name in _DROP:
        for tag in soup.find_all(name):
            tag.decompose()
    root = _main_container(soup) or soup.body or soup
    lines = [line.strip(" \u3000") for line in _render(root).split("\n")]
    return "\n".join(line for line in lines if line), encoding


def _decode(data: bytes, path: str | None) -> tuple[str, str]:
    declared = html_encoding(data)
    if declared and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode(declared), declared
        except (UnicodeDecodeError, LookupError):
            pass
    return decode_bytes(data, path=path)


def _han_count(tag: Tag) -> int:
    return len(_HAN.findall(tag.get_text()))


def _main_container(soup: BeautifulSoup) -> Tag | None:
    for name in _CONTENT_NAMES:
        for tag in soup.find_all(_named(name)):
            if _han_count(tag) >= 50:
                return tag
    best, best_count = None, 0
    for tag in soup.find_all(True):
        count = sum(len(_HAN.findall(p.get_text())) for p in tag.find_all("p", recursive=False))
        if count > best_count:
            best, best_count = tag, count
    return best


def _named(name: str):
    def matches(tag: Tag) -> bool:
        if str(tag.get("id") or "").lower() == name:
            return True
        found = tag.get("class") or ()
        classes = found.split() if isinstance(found, str) else list(found)
        return any(str(c).lower() == name for c in classes)

    return matches


def _render(root: Tag) -> str:
    """The text of ``root`` with a newline around every block and at every ``<br>``.

    Walks with an explicit stack, so deeply nested pages cannot exhaust the recursion limit.
    """
    parts: list[str] = []
    stack: list[tuple[object, bool]] = [(child, False) for child in reversed(list(root.children))]
    while stack:
        node, closing = stack.pop()
        if closing:
            parts.append("\n")
            continue
        if isinstance(node, NavigableString):
            if type(node) is NavigableString:  # not a comment, CDATA or doctype
                parts.append(_SPACES.sub(" ", str(node)))
            continue
        if not isinstance(node, Tag):
            continue
        name = node.name
        if name == "br":
            parts.append("\n")
            continue
        if name == "tr":
            cells = [
                _SPACES.sub(" ", c.get_text(" ")).strip()
                for c in node.find_all(("td", "th"), recursive=False)
            ]
            parts.append("\n" + "\t".join(cells) + "\n")
            continue
        if name in _BLOCKS:
            parts.append("\n")
            stack.append((node, True))
        stack.extend((child, False) for child in reversed(list(node.children)))
    return "".join(parts)
