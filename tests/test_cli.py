"""The command line: every command, every output format, every bad input, and the docs of it."""

from __future__ import annotations

import csv
import glob
import importlib.util
import io
import json
import os
import random
import re
import resource
import shlex
import subprocess
import sys
import time
from importlib import resources
from pathlib import Path

import openpyxl
import pytest
from rich.console import Console
from typer.main import get_command
from typer.testing import CliRunner

from luoshi import cli
from luoshi.cli import DEMO_REPORT, Format, app
from luoshi.outputs import FORMATS
from luoshi.outputs.model import TARGET_FIELDS

ROOT = Path(__file__).resolve().parents[1]
SEED = resources.files("luoshi").joinpath("examples", f"{DEMO_REPORT}.txt").read_text(encoding="utf-8")

runner = CliRunner()


def run(*args: str | Path):
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture
def seed(tmp_path: Path) -> Path:
    """The bundled example report as a file."""
    path = tmp_path / "seed.txt"
    path.write_text(SEED, encoding="utf-8")
    return path


def _failed_cleanly(result, *words: str) -> None:
    assert result.exit_code == 1, result.output
    assert "错误 error:" in result.stderr
    assert "提示 hint:" in result.stderr
    assert "Traceback" not in result.output
    for word in words:
        assert word in result.stderr


# --- extract ---------------------------------------------------------------------------


def test_extract_prints_a_table(seed: Path) -> None:
    result = run("extract", seed)
    assert result.exit_code == 0, result.output
    for header in ("指标", "比较", "目标值", "单位", "约束", "年份", "原文", "位置"):
        assert header in result.stdout
    assert "任务 tasks" not in result.stdout


def test_extract_with_tasks_prints_both_tables(seed: Path) -> None:
    result = run("extract", seed, "--tasks")
    assert result.exit_code == 0, result.output
    assert "量化目标 targets" in result.stdout
    assert "任务 tasks" in result.stdout


