"""A researcher's session (研究示例) on a luoshi corpus dataset, with pandas.

GDP growth targets (地区生产总值增长) by level and year, how they are worded (左右 or 以上),
and how many were met. Make the two inputs first, then run it::

    luoshi corpus extract ../shared/corpus -o dataset
    luoshi corpus accountability ../shared/corpus -o accountability.csv
    python docs/examples/research_session.py dataset accountability.csv

The body of ``session`` is the session shown in the README ("For researchers") and in
docs/research.md; tests/corpus/test_corpus_research.py runs it on a small dataset.
"""

from __future__ import annotations

import sys


def session(dataset: str, accountability: str) -> None:
    import pandas as pd

    from luoshi.corpus import load_dataset, read_table

    tables = load_dataset(dataset)  # reports, targets, tasks, actuals, failures
    targets = tables["targets"]

    # GDP growth targets, one per report: the first hedged one (左右, 以上, a range), else the first
    gdp = targets[(targets["catalogue"] == "gdp_growth") & targets["indicator"].str.contains("生产总值")]
    gdp = gdp.assign(bare=gdp["comparator"] == "=").sort_values(["bare", "start"])
    gdp = gdp.groupby("report").first().reset_index()
    print(gdp.pivot_table(index="year", columns="level", values="value", aggfunc="mean").round(2))

    # how the targets are worded: 左右 (≈) against 以上 (>=), by level
    print(pd.crosstab(gdp["level"], gdp["comparator"]))

    # were they met? year N's target against year N+1's review
    judged = read_table(accountability)
    gdp_judged = judged[judged["catalogue"] == "gdp_growth"].drop_duplicates(["target_report"])
    print(pd.crosstab([gdp_judged["level"], gdp_judged["family"]], gdp_judged["verdict"], margins=True))
    met = gdp_judged[gdp_judged["verdict"] != "silent"]
    print(f"GDP growth targets reported on: {len(met)}, met: {(met['verdict'] == 'met').mean():.0%}")


if __name__ == "__main__":
    session(*sys.argv[1:3])
