"""The shipped indicator catalogue (指标库) and its loader: contents, consistency, clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from luoshi.catalog import AGGREGATIONS, KINDS, default_catalog, load_catalog, parse_indicators
from luoshi.catalog.text import normalize
from luoshi.errors import CatalogError, LuoshiError

#: Indicators the issue names; each must be in the shipped catalogue.
REQUIRED = [
    "gdp_growth", "budget_revenue", "budget_revenue_growth", "industrial_value_added_growth",
    "fixed_asset_investment_growth", "retail_sales_growth", "disposable_income_growth",
    "urban_income_growth", "rural_income_growth", "cpi", "surveyed_unemployment",
    "registered_unemployment", "urban_jobs_new", "pm25", "good_air_days", "surface_water_quality",
    "energy_intensity_decline", "grain_output", "grain_area", "rd_intensity", "trade_total",
    "trade_growth", "export_growth", "fdi", "dibao_standard", "forest_cover", "urbanization",
    "hightech_enterprises_new", "specialized_smes_new", "industrial_enterprises_new",
    "old_communities_renovated", "high_standard_farmland", "affordable_housing", "elderly_care_beds",
    "childcare_places_new", "school_places_new", "skilled_workers_new", "graduates_employed",
    "rural_roads", "waste_recycling", "sewage_treatment", "digital_economy_core_growth",
    "services_value_added_growth", "industrial_investment_growth", "private_investment_growth",
    "tourism_revenue", "tourist_arrivals", "life_expectancy", "doctors_per_1000", "base_stations_5g",
    "nev_promotion", "solar_capacity_new", "carbon_intensity_decline", "pollutant_reduction",
    "hazardous_waste_disposal", "farmland_retention", "urban_green_space_new", "afforestation",
    "key_project_investment", "investment_attracted", "tax_revenue", "loan_balance", "social_financing",
    "culture_industry_growth",
]  # fmt: skip


def test_the_shipped_catalogue_has_at_least_60_entries_with_every_required_one() -> None:
    catalog = default_catalog()
    assert len(catalog) >= 60
    missing = [name for name in REQUIRED if name not in catalog]
    assert not missing


def test_every_entry_is_well_formed() -> None:
    for entry in default_catalog():
        assert entry.kind in KINDS
        assert entry.name and entry.en and entry.unit
        assert (entry.kind == "level") == (entry.aggregation in AGGREGATIONS)
        assert not entry.profile or entry.kind == "flow"


def test_no_wording_belongs_to_two_entries() -> None:
    owner: dict[str, str] = {}
    clashes = []
    for entry in default_catalog():
        for wording in {normalize(w) for w in (entry.name, *entry.synonyms)}:
            if owner.setdefault(wording, entry.id) != entry.id:
                clashes.append((wording, owner[wording], entry.id))
    assert not clashes


def test_every_name_links_to_its_own_entry() -> None:
    catalog = default_catalog()
    for entry in catalog:
        found = catalog.match(entry.name, entry.unit)
        assert found is not None and found.entry.id == entry.id, entry.id
        assert found.confidence == 1.0


def _document(**changes: object) -> dict:
    row = {"id": "x", "name": "某指标", "en": "X", "domain": "economy", "unit": "%", "direction": "higher"}
    row.update({"kind": "rate"}, **changes)
    return {"indicator": [row]}


@pytest.mark.parametrize(
    ("document", "words"),
    [
        ({"indicator": []}, "没有 [[indicator]]"),
        ({"indicator": [{"id": "x"}]}, "缺少字段"),
        (_document(kind="stock"), "未知类型"),
        (_document(direction="up"), "未知方向"),
        (_document(kind="level"), "需要 aggregation"),
        (_document(aggregation="mean"), "只有水平类指标"),
        (_document(kind="flow", frequency="weekly"), "未知报送频次"),
        (_document(profile=True), "只有累计类指标"),
        (_document(colour="red"), "未知字段"),
        (_document(synonyms="增长"), "字符串列表"),
        (_document(skip_months=[13]), "skip_months"),
        ({"indicator": [], "extra": 1}, "没有 [[indicator]]"),
    ],
)
def test_a_malformed_catalogue_says_which_entry_and_what(document: dict, words: str) -> None:
    with pytest.raises(CatalogError) as caught:
        parse_indicators(document, where="plan.toml")
    assert words in str(caught.value)
    assert caught.value.path == "plan.toml"
    assert isinstance(caught.value, LuoshiError)


def test_a_duplicate_id_names_both_entries(tmp_path: Path) -> None:
    entry = '[[indicator]]\nid = "gdp"\nname = "生产总值"\nen = "GDP"\ndomain = "economy"\nunit = "元"\ndirection = "higher"\nkind = "flow"\n'
    path = tmp_path / "catalogue.toml"
    path.write_text(entry + "\n" + entry, encoding="utf-8")
    with pytest.raises(CatalogError, match=r"重复.*'gdp', first at entry 1"):
        load_catalog(path)


def test_a_file_that_is_not_toml_or_not_there(tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("[[indicator]\nid = ", encoding="utf-8")
    with pytest.raises(CatalogError, match="TOML"):
        load_catalog(broken)
    with pytest.raises(CatalogError, match="不存在"):
        load_catalog(tmp_path / "absent.toml")


def test_a_plan_may_bring_its_own_catalogue(tmp_path: Path) -> None:
    path = tmp_path / "own.toml"
    path.write_text(
        '[[indicator]]\nid = "tea"\nname = "茶叶产量"\nen = "Tea output"\ndomain = "agriculture"\n'
        'unit = "吨"\ndirection = "higher"\nkind = "flow"\nsynonyms = ["茶产量"]\n',
        encoding="utf-8",
    )
    catalog = load_catalog(path)
    found = catalog.match("全县茶产量", "吨", ">=")
    assert found is not None and found.entry.id == "tea"
