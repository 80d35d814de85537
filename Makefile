# The two README commands: `make demo` and `make test`. Both build .venv themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev
DEMO_DB := build/demo.duckdb

.PHONY: demo test lint bench bench-syntax loadtest fuzz fuzz-parse clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

$(DEV_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[dev]'
	touch $@ $(STAMP)

demo: $(STAMP)
	rm -f $(DEMO_DB)
	mkdir -p build
	$(BIN)/badia ingest examples/ --db $(DEMO_DB)
	$(BIN)/badia extract examples/ --db $(DEMO_DB) --out build/extract
	$(BIN)/badia merge --db $(DEMO_DB)
	$(BIN)/badia docs --db $(DEMO_DB)
	$(BIN)/badia events --db $(DEMO_DB) --limit 15
	$(BIN)/badia export --db $(DEMO_DB) --format acled-csv --out build/events.acled.csv
	$(BIN)/badia report --db $(DEMO_DB) --out build/report.html

lint: $(DEV_STAMP)
	$(BIN)/ruff check src tests bench

test: $(DEV_STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/pytest -q

# BENCH_SIZES: corpus sizes in MB for bench_scale (the issue's figures: 1,5,20,50)
BENCH_SIZES ?= 1
bench: $(DEV_STAMP)
	$(BIN)/python bench/bench_scale.py --sizes $(BENCH_SIZES)
	$(BIN)/python bench/bench_store.py
	$(BIN)/python bench/bench_extract.py
	$(BIN)/python bench/bench_merge.py
	$(BIN)/python bench/bench_syntax.py

bench-syntax: $(DEV_STAMP)
	$(BIN)/python bench/bench_syntax.py

# The API under 200 concurrent clients on 127.0.0.1: 20,000 requests on a 1,000-document store.
loadtest: $(DEV_STAMP)
	$(BIN)/python bench/loadtest.py --docs 1000 --clients 200 --requests 20000

# Seeded mutation fuzzing of reading and extraction (a few hundred inputs run in the test
# suite); crash and hang inputs are kept in build/fuzz/ and build/fuzz-parse/.
# fuzz: 100,000 inputs on the rules path (BADIA_SYNTAX=0), which is badia's own code:
# about 15 ms an input, 25 min on a quiet machine.
# fuzz-parse: 5,000 inputs on the parse path, where spaCy's parse is most of the ~110 ms
# an input (100,000 would take 3 h): about 10 min.
fuzz: $(DEV_STAMP)
	BADIA_SYNTAX=0 $(BIN)/python bench/fuzz.py --inputs 100000 --seed 1

fuzz-parse: $(DEV_STAMP)
	BADIA_SYNTAX=1 $(BIN)/python bench/fuzz.py --inputs 5000 --seed 2 --keep build/fuzz-parse

clean:
	rm -rf $(VENV) build
