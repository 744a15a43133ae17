"""Make the example bulletins (示例通报) in examples/bulletins/: ``make bulletin-examples``.

The bundled sample plan (:func:`luoshi.examples.sample_plan.build_sample_plan`: the 绍兴市
2023 report excerpt, its 12 targets assigned and reported on through June) in a throw-away
SQLite file, its bulletin at 31 July 2023 as DOCX and PDF, and the PDF's first page as PNG
(pdftoppm). Needs LibreOffice and poppler-utils for the last two.

    python examples/make_bulletin_examples.py [OUTPUT_DIR]
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from luoshi.bulletins import bulletin_data, render_bulletin
from luoshi.errors import LuoshiError
from luoshi.examples.sample_plan import SAMPLE_AS_OF, build_sample_plan
from luoshi.store import open_store

NAME = "bulletin-2023-06"


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else Path(__file__).resolve().parent / "bulletins"
    out.mkdir(parents=True, exist_ok=True)
    try:
        with tempfile.TemporaryDirectory(prefix="luoshi-examples-") as folder:
            database = Path(folder) / "sample.db"
            build_sample_plan(database)
            with open_store(database) as store:
                data = bulletin_data(store, 1, as_of=SAMPLE_AS_OF)
        for suffix in ("docx", "pdf"):
            render_bulletin(data, out / f"{NAME}.{suffix}")
            print(f"wrote {out / f'{NAME}.{suffix}'}")
    except LuoshiError as error:
        print(f"error: {error}\nhint: {error.hint}", file=sys.stderr)
        return 1
    if shutil.which("pdftoppm") is None:
        print("error: pdftoppm is missing (apt-get install poppler-utils)", file=sys.stderr)
        return 1
    page = out / f"{NAME}-page1"
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "110",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            str(out / f"{NAME}.pdf"),
            str(page),
        ],
        check=True,
    )
    print(f"wrote {page}.png")
    counts = "、".join(f"{grade}{n}" for grade, n in data.counts().items() if n)
    print(f"{data.title}: 截至{data.period_end}，{counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
