"""Plain-text reports (.txt 文本): decode the bytes and normalise newlines, nothing more.

The text must equal what ``Path.read_text(encoding="utf-8")`` gives for the same report
saved as UTF-8 without a byte-order mark, because gold spans are counted in that text:
``\\r\\n`` and lone ``\\r`` become ``\\n`` (Python's universal newlines), a byte-order mark is
dropped, and nothing else changes (no stripping, no folding of white space).
"""

from __future__ import annotations

from luoshi.reading.decode import decode_bytes

__all__ = ["read_txt", "normalize_newlines"]


def normalize_newlines(text: str) -> str:
    """``\\r\\n`` and ``\\r`` to ``\\n``, as Python's universal-newline text mode does."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_txt(data: bytes, *, path: str | None = None) -> tuple[str, str]:
    """The text of a .txt report and the encoding it was in."""
    text, encoding = decode_bytes(data, path=path)
    return normalize_newlines(text), encoding
