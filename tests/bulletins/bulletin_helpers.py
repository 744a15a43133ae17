"""Helpers of the bulletin and export tests: a synthetic BulletinData graded by the real
status engine, and tools that must exist in CI (LibreOffice, poppler)."""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from luoshi.bulletins import BulletinData, BulletinRow, LatestValue
from luoshi.tracking import Observation, TrackedTarget, reporting_rates, statuses

AS_OF = date(2023, 7, 31)
UNITS = ("人社局", "发改委", "生态环境局", "民政局", "住建局", "教育局", "交通运输局", "卫生健康委")
#: June's year-to-date share of the target per position in a cycle, and whether it is reported:
#: 已完成, 超序时, 符合序时, 滞后, 严重滞后, 未报送 (nothing for June).
_SHAPES = ((1.05, True), (0.62, True), (0.47, True), (0.36, True), (0.12, True), (0.30, False))


def require(tool: str) -> str:
    """The program ``tool``; skips the test where it is missing, but fails it in CI (CI set)."""
    found = shutil.which(tool)
    if found is None:
        reason = f"{tool} is not installed"
        if os.environ.get("CI"):
            pytest.fail(f"{reason}; CI installs it (.ci/run)")
        pytest.skip(reason)
    return found


def require_soffice() -> str:
    from luoshi.bulletins.formats.pdf import soffice

    found = soffice()
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) is not installed; CI installs it (.ci/run)")
        pytest.skip("LibreOffice (soffice) is not installed")
    return found


def pdf_pages(pdf: Path) -> list[tuple[float, float]]:
    """Each page's (width, height) in points, from pdfinfo."""
    require("pdfinfo")
    out = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "9999", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    sizes = []
    for line in out.splitlines():
        if line.startswith("Page") and "size:" in line:
            parts = line.split("size:")[1].split()
            sizes.append((float(parts[0]), float(parts[2])))
    return sizes


def pdf_text(pdf: Path, page: int | None = None) -> str:
    require("pdftotext")
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return subprocess.run(
        ["pdftotext", "-layout", *pages, str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def _latest(last: Observation, unit: str, index: int) -> LatestValue:
    note = f"{unit}说明{index + 1}。"
    return LatestValue(
        last.value, "人", str(last.period), note=note, reported_by="张三", reported_at=last.reported_at
    )


def synthetic_data(count: int = 30, *, year: int = 2023, as_of: date = AS_OF) -> BulletinData:
    """``count`` job targets cycling through the six shapes, over the eight units, graded by
    the status engine at ``as_of`` (monthly reports due on the 25th)."""
    targets, observations, leads, rows_in = [], [], {}, []
    for index in range(count):
        ref = f"T{index + 1}"
        share, reported = _SHAPES[index % len(_SHAPES)]
        unit = UNITS[index % len(UNITS)]
        value = Decimal(1000 * (index % 7 + 1))
        targets.append(TrackedTarget(ref, kind="flow", comparator=">=", value=value, unit="人", year=year))
        leads[ref] = unit
        for month in range(1, 7 if reported else 6):
            amount = (value * Decimal(str(share)) * month / 6).quantize(Decimal(1))
            observations.append(
                Observation(
                    ref, f"{year}-{month:02d}", amount, datetime(year, month + 1, 20), id=f"{ref}-{month}"
                )
            )
        rows_in.append((ref, index, unit))
    graded = statuses(targets, observations, as_of)
    units = reporting_rates(targets, leads, observations, as_of)
    latest = {o.target_id: o for o in observations}
    rows = []
    for status, (ref, index, unit) in zip(graded, rows_in, strict=True):
        last = latest.get(ref)
        rows.append(
            BulletinRow(
                id=ref,
                number=index + 1,
                section=f"第{index // 10 + 1}部分",
                indicator=f"指标{index + 1}",
                text=f"新增就业{index + 1}号目标{status.target}人以上",
                unit="人",
                lead_unit=unit,
                co_units=("财政局",),
                status=status,
                latest=None if last is None else _latest(last, unit, index),
            )
        )
    return BulletinData(
        plan_id=1,
        plan_name=f"样例市{year}年政府工作报告",
        place="样例市",
        level="city",
        year=year,
        as_of=as_of,
        period=f"{year}-06",
        period_end=date(year, 6, 30),
        rows=tuple(rows),
        units=tuple(units.values()),
    )
