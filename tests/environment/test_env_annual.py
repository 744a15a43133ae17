"""The HJ 663—2013 period evaluation: percentiles, validity, 达标, 优良天数比例, composite index."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import numpy as np
import pytest

from luoshi.environment.air import (
    DailyValues,
    Indicator,
    LimitStandard,
    Pollutant,
    daily_aqi,
    evaluate_period,
    evaluate_year,
    indicator_values,
    limits,
)
from luoshi.environment.air.composite import composite_index
from luoshi.environment.air.statistics import mean, percentile
from luoshi.environment.air.validity import period_validity
from luoshi.environment.rounding import MISSING


class TestPercentile:
    def test_reference_example(self):
        # 12 … 80, P90: k = 9.1 → 66 + 0.1·14 = 67.4 → 67
        values = np.array([12, 15, 20, 22, 30, 35, 41, 50, 66, 80])
        assert percentile(values, 90) == 67
        assert percentile(values * 10, 90) == 674  # CO-style one decimal: 67.4

    @pytest.mark.parametrize("n", [1, 2, 10, 324, 365, 366])
    @pytest.mark.parametrize("p", [90, 95, 98])
    def test_matches_numpy_linear(self, n, p):
        values = np.random.default_rng(n * p).integers(0, 3000, n)
        exact = np.percentile(values, p)
        got = percentile(values, p)
        assert abs(got - exact) <= 0.5 + 1e-9
        assert percentile(np.concatenate([values, [MISSING, MISSING]]), p) == got

    def test_half_way_rounds_to_even(self):
        # n = 3, p = 25: k = 1.5 → X1 + 0.5·(X2 − X1)
        assert percentile(np.array([10, 11, 20]), 25) == 10  # 10.5 → 10
        assert percentile(np.array([11, 12, 20]), 25) == 12  # 11.5 → 12

    def test_mean_skips_missing(self):
        assert mean(np.array([10, 11, MISSING])) == 10  # 10.5 → 10
        assert mean(np.array([MISSING])) == MISSING


def days_of(year: int) -> int:
    return (dt.date(year + 1, 1, 1) - dt.date(year, 1, 1)).days


class TestValidity:
    def year(self, year: int, drop: dict[int, int]) -> np.ndarray:
        """A year of valid days, with ``drop[month]`` days of that month invalid."""
        dates = np.datetime64(f"{year}-01-01") + np.arange(days_of(year))
        months = dates.astype("datetime64[M]").astype(int) % 12 + 1
        valid = np.ones(len(dates), dtype=bool)
        for month, n in drop.items():
            valid[np.flatnonzero(months == month)[:n]] = False
        return valid

    def check(self, valid, year=2016):
        return period_validity(valid, dt.date(year, 1, 1), dt.date(year, 12, 31))

    def test_full_year_valid(self):
        result = self.check(self.year(2016, {}))
        assert result.valid and result.days == 366 and result.required_days == 324

    @pytest.mark.parametrize(
        ("drop", "valid"),
        [
            ({1: 4}, True),  # 27 in January
            ({1: 5}, False),  # 26 in January
            ({2: 4}, True),  # 25 in February 2016 (29 days)
            ({2: 5}, False),  # 24
            ({4: 3}, True),  # 27 in April (30 days)
            ({4: 4}, False),
        ],
    )
    def test_months(self, drop, valid):
        assert self.check(self.year(2016, drop)).valid is valid

    def test_february_of_a_common_year(self):
        assert self.check(self.year(2015, {2: 3}), 2015).valid  # 25 of 28
        assert not self.check(self.year(2015, {2: 4}), 2015).valid

    #: The most days each month can lose and still meet 27 (25 in February): 43 in 2015.
    MOST = {1: 4, 2: 3, 3: 4, 4: 3, 5: 4, 6: 3, 7: 4, 8: 4, 9: 3, 10: 4, 11: 3, 12: 4}

    @pytest.mark.parametrize(
        ("fewer", "days", "valid"),
        [({1: 3, 3: 3}, 324, True), ({1: 3}, 323, False), ({}, 322, False)],
    )
    def test_324_days_with_every_month_complete(self, fewer, days, valid):
        result = self.check(self.year(2015, self.MOST | fewer), 2015)
        assert result.days == days and result.short_months == ()
        assert result.valid is valid
        if not valid:
            assert f"全年 {days} 天 < 324" in result.describe()

    def test_partial_period_checks_whole_months_only(self):
        valid = np.ones(45, dtype=bool)  # 2016-01-01 … 2016-02-14
        valid[:5] = False
        result = period_validity(valid, dt.date(2016, 1, 1), dt.date(2016, 2, 14))
        assert result.required_days is None
        assert result.short_months == ((2016, 1, 26, 27),)
        assert "2016-01 26 天 < 27" in result.describe()


def synthetic(year: int, values: dict[Indicator, np.ndarray], unit: str = "城") -> DailyValues:
    return DailyValues(
        level="city",
        units=(unit,),
        members=(("S1", "S2"),),
        first_day=dt.date(year, 1, 1),
        values={k: np.asarray(v, dtype=np.int32)[None, :] for k, v in values.items()},
    )


def clean_year(year: int = 2016, levels: dict[Indicator, int] | None = None) -> DailyValues:
    n = days_of(year)
    base = {
        Indicator.SO2_24H: 10,
        Indicator.NO2_24H: 30,
        Indicator.CO_24H: 8,
        Indicator.O3_1H: 120,
        Indicator.O3_8H: 100,
        Indicator.PM10_24H: 60,
        Indicator.PM25_24H: 30,
    }
    base |= levels or {}
    return synthetic(year, {k: np.full(n, v) for k, v in base.items()})


class TestEvaluation:
    def test_a_clean_year_meets_everything(self):
        result = evaluate_year(daily_aqi(clean_year()), 2016)
        assert result.meets_all
        assert result.figures["PM2.5_mean"].value == Decimal(30)
        assert result.figures["CO_p95"].value == Decimal("0.8")
        assert result.good_days.good == 366 and result.good_days.ratio == Decimal("100.0")
        assert result.provenance.standards == ("HJ 663—2013", "GB 3095—2012 二级", "HJ 633—2012")
        assert result.provenance.days == 366

    def test_figures_limits_and_exceedance(self):
        daily = clean_year()
        pm = np.full(366, 30)
        pm[:100] = 90  # 100 days over 75
        daily.values[Indicator.PM25_24H][0] = pm
        result = evaluate_year(daily_aqi(daily), 2016)
        mean_figure = result.figures["PM2.5_mean"]
        assert mean_figure.value == Decimal(46)  # (100·90 + 266·30)/366 = 46.39
        assert mean_figure.meets is False and mean_figure.exceedance == Decimal("0.31")
        assert result.figures["PM2.5_p95"].value == Decimal(90)
        assert result.pollutants[Pollutant.PM25].days_over == 100
        assert result.pollutants[Pollutant.PM25].daily_rate == Decimal("72.7")  # 266/366
        assert result.good_days.good == 266 and result.good_days.ratio == Decimal("72.7")
        assert result.good_days.primary_days == {Indicator.PM25_24H: 100, Indicator.PM10_24H: 266}
        assert not result.meets_all

    def test_invalid_figure_is_reported_and_counts_as_not_meeting(self):
        daily = clean_year()
        daily.values[Indicator.NO2_24H][0, 31:36] = MISSING  # 24 days in February
        result = evaluate_year(daily_aqi(daily), 2016)
        figure = result.figures["NO2_mean"]
        assert figure.value == Decimal(30) and not figure.validity.valid
        assert "2016-02 24 天 < 25" in figure.validity.describe()
        assert result.pollutants[Pollutant.NO2].meets is None
        assert result.meets_all is False

    def test_period_straddling_the_switch_is_noted(self):
        daily = clean_year(2026, {Indicator.PM25_24H: 70})
        result = evaluate_period(daily_aqi(daily), dt.date(2026, 1, 1), dt.date(2026, 12, 31))
        assert "HJ 633—2012" in result.provenance.standards and "HJ 633—2026" in result.provenance.standards
        assert any("2026-03-01" in n for n in result.provenance.notes)
        # 70 µg/m³ is 良 under 2012 (Jan–Feb: 59 days) and 轻度污染 under 2026
        assert result.good_days.good == 59
        assert result.limits.standard is LimitStandard.GB3095_2026

    def test_no_data_in_period(self):
        from luoshi.errors import MonitoringDataError

        with pytest.raises(MonitoringDataError, match="没有监测数据"):
            evaluate_year(daily_aqi(clean_year()), 2019)

    def test_indicator_values_carry_provenance(self):
        figures = indicator_values(evaluate_year(daily_aqi(clean_year()), 2016))
        pm = figures["pm25_mean"]
        assert pm.value == Decimal(30) and pm.unit == "微克/立方米" and pm.valid
        assert pm.source.sites == ("S1", "S2") and pm.source.days == 366
        assert "HJ 663—2013" in pm.source.describe()
        assert figures["good_days_ratio"].value == Decimal("100.0")
        assert figures["composite_index"].valid


class TestCompositeIndex:
    def test_published_ranking_example(self):
        # 21/35 + 39/70 + 9/60 + 15/40 + 192/160 + 0.7/4 = 3.06
        means = {
            Pollutant.PM25: Decimal(21),
            Pollutant.PM10: Decimal(39),
            Pollutant.SO2: Decimal(9),
            Pollutant.NO2: Decimal(15),
        }
        pcts = {Pollutant.O3: Decimal(192), Pollutant.CO: Decimal("0.7")}
        index = composite_index(means, pcts, limits())
        assert index.value == Decimal("3.06")
        assert index.parts[Pollutant.O3] == Decimal("1.20") and index.maximum == Decimal("1.20")

    def test_hj663_takes_the_larger_ratio(self):
        means = {
            Pollutant.PM25: Decimal(21),
            Pollutant.PM10: Decimal(39),
            Pollutant.SO2: Decimal(9),
            Pollutant.NO2: Decimal(15),
        }
        pcts = {
            Pollutant.PM25: Decimal(90),
            Pollutant.PM10: Decimal(100),
            Pollutant.SO2: Decimal(20),
            Pollutant.NO2: Decimal(50),
            Pollutant.O3: Decimal(192),
            Pollutant.CO: Decimal("0.7"),
        }
        index = composite_index(means, pcts, limits(), "hj663")
        assert index.parts[Pollutant.PM25] == Decimal("1.20")  # 90/75 > 21/35
        assert index.parts[Pollutant.NO2] == Decimal("0.62")  # 50/80 = 0.625 → 0.62
        assert index.value == Decimal("4.02")  # 0.15 + 0.625 + 0.667 + 1.2 + 1.2 + 0.175

    def test_missing_figure_leaves_no_sum(self):
        assert composite_index({}, {}, limits()).value is None
