"""Benchmark (基准): a national year of hourly air data through daily AQI and the annual evaluation.

    python benchmarks/bench_air.py [--sites 2000] [--year 2016] [--sample 20000]

Generates a year of hourly values for 2,000 sites in ~340 cities (about 17.5 million
site-hours, six pollutants, with gaps and whole-day outages), then times, on one process:
GB/T 8170 rounding onto the hour grid, daily site values, daily city values, the daily AQI of
every site and city, and the HJ 663 annual evaluation of every city and site. Prints the time
of each step, the total, and the peak resident memory of the process (data generation
included).

In the same run it times python-aqi (``pip install python-aqi``; ``import aqi``, the "MEP"
algorithm) on a sample of the same daily values, IAQI by IAQI, and counts where it disagrees
with HJ 633—2012 (or raises). Our per-value cost is the vectorized IAQI of every daily value
(GB/T 8170 pre-rounding included).

Goal: < 60 s and < 4 GB on 2 cores; >= 100x python-aqi per value.
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import sys
import time
from decimal import Decimal

import numpy as np

from luoshi.environment.air import HourlyData, Indicator, Pollutant, daily_aqi
from luoshi.environment.air.annual import evaluate_units
from luoshi.environment.air.daily import city_daily, site_daily
from luoshi.environment.air.iaqi import iaqi_array, iaqi_scaled
from luoshi.environment.air.standards import AqiStandard

GOAL_SECONDS = 60
GOAL_GB = 4
GOAL_SPEEDUP = 100

#: (pollutant, typical level, daily spread, diurnal amplitude, decimals written)
_PROFILE = (
    (Pollutant.PM25, 45.0, 0.7, 0.15, 1),
    (Pollutant.PM10, 80.0, 0.6, 0.15, 1),
    (Pollutant.SO2, 12.0, 0.6, 0.2, 1),
    (Pollutant.NO2, 35.0, 0.4, 0.3, 1),
    (Pollutant.CO, 0.9, 0.4, 0.2, 3),
    (Pollutant.O3, 70.0, 0.4, 0.8, 1),
)


def _peak_gb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024**2


def generate(n_sites: int, year: int, seed: int = 2016) -> tuple[list[str], list[str], dict]:
    """Hourly floats (sites × hours) per pollutant: lognormal days, a diurnal cycle, 2 % gaps
    and 1 % whole-day outages; written with 1 decimal (CO 3, as mg/m³)."""
    rng = np.random.default_rng(seed)
    n_days = (dt.date(year + 1, 1, 1) - dt.date(year, 1, 1)).days
    hours = np.arange(24)
    sites = [f"{1001 + n}A" for n in range(n_sites)]
    cities = [f"城市{n % 337:03d}" for n in range(n_sites)]
    season = 1 + 0.4 * np.cos(2 * np.pi * np.arange(n_days) / n_days)
    arrays = {}
    for pollutant, level, spread, amplitude, decimals in _PROFILE:
        day = level * np.exp(rng.normal(0, spread, (n_sites, n_days)) - spread**2 / 2)
        day *= season if pollutant is not Pollutant.O3 else season[::-1]
        phase = 15 if pollutant is Pollutant.O3 else 8
        cycle = 1 + amplitude * np.cos(2 * np.pi * (hours - phase) / 24)
        values = (day[:, :, None] * cycle[None, None, :]).astype(np.float64)
        values *= np.exp(rng.normal(0, 0.1, values.shape))
        values = np.round(values, decimals)
        values[rng.random(values.shape) < 0.02] = np.nan
        values[rng.random((n_sites, n_days)) < 0.01] = np.nan
        arrays[pollutant] = values.reshape(n_sites, n_days * 24)
        del day, values
    return sites, cities, arrays


def time_python_aqi(sample: dict[Indicator, np.ndarray]) -> tuple[float, int, int, int, dict]:
    """python-aqi on every sample value: seconds, values, disagreements, crashes, by indicator."""
    import aqi  # python-aqi
    from aqi.constants import POLLUTANT_CO_24H, POLLUTANT_NO2_24H, POLLUTANT_SO2_24H

    names = {
        Indicator.PM25_24H: aqi.POLLUTANT_PM25,
        Indicator.PM10_24H: aqi.POLLUTANT_PM10,
        Indicator.SO2_24H: POLLUTANT_SO2_24H,
        Indicator.NO2_24H: POLLUTANT_NO2_24H,
        Indicator.CO_24H: POLLUTANT_CO_24H,
        Indicator.O3_8H: aqi.POLLUTANT_O3_8H,
    }
    texts = {
        ind: [str(Decimal(int(v)).scaleb(-ind.pollutant.places)) for v in values]
        for ind, values in sample.items()
    }
    results: dict[Indicator, list] = {}
    start = time.perf_counter()
    for indicator, cells in texts.items():
        out = []
        for cell in cells:
            try:
                out.append(int(aqi.to_iaqi(names[indicator], cell, algo=aqi.ALGO_MEP)))
            except Exception:  # python-aqi raises on values past its table (TypeError, IndexError)
                out.append(None)
        results[indicator] = out
    seconds = time.perf_counter() - start
    count = disagree = crashes = 0
    by_indicator = {}
    for indicator, values in sample.items():
        ours = iaqi_scaled(indicator, values, AqiStandard.HJ633_2012, fallback=np.full(len(values), 500))
        theirs = results[indicator]
        wrong = sum(1 for a, b in zip(ours.tolist(), theirs, strict=True) if b is None or a != b)
        crashed = sum(1 for b in theirs if b is None)
        by_indicator[indicator.short] = (len(values), wrong, crashed)
        count += len(values)
        disagree += wrong
        crashes += crashed
    return seconds, count, disagree, crashes, by_indicator


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sites", type=int, default=2000)
    parser.add_argument("--year", type=int, default=2016)
    parser.add_argument("--sample", type=int, default=20000, help="daily values per indicator for python-aqi")
    args = parser.parse_args(argv)

    t0 = time.perf_counter()
    sites, cities, arrays = generate(args.sites, args.year)
    n_hours = arrays[Pollutant.PM25].shape[1]
    print(f"generated {args.sites} sites × {n_hours} hours = {args.sites * n_hours:,} site-hours, "
          f"6 pollutants, {len(set(cities))} cities in {time.perf_counter() - t0:.1f} s")  # fmt: skip

    steps: list[tuple[str, float]] = []
    clock = time.perf_counter()

    def step(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        steps.append((name, now - clock))
        clock = now

    grids = {}
    for pollutant in list(arrays):
        one = HourlyData.from_arrays(sites, dt.date(args.year, 1, 1), {pollutant: arrays.pop(pollutant)})
        grids[pollutant] = one.values[pollutant]
    hourly = HourlyData(tuple(sites), tuple(cities), dt.date(args.year, 1, 1), grids)
    step("GB/T 8170 rounding onto the hour grid")
    sites_daily = site_daily(hourly)
    step("daily site values (24-h means, MDA8, O3 1-h max)")
    cities_daily = city_daily(hourly, sites_daily)
    step("daily city values (75 % site rule)")
    site_aqi, city_aqi = daily_aqi(sites_daily), daily_aqi(cities_daily)
    step("daily AQI of every site and city")
    city_years = evaluate_units(city_aqi, dt.date(args.year, 1, 1), dt.date(args.year, 12, 31))
    step(f"annual evaluation of {len(city_years)} cities")
    site_years = evaluate_units(site_aqi, dt.date(args.year, 1, 1), dt.date(args.year, 12, 31))
    step(f"annual evaluation of {len(site_years)} sites")
    total = sum(s for _, s in steps)
    for name, seconds in steps:
        print(f"  {seconds:7.2f} s  {name}")
    peak = _peak_gb()
    print(f"total {total:.1f} s (goal < {GOAL_SECONDS} s); peak memory {peak:.2f} GB (goal < {GOAL_GB} GB)")
    valid = int((city_aqi.aqi >= 0).sum())
    good = int(((city_aqi.aqi >= 0) & (city_aqi.aqi <= 100)).sum())
    print(f"city-days with an AQI: {valid:,}; good: {good / max(valid, 1):.1%}; "
          f"first city {city_years[0].unit}: PM2.5 {city_years[0].figures['PM2.5_mean'].value}, "
          f"优良天数比例 {city_years[0].good_days.ratio}%")  # fmt: skip

    # IAQI per value: ours, vectorized over every daily site value, pre-rounding included
    indicators = [i for i in Indicator if i in sites_daily.values and i is not Indicator.O3_1H]
    floats = {i: sites_daily.values[i].reshape(-1) / 10**i.pollutant.places for i in indicators}
    n_ours = sum(len(v) for v in floats.values())
    start = time.perf_counter()
    for indicator, values in floats.items():
        iaqi_array(indicator, values, AqiStandard.HJ633_2012)
    ours_per_value = (time.perf_counter() - start) / n_ours

    rng = np.random.default_rng(1)
    sample = {}
    for indicator in indicators:
        values = sites_daily.values[indicator].reshape(-1)
        values = values[values >= 0]
        sample[indicator] = rng.choice(values, size=min(args.sample, len(values)), replace=False)
    try:
        seconds, count, disagree, crashes, by_indicator = time_python_aqi(sample)
    except ImportError:
        print("python-aqi is not installed (pip install python-aqi): comparison skipped")
        return 0 if total < GOAL_SECONDS and peak < GOAL_GB else 1
    theirs_per_value = seconds / count
    speedup = theirs_per_value / ours_per_value
    print(f"IAQI per value: luoshi {ours_per_value * 1e9:.1f} ns over {n_ours:,} values; "
          f"python-aqi {theirs_per_value * 1e6:.1f} µs over {count:,} values; "
          f"{speedup:,.0f}x (goal >= {GOAL_SPEEDUP}x)")  # fmt: skip
    pipeline = total / (args.sites * n_hours * 6)
    print(
        f"whole pipeline per hourly value: {pipeline * 1e9:.0f} ns ({theirs_per_value / pipeline:,.0f}x python-aqi's IAQI alone)"
    )
    print(f"python-aqi disagrees with HJ 633—2012 on {disagree:,} of {count:,} daily values "
          f"({disagree / count:.1%}), raising on {crashes:,}:")  # fmt: skip
    for name, (n, wrong, crashed) in by_indicator.items():
        print(f"  {name:6s} {wrong:6,} of {n:,} ({wrong / n:.1%}), raised {crashed:,}")
    ok = total < GOAL_SECONDS and peak < GOAL_GB and speedup >= GOAL_SPEEDUP
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
