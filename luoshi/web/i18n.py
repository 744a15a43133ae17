"""The interface's words (界面文字): one catalogue, Chinese first, English by switch.

A page asks for ``t("key")``; the language comes from ``?lang=en`` (remembered in a cookie)
or the ``lang`` cookie, Chinese by default. A key missing from the catalogue shows as
itself, so a forgotten entry is visible rather than fatal.
"""

from __future__ import annotations

from luoshi.tracking import GRADE_EN

__all__ = ["LANGS", "MESSAGES", "translate", "grade_label"]

LANGS = ("zh", "en")

#: key: (Chinese, English)
MESSAGES: dict[str, tuple[str, str]] = {
    "app": ("落实 · 目标任务督查", "luoshi · target tracking"),
    "overview": ("总览", "Overview"),
    "targets": ("目标", "Targets"),
    "report": ("报告原文", "Report"),
    "units": ("单位", "Units"),
    "admin": ("计划管理", "Plan administration"),
    "users": ("用户", "Users"),
    "login": ("登录", "Log in"),
    "logout": ("退出", "Log out"),
    "username": ("用户名", "User name"),
    "password": ("密码", "Password"),
    "login_failed": ("用户名或密码错误", "Wrong user name or password"),
    "login_limited": ("尝试次数过多，请稍后再试", "Too many attempts; try again later"),
    "forbidden": ("无权访问", "Forbidden"),
    "not_found": ("未找到", "Not found"),
    "bad_request": ("请求有误", "Bad request"),
    "csrf_failed": ("表单已失效，请刷新页面后重试", "The form expired; reload the page and try again"),
    "error": ("出错了", "Something went wrong"),
    "plan": ("计划", "Plan"),
    "as_of": ("截至", "As of"),
    "by_class": ("按评价等级", "By class"),
    "by_light": ("按灯号", "By light"),
    "by_section": ("按报告部分", "By section of the report"),
    "by_unit": ("按牵头单位", "By lead unit"),
    "lagging": ("最滞后的目标", "Most lagging targets"),
    "not_reported": ("未报送的单位", "Units that have not reported"),
    "discipline": ("报送纪律", "Reporting discipline"),
    "section": ("部分", "Section"),
    "unit": ("单位", "Unit"),
    "lead_unit": ("牵头单位", "Lead unit"),
    "co_units": ("责任单位", "Co-units"),
    "leader": ("责任领导", "Leader"),
    "due": ("完成时限", "Due"),
    "kind": ("类型", "Kind"),
    "class": ("评价", "Class"),
    "light": ("灯", "Light"),
    "search": ("搜索", "Search"),
    "filter": ("筛选", "Filter"),
    "all": ("全部", "All"),
    "seq": ("序号", "No."),
    "indicator": ("指标", "Indicator"),
    "target_value": ("目标", "Target"),
    "actual": ("实际", "Actual"),
    "completion": ("完成", "Completion"),
    "expected": ("序时", "Expected"),
    "gap": ("差距", "Gap"),
    "projection": ("预计全年", "Projection"),
    "reason": ("说明", "Reason"),
    "provenance": ("原文出处", "Where the report says it"),
    "chart": ("进度图", "Progress chart"),
    "observations": ("报送记录", "Observations"),
    "period": ("报送期", "Period"),
    "value": ("数值", "Value"),
    "note": ("说明", "Note"),
    "source": ("来源", "Source"),
    "reported_by": ("报送人", "Reported by"),
    "reported_at": ("报送时间", "Reported at"),
    "evidence": ("佐证材料", "Evidence"),
    "superseded": ("已被更正", "superseded"),
    "assignment": ("分工", "Assignment"),
    "unassigned": ("未分工", "Not assigned"),
    "submit_value": ("报送数值", "Submit a value"),
    "submit": ("提交", "Submit"),
    "saved": ("已保存", "Saved"),
    "unchanged": ("与现值相同，未更改", "Same as the current value; nothing changed"),
    "evidence_added": (
        "数值与现值相同；佐证材料已附上",
        "Same value as now; the evidence file is attached to it",
    ),
    "due_now": ("本期应报", "Due this period"),
    "reported": ("已报", "reported"),
    "missing": ("未报", "missing"),
    "unit_targets": ("本单位目标", "This unit's targets"),
    "unit_tasks": ("本单位任务", "This unit's tasks"),
    "targets_count": ("目标数", "Targets"),
    "due_count": ("应报", "Due"),
    "on_time": ("按时", "On time"),
    "late": ("逾期", "Late"),
    "on_time_rate": ("按时报送率", "On-time rate"),
    "assign": ("分配单位", "Assign units"),
    "correct": ("更正目标", "Correct a target"),
    "review": ("审核", "Review"),
    "confirm": ("确认", "Confirm"),
    "reject": ("剔除", "Reject"),
    "upload_assignments": ("上传分解表", "Upload the 分解表"),
    "upload_progress": ("上传报送表", "Upload a 报送表"),
    "download_assignments": ("下载分解表", "Download the 分解表"),
    "download_bulletin": ("下载督查通报", "Download the bulletin (督查通报)"),
    "file": ("文件", "File"),
    "row_errors": ("以下行有错误，未做任何更改", "These rows have errors; nothing was changed"),
    "baseline": ("上年基数", "Baseline"),
    "direction": ("方向", "Direction"),
    "catalog_id": ("指标库编号", "Catalogue id"),
    "role": ("角色", "Role"),
    "add_user": ("新增用户", "Add a user"),
    "state": ("状态", "State"),
    "profile": (
        "上年逐月数（1—12月，逗号分隔，按季节计序时）",
        "Last year's monthly amounts (Jan–Dec, for seasonal 序时)",
    ),
    "profile_cumulative": ("以上为累计值", "These are year-to-date totals"),
    "profile_hint": (
        "该指标季节性强：填写上年逐月数后，序时进度按上年各月分布计算。",
        "This indicator is seasonal: with last year's monthly figures, 序时 follows last year's months.",
    ),
    "graded_as_of_note": (
        "本页按上述日期评价；此后报送的数值按其报送日期计入。",
        "This page grades as of the day above; values reported later count from the day they were reported.",
    ),
    "view_today": ("按今天评价", "Grade as of today"),
    "active": ("启用", "active"),
    "disabled": ("已停用", "disabled"),
    "disable": ("停用", "Disable"),
    "enable": ("启用", "Enable"),
    "api_tokens": ("接口令牌", "API tokens"),
    "token_label": ("用途", "Label"),
    "created": ("创建", "Created"),
    "revoked": ("已吊销", "revoked"),
    "revoke": ("吊销", "Revoke"),
    "new_token": ("生成令牌", "Make a token"),
    "token_once": (
        "新令牌只显示这一次，请立即交给该单位：",
        "The new token is shown this once; hand it to the unit now:",
    ),
    "tasks": ("任务", "Tasks"),
    "no_plan": (
        "还没有计划。用 luoshi plan create 建立。",
        "No plan yet; create one with luoshi plan create.",
    ),
    "too_large": ("文件过大", "The file is too large"),
    "extracted": ("待审核", "extracted"),
    "confirmed": ("已确认", "confirmed"),
    "rejected": ("已剔除", "rejected"),
    "green": ("绿", "green"),
    "yellow": ("黄", "yellow"),
    "red": ("红", "red"),
    "none": ("无", "none"),
    "language": ("English", "中文"),
    "public_view": ("公开只读", "Public, read only"),
}


def translate(key: str, lang: str) -> str:
    """The words for ``key`` in ``lang`` (``zh`` or ``en``); the key itself when unknown."""
    pair = MESSAGES.get(key)
    if pair is None:
        return key
    return pair[1] if lang == "en" else pair[0]


def grade_label(grade: str, lang: str) -> str:
    """A status class (评价等级) in ``lang``."""
    return GRADE_EN.get(grade, grade) if lang == "en" else grade
