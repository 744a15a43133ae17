"""The words of a 督查通报 (通报正文), written once from :class:`BulletinData`.

The shape follows the bulletins supervision offices send: the title, a 文号, the
recipients, an opening paragraph, then 一、总体情况 (the key figures and an overall
judgement), 二、分类推进情况 (counts and shares per class, 表1, 图1, 图2), 三、进展较好的
目标任务 (done and ahead), 四、进度滞后的目标任务 (each lagging target with its lead unit,
its gap against 序时进度 and the unit's own note), 五、进度报送情况 (units that did not report
on time), 六、有关要求, the signature and date, and the annex table of every target (附件).
"""

from __future__ import annotations

from luoshi.bulletins.model import (
    GOOD_GRADES,
    LAGGING_GRADES,
    SHOWN_GRADES,
    BulletinData,
    BulletinRow,
    against_time,
)
from luoshi.bulletins.numbers import count_share, cutoff_words, date_words, share
from luoshi.bulletins.outline import AnnexRow, Block, Figure, Heading, Paragraph, Run, Table, Written
from luoshi.bulletins.phrases import gap_words, latest_words, note_words, progress_words, units_words

__all__ = [
    "compose",
    "split_title",
    "GOOD_LISTED",
    "SECTION_HEADINGS",
    "ANNEX_HEADER",
    "GRADE_NOTES",
    "LIGHT_WORDS",
]

#: The numbered sections, in order; every bulletin has all six.
SECTION_HEADINGS = (
    "一、总体情况",
    "二、分类推进情况",
    "三、进展较好的目标任务",
    "四、进度滞后的目标任务",
    "五、进度报送情况",
    "六、有关要求",
)
#: The annex table's columns; 灯 is the coloured one.
ANNEX_HEADER = (
    "序号",
    "目标任务",
    "牵头单位",
    "责任单位",
    "最新进展",
    "完成率",
    "序时进度",
    "评价等级",
    "灯",
)
#: What each class means, in 表1.
GRADE_NOTES = {
    "已完成": "已达到年度目标",
    "超序时": "进度快于序时进度",
    "符合序时": "进度与序时进度基本相符",
    "滞后": "进度落后于序时进度",
    "严重滞后": "进度明显落后于序时进度",
    "未报送": "未按期报送进度",
    "无法评价": "尚无可评价的数据",
}
#: The 灯 cell's word for each light.
LIGHT_WORDS = {"green": "绿", "yellow": "黄", "red": "红", "none": "—"}
_RECIPIENTS = {
    "national": "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：",
    "province": "各市、县（市、区）人民政府，省政府直属各单位：",
    "city": "各区、县（市）人民政府，市政府各部门、各直属单位：",
    "county": "各乡镇人民政府、街道办事处，县政府各部门、各直属单位：",
}


def compose(data: BulletinData, charts: tuple[str, ...] = ("grades", "units")) -> Written:
    """The bulletin's words; ``charts`` are the keys of the charts there are to show."""
    blocks: list[Block] = [_opening(data)]
    blocks += _overall(data)
    blocks += _classes(data, charts)
    blocks += _good(data)
    blocks += _lagging(data)
    blocks += _reporting(data)
    blocks += _requirements(data)
    return Written(
        title=data.title,
        title_lines=split_title(data.title),
        number=data.document_number,
        recipients=_recipients(data),
        blocks=tuple(blocks),
        attachment=f"附件：{_annex_title(data)}",
        issuer=data.issuer,
        date=date_words(data.as_of),
        annex_title=_annex_title(data),
        annex_header=ANNEX_HEADER,
        annex_rows=tuple(_annex(data)),
        light_column=ANNEX_HEADER.index("灯"),
    )


def split_title(title: str, width: int = 18) -> tuple[str, ...]:
    """A long title in two lines, broken where the sense breaks (before 推进情况), as
    official titles are set; a short one in one line."""
    if len(title) <= width:
        return (title,)
    cut = title.find("推进情况")
    if cut <= 0:
        cut = len(title) // 2
    return title[:cut], title[cut:]


