"""docs/store.md: every example query runs on both backends and finds what the sample holds;
every column of every table is documented, and only those."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import text

from hearsay.store import tables as t

DOC = Path(__file__).resolve().parents[2] / "docs" / "store.md"
QUERIES = re.findall(r"```sql\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)


def fill(store, item):
    store.put(*item("g1", outlet="Harbor Gazette", published="2024-03-04"))
    store.put(*item("g2", outlet="Harbor Gazette", published="2024-04-10"))
    store.put(*item("v1", outlet="Valley Post", published="2024-03-06", anonymous=False))
    store.put_failure("in/broken.jsonl", "line 2", "not valid JSON")


def test_the_docs_have_example_queries():
    assert len(QUERIES) >= 6


@pytest.mark.parametrize("query", QUERIES, ids=[q.split("\n")[0][:40] for q in QUERIES])
def test_example_query_runs_and_finds_rows(store, item, query):
    fill(store, item)
    with store.engine.connect() as conn:
        rows = conn.execute(text(query)).all()
    assert rows, query


def test_anonymous_claims_in_one_outlet_in_one_month(store, item):
    fill(store, item)
    with store.engine.connect() as conn:
        rows = conn.execute(text(QUERIES[0])).all()
    assert [(r.published, r.source_label) for r in rows] == [("2024-03-04", "a source")]


def test_every_column_is_documented():
    doc = DOC.read_text(encoding="utf-8")
    for table in t.ALL_TABLES:
        section = re.search(rf"### {table.name}\n(.*?)(?=\n### |\n## )", doc, re.S)
        assert section, f"docs/store.md has no section for table {table.name}"
        documented = set(re.findall(r"`([a-z_]+)`", "".join(l.split("|")[1] for l in section.group(1).splitlines() if l.startswith("| `"))))
        assert documented == {c.name for c in table.columns}, table.name
