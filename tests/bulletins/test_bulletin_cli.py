"""``luoshi bulletin`` and ``luoshi export`` on the sample plan, through their Typer apps
(and through ``luoshi`` itself once luoshi/cli.py lists them)."""

from __future__ import annotations

import pytest
from docx import Document
from typer.testing import CliRunner

from luoshi.commands.bulletin import app as bulletin_app
from luoshi.commands.export import app as export_app

runner = CliRunner()


def test_bulletin(sample_db, tmp_path) -> None:
    out = tmp_path / "out" / "通报.docx"
    result = runner.invoke(
        bulletin_app, ["1", "-o", str(out), "--as-of", "2023-07-31", "--db", str(sample_db)]
    )
    assert result.exit_code == 0, result.output
    assert "已写出通报" in result.output and "严重滞后1" in result.output
    assert any(p.text == "一、总体情况" for p in Document(str(out)).paragraphs)


def test_bulletin_options(sample_db, tmp_path) -> None:
    out = tmp_path / "通报.txt"
    args = ["绍兴市2023年政府工作报告", "-o", str(out), "-f", "md", "--period", "2023-Q2"]
    args += ["--office", "绍兴市人民政府办公室", "--number", "绍政办督〔2023〕5号", "--db", str(sample_db)]
    result = runner.invoke(bulletin_app, args)
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "绍政办督〔2023〕5号" in text and "绍兴市人民政府办公室" in text and "截至2023年6月底" in text


def test_export(sample_db, tmp_path) -> None:
    out = tmp_path / "plan.csv.zip"
    result = runner.invoke(export_app, ["1", "-o", str(out), "--as-of", "2023-07-31", "--db", str(sample_db)])
    assert result.exit_code == 0, result.output
    assert "（csv）" in result.output and "报送值71行" in result.output
    assert out.is_file()


def _registered(name: str) -> bool:
    from luoshi import cli

    return name in getattr(cli, "_SUBCOMMANDS", {})


@pytest.mark.parametrize("command", ["bulletin", "export"])
def test_errors_are_one_message_through_luoshi(sample_db, tmp_path, command) -> None:
    if not _registered(command):
        pytest.skip(f"luoshi/cli.py does not list {command} yet")
    from luoshi.cli import app

    args = [command, "1", "-o", str(tmp_path / "x.docx"), "--period", "2030-01", "--db", str(sample_db)]
    if command == "export":
        args = [command, "9", "-o", str(tmp_path / "x.xlsx"), "--db", str(sample_db)]
    result = runner.invoke(app, args)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "错误 error:" in result.stderr