def _p(*parts: str | Run) -> Paragraph:
    return Paragraph(tuple(Run(part) if isinstance(part, str) else part for part in parts))


def _cutoff(data: BulletinData) -> str:
    return cutoff_words(data.period_end) if data.period else date_words(data.as_of)


def _recipients(data: BulletinData) -> str:
    if data.level == "county" and (data.place or "").endswith("区"):
        return "各街道办事处、镇人民政府，区政府各部门、各直属单位："
    return _RECIPIENTS.get(data.level or "city", _RECIPIENTS["city"])


def _annex_title(data: BulletinData) -> str:
    return f"{data.year}年政府工作报告量化目标推进情况表"


def _opening(data: BulletinData) -> Paragraph:
    return _p(
        f"为推动{data.year}年《政府工作报告》确定的目标任务落地见效，{data.issuer}对照年度目标和序时进度，"
        f"对截至{_cutoff(data)}的{len(data.rows)}项量化目标推进情况进行了跟踪督查。现将有关情况通报如下："
    )


def _overall(data: BulletinData) -> list[Block]:
    counts = data.counts()
    total = len(data.rows)
    good = counts["已完成"] + counts["超序时"] + counts["符合序时"]
    lagging = counts["滞后"] + counts["严重滞后"]
    text = (
        f"截至{_cutoff(data)}，{data.year}年《政府工作报告》确定的{total}项量化目标中，"
        f"已完成{counts['已完成']}项，超序时推进{counts['超序时']}项，符合序时推进{counts['符合序时']}项，"
        f"合计{good}项，占{count_share(good, total)}；"
        f"滞后{counts['滞后']}项，严重滞后{counts['严重滞后']}项，合计{lagging}项，占{count_share(lagging, total)}；"
        f"未按期报送进度{counts['未报送']}项"
    )
    if counts["无法评价"]:
        text += f"，暂无法评价{counts['无法评价']}项"
    blocks: list[Block] = [Heading(SECTION_HEADINGS[0]), _p(text + "。")]
    figures = []
    measured, completion, expected = data.mean_completion()
    if measured:
        figures.append(f"可计算完成率的{measured}项目标平均完成{share(completion)}")
        if expected is not None:
            figures[-1] += f"，平均序时进度{share(expected)}"
    due, on_time, _, _ = data.reporting_totals()
    if due:
        figures.append(
            f"{_reporting_units(data)}个牵头单位应报送进度{due}项次，按时报送{on_time}项次，"
            f"按时报送率{count_share(on_time, due)}"
        )
    judgement = Run(f"总体看，各项目标任务{_judgement(good, lagging, counts['未报送'], total)}。", bold=True)
    blocks.append(_p(judgement, *(f"{figure}。" for figure in figures)))
    return blocks


def _reporting_units(data: BulletinData) -> int:
    """Lead units with a report already due (a unit with only yearly targets may have none)."""
    return sum(1 for unit in data.units if unit.due)


def _judgement(good: int, lagging: int, missing: int, total: int) -> str:
    if not total:
        return "尚未确定"
    if good / total >= 0.8 and lagging / total <= 0.1:
        return "进展顺利，绝大部分目标按序时推进"
    if good / total >= 0.6:
        return "总体进展平稳，但仍有部分目标推进滞后"
    if missing / total >= 0.3:
        return "推进情况不够清晰，未按期报送进度的目标较多"
    return "进展不够理想，滞后目标较多，需加大推进力度"


