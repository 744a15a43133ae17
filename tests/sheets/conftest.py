"""Sample rows for the 分解表 and 报送表, and what import expects of them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sheet_helpers import PLAN_END, PLAN_START

from luoshi.sheets import AssignmentRow, ProgressExpectation, ProgressTemplateRow


@pytest.fixture
def assignment_rows() -> list[AssignmentRow]:
    return [
        AssignmentRow(
            "T1",
            "1",
            "新增就业大学生14万名以上。",
            "新增就业大学生",
            "14万以上",
            "人",
            "市人力社保局",
            ("市教育局", "市财政局"),
            "张副市长",
            date(2023, 12, 31),
            section="（一）稳就业",
        ),
        AssignmentRow("T2", "2", "扶持创业2200人。", "扶持创业", "2200以上", "人", section="（一）稳就业"),
        AssignmentRow(
            "T3",
            "3",
            "PM2.5平均浓度低于28微克/立方米。",
            "PM2.5平均浓度",
            "低于28",
            "微克/立方米",
            "市生态环境局",
            due=date(2023, 6, 30),
            section="（二）治污染",
        ),
        AssignmentRow("K1", "4", "完成市中医院扩建。", lead_unit="市卫健委", section="（二）治污染"),
    ]


@pytest.fixture
def template_rows() -> list[ProgressTemplateRow]:
    return [
        ProgressTemplateRow("T1", "1", "新增就业大学生", "14万以上", "万人", Decimal("5.2")),
        ProgressTemplateRow("T4", "2", "城镇调查失业率", "5.5以内", "%", Decimal("5.1")),
        ProgressTemplateRow("T5", "3", "低保标准", "不低于1.32", "万元/年"),
    ]


@pytest.fixture
def expected() -> dict[str, ProgressExpectation]:
    return {
        "T1": ProgressExpectation("万人", True, Decimal("5.2"), PLAN_START, PLAN_END),
        "T4": ProgressExpectation("%", False, Decimal("5.1"), PLAN_START, PLAN_END),
        "T5": ProgressExpectation("万元/年", False, None, PLAN_START, PLAN_END),
    }
