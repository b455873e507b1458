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


def test_export_writes_the_trace_tables_and_they_load_from_parquet(tmp_path, capsys):
    import pandas as pd

    from hearsay.store import tables as t

    url = str(tmp_path / "corpus.db")
    with open_store(url) as store:
        for row, led in corpus():
            led.document.published = row.published[:10]
            store.put(Article(text=led.document.text, outlet=row.outlet, published=row.published[:10], extra={"id": row.id}), led)
        # a syndicated copy: the same text in another outlet is another article (it is what the trace calls a copy)
        a1 = next(led for row, led in corpus() if row.id == "a1")
        store.put(Article(text=a1.document.text, outlet="Gulf Wire", published="2030-05-01", extra={"id": "w1"}), a1)
        assert store.count() == len(corpus()) + 1
    assert main(["trace", "--store", url, "--format", "json"]) == 0
    capsys.readouterr()
    out = tmp_path / "tables"
    assert main(["export", "--store", url, "--format", "parquet", "--out", str(out)]) == 0
    for table in t.TRACE_TABLES:
        frame = pd.read_parquet(out / f"{table.name}.parquet")
        assert list(frame.columns) == [c.name for c in table.columns], table.name
        assert len(frame), f"{table.name} was exported empty"
    copies = pd.read_parquet(out / "trace_copies.parquet")
    assert set(map(tuple, copies[["article_id", "copy_of"]].values)) == {("a2", "a1"), ("w1", "a1")}
    appearances = pd.read_parquet(out / "trace_appearances.parquet")
    assert str(appearances["start"].dtype) == "int64" and set(appearances["article_id"]) >= {"a1", "a3", "w1"}
    cites = pd.read_parquet(out / "trace_citations.parquet")
    assert list(cites.itertuples(index=False, name=None))[0][1:4] == ("a3", "Bay Ledger", "a1")
