"""The target grammar, case by case from the codebook (gold/GUIDELINES.md), on plan-only text."""

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from luoshi.extraction import extract


def targets(text, year=2024):
    return extract(text, year=year).targets


def brief(target):
    value_max = None if target.value_max is None else str(target.value_max)
    return (target.comparator, str(target.value), value_max, target.unit, target.modality)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # comparators before and after the quantity
        ("新增就业大学生14万名以上。", [(">=", "140000", None, "人", "binding")]),
        ("PM2.5平均浓度低于28微克/立方米。", [("<", "28", None, "μg/m³", "binding")]),
        ("低保标准不低于1.32万元/年。", [(">=", "13200", None, "元/年", "binding")]),
        ("居民消费价格涨幅控制在3%左右。", [("≈", "3", None, "%", "binding")]),
        ("城镇调查失业率5.5%以内。", [("<=", "5.5", None, "%", "binding")]),
        ("旅游业总收入超过9000亿元。", [(">", "900000000000", None, "元", "binding")]),
        ("地区生产总值增长5%—6%。", [("range", "5", "6", "%", "binding")]),
        ("新增城市绿地1500余亩。", [(">", "1500", None, "亩", "binding")]),
        ("规上工业增加值增长9%。", [("=", "9", None, "%", "binding")]),
        ("研发投入强度达到3.95%。", [(">=", "3.95", None, "%", "binding")]),
        ("再生水利用率稳定在50%。", [("=", "50", None, "%", "binding")]),
        ("通行时间由18小时缩短到5小时。", [("<=", "5", None, "小时", "binding")]),
        # a hedge at the end of a 、 list governs the list; one in the middle stays put
        (
            "扶持创业2200人、带动就业6600人以上。",
            [(">=", "2200", None, "人", "binding"), (">=", "6600", None, "人", "binding")],
        ),
        (
            "新增上市企业1家、专精特新企业5家以上、规模以上企业300家。",
            [
                ("=", "1", None, "家", "binding"),
                (">=", "5", None, "家", "binding"),
                ("=", "300", None, "家", "binding"),
            ],
        ),
        # a comparator word at the head of a list governs the items after it
        (
            "农村卫生厕所普及率达到93%、生活污水处理率74%。",
            [(">=", "93", None, "%", "binding"), (">=", "74", None, "%", "binding")],
        ),
        # not across a comma with a verb of its own
        (
            "组织外贸团组150个，参加境外展会100场以上。",
            [("=", "150", None, "个", "binding"), (">=", "100", None, "场", "binding")],
        ),
        # modality: a strive word governs its list and verbless clauses after it
        (
            "争创省低(零)碳乡镇(街道)10个以上,低(零)碳村(社区)100个以上。",
            [(">=", "10", None, "个", "strive"), (">=", "100", None, "个", "strive")],
        ),
        (
            "争创省级服务型制造示范企业9家，培育数字化生态服务商30家。",
            [("=", "9", None, "家", "strive"), ("=", "30", None, "家", "binding")],
        ),
        (
            "力争大科学装置投运一个、开工一个。",
            [("=", "1", None, "个", "strive"), ("=", "1", None, "个", "strive")],
        ),
        # exact quantity words
        ("力争全省低碳试点县全覆盖。", [("=", "100", None, "%", "strive")]),
        ("保持县控及以上断面水质全面达标。", [("=", "100", None, "%", "binding")]),
        ("确保零就业家庭动态清零。", [("=", "0", None, "", "binding")]),
        ("认真办好十方面民生实事。", [("=", "10", None, "方面", "binding")]),
        # descriptors are not targets; the count they describe is
        ("新引进10亿元以上产业项目100个以上。", [(">=", "100", None, "个", "binding")]),
        ("力争引进1个投资100亿元以上的大项目。", [("=", "1", None, "个", "strive")]),
        ("完成14台35蒸吨/小时以下燃煤锅炉淘汰。", [("=", "14", None, "台", "binding")]),
        ("组建20亿元的产业基金。", [("=", "2000000000", None, "元", "binding")]),
    ],
)
def test_targets(text, expected):
    assert [brief(t) for t in targets(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "深入实施“十四五”规划和三年行动计划。",
        "增强四个意识、坚定四个自信、做到两个维护。",
        "推进5G基站和G60科创走廊建设，改造310国道。",
        "开通12345热线，创建3A级景区。",
        "打造千亿级产业集群，推进五大科技城建设。",
        "推进一批重大项目，实施一系列改革。",
        "推进42个在建项目。",
        "以12个片区为重点推进城市更新。",
        "重点做好十方面工作。",
        "落实“3个100”工程。",
        "纪念建党100周年。",
        "基本实现全覆盖。",
        "PM2.5浓度持续下降。",
        "第三届进博会。",
        "千方百计稳就业，惠及千家万户。",
        "坚持百花齐放、百家争鸣的方针，愿与国际社会一道应对挑战。",
        "健全覆盖城乡的社会保障体系。",
        "开展信访积案“清零”巩固提升行动。",
        "推进“一件事”集成改革，打造一条龙服务。",
        "坚持“动态清零”总方针。",
        "严格落实“六个百分百”“两个全覆盖”。",
        "常态化开展扫黑除恶，做到“六个零发生”。",
    ],
)
def test_non_targets(text):
    assert targets(text) == []


