# One entry point for everything: `make demo`, `make test` (= `make check`, what CI runs).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
# Installed once per change of pyproject.toml.
STAMP := $(VENV)/.installed

.PHONY: demo test check lint docs bench bench-air bench-status eval types clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

# The extraction tables of the bundled example, then the dashboard on it with sample progress
# (prints the address and a login; Ctrl-C stops it).
demo: $(STAMP)
	$(BIN)/luoshi demo
	$(BIN)/luoshi serve --demo

test: $(STAMP) lint
	$(BIN)/pytest

check: test

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy luoshi
	$(BIN)/python docs/generate_cli.py --check

docs: $(STAMP)
	$(BIN)/python docs/generate_cli.py

types: $(STAMP)
	$(BIN)/mypy luoshi

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_extract.py $(SHARED)/corpus --gold $(SHARED)/gold
	$(BIN)/python benchmarks/bench_status.py

# luoshi status over 100,000 targets x 12 months, on SQLite (and PostgreSQL when it answers).
bench-status: $(STAMP)
	$(BIN)/python benchmarks/bench_status.py

bench-air: $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[bench]'
	$(BIN)/python benchmarks/bench_air.py

eval: $(STAMP)
	$(BIN)/luoshi eval $(SHARED)/gold

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache .mypy_cache

# Bulletins (督查通报): the three example bulletins of the bundled sample plan (DOCX, PDF, the
# PDF's first page as PNG) into examples/bulletins/, and the 500-target rendering benchmark.
.PHONY: bulletin-examples bench-bulletin

bulletin-examples: $(STAMP)
	$(BIN)/python examples/make_bulletin_examples.py examples/bulletins

bench-bulletin: $(STAMP)
	$(BIN)/python benchmarks/bench_bulletin.py

# The web application: the browser tests with the overview's screenshot kept in
# build/screenshots/, and the load benchmark (wrk against `luoshi serve --workers 2`).
.PHONY: screenshots bench-web

screenshots: $(STAMP)
	LUOSHI_SCREENSHOTS=1 $(BIN)/pytest -s tests/web/test_browser.py

bench-web: $(STAMP)
	$(BIN)/python benchmarks/bench_web.py
