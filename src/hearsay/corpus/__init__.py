"""Corpus runs: many articles from folders, JSONL(.gz) and WARC into a store, on local
processes or Ray Data. See docs/store.md."""

from __future__ import annotations

from .inputs import read_all, walk
from .runner import RunSummary, pipeline_version, run_corpus

__all__ = ["read_all", "walk", "run_corpus", "RunSummary", "pipeline_version"]
