"""Corpus (语料库): thousands of reports into a dataset, and every place held to account year by year.

::

    from luoshi.corpus import extract_corpus, write_dataset, load_dataset, account_corpus

    dataset = extract_corpus("../shared/corpus", jobs=2)       # reports, targets, tasks, actuals, failures
    write_dataset(dataset, "dataset", format="parquet")        # or csv, dta
    tables = load_dataset("dataset")                           # the same DataFrames back
    accounts = account_corpus("../shared/corpus", jobs=2)      # met / missed / silent for every pair

:mod:`luoshi.corpus.tables` lists the columns; :mod:`luoshi.corpus.formats` says how each
format holds exact values; :mod:`luoshi.corpus.pairs` how reports are paired.
"""

from luoshi.corpus.accountability import CorpusAccounts, account_corpus
from luoshi.corpus.extract import Dataset, extract_corpus
from luoshi.corpus.files import report_files, slug_of
from luoshi.corpus.formats import (
    DATASET_FORMATS,
    DatasetError,
    load_dataset,
    read_table,
    write_dataset,
    write_table,
)
from luoshi.corpus.pairs import pair_consecutive, place_key
from luoshi.corpus.parallel import default_jobs
from luoshi.corpus.tables import COLUMNS, TABLES

__all__ = [
    "COLUMNS",
    "DATASET_FORMATS",
    "TABLES",
    "CorpusAccounts",
    "Dataset",
    "DatasetError",
    "account_corpus",
    "default_jobs",
    "extract_corpus",
    "load_dataset",
    "pair_consecutive",
    "place_key",
    "read_table",
    "report_files",
    "slug_of",
    "write_dataset",
    "write_table",
]
