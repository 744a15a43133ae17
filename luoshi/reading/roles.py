"""Roles of a report's parts (部分的性质): review (工作回顾), plan (今年工作) or other (名词解释).

Two kinds of evidence, both from the words reports use, none keyed to one report:

- a heading's words: 回顾, 工作情况 … are review; 安排, 任务, 目标, 要求, 重点, 建议, 今后,
  加强政府自身建设 … are plan; 名词解释, 注释, 附件 are other. When a heading has both, the
  last one decides (一、2019年和今年以来工作回顾 is review; 二、“十三五”时期发展成就和
  “十四五”时期主要目标任务 is plan). A year older than the plan year makes 2023年主要工作 or
  完成2023年各项任务 a review heading in a 2024 report;
- a paragraph's opening words (cues), for text without headings: 过去一年, 一年来, 五年来, an
  earlier year (2023年，…) open a review; 今年, 新的一年, 今后五年, the plan year (2024年是…),
  主要预期目标是, 总体要求是, 重点做好以下工作 open the plan.
"""

from __future__ import annotations

import re

from luoshi.reading.years import YEAR as _YEAR
from luoshi.reading.years import year_value

__all__ = [
    "heading_role",
    "is_part_heading",
    "paragraph_cue",
    "opens_plan",
    "years_in",
]

_YEAR_RX = re.compile(rf"({_YEAR})\s*年")
# Five-year plans (五年规划) and the years they cover.
_FIVE_YEAR = re.compile(r"“?\s*(十[一二三四五六])五\s*”?")
_FIVE_YEAR_START = {"十一": 2006, "十二": 2011, "十三": 2016, "十四": 2021, "十五": 2026, "十六": 2031}

_DECORATION = re.compile(r"[\s※*＊\[\]【】■□●◆◇☆★]+")

_OTHER = re.compile(
    r"^(?:附[件表录]?[\d一二三四五六七八九十]*(?:[：:]|$)|附[件表录]|.{0,8}(?:名词解释|名词注释|名词解析|词语解释|短语说明|注释|注解)$)"
)
_REVIEW = re.compile(
    r"回顾|工作情况|工作总结|发展成就|主要成就|取得的成就|主要成绩|取得的成绩|执行情况|完成情况|落实情况"
    r"|过去(?:的)?(?:这)?(?:一|五|几)年|五年来|一年来|以来(?:的)?工作|工作成效|取得[^，,。]{0,6}(?:成就|成绩|成效)"
)
_PLAN = re.compile(
    r"安排|建议|任务|目标|要求|思路|部署|重点|取向|展望|今后|今年|明年|未来|谋划|打算|规划|纲要|意见|计划|预期|设想|举措"
)
# Closing parts on the government's own work (政府自身建设), said with a verb before the noun;
# "自身建设不断加强" (a review item, verb after) does not count.
_SELF = re.compile(
    r"(?:加强|强化|推进|提升|提高|增强|打造|建设|实现|营造|建成)[^，,。]{0,14}?"
    r"(?:自身建设|政府|现代化(?:水平|建设)?|治理效能|效能建设|能力和水平|履职水平|政务水平|落实力|政治环境|服务型政府)$"
)
_SELF_BARE = re.compile(r"^(?:政府|行署)?自身建设$")
_FORWARD = re.compile(r"今后|未来|今年|明年|展望")
_WORK = re.compile(r"工作|任务|目标|事业")

# A bare (unnumbered) line is a part heading only with one of these heading nouns.
_PART_NOUNS = re.compile(
    r"回顾|工作情况|工作总结|发展成就|工作安排|安排建议|工作建议|工作任务|主要任务|重点任务|目标任务|重点工作|工作重点"
    r"|主要工作|总体要求|总体思路|发展思路|工作思路|总体部署|工作部署|主要目标|预期目标|奋斗目标|发展目标|工作目标"
    r"|各项工作|各项任务|政策取向|政府工作|今后五年|自身建设|工作谋划|工作打算|主要预期"
)

