"""The plan workflow (计划流程): what ``luoshi plan``, ``luoshi progress`` and ``luoshi status`` do.

::

    from luoshi.planning import (
        create_plan, export_assignments, import_assignments, import_progress, plan_status, progress_template,
    )
    from luoshi.store import open_store

    store = open_store("luoshi.db")
    plan = create_plan(store, "2023_shaoxing.txt", place="绍兴市", year=2023).plan
    export_assignments(store, plan.id, "分解表.xlsx")        # the office fills it in
    import_assignments(store, plan.id, "分解表.xlsx")
    progress_template(store, plan.id, "人社局", "2023-06", "报送表.xlsx")
    import_progress(store, plan.id, "报送表.xlsx", by="张三")
    status = plan_status(store, plan.id)

Each function opens its own transaction, writes an audit event for every change, returns
plain data (:mod:`luoshi.planning.model`) and raises :class:`~luoshi.errors.LuoshiError`
subclasses for bad input; none prints.
"""

from __future__ import annotations

from luoshi.planning.assignments import export_assignments, import_assignments
from luoshi.planning.model import (
    AssignmentsImported,
    PlanCreated,
    PlanDetail,
    PlanStatus,
    PlanSummary,
    ProgressAdded,
    ProgressFn,
    ProgressImported,
    StatusRow,
    TargetInfo,
    TemplateWritten,
)
from luoshi.planning.plans import create_plan, list_plans, plan_detail, plan_rules
from luoshi.planning.profiles import ProfileFound, profiles_from_plan
from luoshi.planning.progress import add_progress, import_progress, progress_template
from luoshi.planning.review import correct_target, parse_profile
from luoshi.planning.status import plan_status

__all__ = [
    "AssignmentsImported",
    "PlanCreated",
    "PlanDetail",
    "PlanStatus",
    "PlanSummary",
    "ProgressAdded",
    "ProgressFn",
    "ProgressImported",
    "StatusRow",
    "TargetInfo",
    "TemplateWritten",
    "add_progress",
    "correct_target",
    "parse_profile",
    "profiles_from_plan",
    "ProfileFound",
    "create_plan",
    "export_assignments",
    "import_assignments",
    "import_progress",
    "list_plans",
    "plan_detail",
    "plan_rules",
    "plan_status",
    "progress_template",
]
