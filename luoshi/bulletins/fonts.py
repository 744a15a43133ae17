"""Chinese fonts for bulletins (字体): the faces the charts are drawn with, and the fonts the
DOCX names.

A 督查通报 is set in the official faces (GB/T 9704): the title in 方正小标宋简体, headings in
黑体 and 楷体_GB2312, the body in 仿宋_GB2312, tables in 宋体. The DOCX names those, which
is what an office's Windows machine has. Where they are not installed (a Linux server
making the PDF), :func:`installed_fonts` puts the nearest installed face in their place:
Noto Serif CJK SC for the Song and FangSong styles, Noto Sans CJK SC for 黑体 (Debian's
fonts-noto-cjk), and for Latin letters and digits Times New Roman, else Liberation Serif,
else the CJK face's own. Charts use a sans face (:func:`chart_font`). With no CJK font at all
there is no way to draw Chinese, and both raise :class:`OutputError` saying what to install.

matplotlib is imported inside the functions, so importing this module stays cheap.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from luoshi.bulletins.model import OutputError

__all__ = ["CjkFont", "FontSet", "OFFICIAL", "chart_font", "installed_fonts", "font_names"]

_SANS = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "Noto Sans SC",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Microsoft YaHei",
    "SimHei",
    "黑体",
    "PingFang SC",
    "Heiti SC",
    "Noto Sans CJK TC",
    "Noto Sans CJK JP",
)
_SERIF = (
    "Noto Serif CJK SC",
    "Source Han Serif SC",
    "Source Han Serif CN",
    "Noto Serif SC",
    "SimSun",
    "宋体",
    "Songti SC",
    "AR PL UMing CN",
    "Noto Serif CJK TC",
    "Noto Serif CJK JP",
)
_HINT = "安装中文字体 / install a CJK font: apt-get install fonts-noto-cjk"


@dataclass(frozen=True, slots=True)
class CjkFont:
    """A CJK face matplotlib knows: its family name, file and face index in a collection."""

    name: str
    path: str
    index: int = 0


@dataclass(frozen=True, slots=True)
class FontSet:
    """The family names a bulletin's text is set in (东亚字体), by role."""

    title: str
    heading: str
    subheading: str
    body: str
    table: str
    latin: str = "Times New Roman"


#: The faces of GB/T 9704, as a government office's machines have them.
OFFICIAL = FontSet(
    title="方正小标宋简体", heading="黑体", subheading="楷体_GB2312", body="仿宋_GB2312", table="宋体"
)
#: Other names of each official face, tried before the Noto fallback.
_ALTERNATES = {
    "title": ("方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S"),
    "heading": ("黑体", "SimHei"),
    "subheading": ("楷体_GB2312", "楷体", "KaiTi", "AR PL UKai CN"),
    "body": ("仿宋_GB2312", "仿宋", "FangSong"),
    "table": ("宋体", "SimSun"),
    "latin": ("Times New Roman", "Liberation Serif", "Tinos"),
}
_FALLBACK = {
    "title": _SERIF,
    "heading": _SANS,
    "subheading": _SERIF,
    "body": _SERIF,
    "table": _SERIF,
    "latin": _SERIF,
}


@lru_cache(maxsize=1)
def font_names() -> frozenset[str]:
    """The family names of every font matplotlib's font manager found on this machine."""
    from matplotlib import font_manager

    return frozenset(entry.name for entry in font_manager.fontManager.ttflist)


def chart_font() -> CjkFont:
    """The sans CJK face charts are drawn in; :class:`OutputError` when there is none."""
    from matplotlib import font_manager

    for name in _SANS + _SERIF:
        for entry in font_manager.fontManager.ttflist:
            if entry.name == name:
                return CjkFont(entry.name, entry.fname, getattr(entry, "index", 0))
    raise OutputError(
        "没有可用的中文字体，图表无法绘制 / no CJK font is installed for the charts", hint=_HINT
    )


def installed_fonts(wanted: FontSet = OFFICIAL) -> FontSet:
    """``wanted`` with each face that is not installed replaced by the nearest one that is."""
    names = font_names()
    chosen: dict[str, str] = {}
    for role in ("title", "heading", "subheading", "body", "table", "latin"):
        own = getattr(wanted, role)
        candidates = (own, *_ALTERNATES[role], *_FALLBACK[role], *_SANS, *_SERIF)
        found = next((name for name in candidates if name in names), None)
        if found is None:
            raise OutputError(
                "没有可用的中文字体，无法排版 PDF / no CJK font is installed for the PDF", hint=_HINT
            )
        chosen[role] = found
    return replace(wanted, **chosen)
