"""Bytes to text (解码): find the encoding of a report's bytes and decode them.

Government reports (政府工作报告) come as UTF-8 (with or without a byte-order mark),
GBK/GB2312/GB18030 from older Windows tools, or UTF-16 from Word's "save as Unicode text".
The order of evidence is: a byte-order mark, the zero-byte pattern of UTF-16 text, strict
UTF-8, strict GB18030 when the result reads like Chinese, then charset-normalizer for the
rest. Chinese text that a detector calls GBK or GB2312 is decoded as GB18030, their
superset, so no character is lost.

Only the encoding is chosen here; newlines are left as they are (see
:mod:`luoshi.reading.from_txt`).
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer

from luoshi.errors import UndecodableText

__all__ = ["decode_bytes", "text_score"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: Encodings a detector may name for Chinese text that GB18030 decodes the same, or better.
_GB_FAMILY = {"gb2312", "gbk", "gb18030", "hz", "cp936", "euc_cn", "iso2022_cn"}

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_CJK = re.compile(r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]")
_NON_ASCII = re.compile(r"[^\x00-\x7f\s]")
_VISIBLE = re.compile(r"\S")
_SAMPLE = 200_000
_SCORE_SAMPLE = 20_000
#: Most control characters a decoded text may hold before it counts as binary data.
_MAX_CONTROL = 0.01


def text_score(text: str) -> float:
    """Share of ``text`` (its first 20,000 characters) that is printable or white space.

    Any script counts (Chinese, Tibetan, Uyghur ...); control characters, private-use and
    unassigned code points do not, so bytes decoded with the wrong encoding score low.
    """
    sample = text[:_SCORE_SAMPLE]
    if not sample:
        return 0.0
    return sum(1 for c in sample if c.isprintable() or c.isspace()) / len(sample)


def _mostly_text(text: str) -> bool:
    """Few control characters: what a trusted decode (BOM, strict UTF-8) must still show."""
    sample = text[:_SAMPLE]
    return len(_CONTROL.findall(sample)) <= len(sample) * _MAX_CONTROL


def decode_bytes(data: bytes, *, path: str | None = None) -> tuple[str, str]:
    """Decode ``data`` and say how: ``(text, encoding)``; a byte-order mark is dropped.

    Raises :class:`~luoshi.errors.UndecodableText` when no encoding gives readable text.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise _undecodable(path, f"{encoding} (BOM)") from exc
            if not _mostly_text(text):
                raise _undecodable(path, None)
            return text, encoding
    found = (
        _utf16_by_zeros(data)
        or _strict_utf8(data)
        or _chinese_gb(data)
        or _detected(data)
        or _utf16_without_zeros(data)
    )
    if found is None:
        raise _undecodable(path, None)
    return found


def _undecodable(path: str | None, tried: str | None) -> UndecodableText:
    zh = "无法识别文本编码" + (f"（按 {tried} 解码失败）" if tried else "")
    en = "cannot tell the text encoding" + (
        f" ({tried} failed)" if tried else "; the bytes are not readable text"
    )
    return UndecodableText(
        f"{zh} / {en}",
        hint="请用记事本或 WPS 另存为 UTF-8 编码的 .txt / save the file as UTF-8 text and try again",
        path=path,
    )


def _utf16_by_zeros(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without a BOM: ASCII characters leave a zero byte on one side of each pair."""
    sample = data[:_SAMPLE]
    if len(sample) < 2 or b"\x00" not in sample:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    pairs = len(sample) // 2
    if odd > 3 * even and odd >= pairs // 20:
        encoding = "utf-16-le"
    elif even > 3 * odd and even >= pairs // 20:
        encoding = "utf-16-be"
    else:
        return None
    return _try(data, encoding, 0.95)


def _strict_utf8(data: bytes) -> tuple[str, str] | None:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        # A file cut short or with a stray byte or two: keep it when the damage is tiny.
        text = data.decode("utf-8", errors="replace")
        if text.count("\ufffd") > max(1, len(text) // 10_000) or text_score(text) < 0.95:
            return None
        return (text, "utf-8 (damaged bytes replaced)") if _mostly_text(text) else None
    return (text, "utf-8") if _mostly_text(text) else None


def _chinese_gb(data: bytes) -> tuple[str, str] | None:
    """GBK / GB2312 / GB18030 bytes, all read as GB18030 (a superset of the others)."""
    found = _try(data, "gb18030", 0.95)
    if found and _cjk_share(found[0]) >= 0.3:
        return found
    return None


def _detected(data: bytes) -> tuple[str, str] | None:
    """Whatever charset-normalizer finds (Big5, Shift-JIS, a Windows code page ...)."""
    best = charset_normalizer.from_bytes(data[:_SAMPLE]).best()
    if best is None:
        return None
    encoding = best.encoding.lower().replace("-", "_")
    if encoding in _GB_FAMILY:
        encoding = "gb18030"
    return _try(data, encoding, 0.9)


def _utf16_without_zeros(data: bytes) -> tuple[str, str] | None:
    """UTF-16 of text with no ASCII at all: only a decode that reads as Chinese is taken."""
    if len(data) % 2:
        return None
    for encoding in ("utf-16-le", "utf-16-be"):
        found = _try(data, encoding, 0.95)
        if found and _cjk_share(found[0]) >= 0.7:
            return found
    return None


def _try(data: bytes, encoding: str, threshold: float) -> tuple[str, str] | None:
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    if text_score(text) < threshold or not _mostly_text(text):
        return None
    return text, encoding.replace("_", "-")


def _cjk_share(text: str) -> float:
    """Share of CJK among the non-ASCII characters, 0 when non-ASCII is under a fifth of the text."""
    sample = text[:_SAMPLE]
    non_ascii = len(_NON_ASCII.findall(sample))
    if not non_ascii or non_ascii < len(_VISIBLE.findall(sample)) / 5:
        return 0.0
    return len(_CJK.findall(sample)) / non_ascii