def _classes(data: BulletinData, charts: tuple[str, ...]) -> list[Block]:
    counts = data.counts()
    total = len(data.rows)
    shown = [grade for grade in counts if grade in SHOWN_GRADES or counts[grade]]
    rows = tuple(
        (grade, str(counts[grade]), count_share(counts[grade], total), GRADE_NOTES[grade]) for grade in shown
    )
    blocks: list[Block] = [
        Heading(SECTION_HEADINGS[1]),
        _p(
            f"对照序时进度，将各项量化目标分为{'、'.join(shown)}{len(shown)}类，"
            "各类目标数量及占比见表1、图1。"
        ),
        Table(
            "表1 量化目标分类推进情况",
            ("评价类别", "目标数（项）", "占比", "说明"),
            (*rows, ("合计", str(total), count_share(total, total), "")),
        ),
    ]
    if "grades" in charts:
        blocks.append(Figure("grades", "图1 量化目标分类推进情况"))
    units = data.unit_completion()
    if units and "units" in charts:
        best, worst = units[0], units[-1]
        blocks.append(
            _p(
                f"从牵头单位看，{best.unit}牵头目标平均完成率最高，为{share(best.completion)}；"
                f"{worst.unit}最低，为{share(worst.completion)}（见图2）。"
            )
        )
        blocks.append(Figure("units", "图2 各牵头单位量化目标平均完成率"))
    return blocks


def _item(index: int, row: BulletinRow, *, lagging: bool) -> Paragraph:
    gap = gap_words(row)
    progress = progress_words(row) + (f"，{gap}" if gap else "") + "。"
    who = units_words(row) + "。" if lagging else f"（{row.lead}牵头）："
    runs = [Run(f"{index}. {row.text}", bold=True), Run(who)]
    runs.append(Run(progress))
    if lagging:
        runs += [Run("单位说明：", bold=True), Run(note_words(row))]
    return Paragraph(tuple(runs))


#: How many targets of a good class section 三 names; a longer list is left to the annex
#: (section 四 names every lagging target, however many).
GOOD_LISTED = 20
_GOOD_TITLES = {"已完成": "已完成的目标", "超序时": "超序时推进的目标"}
_LAGGING_TITLES = {"严重滞后": "严重滞后的目标", "滞后": "滞后的目标"}
_ORDINALS = "一二三四五六七八九十"


def _good(data: BulletinData) -> list[Block]:
    """Done and ahead, each class in full up to :data:`GOOD_LISTED`, else its furthest ahead."""
    blocks: list[Block] = [Heading(SECTION_HEADINGS[2])]
    rows = data.good()
    if not rows:
        blocks.append(_p("本期暂无已完成或超序时推进的目标。"))
    groups = [(grade, [row for row in rows if row.grade == grade]) for grade in GOOD_GRADES]
    groups = [(grade, found) for grade, found in groups if found]
    for number, (grade, found) in enumerate(groups):
        title = f"（{_ORDINALS[number]}）{_GOOD_TITLES[grade]}（{len(found)}项）"
        blocks.append(Heading(title, level=2))
        shown = found
        if len(found) > GOOD_LISTED:
            shown = sorted(found, key=lambda row: (-(row.status.gap or 0.0), row.number))[:GOOD_LISTED]
            shown.sort(key=lambda row: row.number)
            blocks.append(
                _p(f"其中超出序时进度最多的{GOOD_LISTED}项如下，其余{len(found) - GOOD_LISTED}项见附件。")
            )
        blocks += [_item(index, row, lagging=False) for index, row in enumerate(shown, 1)]
    on_track = data.counts()["符合序时"]
    if on_track:
        blocks.append(_p(f"另有{on_track}项目标符合序时进度，具体见附件。"))
    return blocks


def _lagging(data: BulletinData) -> list[Block]:
    blocks: list[Block] = [Heading(SECTION_HEADINGS[3])]
    rows = data.lagging()
    if not rows:
        blocks.append(_p("本期无进度滞后的目标。"))
        return blocks
    counts = data.counts()
    blocks.append(
        _p(
            f"{len(rows)}项目标进度滞后，其中严重滞后{counts['严重滞后']}项、滞后{counts['滞后']}项。"
            "请有关牵头单位高度重视，逐项分析原因，加快推进。"
        )
    )
    groups = [(grade, [row for row in rows if row.grade == grade]) for grade in LAGGING_GRADES]
    groups = [(grade, found) for grade, found in groups if found]
    for number, (grade, found) in enumerate(groups):
        blocks.append(Heading(f"（{_ORDINALS[number]}）{_LAGGING_TITLES[grade]}（{len(found)}项）", level=2))
        blocks += [_item(index, row, lagging=True) for index, row in enumerate(found, 1)]
    return blocks


