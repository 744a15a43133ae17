"""Fixtures of the plan workflow tests: the bundled example adopted as a plan, its 分解表
filled the way an office fills it (openpyxl, cells by header), and 报送表 filled likewise."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

EXAMPLE = Path(__file__).resolve().parents[2] / "luoshi" / "examples" / "seed_2023_shaoxing_excerpt.txt"
#: Who leads which target of the example: T7–T10 jobs, T4–T6 environment, T11 social assistance.
LEADS = {
    "T4": "生态环境局",
    "T5": "生态环境局",
    "T6": "生态环境局",
    "T7": "人社局",
    "T8": "人社局",
    "T9": "人社局",
    "T10": "人社局",
    "T11": "民政局",
}
JUNE = datetime(2023, 7, 20, 10, 0)


def fill(path: Path, out: Path, rows: Mapping[str, Mapping[str, object]], header: str = "系统编号") -> Path:
    """Write ``rows`` ({item id: {column header: value}}) into a sheet, as Excel would."""
    book = load_workbook(path)
    sheet = book.active
    columns: dict[str, int] = {}
    for row in sheet.iter_rows():
        if not columns:
            names = [cell.value for cell in row]
            if header in names:
                columns = {name: index for index, name in enumerate(names) if name}
            continue
        item = row[columns[header]].value
        for column, value in rows.get(item, {}).items():
            row[columns[column]].value = value
    assert columns, f"no header row with {header} in {path}"
    book.save(out)
    return out


def assignment_cells(leads: Mapping[str, str] = LEADS) -> dict[str, dict[str, object]]:
    """The 分解表 cells an office fills for ``leads``: lead unit, co-units, leader, due date."""
    return {
        item: {
            "牵头单位": unit,
            "责任单位": "财政局、发改委",
            "责任领导": "王副市长",
            "完成时限": "2023年12月底",
        }
        for item, unit in leads.items()
    }


@pytest.fixture
def example() -> Path:
    return EXAMPLE


@pytest.fixture
def plan(store):  # noqa: ANN001, ANN201
    """The example adopted as plan 2023 of 绍兴市."""
    from luoshi.planning import create_plan

    return create_plan(store, EXAMPLE, place="绍兴市", year=2023, actor="督查室").plan


@pytest.fixture
def assigned(store, plan, tmp_path):  # noqa: ANN001, ANN201
    """The plan with its 分解表 filled (``LEADS``) and imported."""
    from luoshi.planning import export_assignments, import_assignments

    export_assignments(store, plan.id, tmp_path / "分解表.xlsx")
    fill(tmp_path / "分解表.xlsx", tmp_path / "分解表-填.xlsx", assignment_cells())
    import_assignments(store, plan.id, tmp_path / "分解表-填.xlsx", actor="督查室")
    return plan


@pytest.fixture
def submission(store, assigned, tmp_path) -> Callable[..., Path]:  # noqa: ANN001
    """Make a filled 报送表: ``submission(unit, period, {item: 本期值}, extra={item: {column: value}})``."""
    from luoshi.planning import progress_template

    def make(
        unit: str,
        period: str,
        values: Mapping[str, object],
        extra: Mapping[str, Mapping[str, object]] | None = None,
    ) -> Path:
        blank = tmp_path / f"{unit}-{period}.xlsx"
        progress_template(store, assigned.id, unit, period, blank)
        rows: dict[str, dict[str, object]] = {item: {"本期值": value} for item, value in values.items()}
        for item, cells in (extra or {}).items():
            rows.setdefault(item, {}).update(cells)
        return fill(blank, tmp_path / f"{unit}-{period}-填.xlsx", rows)

    return make
