"""Two small hand-made reports of one city, a year apart: the 2023 plan and the 2024 review of it."""

from __future__ import annotations

import pytest

from luoshi.reading import report_from_text
from luoshi.reading.report import Report

PLAN_2023 = """政府工作报告
（2023年1月10日在示例市第十届人民代表大会第二次会议上）
一、2022年工作回顾
过去一年，全市生产总值增长4%。
二、2023年主要目标任务
今年经济社会发展的主要预期目标是：全市生产总值增长6%左右，城镇新增就业5万人以上，城镇调查失业率控制在5.5%以内，粮食产量保持在80亿斤以上，居民消费价格涨幅3%左右，单位GDP能耗下降3%，新建口袋公园100个。
"""

REVIEW_2024 = """政府工作报告
（2024年1月12日在示例市第十届人民代表大会第三次会议上）
一、2023年工作回顾
过去一年，全市生产总值增长5.6%，城镇新增就业4.8万人，城镇调查失业率为5.1%，粮食总产量419万吨，居民消费价格上涨0.4%，单位GDP能耗下降3.2%。
二、2024年主要目标任务
今年全市生产总值增长6%左右。
"""


@pytest.fixture
def plan() -> Report:
    return report_from_text(PLAN_2023, name="2023_example_city")


@pytest.fixture
def review() -> Report:
    return report_from_text(REVIEW_2024, name="2024_example_city")