def _reporting(data: BulletinData) -> list[Block]:
    blocks: list[Block] = [Heading(SECTION_HEADINGS[4])]
    due, on_time, late, missing = data.reporting_totals()
    if not due:
        blocks.append(_p(f"截至{date_words(data.as_of)}，尚无到期应报送的进度。"))
    else:
        blocks.append(
            _p(
                f"截至{date_words(data.as_of)}，{_reporting_units(data)}个牵头单位应报送进度{due}项次，"
                f"按时报送{on_time}项次，逾期报送{late}项次，未报送{missing}项次，"
                f"按时报送率{count_share(on_time, due)}。"
            )
        )
        units = data.late_units()
        if not units:
            blocks.append(_p("各牵头单位均按时报送了进度。"))
        else:
            names = "、".join(unit.unit for unit in units)
            blocks.append(_p(Run(f"未按时报送进度的单位（{len(units)}个）：", bold=True), f"{names}。"))
            titles = {row.id: row.text for row in data.rows}
            for index, unit in enumerate(units, 1):
                text = (
                    f"{index}. {unit.unit}：应报{unit.due}项次，按时报送{unit.on_time}项次，"
                    f"逾期报送{unit.late}项次，未报送{unit.missing}项次"
                )
                if unit.unreported:
                    text += f"；目前仍未报送：{'、'.join(titles.get(ref, ref) for ref in unit.unreported)}"
                blocks.append(_p(text + "。"))
    orphans = data.unassigned_unreported()
    if orphans:
        blocks.append(
            _p(
                f"另有{len(orphans)}项目标尚未明确牵头单位、无进度报送：{'、'.join(row.text for row in orphans)}。"
                "请尽快明确责任单位。"
            )
        )
    return blocks


def _requirements(data: BulletinData) -> list[Block]:
    lagging = len(data.lagging())
    first = (
        f"（一）加快推进滞后目标。对本通报点名的{lagging}项滞后目标，各牵头单位要深入分析原因，"
        "制定针对性措施，明确时间节点，确保按期赶上序时进度。"
        if lagging
        else "（一）保持推进力度。各牵头单位要对照年度目标，巩固已有进展，确保各项目标按序时推进。"
    )
    return [
        Heading(SECTION_HEADINGS[5]),
        _p(first),
        _p(
            f"（二）严格按时报送。各牵头单位要于每月{data.deadline_day}日前如实报送上月进度，"
            "对滞后事项一并说明原因及下步措施，做到数据准确、说明充分。"
        ),
        _p(
            f"（三）强化跟踪督查。{data.issuer}将持续跟踪各项目标推进情况，"
            "对连续滞后或未按时报送的事项进行重点督查，并视情通报。"
        ),
    ]


def _annex(data: BulletinData) -> list[AnnexRow]:
    rows: list[AnnexRow] = []
    section = None
    for row in sorted(data.rows, key=lambda row: row.number):
        if row.section != section:
            section = row.section
            if section:
                rows.append(AnnexRow(section=section))
        status = row.status
        timed = status.expected is not None and against_time(status)
        rows.append(
            AnnexRow(
                cells=(
                    str(row.number),
                    row.text,
                    row.lead_unit or "",
                    "、".join(row.co_units),
                    latest_words(row),
                    share(status.completion),
                    share(status.expected) if timed else "—",
                    status.grade,
                    LIGHT_WORDS.get(status.light, "—"),
                ),
                light=status.light,
            )
        )
    return rows
