"""The whole plan workflow through the command line, on SQLite and on PostgreSQL.

create → export-assignments → fill the 分解表 (openpyxl, as an office would in Excel) →
import-assignments → template → fill the 报送表 → import → status, then the statuses.
"""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

from openpyxl import load_workbook
from typer.testing import CliRunner

from luoshi.cli import app

EXAMPLE = Path(__file__).resolve().parents[1] / "luoshi" / "examples" / "seed_2023_shaoxing_excerpt.txt"
runner = CliRunner()


def run(database_url: str, *args: object, code: int = 0):  # noqa: ANN201
    result = runner.invoke(app, [*(str(a) for a in args), "--db", database_url])
    assert result.exit_code == code, result.output + result.stderr
    assert "Traceback" not in result.stderr
    return result


def fill(path: Path, cells: dict[str, dict[str, object]]) -> Path:
    """Fill cells by their column header in the row of each 系统编号, and save over the file."""
    book = load_workbook(path)
    sheet = book.active
    columns: dict[str, int] = {}
    for row in sheet.iter_rows():
        names = [cell.value for cell in row]
        if not columns:
            if "系统编号" in names:
                columns = {name: i for i, name in enumerate(names) if name}
            continue
        for header, value in cells.get(row[columns["系统编号"]].value, {}).items():
            row[columns[header]].value = value
    book.save(path)
    return path


def test_create_assign_report_and_grade(database_url, tmp_path) -> None:
    created = run(
        database_url, "plan", "create", EXAMPLE, "--place", "绍兴市", "--year", "2023", "--by", "督查室"
    )
    assert "已建立计划 1" in created.stdout
    again = run(database_url, "plan", "create", EXAMPLE, "--place", "绍兴市", "--year", "2023")
    assert "未做任何更改" in again.stdout

    sheet = tmp_path / "分解表.xlsx"
    run(database_url, "plan", "export-assignments", "1", "-o", sheet)
    leads = {
        "T4": "生态环境局",
        "T5": "生态环境局",
        "T7": "人社局",
        "T8": "人社局",
        "T9": "人社局",
        "T10": "人社局",
    }
    fill(
        sheet,
        {
            item: {"牵头单位": unit, "责任单位": "财政局", "责任领导": "王副市长", "完成时限": "2023年12月底"}
            for item, unit in leads.items()
        },
    )
    imported = run(database_url, "plan", "import-assignments", "绍兴市2023年政府工作报告", sheet)
    assert "新增 6" in imported.stdout

    jobs = tmp_path / "人社局.xlsx"
    run(database_url, "progress", "template", "1", "--unit", "人社局", "--period", "2023-06", "-o", jobs)
    fill(
        jobs,
        {"T7": {"本期值": 52000}, "T8": {"本期值": "6000"}, "T9": {"本期值": 1500}, "T10": {"本期值": 3000}},
    )
    reported = run(
        database_url, "progress", "import", "1", jobs, "--by", "张三", "--reported-at", "2023-07-20"
    )
    assert "新报 4" in reported.stdout

    air = tmp_path / "生态环境局.xlsx"
    run(database_url, "progress", "template", "1", "--unit", "生态环境局", "--period", "2023-06", "-o", air)
    fill(air, {"T4": {"本期值": 31}, "T5": {"本期值": 92}})
    run(database_url, "progress", "import", "1", air, "--by", "李四", "--reported-at", "2023-07-24")
    run(
        database_url,
        "progress",
        "add",
        "T7",
        "53000",
        "--period",
        "2023-06",
        "--note",
        "更正",
        "--reported-at",
        "2023-07-25",
    )

    table = run(database_url, "status", "1", "--as-of", "2023-07-31")
    assert "进度评价" in table.stdout and "滞后" in table.stdout and "人社局" in table.stdout

    document = json.loads(
        run(database_url, "status", "1", "--as-of", "2023-07-31", "--format", "json").stdout
    )
    grades = {row["id"]: row["grade"] for row in document["targets"]}
    assert grades["T7"] == "滞后"  # 53000 (corrected) of 140000 against 序时 50%
    assert grades["T8"] == "超序时"  # 60%
    assert grades["T9"] == "超序时"  # 68%
    assert grades["T10"] == "符合序时"  # 45%, within 10 points
    assert grades["T4"] in ("滞后", "严重滞后")  # PM2.5 31 against a ceiling of 28
    assert grades["T1"] == "未报送"
    jobs_row = next(row for row in document["targets"] if row["id"] == "T7")
    assert jobs_row["actual"] == "53000" and jobs_row["lead_unit"] == "人社局"
    units = {unit["unit"]: unit for unit in document["units"]}
    assert units["人社局"]["on_time"] == 4 and units["生态环境局"]["on_time"] == 2

    csv = run(
        database_url, "status", "1", "--as-of", "2023-07-31", "--format", "csv", "--unit", "人社局"
    ).stdout
    assert csv.splitlines()[0].startswith("id,seq,indicator")
    assert len(csv.splitlines()) == 5

    listing = run(database_url, "plan", "list", "--json").stdout
    assert json.loads(listing)[0]["observations"] == 7


