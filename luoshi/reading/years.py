"""Years as reports write them (年份): 2024年, ２０２４年, 二〇二四年.

One pattern and one parser, shared by the metadata reader (the plan year) and the role
classifier (2023年工作回顾 in a 2024 report is review).
"""

from __future__ import annotations

__all__ = ["YEAR", "year_value"]

_CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "O": 0, "Ｏ": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6,
              "七": 7, "八": 8, "九": 9}  # fmt: skip

#: A four-digit year in Arabic, full-width or Chinese digits (no 年).
YEAR = r"(?:(?:19|20|１９|２０)[0-9０-９]{2}|[一二][〇零○OＯ一二三四五六七八九]{3})"


def year_value(token: str) -> int:
    """``"2024"``, ``"２０２４"`` or ``"二〇二四"`` → 2024."""
    if token.isdecimal():
        return int(token)  # ASCII or full-width digits
    return int("".join(str(_CN_DIGITS[c]) for c in token))
