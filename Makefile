# The README's commands. `make demo` and `make test` set everything up themselves on a fresh clone.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-dev
SHARED ?= ../shared

.PHONY: setup demo test lint bench fuzz eval train train-stanza clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: setup
	@mkdir -p out
	$(BIN)/tppo-extract extract examples/articles --meta examples/articles/meta.csv -o out/examples.jsonl \
		--keep-text --table actions=out/examples_actions.csv
	$(BIN)/tppo-extract show out/examples.jsonl
	$(BIN)/tppo-extract report out/examples.jsonl -o out/report.html

test: setup
	$(BIN)/python -m pytest -q

lint: setup
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy

bench: setup
	$(BIN)/python benchmarks/throughput.py
	$(BIN)/python benchmarks/scaling.py

# 10,000 generated documents (news fragments, quotes, brackets, digits, random Unicode with lone surrogates):
# zero unexpected exceptions, every offset valid. The test suite runs 2,000 of them (tests/test_fuzz.py).
fuzz: setup
	$(BIN)/python scripts/fuzz.py --n 10000

# Trains the tagger, lemmatizer, parser and NER on ../shared/data and writes models/id_tppo_core (about 10 minutes
# on 2 cores). Resumable: a stage whose output is in build/ is skipped; `make train TRAIN_ARGS=--fresh` redoes all.
train: setup
	$(BIN)/python scripts/train.py --shared $(SHARED) $(TRAIN_ARGS)

# Trains stanza's tagger, lemmatizer and parser on the same UD data (models/README.md) and writes
# models/id_tppo_stanza, for load(syntax="stanza"); installs the [stanza] extra (stanza, CPU torch) first.
# About 3.3 hours on one core (2.5 with TRAIN_ARGS=--threads 2); resumable: a stage with a DONE file in build/stanza is skipped and the parser
# continues from its last checkpoint (`make train-stanza TRAIN_ARGS=--fresh` redoes all).
train-stanza: setup
	$(BIN)/python -m pip install --quiet -e '.[stanza]'
	$(BIN)/python scripts/train_stanza.py --shared $(SHARED) $(TRAIN_ARGS)

eval: setup
	@mkdir -p out
	$(BIN)/tppo-extract evaluate $(SHARED)/corpus/dev -o out/dev.jsonl

clean:
	rm -rf out build dist .pytest_cache .hypothesis