def test_bad_input_is_one_message_and_a_non_zero_exit(database_url, tmp_path) -> None:
    run(database_url, "plan", "create", EXAMPLE, "--year", "2023")
    not_xlsx = tmp_path / "报送表.xlsx"
    not_xlsx.write_text("not a workbook", encoding="utf-8")
    cases = [
        (("status", "9"), "没有这个计划"),
        (
            (
                "progress",
                "template",
                "1",
                "--unit",
                "人社局",
                "--period",
                "2023-06",
                "-o",
                tmp_path / "x.xlsx",
            ),
            "没有这个单位",
        ),
        (("progress", "add", "T7", "1", "--period", "2023-13"), "2023-13"),
        (("progress", "add", "T7", "abc", "--period", "2023-06"), "不是数值"),
        (("progress", "import", "1", not_xlsx), "错误 error"),
        (("plan", "create", tmp_path / "none.txt"), "文件不存在"),
    ]
    for args, words in cases:
        result = run(database_url, *args, code=1)
        assert "错误 error:" in result.stderr and words in result.stderr, (args, result.stderr)


ROOT = Path(__file__).resolve().parents[1]
#: What the office and the unit write into the sheets the README's commands make.
README_FILLS = {
    "分解表.xlsx": {
        item: {
            "牵头单位": unit,
            "责任单位": "财政局、发改委",
            "责任领导": "王副市长",
            "完成时限": "2023年12月底",
        }
        for item, unit in {
            "T4": "生态环境局",
            "T7": "人社局",
            "T8": "人社局",
            "T9": "人社局",
            "T10": "人社局",
        }.items()
    },
    "人社局-2023-06.xlsx": {
        "T7": {"本期值": 52000},
        "T8": {"本期值": 6000},
        "T9": {"本期值": 1500},
        "T10": {"本期值": 3000},
    },
}


def _readme_workflow() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Tracking a plan", 1)[1]
    block = re.search(r"```sh\n(.*?)```", section, flags=re.S)
    assert block is not None
    return [line for line in block[1].splitlines() if line and not line.startswith("#")]


def test_the_readme_workflow_runs(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    outputs = []
    for line in _readme_workflow():
        words = shlex.split(line)
        if words[0] == "export":
            name, value = words[1].split("=", 1)
            monkeypatch.setenv(name, value)
            continue
        assert words[0] == "luoshi", line
        args = [str(ROOT / word) if (ROOT / word).is_file() else word for word in words[1:]]
        result = runner.invoke(app, args)
        assert result.exit_code == 0, f"$ {line}\n{result.output}{result.stderr}"
        outputs.append(result.stdout)
        written = args[args.index("-o") + 1] if "-o" in args else None
        if written in README_FILLS:
            fill(tmp_path / written, README_FILLS[written])
    assert (tmp_path / "luoshi.db").is_file()
    assert "滞后" in outputs[-2] and "按时报送率" in outputs[-2]
    assert (tmp_path / "status.csv").read_text(encoding="utf-8-sig").startswith("id,seq,indicator")
