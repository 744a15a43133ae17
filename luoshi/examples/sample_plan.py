"""A sample plan with sample progress (示例计划), for demonstrations, example bulletins and tests.

:func:`build_sample_plan` adopts the bundled report excerpt (绍兴市2023年政府工作报告, 12
quantitative targets) as a plan, assigns every target and a few milestone tasks to lead
units through the 分解表 round trip, and adds each month's reported values that its unit
would have reported by ``as_of``, through the same plan workflow the command line uses.
Everything is fixed (no randomness, fixed report times), so the same ``as_of`` gives the
same database and the same statuses. At 31 July 2023 the plan shows every status class:
已完成, 超序时, 符合序时, 滞后, 严重滞后 and 未报送, with one report late (生态环境局) and one
missing (发改委).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from importlib import resources
from pathlib import Path

from luoshi.planning import (
    PlanSummary,
    add_progress,
    create_plan,
    export_assignments,
    import_assignments,
    list_plans,
    plan_detail,
)
from luoshi.store import Store, open_store

__all__ = ["build_sample_plan", "sample_report", "SAMPLE_AS_OF", "SAMPLE_PLACE", "SAMPLE_YEAR"]

SAMPLE_PLACE = "绍兴市"
SAMPLE_YEAR = 2023
#: The date the example bulletins are made at: June's reports were due on 25 July.
SAMPLE_AS_OF = date(2023, 7, 31)
_ACTOR = "督查室"


def sample_report() -> Path:
    """The bundled report excerpt, as a file path."""
    return Path(str(resources.files("luoshi").joinpath("examples", "seed_2023_shaoxing_excerpt.txt")))


@dataclass(frozen=True, slots=True)
class _Track:
    """One target's sample: lead unit, co-units, reporter, twelve monthly values (year-to-date
    totals for flows; None: not reported), notes by month, and months reported late."""

    lead: str
    co: tuple[str, ...]
    reporter: str
    values: tuple[float | None, ...]
    notes: dict[int, str]
    late: tuple[int, ...] = ()


#: By the target's 序号 in the plan (report order).
_TRACKS: dict[int, _Track] = {
    1: _Track(
        "发改委",
        ("生态环境局",),
        "李强",
        (0, 0, 0, 1, 1, 1, 2, 4, 6, 8, 10, 11),
        {
            6: "低(零)碳乡镇创建申报集中在下半年，目前已有1个乡镇(街道)通过省级评审，第二批5个正在预审，预计三季度末累计完成6个。"
        },
    ),
    2: _Track(
        "发改委",
        ("农业农村局",),
        "李强",
        (5, 12, 20, 31, 44, 55, 63, 72, 80, 88, 95, 102),
        {},
    ),
    3: _Track(
        "发改委",
        (),
        "李强",
        (40, 45, 50, 55, 60, None, 70, 75, 80, 85, 90, 100),
        {},
    ),
    4: _Track(
        "生态环境局",
        ("住建局", "交通运输局"),
        "陈刚",
        (38, 35, 30, 27, 24, 21, 18, 17, 20, 26, 31, 36),
        {6: "1—2月受不利气象条件影响浓度偏高，6月已降至21微克/立方米，下半年将加强VOCs和扬尘管控。"},
    ),
    5: _Track(
        "生态环境局",
        (),
        "陈刚",
        (82, 85, 88, 90, 91, 93, 96, 97, 95, 92, 89, 86),
        {},
        late=(6,),
    ),
    6: _Track("生态环境局", ("水利局",), "陈刚", (100,) * 12, {}),
    7: _Track(
        "人社局",
        ("教育局",),
        "王芳",
        (9000, 18000, 32000, 41000, 48000, 53000, 78000, 105000, 121000, 130000, 136000, 142000),
        {
            6: "高校毕业生集中在7—8月离校就业，上半年进度偏慢；已开展“百日千万”招聘专项行动，预计三季度明显加快。"
        },
    ),
    8: _Track(
        "人社局",
        (),
        "王芳",
        (1200, 2100, 3300, 4400, 5200, 6000, 6800, 7500, 8200, 8900, 9500, 10300),
        {},
    ),
    9: _Track(
        "人社局",
        ("财政局",),
        "王芳",
        (300, 650, 1100, 1600, 2000, 2350, 2500, 2650, 2800, 2900, 3000, 3100),
        {},
    ),
    10: _Track(
        "人社局",
        (),
        "王芳",
        (400, 900, 1500, 2100, 2600, 3000, 3600, 4300, 5000, 5700, 6200, 6800),
        {},
    ),
    11: _Track(
        "民政局",
        ("财政局",),
        "赵敏",
        (12600,) * 6 + (13200,) * 6,
        {6: "低保标准调整方案已报市政府审定，拟自7月1日起执行1.32万元/年的新标准。"},
        late=(6,),
    ),
    12: _Track(
        "市政府办公室",
        ("市级有关部门",),
        "刘洋",
        (0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10),
        {},
    ),
}
#: Milestone tasks given to a unit too (matched by words of their clause).
_TASKS = {"市中医院扩建": "卫生健康委", "第七人民医院新院区": "卫生健康委", "曹娥江": "水利局"}


def build_sample_plan(database: str | Path | Store, *, as_of: date = SAMPLE_AS_OF) -> PlanSummary:
    """Make (or find) the sample plan in ``database`` with the progress reported by ``as_of``.

    ``database`` is a SQLite path, a database URL or an open store. Calling it again with a
    later date adds the values reported since; with the same date it changes nothing.
    """
    if isinstance(database, Store):
        return _build(database, as_of)
    with open_store(database) as store:
        return _build(store, as_of)


def _build(store: Store, as_of: date) -> PlanSummary:
    created = create_plan(store, sample_report(), place=SAMPLE_PLACE, year=SAMPLE_YEAR, actor=_ACTOR)
    plan = created.plan
    detail = plan_detail(store, plan.id)
    by_seq = {target.seq: target.id for target in detail.targets}
    if created.created:
        _assign(store, plan.id, by_seq)
    for seq, track in _TRACKS.items():
        item = by_seq[seq]
        for month, value in enumerate(track.values, 1):
            if value is None:
                continue
            reported = datetime(
                SAMPLE_YEAR + month // 12, month % 12 + 1, 28 if month in track.late else 20, 9, 30
            )
            if reported.date() > as_of:
                break
            add_progress(
                store,
                item,
                Decimal(str(value)),
                period=f"{SAMPLE_YEAR}-{month:02d}",
                note=track.notes.get(month, ""),
                by=track.reporter,
                reported_at=reported,
                actor=_ACTOR,
            )
    return next(summary for summary in list_plans(store) if summary.id == plan.id)


def _assign(store: Store, plan_id: int, by_seq: dict[int, str]) -> None:
    """Fill the plan's 分解表 as an office would and import it."""
    from openpyxl import load_workbook

    blank = io.BytesIO()
    export_assignments(store, plan_id, blank)
    book = load_workbook(io.BytesIO(blank.getvalue()))
    sheet = book.active
    columns: dict[str, int] = {}
    wanted = {by_seq[seq]: track for seq, track in _TRACKS.items()}
    for row in sheet.iter_rows():
        names = [cell.value for cell in row]
        if not columns:
            if "系统编号" in names:
                columns = {str(name): index for index, name in enumerate(names) if name}
            continue
        item = row[columns["系统编号"]].value
        content = str(row[columns["任务内容"]].value or "")
        track = wanted.get(item)
        if track is not None:
            lead, co = track.lead, "、".join(track.co)
        else:
            lead = next(
                (unit for words, unit in _TASKS.items() if words in content and str(item).startswith("K")), ""
            )
            co = ""
        if lead:
            row[columns["牵头单位"]].value = lead
            row[columns["责任单位"]].value = co or None
            row[columns["责任领导"]].value = "王副市长"
            row[columns["完成时限"]].value = f"{SAMPLE_YEAR}年12月底"
    filled = io.BytesIO()
    book.save(filled)
    import_assignments(store, plan_id, filled.getvalue(), actor=_ACTOR)
