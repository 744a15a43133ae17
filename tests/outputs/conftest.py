"""A small report with hand-made targets and tasks, so output tests do not depend on the extractor."""

from __future__ import annotations

from decimal import Decimal

import pytest

from luoshi.extraction.model import Extraction, Target, Task
from luoshi.outputs import Found
from luoshi.reading.report import Node, Report

TEXT = (
    "二、2023年工作安排\n"
    "（一）稳就业。新增就业大学生14万名以上，扶持创业2200人、带动就业6600人以上。\n"
    "（二）治污染。PM2.5平均浓度低于28微克/立方米。完成市中医院扩建。\n"
)
SECTION_JOBS = "二、2023年工作安排 > （一）稳就业"
SECTION_AIR = "二、2023年工作安排 > （二）治污染"


def _target(words: str, indicator: str, comparator: str, value: str, unit: str, section: str) -> Target:
    start = TEXT.index(words)
    return Target(
        report="sample",
        start=start,
        end=start + len(words),
        text=words,
        section=section,
        indicator=indicator,
        comparator=comparator,
        value=Decimal(value),
        value_max=None,
        unit=unit,
        modality="binding",
        year=None,
        kind="count",
    )


def _task(words: str, section: str) -> Task:
    start = TEXT.index(words)
    return Task(
        report="sample",
        start=start,
        end=start + len(words),
        text=words,
        section=section,
        kind="milestone",
        verb="完成",
    )


@pytest.fixture
def found() -> Found:
    """One report: four targets in two sections and one task."""
    report = Report(text=TEXT, name="sample", outline=Node("report", 0, len(TEXT)), place="绍兴市", year=2023)
    targets = [
        _target("新增就业大学生14万名以上", "新增就业大学生", ">=", "140000", "人", SECTION_JOBS),
        _target("扶持创业2200人", "扶持创业", ">=", "2200", "人", SECTION_JOBS),
        _target("带动就业6600人以上", "带动就业", ">=", "6600", "人", SECTION_JOBS),
        _target("PM2.5平均浓度低于28微克/立方米", "PM2.5平均浓度", "<", "28", "μg/m³", SECTION_AIR),
    ]
    tasks = [_task("完成市中医院扩建", SECTION_AIR)]
    return Found(report, Extraction(report="sample", targets=targets, tasks=tasks))
