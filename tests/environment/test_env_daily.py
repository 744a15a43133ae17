"""Daily values from hourly data: GB 3095 validity, HJ 663 hour labels, city means, daily AQI."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from luoshi.environment.air import HourlyData, Indicator, Pollutant, city_daily, daily_aqi, site_daily
from luoshi.environment.air.daily import min_valid_sites
from luoshi.environment.air.hourly import HourlyRecords, assemble
from luoshi.environment.rounding import MISSING

DAY = dt.date(2016, 1, 1)


def one_site(pollutant: str, hours: list[float], *, days: int = 1) -> HourlyData:
    values = np.full((1, 24 * days), np.nan)
    values[0, : len(hours)] = hours
    return HourlyData.from_arrays(["A"], DAY, {pollutant: values})


class TestDailyMeans:
    @pytest.mark.parametrize(("gaps", "valid"), [(4, True), (5, False), (0, True), (24, False)])
    def test_twenty_hours_needed(self, gaps, valid):
        hours = [50.0] * 24
        for h in range(gaps):
            hours[h] = np.nan
        got = site_daily(one_site("PM2.5", hours)).values[Indicator.PM25_24H][0, 0]
        assert (got == 50) if valid else (got == MISSING)

    def test_mean_of_rounded_hours_rounded_half_even(self):
        # hours 10.5 → 10 (even), 11.5 → 12; twenty hours of 10 and 11: mean 10.5 → 10
        hours = [10.0] * 10 + [11.0] * 10 + [np.nan] * 4
        assert site_daily(one_site("PM10", hours)).values[Indicator.PM10_24H][0, 0] == 10
        hours = [11.0] * 10 + [12.0] * 10 + [np.nan] * 4  # 11.5 → 12
        assert site_daily(one_site("PM10", hours)).values[Indicator.PM10_24H][0, 0] == 12
        hours = [10.5] * 24  # each hour rounds to 10 first
        assert site_daily(one_site("PM10", hours)).values[Indicator.PM10_24H][0, 0] == 10

    def test_co_keeps_one_decimal(self):
        hours = [0.45] * 12 + [0.55] * 12  # → 0.4 and 0.6 → mean 0.5
        assert site_daily(one_site("CO", hours)).values[Indicator.CO_24H][0, 0] == 5


def ozone_day(missing_tail: int, level: float) -> HourlyData:
    hours = [level] * (24 - missing_tail) + [np.nan] * missing_tail
    return one_site("O3", hours)


class TestOzone:
    """A run of m missing hours at the end of the day leaves 19 − m valid 8-hour windows (m ≥ 3)."""

    @pytest.mark.parametrize(("missing", "windows_valid"), [(5, True), (6, False), (0, True), (3, True)])
    def test_fourteen_windows_needed(self, missing, windows_valid):
        got = site_daily(ozone_day(missing, 100.0)).values[Indicator.O3_8H][0, 0]
        assert got == (100 if windows_valid else MISSING)

    def test_fewer_windows_still_valid_when_over_the_limit(self):
        assert site_daily(ozone_day(6, 170.0)).values[Indicator.O3_8H][0, 0] == 170
        assert site_daily(ozone_day(6, 160.0)).values[Indicator.O3_8H][0, 0] == MISSING

    def test_window_needs_six_hours(self):
        # hours 0..15 present (low), 16..23: only 6 present → the 24:00 window is valid
        hours = [50.0] * 16 + [np.nan, np.nan] + [150.0] * 6
        assert site_daily(one_site("O3", hours)).values[Indicator.O3_8H][0, 0] == 150
        hours = [50.0] * 16 + [np.nan] * 3 + [150.0] * 5
        assert site_daily(one_site("O3", hours)).values[Indicator.O3_8H][0, 0] < 150

    def test_mda8_uses_windows_ending_8_to_24(self):
        # a peak in the first seven hours only reaches windows labelled 8:00 … 14:00
        hours = [300.0] * 2 + [20.0] * 22
        got = site_daily(one_site("O3", hours)).values[Indicator.O3_8H][0, 0]
        assert got == 20 + round((2 * 280) / 8)  # the 8:00 window: hours 1:00 … 8:00

    def test_daily_max_1h_needs_twenty_hours_or_an_exceedance(self):
        assert site_daily(ozone_day(4, 90.0)).values[Indicator.O3_1H][0, 0] == 90
        assert site_daily(ozone_day(5, 90.0)).values[Indicator.O3_1H][0, 0] == MISSING
        assert site_daily(ozone_day(5, 210.0)).values[Indicator.O3_1H][0, 0] == 210


class TestHourLabels:
    def records(self, stamps: list[str], values: list[float]) -> HourlyRecords:
        n = len(stamps)
        return HourlyRecords(
            site=np.array(["A"] * n, dtype=object),
            label=np.array(stamps, dtype="datetime64[h]"),
            pollutant=np.array(["PM2.5"] * n, dtype=object),
            value=np.array(values),
        )

    def test_midnight_belongs_to_the_day_before(self):
        stamps = [f"2016-01-01T{h:02d}" for h in range(1, 24)] + ["2016-01-02T00"]
        hourly = assemble([self.records(stamps, [10.0] * 23 + [250.0])])
        assert hourly.first_day == DAY and hourly.n_days == 1
        assert site_daily(hourly).values[Indicator.PM25_24H][0, 0] == round((23 * 10 + 250) / 24)

    def test_a_day_labelled_from_0_to_23_spans_two_days(self):
        stamps = [f"2016-01-01T{h:02d}" for h in range(24)]
        hourly = assemble([self.records(stamps, [10.0] * 24)])
        assert hourly.first_day == dt.date(2015, 12, 31) and hourly.n_days == 2
        assert site_daily(hourly).values[Indicator.PM25_24H].tolist() == [[MISSING, 10]]


@pytest.mark.parametrize(
    ("sites", "needed"), [(1, 1), (2, 1), (3, 2), (4, 3), (5, 4), (8, 6), (12, 9), (2000, 1500)]
)
def test_min_valid_sites(sites, needed):
    assert int(min_valid_sites(sites)) == needed


class TestCity:
    def city(self, per_site: list[float], cities: list[str] | None = None) -> HourlyData:
        values = np.array([[v] * 24 for v in per_site])
        names = [f"S{n}" for n in range(len(per_site))]
        return HourlyData.from_arrays(names, DAY, {"PM2.5": values, "O3": values}, cities=cities or "C")

    def test_mean_of_sites_rounded(self):
        daily = city_daily(self.city([10, 11, 11, 11]))
        assert daily.values[Indicator.PM25_24H].tolist() == [[11]]  # 10.75
        assert daily.values[Indicator.O3_8H].tolist() == [[11]]  # mean of site MDA8
        assert daily.site_counts[Indicator.PM25_24H].tolist() == [[4]]

    @pytest.mark.parametrize(
        ("values", "valid"),
        [
            ([10, 10, 10, np.nan], True),  # 3 of 4 = 75 %
            ([10, 10, np.nan, np.nan], False),  # 2 of 4
            ([10, 10, np.nan], True),  # 2 of 3 ≥ 50 %
            ([10, np.nan, np.nan], False),  # 1 of 3
        ],
    )
    def test_seventy_five_percent_of_sites(self, values, valid):
        got = city_daily(self.city(values)).values[Indicator.PM25_24H][0, 0]
        assert (got == 10) if valid else (got == MISSING)

    def test_several_cities(self):
        daily = city_daily(self.city([10, 20, 30, 40], ["B", "A", "B", "A"]))
        assert daily.units == ("A", "B")
        assert daily.members == (("S1", "S3"), ("S0", "S2"))
        assert daily.values[Indicator.PM25_24H].tolist() == [[30], [20]]


class TestDailyAqi:
    def test_version_switch_day_by_day(self):
        first = dt.date(2026, 2, 27)
        values = np.full((1, 24 * 4), 75.0)
        hourly = HourlyData.from_arrays(["A"], first, {"PM2.5": values})
        result = daily_aqi(site_daily(hourly))
        assert result.aqi.tolist() == [[100, 100, 114, 114]]
        assert result.standards.tolist() == [0, 0, 1, 1]
        forced = daily_aqi(site_daily(hourly), standard=result.standard_of(0))
        assert forced.aqi.tolist() == [[100, 100, 100, 100]]

    def test_o3_1h_counts_only_under_2012(self):
        first = dt.date(2026, 2, 28)
        ozone = np.full((1, 48), 20.0)
        ozone[0, [10, 34]] = 250.0  # one high hour each day: 1-hour IAQI 125, MDA8 low
        hourly = HourlyData.from_arrays(["A"], first, {"O3": ozone})
        result = daily_aqi(site_daily(hourly))
        assert result.aqi[0].tolist()[0] == 125
        assert result.aqi[0, 1] == 25  # 2026: MDA8 (250 + 7·20)/8 → 49 → IAQI 25; the 1-hour value is out
        assert result.primary_of(int(result.primary[0, 0])) == (Indicator.O3_1H,)

    def test_primary_bits_and_categories(self):
        values = {p: np.full((1, 24), v) for p, v in (("PM2.5", 75.0), ("PM10", 150.0), ("SO2", 5.0))}
        result = daily_aqi(site_daily(HourlyData.from_arrays(["A"], DAY, values)))
        assert result.aqi.tolist() == [[100]]
        assert set(result.primary_of(int(result.primary[0, 0]))) == {Indicator.PM25_24H, Indicator.PM10_24H}
        assert result.category.tolist() == [[2]]

    def test_missing_pollutant_and_low_aqi_is_not_reported(self):
        values = {"PM2.5": np.full((1, 24), 20.0), "PM10": np.full((1, 24), np.nan)}
        result = daily_aqi(site_daily(HourlyData.from_arrays(["A"], DAY, values)))
        assert result.aqi.tolist() == [[MISSING]]


def test_negative_values_are_gaps():
    hourly = HourlyData.from_arrays(["A"], DAY, {Pollutant.SO2: np.array([[-5.0] * 5 + [8.0] * 19])})
    assert site_daily(hourly).values[Indicator.SO2_24H].tolist() == [[MISSING]]
