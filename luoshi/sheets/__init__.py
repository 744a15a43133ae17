"""The two office sheets, as plain files and plain rows: the 分解表 (assignment sheet) and
the 报送表 (progress submission sheet).

::

    from luoshi.sheets import AssignmentRow, read_assignment_sheet, write_assignment_sheet

    write_assignment_sheet(rows, Path("分解表.xlsx"), title="绍兴市2023年目标任务分解表")
    rows = read_assignment_sheet(Path("分解表.xlsx"), plan_year=2023, known_ids={"T1", "K1"})

    write_progress_template(rows, Path("报送表.xlsx"), unit="人社局", period="2023-06", title="…")
    submission = read_progress_sheet(Path("报送表.xlsx"), expected={"T1": ProgressExpectation(...)})

No database: workbooks in, dataclasses out (and back). Import is all-or-nothing: every bad
row is collected and :class:`luoshi.errors.SheetError` lists them all with their Excel row
numbers; nothing is returned unless every row is valid. The office edits in Excel or WPS,
so reading tolerates blank rows, merged section rows, stray whitespace, full-width
characters and numbers stored as text. Text written into a cell that would start with
``= + - @`` (a formula, 公式注入) is stored as a string with a leading apostrophe
character (U+0027); reading removes it again (see :mod:`luoshi.sheets.cells`).
"""

from __future__ import annotations

from luoshi.errors import RowProblem, SheetError
from luoshi.sheets.assignments import ASSIGNMENT_HEADER, read_assignment_sheet, write_assignment_sheet
from luoshi.sheets.dates import parse_due
from luoshi.sheets.files import MAX_BYTES, SheetOut, SheetSource
from luoshi.sheets.model import (
    AssignmentRow,
    Expectations,
    ProgressEntry,
    ProgressExpectation,
    ProgressSubmission,
    ProgressTemplateRow,
)
from luoshi.sheets.numbers import parse_decimal
from luoshi.sheets.progress import PROGRESS_HEADER, read_progress_sheet, write_progress_template

__all__ = [
    "ASSIGNMENT_HEADER",
    "MAX_BYTES",
    "PROGRESS_HEADER",
    "AssignmentRow",
    "Expectations",
    "ProgressEntry",
    "ProgressExpectation",
    "ProgressSubmission",
    "ProgressTemplateRow",
    "RowProblem",
    "SheetError",
    "SheetOut",
    "SheetSource",
    "parse_decimal",
    "parse_due",
    "read_assignment_sheet",
    "read_progress_sheet",
    "write_assignment_sheet",
    "write_progress_template",
]
