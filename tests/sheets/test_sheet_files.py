"""Hostile or wrong files are refused with a SheetError before or while opening, never half-read."""

from __future__ import annotations

import io
import zipfile

import pytest
from sheet_helpers import written

from luoshi.errors import InputNotFound, SheetError
from luoshi.sheets import MAX_BYTES, read_assignment_sheet, read_progress_sheet, write_assignment_sheet
from luoshi.sheets import files as sheet_files


def _read(source) -> None:
    read_assignment_sheet(source, plan_year=2023)


def _zip(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "文件为空"),
        ("序号,任务内容\n1,完成\n".encode("gbk"), "不是 .xlsx"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, "旧版 .xls"),
        (b"PK\x03\x04 truncated", "不是 .xlsx"),
        (_zip({"hello.txt": b"hi"}), "无法读取工作簿"),
        (_zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<not closed"}), "无法读取工作簿"),
    ],
)
def test_not_a_workbook(data: bytes, words: str) -> None:
    with pytest.raises(SheetError, match=words) as caught:
        _read(io.BytesIO(data))
    assert "另存为" in caught.value.hint


def test_a_zip_bomb_is_refused_unopened() -> None:
    out = io.BytesIO()
    with (
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive,
        archive.open("xl/sharedStrings.xml", "w") as part,
    ):
        chunk = b"\0" * (1 << 20)
        for _ in range(sheet_files.MAX_UNPACKED // len(chunk) + 1):
            part.write(chunk)
    assert len(out.getvalue()) < MAX_BYTES
    with pytest.raises(SheetError, match="压缩炸弹"):
        _read(out.getvalue())


def test_an_entity_declaration_is_refused() -> None:
    laughs = b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]><sst>&lol;</sst>'
    data = _zip({"[Content_Types].xml": b"<Types/>", "xl/sharedStrings.xml": laughs})
    with pytest.raises(SheetError, match="文档类型声明"):
        _read(data)


def test_a_large_file_is_refused_before_it_is_read(tmp_path) -> None:
    path = tmp_path / "big.xlsx"
    with path.open("wb") as out:
        out.truncate(MAX_BYTES + 1)
    with pytest.raises(SheetError, match="20 MB"):
        _read(path)
    with pytest.raises(SheetError, match="20 MB"):
        _read(io.BytesIO(b"\0" * (MAX_BYTES + 1)))


def test_a_missing_file(tmp_path) -> None:
    with pytest.raises(InputNotFound):
        _read(tmp_path / "nowhere.xlsx")


def test_an_xls_named_file_that_is_really_xlsx_reads(tmp_path, assignment_rows) -> None:
    path = tmp_path / "分解表.xls"
    path.write_bytes(written(write_assignment_sheet, assignment_rows, title="分解表"))
    assert len(read_assignment_sheet(path, plan_year=2023)) == len(assignment_rows)


def test_too_many_rows(assignment_rows) -> None:
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(written(write_assignment_sheet, assignment_rows, title="t")))
    book.active.cell(row=30_000, column=2, value="stray")
    out = io.BytesIO()
    book.save(out)
    with pytest.raises(SheetError, match="20000"):
        _read(out.getvalue())


def test_a_progress_import_of_a_non_workbook() -> None:
    with pytest.raises(SheetError):
        read_progress_sheet(io.BytesIO(b"not a workbook"), expected={})
