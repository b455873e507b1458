"""Shared fixtures: the real pipeline (loaded once) and span checks on every ledger produced."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# a stage failure fails the test that met it (the library's default turns it into a warning);
# set before hearsay is imported so CLI runs in subprocesses inherit it too
os.environ["HEARSAY_ON_FAILURE"] = "strict"

import hearsay  # noqa: E402
from hearsay.ledger import Ledger  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("HEARSAY_SHARED", ROOT.parent / "shared"))
DATASETS = SHARED / "datasets"
SEED = SHARED / "articles" / "seed-portman-millepied.txt"
SEED_GOLD = SHARED / "articles" / "seed-portman-millepied.gold.json"
NEWS_GOLD = DATASETS / "news-gold"
EXAMPLE = ROOT / "src" / "hearsay" / "examples" / "harbor-council.txt"

def assert_spans_valid(ledger: Ledger) -> None:
    text = ledger.document.text
    for span in ledger.iter_spans():
        assert 0 <= span.start <= span.end <= len(text), span
        assert text[span.start : span.end] == span.text, span


@pytest.fixture(scope="session")
def nlp():
    return hearsay.load_pipeline()


@pytest.fixture(scope="session")
def analyze(nlp):
    """hearsay.analyze through the shared pipeline; every ledger's spans are checked."""

    def run(text: str, published: str | None = None, **meta) -> Ledger:
        ledger = hearsay.analyze(text, published=published, nlp=nlp, **meta)
        assert_spans_valid(ledger)
        return ledger

    return run


@pytest.fixture(scope="session")
def doc_upto(nlp):
    """A Doc run through hearsay's stages up to and including ``stage``; later stages never
    run, so a stage's tests see only what it and the stages before it wrote."""
    from hearsay.ingest import from_text
    from hearsay.pipeline import parse, run_stages

    def run(text: str, stage: str, published: str | None = None):
        doc = parse(nlp, text)
        doc._.hearsay_meta = from_text(text, published=published).meta()
        return run_stages(nlp, doc, "strict", until=stage)

    return run


def need(path: Path) -> Path:
    """Skip (with the reason) when shared data is absent, e.g. outside the project's machines."""
    if not path.exists():
        pytest.skip(f"{path} is not present; this test reads it from ../shared")
    return path


@pytest.fixture(scope="session")
def seed_ledger(analyze):
    return analyze(need(SEED).read_text(encoding="utf-8"), published="2023-08-16")
