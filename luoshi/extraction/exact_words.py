"""Exact quantity words (定量词): 全覆盖, 全面达标, 清零, 翻一番, 减半, 全部建成 … as targets.

The codebook (gold/GUIDELINES.md, section 1) reads these words as quantities: 全覆盖 is
``= 100 %``, 清零 and 消除 are ``= 0``, 翻一番 is ``= 2 倍``. With 基本 in front (基本覆盖,
基本消除) the word is no longer exact and is not a target.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

__all__ = ["ExactWord", "find_exact_words"]


@dataclass(frozen=True, slots=True)
class ExactWord:
    """An exact quantity word at ``[start, end)`` with the value and unit it means."""

    start: int
    end: int
    value: Decimal
    unit: str
    word: str


_HUNDRED = Decimal(100)
_ZERO = Decimal(0)
_PATTERNS: list[tuple[str, Decimal, str]] = [
    (r"(?<![健完安齐保周成顾])(?:全覆盖|全面覆盖|全域覆盖|全部覆盖)", _HUNDRED, "%"),
    (r"(?:全面达标|全部达标|100%达标)", _HUNDRED, "%"),
    (
        r"全部(?:完成|建成|通过|纳入|达到|实现|投用|投运|投产|开工|竣工|销号|摘帽|出列|退出|改造|消除|接入|联网)",
        _HUNDRED,
        "%",
    ),
    (r"全量(?:归集|接入|上线|共享|纳入)", _HUNDRED, "%"),
    (r"(?:动态清零|清零|动态消除)", _ZERO, ""),
    (r"零(?:死亡|事故|伤亡|填埋|增长|发生|感染|欠薪|排放|新增|遗漏)", _ZERO, ""),
    (r"翻一番", Decimal(2), "倍"),
    (r"(?<=规模|数量|总量|产值|收入|营收|产量)倍增", Decimal(2), "倍"),
    (r"消除(?=[^，,；;。]{1,30}?的[\u4e00-\u9fff]{1,3}(?:[，,；;。]|$))", _ZERO, ""),
    (r"减半", Decimal("0.5"), "倍"),
]
_EXACT_RE = re.compile(
    "(?=[全清零动翻减消倍1])(?:" + "|".join(f"(?P<w{i}>{p})" for i, (p, _, _) in enumerate(_PATTERNS)) + ")"
)
#: 基本 (basically) in front, or a negation, makes the word inexact.
_HEDGED_RE = re.compile(r"(?:基本|基本上|总体|初步|逐步|大部分|部分|未|不|没有)(?:实现)?$")


def find_exact_words(text: str, start: int, end: int) -> list[ExactWord]:
    """Every exact quantity word in ``text[start:end]`` that is not hedged by 基本."""
    found = []
    for m in _EXACT_RE.finditer(text, start, end):
        if _HEDGED_RE.search(text, max(start, m.start() - 6), m.start()):
            continue
        word = m.group()
        _, value, unit = _PATTERNS[int(str(m.lastgroup)[1:])]
        found.append(ExactWord(m.start(), m.end(), value, unit, word))
    return found
