"""Helpers for the sheet tests: write to bytes, and a round trip through openpyxl as a user edits."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date

import openpyxl

PLAN_START, PLAN_END = date(2023, 1, 1), date(2023, 12, 31)


def written(write: Callable[..., None], rows: object, **options: object) -> bytes:
    out = io.BytesIO()
    write(rows, out, **options)
    return out.getvalue()


def edited(data: bytes, edit: Callable[[openpyxl.Workbook], None]) -> bytes:
    """The workbook after ``edit`` (given the loaded book) and a save, as Excel would leave it."""
    book = openpyxl.load_workbook(io.BytesIO(data))
    edit(book)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
