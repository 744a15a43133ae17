"""Modality (约束性): is a target binding, or something the government strives for (力争)?

力争, 争取, 争创, 努力, 力求 make a target ``strive``. The word governs its own clause and
the clauses after it that carry no verb of their own (an elided list: 争创…乡镇10个以上，
…村100个以上); a clause that starts with a new verb (培育…30家) is binding again.
"""

from __future__ import annotations

import re

from luoshi.extraction.clauses import Segments

__all__ = ["STRIVE_WORDS", "modality_at", "starts_with_verb", "LEADING_WORDS_RE"]

STRIVE_WORDS = ("力争", "争取", "争创", "努力", "力求")
_STRIVE_RE = re.compile("|".join(STRIVE_WORDS))

#: Adverbs and time words that may open a clause before its verb (全力推进, 今年新增).
_ADVERBS = (
    "全力",
    "加快",
    "持续",
    "大力",
    "积极",
    "深入",
    "着力",
    "扎实",
    "全面",
    "进一步",
    "继续",
    "不断",
    "稳步",
    "有序",
    "切实",
    "坚决",
    "重点",
    "统筹",
    "协同",
    "同步",
    "全年",
    "今年",
    "年内",
    "当年",
    "确保",
    "力争",
    "争取",
    "努力",
    "力求",
    "累计",
    "再",
    "新",
    "共",
    "同时",
    "并",
    "还",
    "要",
    "将",
    "高标准",
    "高质量",
    "高水平",
    "依法",
    "分类",
    "有效",
    "集中",
    "计划",
    "拟",
    "预计",
    "全市",
    "全省",
    "全县",
    "全区",
)
#: Verbs that open a new predicate (and so end the reach of an earlier 力争).
_VERBS = (
    "推进",
    "推动",
    "实施",
    "完成",
    "建成",
    "建设",
    "新建",
    "改建",
    "扩建",
    "开工",
    "启动",
    "投用",
    "投运",
    "开展",
    "加强",
    "强化",
    "深化",
    "落实",
    "打造",
    "培育",
    "新增",
    "改造",
    "提升",
    "完善",
    "健全",
    "出台",
    "制定",
    "创建",
    "引进",
    "举办",
    "办好",
    "组织",
    "实现",
    "保持",
    "优化",
    "扩大",
    "支持",
    "鼓励",
    "发展",
    "构建",
    "谋划",
    "布局",
    "筹建",
    "招引",
    "引育",
    "培训",
    "培养",
    "开通",
    "建立",
    "设立",
    "认定",
    "评定",
    "推出",
    "解决",
    "安排",
    "发放",
    "提供",
    "放映",
    "更换",
    "整治",
    "治理",
    "修复",
    "淘汰",
    "压减",
    "关停",
    "创成",
    "建好",
    "抓好",
    "做好",
    "用好",
    "办成",
    "开发",
    "新开",
    "增加",
    "减少",
    "降低",
    "提高",
    "新改建",
    "改扩建",
    "引导",
    "吸引",
    "帮助",
    "服务",
    "带动",
    "扶持",
    "兑现",
    "争创",
    "力争",
    "争取",
    "攻关",
    "突破",
    "招商",
    "签约",
    "落地",
    "储备",
    "开辟",
    "拓展",
    "建",
    "办",
    "建立健全",
    "全覆盖",
    "确保",
    "达到",
    "举行",
    "参加",
    "参与",
    "保障",
    "覆盖",
    "植树",
    "造林",
    "营造",
    "种植",
    "清理",
    "回收",
    "收储",
    "供应",
    "出让",
)
LEADING_WORDS_RE = re.compile("(?:" + "|".join(sorted(_ADVERBS, key=len, reverse=True)) + ")*")
_VERB_RE = re.compile("(?:" + "|".join(sorted(_VERBS, key=len, reverse=True)) + ")")


def starts_with_verb(text: str, start: int, end: int) -> bool:
    """Does the clause ``text[start:end]`` open with a verb, after adverbs?"""
    lead = LEADING_WORDS_RE.match(text, start, end)
    pos = lead.end() if lead else start
    if lead is not None and pos > start and _VERB_RE.match(text, pos, end) is None:
        # the adverb run may itself end in a verb-like word (确保, 力争): count it as the verb
        return text[start:pos].endswith(("确保", "力争", "争取", "争创", "新"))
    return _VERB_RE.match(text, pos, end) is not None


def modality_at(text: str, segments: Segments, clause: int, pos: int) -> str:
    """``strive`` or ``binding`` for a quantity at ``pos`` in clause number ``clause``."""
    start, _ = segments.clause(clause)
    if _STRIVE_RE.search(text, start, pos):
        return "strive"
    if starts_with_verb(text, start, pos):
        return "binding"
    first = segments.sentence_of[clause]
    for index in range(clause - 1, first - 1, -1):
        c_start, c_end = segments.clause(index)
        if _STRIVE_RE.search(text, c_start, c_end):
            return "strive"
        if starts_with_verb(text, c_start, c_end):
            return "binding"
    return "binding"
