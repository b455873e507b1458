"""`hearsay trace --store`: ledgers read from the store, the trace written to its trace_* tables."""

from __future__ import annotations

import json

from sqlalchemy import text
from test_trace_core import corpus

from hearsay.cli import main
from hearsay.ingest import Article
from hearsay.store import open_store


def test_trace_store_reads_ledgers_and_writes_trace_tables(tmp_path, capsys):
    url = str(tmp_path / "corpus.db")
    store = open_store(url)
    for row, led in corpus():
        led.document.published = row.published[:10]
        store.put(Article(text=led.document.text, outlet=row.outlet, published=row.published[:10], extra={"id": row.id}), led)
    store.engine.dispose()
    assert main(["trace", "--store", url, "--format", "json"]) == 0
    trace = json.loads(capsys.readouterr().out)
    sale = next(c for c in trace["claims"] if "ferry terminal" in c["text"])
    assert sale["denials"] == ["a4"]
    with open_store(url).engine.connect() as conn:
        claims = conn.execute(text("select id, articles, denials, verdict from trace_claims")).all()
        roles = conn.execute(text("select article_id, role from trace_appearances order by trace_claim, n")).all()
        cites = conn.execute(text("select from_article, to_outlet, to_article from trace_citations")).all()
        copies = conn.execute(text("select article_id, copy_of from trace_copies")).all()
    assert any(c.denials == 1 and c.articles >= 3 for c in claims)
    assert ("a3", "repeat") in [tuple(r) for r in roles]
    assert [tuple(c) for c in cites] == [("a3", "Bay Ledger", "a1")]
    assert [tuple(c) for c in copies] == [("a2", "a1")]
    # tracing again replaces the trace rather than adding to it
    assert main(["trace", "--store", url, "--format", "json"]) == 0
    capsys.readouterr()
    with open_store(url).engine.connect() as conn:
        assert conn.execute(text("select count(*) from trace_claims")).scalar() == len(claims)