# Paragraph cues. Greetings, the news formula 《报告》说 and the opening sentence are skipped.
_OPENING = re.compile(
    r"^[—\-–…\s]*(?:各位(?:代表|委员|主任)[^。！!：:，,]{0,12}[，,！!：:]\s*)*"
    r"(?:《?(?:政府工作)?报告》?(?:说|指出|提出|强调|表示)[，,：:]\s*)?"
    r"(?:现在，?我代表[^。]{0,80}。\s*)?"
    r"(?:[一二三四五六七八九十]{1,3}[、．.]\s*)?"
)
_REVIEW_CUE = re.compile(
    rf"^(?:过去(?:的)?(?:这)?(?:一|五|几)年|刚刚过去的|回顾过去|回首过去|回顾(?:这|一年|五年|{_YEAR})"
    r"|一年来|五年来|这五年|这一年|本届政府(?:任期|履职)|(?:我们)?主要做了以下)"
)
_PLAN_CUE = re.compile(
    r"^(?:今年(?!以来)|新的一年|明年|做好今年|今后五年|未来五年|今后一个时期|今后一段时期|展望(?:未来|今后|新的一年)"
    r"|(?:重点|着力|集中力量|全力|我们将|将)(?:做好|抓好|抓实|推进)(?:以下|下列|[一二三四五六七八九十\d]{1,2}个?(?:方面|件|项|大))"
    r"|(?:围绕|为实现|实现)(?:上述|以上|全年)[^。]{0,20}(?:做好|抓好|抓实))"
)
_YEAR_START = re.compile(rf"^(?:做好)?({_YEAR})\s*年(?!以来|至|到|—|-)")
_TARGETS = re.compile(r"(?:主要预期目标|预期目标|总体要求|总的要求|指导思想)(?:建议)?(?:是|为)")
_DECISIVE = re.compile(
    rf"(今年|({_YEAR})\s*年)[^。；]{{0,30}}?(?:总体要求|总的要求|主要预期目标|预期目标)(?:建议)?(?:是|为)"
)
_DID = re.compile(r"(?:主要|重点|着重)(?:做了|抓了|开展了)")


def years_in(text: str) -> list[int]:
    """Years a heading names, a five-year plan (“十四五”) counting as its last year."""
    years = [year_value(m.group(1)) for m in _YEAR_RX.finditer(text)]
    years += [
        _FIVE_YEAR_START[m.group(1)] + 4 for m in _FIVE_YEAR.finditer(text) if m.group(1) in _FIVE_YEAR_START
    ]
    return years


def _normalize(title: str) -> str:
    return _DECORATION.sub("", title)


def heading_role(title: str, year: int | None) -> str | None:
    """The role a heading's words give its part, or ``None`` when they do not say."""
    t = _normalize(title)
    if not t:
        return None
    if _OTHER.match(t):
        return "other"
    hits = [(m.start(), "review") for m in _REVIEW.finditer(t)]
    hits += [(m.start(), "plan") for m in _PLAN.finditer(t)]
    last_clause = re.split(r"[，,：:]", t)[-1]
    if _SELF.search(last_clause) or _SELF_BARE.match(t):
        hits.append((len(t), "plan"))
    years = years_in(t)
    if hits:
        role = max(hits)[1]
        if role == "plan" and year and years and max(years) < year and not _FORWARD.search(t):
            return "review"
        return role
    if year and years and _WORK.search(t):
        return "plan" if max(years) >= year else "review"
    return None


def is_part_heading(title: str) -> bool:
    """Whether an unnumbered short line has the words of a part heading (2024年工作安排)."""
    t = _normalize(title)
    if _OTHER.match(t):
        return True
    if _PART_NOUNS.search(t):
        return True
    return bool(_YEAR_RX.search(t) and _WORK.search(t))


def _opening(text: str) -> str:
    found = _OPENING.match(text)
    return text[found.end() if found else 0 :][:80]


def paragraph_cue(text: str, year: int | None) -> str | None:
    """``review`` or ``plan`` when a paragraph's opening words open that part, else ``None``."""
    s = _opening(text)
    if not s:
        return None
    if _REVIEW_CUE.match(s) or _DID.search(s[:20]):
        return "review"
    if _PLAN_CUE.match(s):
        return "plan"
    found = _YEAR_START.match(s)
    if found and year:
        return "plan" if year_value(found.group(1)) >= year else "review"
    five = _FIVE_YEAR.match(s)
    if five and year and five.group(1) in _FIVE_YEAR_START:
        first = _FIVE_YEAR_START[five.group(1)]
        if first + 4 < year:
            return "review"
        if first >= year:
            return "plan"
    if _TARGETS.search(s[:40]):
        return "plan"
    return None


def opens_plan(text: str, year: int | None) -> bool:
    """A paragraph that unmistakably opens the plan: 今年…主要预期目标是 / 做好今年工作的总体要求是.

    Strong enough to start the plan inside a part headed as review, for reports whose plan
    heading was lost.
    """
    s = _opening(text)
    if _REVIEW_CUE.match(s):
        return False
    found = _DECISIVE.search(s[:60])
    if not found:
        return False
    if found.group(2):
        return bool(year) and year_value(found.group(2)) == year
    return True
