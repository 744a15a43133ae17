"""Reading (读取): any report file in, a :class:`Report` with text and outline out.

::

    from luoshi.reading import read_report

    report = read_report("2024_shaoxing_city.txt")   # .txt (any encoding), .docx, .pdf, .html
    for paragraph in report.paragraphs(role="plan"):
        print(report.text[paragraph.start : paragraph.end])

:func:`read_report` reads a file or bytes; :func:`report_from_text` takes text already in
memory; :func:`build_outline` is the pure outline parser, and :func:`sentences` and
:func:`clauses` split any node on demand.
"""

from luoshi.reading.outline import build_outline, clauses, inline_items, sentences
from luoshi.reading.read import read_report, report_from_text
from luoshi.reading.report import Node, Report

__all__ = [
    "Node",
    "Report",
    "build_outline",
    "clauses",
    "inline_items",
    "read_report",
    "report_from_text",
    "sentences",
]
