"""Readers of hourly air monitoring files (空气质量小时数据): each format in its own module.

:func:`read_air` finds each file's format from its header, reads it into
:class:`~luoshi.environment.air.hourly.HourlyRecords` and assembles all the files into one
:class:`~luoshi.environment.air.hourly.HourlyData` grid.

| format | module | header |
|---|---|---|
| ``long`` | :mod:`.long` | site, time (or date, hour), pollutant, value [, unit, city] |
| ``beijing`` | :mod:`.beijing` | No, year, month, day, hour, PM2.5 … O3, …, station |
| ``archive`` | :mod:`.archive` | date, hour, type, <site columns> |
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from luoshi.environment.air.hourly import HourlyData, HourlyRecords, assemble
from luoshi.environment.air.reading.archive import read_archive
from luoshi.environment.air.reading.beijing import read_beijing
from luoshi.environment.air.reading.long import CITY, POLLUTANT, SITE, VALUE, read_long
from luoshi.environment.air.reading.table import find_column, header, read_csv
from luoshi.errors import MonitoringDataError

__all__ = ["FORMATS", "read_air", "read_records", "read_site_cities", "sniff"]

FORMATS: dict[str, Callable[..., HourlyRecords]] = {
    "long": read_long,
    "beijing": read_beijing,
    "archive": read_archive,
}


def sniff(path: Path) -> str:
    """The format of a file, from its header row."""
    columns = {c.lower() for c in header(path)}
    if {"date", "hour", "type"} <= columns:
        return "archive"
    if {"year", "month", "day", "hour", "station"} <= columns:
        return "beijing"
    if all(columns & set(names) for names in (SITE, POLLUTANT, VALUE)):
        return "long"
    raise MonitoringDataError(
        "无法识别的空气质量数据格式 unrecognised air data format",
        hint="需要列 expected columns: site,time,pollutant,value | date,hour,type,<点位> | "
        "year,month,day,hour,PM2.5,…,station; 现有列 found: " + ", ".join(sorted(columns)[:20]),
        path=str(path),
    )


def read_records(path: Path | str, *, format: str | None = None, hour_label: str = "end") -> HourlyRecords:
    """One file's hourly records (format sniffed unless given)."""
    path = Path(path)
    kind = format or sniff(path)
    if kind not in FORMATS:
        raise MonitoringDataError(f"未知格式 unknown format {kind!r}", hint="可选 " + ", ".join(FORMATS))
    return FORMATS[kind](path, hour_label=hour_label)


def read_air(
    paths: Iterable[Path | str],
    *,
    format: str | None = None,
    cities: Mapping[str, str] | str | None = None,
    hour_label: str = "end",
    on_file: Callable[[Path], None] | None = None,
) -> HourlyData:
    """Read and assemble hourly air data from files of any supported format.

    ``cities`` maps sites to cities (or names one city for all); ``on_file`` is called after
    each file, for a progress display.
    """
    records = []
    for path in paths:
        records.append(read_records(path, format=format, hour_label=hour_label))
        if on_file is not None:
            on_file(Path(path))
    return assemble(records, cities=cities)


def read_site_cities(path: Path | str) -> dict[str, str]:
    """A site-to-city table (点位所属城市): a CSV with a ``site`` (点位) and a ``city`` (城市)
    column."""
    path = Path(path)
    frame = read_csv(path, dtype=str)
    site = frame[find_column(frame, SITE, "site", path)].fillna("").str.strip()
    city = frame[find_column(frame, CITY, "city", path)].fillna("").str.strip()
    return dict(zip(site, city, strict=True))
