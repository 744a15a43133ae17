"""Hand-checked pairs from ../shared/corpus: every headline target linked to its actual and judged.

Each case was read in both texts. The comment above it quotes the target's sentence (year N)
and the actual's (year N+1); the expected verdict follows the rules of
luoshi.accountability.rules (左右: within 0.5 percentage points, or beyond on the better side).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from luoshi.accountability import hold_to_account
from luoshi.reading import read_report

pytestmark = pytest.mark.shared

# (earlier report, later report, target text, actual text or None when silent, verdict)
CASES = [
    # --- national 2022 → 2023 -----------------------------------------------------------
    # T: 今年发展主要预期目标是：国内生产总值增长5.5%左右；
    # A: 全年国内生产总值增长3%，城镇新增就业1206万人，年末城镇调查失业率降到5.5%，居民消费价格上涨2%。
    ("2022_national", "2023_national", "国内生产总值增长5.5%左右", "全年国内生产总值增长3%", "missed"),
    # T: 城镇新增就业1100万人以上，城镇调查失业率全年控制在5.5%以内；   A: (as above) 城镇新增就业1206万人
    ("2022_national", "2023_national", "城镇新增就业1100万人以上", "城镇新增就业1206万人", "met"),
    # A: (as above) 年末城镇调查失业率降到5.5%: at the ceiling, not above it
    (
        "2022_national",
        "2023_national",
        "城镇调查失业率全年控制在5.5%以内",
        "年末城镇调查失业率降到5.5%",
        "met",
    ),
    # T: 居民消费价格涨幅3%左右；   A: (as above) 居民消费价格上涨2%: below a price ceiling
    ("2022_national", "2023_national", "居民消费价格涨幅3%左右", "居民消费价格上涨2%", "met"),
    # T: 粮食产量保持在1.3万亿斤以上；   A: 粮食产量1.37万亿斤，增产74亿斤。
    ("2022_national", "2023_national", "粮食产量保持在1.3万亿斤以上", "粮食产量1.37万亿斤", "met"),
    # (2022 sets no energy-intensity figure: 能耗强度目标在“十四五”规划期内统筹考核)
    # --- national 2023 → 2024 -----------------------------------------------------------
    # T: 今年发展主要预期目标是：国内生产总值增长5%左右；
    # A: 国内生产总值超过126万亿元，增长5.2%，增速居世界主要经济体前列。
    ("2023_national", "2024_national", "国内生产总值增长5%左右", "增长5.2%", "met"),
    # T: 城镇新增就业1200万人左右，城镇调查失业率5.5%左右；
    # A: 城镇新增就业1244万人，城镇调查失业率平均为5.2%。
    ("2023_national", "2024_national", "城镇新增就业1200万人左右", "城镇新增就业1244万人", "met"),
    ("2023_national", "2024_national", "城镇调查失业率5.5%左右", "城镇调查失业率平均为5.2%", "met"),
    # T: 居民消费价格涨幅3%左右；   A: 居民消费价格上涨0.2%。
    ("2023_national", "2024_national", "居民消费价格涨幅3%左右", "居民消费价格上涨0.2%", "met"),
    # T: 粮食产量保持在1.3万亿斤以上；   A: 粮食产量1.39万亿斤，再创历史新高。
    ("2023_national", "2024_national", "粮食产量保持在1.3万亿斤以上", "粮食产量1.39万亿斤", "met"),
    # (2023: 单位国内生产总值能耗和主要污染物排放量继续下降: no figure)
    # --- national 2024 → 2025 (with energy intensity) -------------------------------------
    # T: 今年发展主要预期目标是：国内生产总值增长5%左右；
    # A: 主要表现在，经济规模稳步扩大，国内生产总值达到134.9万亿元、增长5%，增速居世界主要经济体前列，…
    ("2024_national", "2025_national", "国内生产总值增长5%左右", "增长5%", "met"),
    # T: 城镇新增就业1200万人以上，城镇调查失业率5.5%左右；
    # A: 就业、物价总体平稳，城镇新增就业1256万人、城镇调查失业率平均为5.1%，居民消费价格上涨0.2%。
    ("2024_national", "2025_national", "城镇新增就业1200万人以上", "城镇新增就业1256万人", "met"),
    ("2024_national", "2025_national", "城镇调查失业率5.5%左右", "城镇调查失业率平均为5.1%", "met"),
    ("2024_national", "2025_national", "居民消费价格涨幅3%左右", "居民消费价格上涨0.2%", "met"),
    # T: 粮食产量1.3万亿斤以上；   A: …粮食产量首次跃上1.4万亿斤新台阶、亩产提升10.1斤；
    ("2024_national", "2025_national", "粮食产量1.3万亿斤以上", "粮食产量首次跃上1.4万亿斤", "met"),
    # T: 单位国内生产总值能耗降低2.5%左右，生态环境质量持续改善。   A: 单位国内生产总值能耗降幅超过3%；
    (
        "2024_national",
        "2025_national",
        "单位国内生产总值能耗降低2.5%左右",
        "单位国内生产总值能耗降幅超过3%",
        "met",
    ),
    # --- 保定市 (city) 2022 → 2023 ---------------------------------------------------------
    # T: 全市经济社会发展的主要目标是：生产总值增长8%以上，一般公共预算收入增长8%以上，…
    # A: 全市生产总值增长3.8%，地方一般公共预算收入（扣除留抵退税因素）增长7.2%，…
    ("2022_baoding", "2023_baoding", "生产总值增长8%以上", "全市生产总值增长3.8%", "missed"),
    # T: 严格耕地保护，建设高标准农田38万亩，确保粮食产量80亿斤以上。
    # A: 建成高标准农田48.7万亩，粮食总产量419万吨，实现“面积、单产、总产、效益”四增长。 (419万吨 = 83.8亿斤)
    ("2022_baoding", "2023_baoding", "确保粮食产量80亿斤以上", "粮食总产量419万吨", "met"),
    # T: 城镇实现新增就业8.9万人以上，培训技能人才5.2万人，新增专业技术人员1.3万人。
    # A: 新增城镇就业9.29万人，为城乡低保户、特困人员发放救助金9.2亿元。
    ("2022_baoding", "2023_baoding", "城镇实现新增就业8.9万人以上", "新增城镇就业9.29万人", "met"),
    # (保定 2022 sets no CPI, unemployment or energy figure among its targets)
    # --- 河北省 (province) 2023 → 2024 ----------------------------------------------------
    # T: 今年经济社会发展的主要预期目标是：地区生产总值增长6%左右，…
    # A: 全省生产总值增长5.5%，一般公共预算收入增长5.7%，… (within 0.5 points of 6%左右)
    ("2023_hebei", "2024_hebei", "地区生产总值增长6%左右", "全省生产总值增长5.5%", "met"),
    # T: 居民消费价格指数涨幅控制在3%左右；  T: 城镇调查失业率控制在5.5%左右；
    # T: PM2.5平均浓度持续改善，单位GDP能耗下降2%。   The 2024 review gives none of the three: silent.
    ("2023_hebei", "2024_hebei", "居民消费价格指数涨幅控制在3%左右", None, "silent"),
    ("2023_hebei", "2024_hebei", "城镇调查失业率控制在5.5%左右", None, "silent"),
    ("2023_hebei", "2024_hebei", "单位GDP能耗下降2%", None, "silent"),
    # T: …新建改造高标准农田320万亩，确保粮食总产740亿斤以上。
    # A: 克服自然灾害影响，粮食总产762亿斤，完成国家下达粮食生产任务。
    ("2023_hebei", "2024_hebei", "确保粮食总产740亿斤以上", "粮食总产762亿斤", "met"),
    # T: 级劳务品牌30个，全年城镇新增就业86万人。   A: 城镇新增就业89.9万人。
    ("2023_hebei", "2024_hebei", "全年城镇新增就业86万人", "城镇新增就业89.9万人", "met"),
    # --- 上海市 2021 → 2022 ----------------------------------------------------------------
    # T: …主要预期目标是：全市生产总值增长6%以上，…城镇调查失业率在5%以内，…
    # A: 全市生产总值突破4万亿元大关，达到4.32万亿元，增长8.1%。
    ("2021_shanghai", "2022_shanghai", "全市生产总值增长6%以上", "增长8.1%", "met"),
    # A: 地方一般公共预算收入增长10.3%，居民消费价格上涨1.2%，城镇调查失业率明显低于年初预期目标，…
    # (no figure: the review judges it in words)
    ("2021_shanghai", "2022_shanghai", "城镇调查失业率在5%以内", "城镇调查失业率明显低于年初预期目标", "met"),
    ("2021_shanghai", "2022_shanghai", "居民消费价格涨幅2.5%左右", "居民消费价格上涨1.2%", "met"),
]

_FILES = {
    "national": "national_state_council",
    "baoding": "baoding_city",
    "hebei": "hebei_province",
    "shanghai": "shanghai_province",
}


def _path(corpus: Path, short: str) -> Path:
    year, place = short.split("_")
    return corpus / f"{year}_{_FILES[place]}.txt"


@cache
def _judged(corpus: Path, earlier: str, later: str) -> dict:
    judgements = hold_to_account(read_report(_path(corpus, earlier)), read_report(_path(corpus, later)))
    return {j.target.text: j for j in judgements}


@pytest.mark.parametrize(("earlier", "later", "target", "actual", "verdict"), CASES)
def test_headline_target(
    shared_dir: Path, earlier: str, later: str, target: str, actual: str | None, verdict: str
):
    judged = _judged(shared_dir / "corpus", earlier, later)
    assert target in judged, f"{target} not extracted from {earlier}"
    j = judged[target]
    found = j.to_row()["actual_text"]
    if actual is None:
        assert found is None, j.reason
    else:
        assert found is not None and found.startswith(actual), (found, j.reason)
        assert j.confidence >= 0.6
        assert j.actual_sentence
    assert j.verdict == verdict, (j.rule, j.reason)
    assert target in j.target_sentence