def test_jsonl_output_dir_writes_one_file_per_input(seed: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_text(SEED[: len(SEED) // 2], encoding="utf-8")
    out = tmp_path / "out"
    result = run("extract", "--format", "jsonl", "--output-dir", out, seed, other)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["other.jsonl", "seed.jsonl"]
    rows = [json.loads(line) for line in (out / "seed.jsonl").read_text(encoding="utf-8").splitlines()]
    assert rows
    for row in rows:
        assert tuple(row) == TARGET_FIELDS
        assert SEED[row["start"] : row["end"]] == row["text"]


def test_jsonl_to_stdout(seed: Path) -> None:
    result = run("extract", "--format", "jsonl", seed)
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and all(tuple(row) == TARGET_FIELDS for row in rows)


def test_one_combined_file_and_the_format_from_its_suffix(seed: Path, tmp_path: Path) -> None:
    out = tmp_path / "all.csv"
    result = run("extract", "--output", out, seed, seed)
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert data.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert tuple(rows[0]) == TARGET_FIELDS
    assert len(rows) % 2 == 0 and rows[: len(rows) // 2] == rows[len(rows) // 2 :]


def test_xlsx_breakdown_sheet(seed: Path, tmp_path: Path) -> None:
    out = tmp_path / "分解表.xlsx"
    result = run("extract", "--format", "xlsx", "--output", out, "--tasks", seed)
    assert result.exit_code == 0, result.output
    sheet = openpyxl.load_workbook(out).active
    assert [c.value for c in sheet[2]][:3] == ["序号", "任务内容", "量化指标"]


def test_usage_errors_exit_2(seed: Path, tmp_path: Path) -> None:
    assert run("extract").exit_code == 2
    assert run("extract", "--format", "docx", seed).exit_code == 2
    both = run("extract", "--output", tmp_path / "a.jsonl", "--output-dir", tmp_path, seed)
    assert both.exit_code == 2
    assert "Traceback" not in both.output
    assert run("nonsense").exit_code == 2


def test_an_unknown_level_is_a_usage_error(seed: Path) -> None:
    result = run("extract", "--level", "town", seed)
    assert result.exit_code == 2
    assert run("extract", "--level", "city", "--year", "2023", "--place", "绍兴市", seed).exit_code == 0


def test_a_progress_bar_for_several_files_on_a_terminal(seed: Path, monkeypatch) -> None:
    screen = io.StringIO()
    monkeypatch.setattr(cli, "_stderr", Console(file=screen, force_terminal=True, width=100))
    result = run("extract", "--format", "jsonl", seed, seed.with_name("missing.txt"))
    assert result.exit_code == 1
    assert "抽取 extracting" in screen.getvalue()
    assert "missing.txt" in screen.getvalue()


def test_same_names_cannot_share_an_output_dir(seed: Path, tmp_path: Path) -> None:
    twin = tmp_path / "sub" / "seed.txt"
    twin.parent.mkdir()
    twin.write_text(SEED, encoding="utf-8")
    assert run("extract", "--output-dir", tmp_path / "out", seed, twin).exit_code == 2


# --- bad input ---------------------------------------------------------------------------


def _empty_pdf() -> bytes:
    """A minimal valid PDF: one empty A4 page, no text layer."""
    bodies = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << >> >>",
    ]
    pdf, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(bodies, 1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(bodies) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(bodies) + 1, xref)
    return pdf


BAD_INPUTS = {
    "missing.txt": None,
    "empty.txt": b"",
    "blank.txt": b" \n\r\n\t",
    "binary.txt": bytes(range(256)) * 64,
    "image.png": b"\x89PNG\r\n\x1a\n" + b"\x00" * 64,
    "report.xyz": SEED.encode("utf-8"),
    "undecodable.txt": (SEED[:40].encode("utf-8") + b"\xff\xfe\x80") * 100,
    "noise.txt": random.Random(7).randbytes(4096),
    "scan.pdf": _empty_pdf(),
}


@pytest.mark.parametrize("name", list(BAD_INPUTS))
def test_a_bad_input_gives_a_message_not_a_traceback(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    if BAD_INPUTS[name] is not None:
        path.write_bytes(BAD_INPUTS[name])
    result = run("extract", path)
    _failed_cleanly(result, name)
    assert result.stdout == ""


def test_one_bad_file_does_not_stop_the_others(seed: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    out = tmp_path / "out"
    result = run(
        "extract", "--output-dir", out, seed, empty, tmp_path / "missing.txt", seed.with_name("x.xyz")
    )
    _failed_cleanly(result, "empty.txt", "missing.txt")
    assert [p.name for p in out.iterdir()] == ["seed.jsonl"]


def test_an_unwritable_output_is_a_message(seed: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    result = run("extract", "--format", "jsonl", "--output", blocker / "out.jsonl", seed)
    assert result.exit_code == 1
    assert "错误 error:" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.slow
def test_a_50_mb_file_is_handled_or_refused_within_bounded_memory(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    chunk = SEED.encode("utf-8")
    with big.open("wb") as out:
        for _ in range(50 * 2**20 // len(chunk) + 1):
            out.write(chunk)
    assert big.stat().st_size >= 50 * 2**20
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "luoshi", "extract", "--output-dir", str(tmp_path / "out"), str(big)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    seconds = time.monotonic() - started
    assert "Traceback" not in done.stderr
    if done.returncode == 0:
        assert (tmp_path / "out" / "big.jsonl").stat().st_size > 0
    else:
        assert done.returncode == 1
        assert "错误 error:" in done.stderr
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    assert peak_mb < 2048, f"peak {peak_mb:.0f} MB"
    print(f"50 MB input: exit {done.returncode} in {seconds:.1f} s, peak {peak_mb:.0f} MB")


# --- eval and demo ---------------------------------------------------------------------


@pytest.fixture
def gold_dir(tmp_path: Path) -> Path:
    """The bundled example with a two-target gold file."""
    folder = tmp_path / "gold"
    folder.mkdir()
    (folder / "seed.txt").write_text(SEED, encoding="utf-8")
    rows = [
        {
            "anchor": "PM2.5平均浓度低于28微克/立方米",
            "indicator": "PM2.5平均浓度",
            "comparator": "<",
            "value": 28,
            "unit": "μg/m³",
        },
        {
            "anchor": "空气质量优良天数90%以上",
            "indicator": "空气质量优良天数比例",
            "comparator": ">=",
            "value": 90,
            "unit": "%",
        },
    ]
    (folder / "seed.gold.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8"
    )
    return folder


def test_eval_prints_scores(gold_dir: Path) -> None:
    result = run("eval", gold_dir)
    assert result.exit_code == 0, result.output
    assert "seed" in result.stdout
    assert "精确率" in result.stdout and "召回率" in result.stdout


def test_eval_json_and_errors(gold_dir: Path, tmp_path: Path) -> None:
    pred = tmp_path / "pred"
    pred.mkdir()
    start = SEED.index("PM2.5平均浓度低于28")
    row = {"start": start, "end": start + 19, "comparator": "<=", "value": 28, "unit": "微克/立方米"}
    (pred / "seed.jsonl").write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    result = run("eval", gold_dir, "--predictions", pred, "--json", "--errors")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert (summary["gold"], summary["predicted"], summary["gold_matched"], summary["precision"]) == (
        2,
        1,
        1,
        1.0,
    )
    (miss,) = summary["reports"][0]["errors"]
    assert miss["kind"] == "FN" and miss["words"] == "空气质量优良天数90%以上"
    assert miss["sentence"].endswith("空气质量优良天数90%以上。")
    text = run("eval", gold_dir, "--predictions", pred, "--errors")
    assert "FN 漏检 seed" in text.stdout and "空气质量优良天数90%以上" in text.stdout


def test_eval_of_a_missing_folder(tmp_path: Path) -> None:
    _failed_cleanly(run("eval", tmp_path / "nowhere"), "nowhere")


def test_demo() -> None:
    result = run("demo")
    assert result.exit_code == 0, result.output
    assert "PM2.5平均浓度" in result.stdout
    assert "量化目标 targets" in result.stdout and "任务 tasks" in result.stdout


def test_python_dash_m() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "luoshi", "--help"], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0
    assert "extract" in done.stdout


# --- the CLI's shape and its docs ----------------------------------------------------------


def test_every_format_is_offered() -> None:
    assert {f.value for f in Format} == set(FORMATS)


def test_every_command_has_help() -> None:
    group = get_command(app)
    assert sorted(group.commands) == ["demo", "eval", "extract"]
    for command in group.commands.values():
        assert command.help and re.search(r"[\u4e00-\u9fff]", command.help)


def test_top_level_help_lists_every_group_with_its_own_line_and_imports_none() -> None:
    """``luoshi --help`` shows each lazily mounted group's line without importing its module;
    the line must be the first paragraph of the module's own help."""
    import typer

    for name, (module_name, summary) in cli._SUBCOMMANDS.items():
        command = typer.main.get_command(importlib.import_module(module_name).app)
        own = (command.short_help or command.help or "").split("\n\n")[0].strip()
        assert summary == own, f"cli._SUBCOMMANDS[{name!r}] differs from the module's help"
    probe = (
        "import sys; from typer.testing import CliRunner; from luoshi.cli import app; "
        "r = CliRunner().invoke(app, ['--help']); assert r.exit_code == 0, r.output; "
        "assert 'bulletin' in r.output and '审计日志' in r.output; "
        "from luoshi.cli import _SUBCOMMANDS; lazy = {m for m, _ in _SUBCOMMANDS.values()}; "
        "print(sorted(m for m in sys.modules if m in lazy or m.startswith(('pandas', 'fastapi'))))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120
    ).stdout
    assert loaded.strip() == "[]", loaded


def _generator():
    spec = importlib.util.spec_from_file_location("generate_cli", ROOT / "docs" / "generate_cli.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_cli_reference_is_current() -> None:
    generator = _generator()
    assert (ROOT / "docs" / "cli.md").read_text(encoding="utf-8") == generator.render(), "run `make docs`"


def _readme_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```console\n(.*?)```", readme, flags=re.S)
    return [line[2:] for block in blocks for line in block.splitlines() if line.startswith("$ luoshi ")]


def _readme_python() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```python\n(.*?)```", readme, flags=re.S)


@pytest.fixture
def beside_shared(tmp_path: Path, shared_dir: Path, monkeypatch) -> Path:
    """A working folder with ../shared beside it, as the README's examples expect."""
    work = tmp_path / "work"
    work.mkdir()
    (tmp_path / "shared").symlink_to(shared_dir)
    monkeypatch.chdir(work)
    return work


@pytest.mark.shared
def test_readme_commands_run_in_order(beside_shared: Path) -> None:
    for command in _readme_commands():
        args = [match for arg in shlex.split(command)[1:] for match in (sorted(glob.glob(arg)) or [arg])]
        result = runner.invoke(app, args)
        assert result.exit_code == 0, f"$ {command}\n{result.output}"


@pytest.mark.shared
@pytest.mark.parametrize("number", range(len(_readme_python())))
def test_readme_python_runs(beside_shared: Path, number: int) -> None:
    exec(compile(_readme_python()[number], f"README.md python block {number}", "exec"), {})


def test_readme_has_examples() -> None:
    assert len(_readme_commands()) >= 4
    assert _readme_python()
    assert os.path.exists(ROOT / "CHANGELOG.md")
