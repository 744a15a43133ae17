"""Fixtures for the reading tests: a Chinese report snippet, the fixture folder and a PDF maker.

The PDF maker writes a minimal PDF with a real text layer, so PDF reading is tested without
reportlab or LibreOffice: ASCII lines use the standard Helvetica font, other lines the
standard Chinese CID font STSong-Light (Adobe-GB1, UniGB-UCS2-H encoding), which PDF readers
know without an embedded font file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "data" / "reading"

SNIPPET = (
    "政府工作报告\n"
    "——2024年1月29日在绍兴市第九届人民代表大会第四次会议上\n"
    "各位代表：\n"
    "现在，我代表市人民政府向大会报告工作，请予审议。\n"
    "一、2023年主要工作\n"
    "过去一年，全市地区生产总值增长7.8%，新增城镇就业12.3万人。\n"
    "二、2024年主要目标和重点工作\n"
    "今年经济社会发展的主要预期目标是：地区生产总值增长6%左右。\n"
    "（一）稳就业。新增就业大学生14万名以上，扶持创业2200人、带动就业6600人以上。\n"
    "（二）治污染。PM2.5平均浓度低于28微克/立方米，空气质量优良天数比例达到90%。\n"
    "三、切实加强政府自身建设\n"
    "坚持依法行政，“三公”经费只减不增。\n"
)


@pytest.fixture
def snippet() -> str:
    """A short report with front matter, a review part and two plan parts."""
    return SNIPPET


@pytest.fixture
def data_dir() -> Path:
    """tests/data/reading: small real files in each input format."""
    return DATA


def make_pdf(pages: list[list[str]], *, size: int = 11, leading: int = 16) -> bytes:
    """A PDF with a text layer: one list of lines per page, written top to bottom."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog, tree = add(b""), add(b"")
    helvetica = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    song = add(
        b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H "
        b"/DescendantFonts [<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> "
        b"/FontDescriptor << /Type /FontDescriptor /FontName /STSong-Light /Flags 6 "
        b"/FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >> "
        b"/DW 1000 >>] >>"
    )
    kids = []
    for lines in pages:
        ops = [b"BT", f"{leading} TL 50 800 Td".encode()]
        for line in lines:
            if line.isascii():
                escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
                ops.append(f"/F1 {size} Tf ({escaped}) Tj T*".encode("latin-1"))
            else:
                ops.append(f"/F2 {size} Tf <{line.encode('utf-16-be').hex().upper()}> Tj T*".encode())
        ops.append(b"ET")
        stream = b"\n".join(ops)
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        kids.append(
            add(
                f"<< /Type /Page /Parent {tree} 0 R /MediaBox [0 0 595 842] "
                f"/Resources << /Font << /F1 {helvetica} 0 R /F2 {song} 0 R >> >> /Contents {content} 0 R >>".encode()
            )
        )
    objects[catalog - 1] = f"<< /Type /Catalog /Pages {tree} 0 R >>".encode()
    refs = " ".join(f"{k} 0 R" for k in kids)
    objects[tree - 1] = f"<< /Type /Pages /Kids [{refs}] /Count {len(kids)} >>".encode()
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root {catalog} 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


@pytest.fixture
def pdf_maker() -> Callable[..., bytes]:
    """:func:`make_pdf`, for tests that build their own PDF."""
    return make_pdf
