"""One error hierarchy for luoshi (落实).

The core raises these and never prints or exits; the command line turns each into a
message (Chinese first, English second) and a non-zero exit code, once, in one place.
Every error carries the context a user needs to fix the input, and a hint.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "LuoshiError",
    "ReadError",
    "UnsupportedFormat",
    "EmptyReport",
    "UndecodableText",
    "NoTextLayer",
    "ReportTooLarge",
    "InputNotFound",
    "MonitoringDataError",
    "CatalogError",
    "TrackingError",
    "RulesError",
    "RowProblem",
    "SheetError",
    "StoreError",
    "NotFound",
    "PlanNotFound",
    "UnitNotFound",
    "TargetNotFound",
    "PlanError",
]


class LuoshiError(Exception):
    """Base of every error luoshi raises on purpose.

    ``message`` says what went wrong, ``hint`` what to do about it; ``path`` names the
    input it concerns, when there is one.
    """

    exit_code = 1

    def __init__(self, message: str, *, hint: str = "", path: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.path = path

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        return f"{where}{self.message}"


class InputNotFound(LuoshiError):
    """A file named by the user does not exist or is not a file (文件不存在)."""


class ReadError(LuoshiError):
    """A report could not be read (报告无法读取)."""


class UnsupportedFormat(ReadError):
    """The file's extension or content is not a report format luoshi reads."""


class EmptyReport(ReadError):
    """The file holds no text (空文件)."""


class UndecodableText(ReadError):
    """The bytes are not text in any encoding luoshi recognises (无法识别编码)."""


class NoTextLayer(ReadError):
    """A PDF whose pages are images only (扫描件, 无文字层)."""


class ReportTooLarge(ReadError):
    """The file is larger than luoshi reads in bounded memory."""


class MonitoringDataError(LuoshiError):
    """Monitoring data (监测数据) that cannot be used: a missing column, an unparsable value,
    an unknown pollutant or water item, a period with no data.

    ``row`` is the 1-based data row of the file it concerns, when there is one.
    """

    def __init__(
        self, message: str, *, hint: str = "", path: str | None = None, row: int | None = None
    ) -> None:
        super().__init__(message, hint=hint, path=path)
        self.row = row


class CatalogError(LuoshiError):
    """The indicator catalogue (指标库) file is malformed: a duplicate id, an unknown kind (类型)."""


class TrackingError(LuoshiError):
    """A tracked target (跟踪目标) or observation (报送值) the status engine cannot use."""


class RulesError(TrackingError):
    """A rules file (评价规则) with an unknown key, a wrong type or thresholds out of order."""


@dataclass(frozen=True, slots=True)
class RowProblem:
    """One bad cell or row of an imported sheet: its Excel row number (行号), the column's
    header (列名; empty for the whole row or sheet) and the reason, Chinese then English."""

    row: int
    column: str
    reason: str

    def __str__(self) -> str:
        where = f"第{self.row}行" if self.row else "表头"
        column = f" {self.column}" if self.column else ""
        return f"{where}{column}：{self.reason}"


class SheetError(LuoshiError):
    """An office sheet (分解表, 报送表) that cannot be imported: not an .xlsx file, too large,
    missing columns, or rows that fail validation. ``problems`` lists every bad row; nothing
    is imported unless there are none."""

    def __init__(
        self,
        message: str,
        *,
        hint: str = "",
        path: str | None = None,
        problems: list[RowProblem] | None = None,
    ) -> None:
        super().__init__(message, hint=hint, path=path)
        self.problems: list[RowProblem] = list(problems or [])

    def __str__(self) -> str:
        lines = [super().__str__()]
        shown = self.problems[:200]
        lines += [f"  {problem}" for problem in shown]
        if len(self.problems) > len(shown):
            lines.append(
                f"  …另有 {len(self.problems) - len(shown)} 处 (and {len(self.problems) - len(shown)} more)"
            )
        return "\n".join(lines)


class StoreError(LuoshiError):
    """The database (数据库) cannot be opened, migrated or written: a bad URL, a server that
    does not answer, a file that is not a luoshi database, a schema newer than this luoshi."""


class NotFound(LuoshiError):
    """Something named by the user is not in the store (未找到)."""


class PlanNotFound(NotFound):
    """No plan (跟踪计划) has that id or name."""


class UnitNotFound(NotFound):
    """No unit (单位) has that name."""


class TargetNotFound(NotFound):
    """No target (目标) has that id."""


class PlanError(LuoshiError):
    """Input the plan workflow refuses (计划数据有误): a bad period (2023-13), a period outside
    the plan, a value that is not a number, a unit of measure that is not the target's, a
    year-to-date total that falls, a plan name already taken."""
