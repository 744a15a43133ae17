"""One error hierarchy for luoshi (落实).

The core raises these and never prints or exits; the command line turns each into a
message (Chinese first, English second) and a non-zero exit code, once, in one place.
Every error carries the context a user needs to fix the input, and a hint.
"""

from __future__ import annotations

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