def test_a_counted_formula_named_as_the_goal_is_a_target():
    found = targets("到2025年，地区生产总值、城乡居民人均可支配收入实现“两个翻一番”目标。")
    assert found and all(t.unit == "倍" and t.value == 2 for t in found)


def test_a_baseline_is_not_a_target():
    (found,) = targets("城镇化率从47.5%提高到51.5%。")
    assert (found.comparator, found.value) == (">=", Decimal("51.5"))


def test_deadline_year_is_kept_only_when_it_differs_from_the_plan_year():
    first, second = targets("到2027年，新增高新技术企业500家。今年新增科技型企业800家。")
    assert (first.year, second.year) == (2027, None)


def test_span_runs_from_indicator_to_quantity():
    text = "协同推进污染防治。PM2.5平均浓度低于28微克/立方米，空气质量优良天数90%以上。"
    found = targets(text)
    assert [t.text for t in found] == ["PM2.5平均浓度低于28微克/立方米", "空气质量优良天数90%以上"]
    assert [t.indicator for t in found] == ["PM2.5平均浓度", "空气质量优良天数"]
    assert all(text[t.start : t.end] == t.text for t in found)


def test_review_part_yields_no_targets():
    text = (
        "一、2023年工作回顾\n地区生产总值增长6%，新增就业3万人。\n二、2024年工作安排\n新增就业4万人以上。\n"
    )
    found = targets(text)
    assert [(t.value, t.unit) for t in found] == [(Decimal(40000), "人")]


def test_kinds():
    found = targets(
        "地区生产总值增长5%，单位GDP能耗下降3%，森林覆盖率达到62%，新增就业4万人，完成投资500亿元。"
    )
    assert [t.kind for t in found] == ["growth", "decline", "share", "count", "amount"]


@settings(max_examples=200, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(
            list("新增就业大学生万名以上个%，。、力争达到1234567890十百千两左右以内亿元全覆盖清零基本第“”")
        ),
        max_size=80,
    )
)
def test_every_span_slices_back(text):
    for target in targets(text):
        assert text[target.start : target.end] == target.text
        assert target.start < target.end


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_random_unicode_never_raises(text):
    extract(text)


@pytest.mark.parametrize(
    ("text", "comparator", "value", "unit"),
    [
        ("每月开展一次送政策上门行动。", "=", 1, "次/月"),
        ("每季度召开1次联席会议。", "=", 1, "次/季度"),
        ("每年至少组织两次应急演练。", ">=", 2, "次/年"),
        ("每季组织一次专项检查。", "=", 1, "次/季度"),
    ],
)
def test_a_frequency_is_a_count_of_times_per_period(text, comparator, value, unit):
    (found,) = targets(text)
    assert (found.comparator, found.value, found.unit) == (comparator, Decimal(value), unit)


def test_a_small_chinese_numeral_without_a_frequency_stays_an_article():
    assert targets("开展一次全面检查，召开两次会议研究部署。") == []
