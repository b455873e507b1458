"""`hearsay export` and `hearsay stats` on both backends: every table out as parquet, csv and
jsonl with the store's columns; parquet loads in pandas and DuckDB with its types."""

from __future__ import annotations

import csv
import json

import pytest

from hearsay.cli import main
from hearsay.store import tables as t


@pytest.fixture
def filled(store, item):
    store.put(*item("g1", outlet="Harbor Gazette", published="2024-03-04"))
    store.put(*item("v1", outlet="Valley Post", published="2024-03-06", anonymous=False))
    store.put_failure("in/broken.jsonl", "line 2", "not valid JSON")
    return store


def test_parquet_tables_load_in_pandas_and_duckdb(filled, tmp_path, capsys):
    import duckdb
    import pandas as pd

    out = tmp_path / "tables"
    assert main(["export", "--store", filled.url, "--format", "parquet", "--out", str(out)]) == 0
    for table in t.ALL_TABLES:
        frame = pd.read_parquet(out / f"{table.name}.parquet")
        assert list(frame.columns) == [c.name for c in table.columns], table.name
    claims = pd.read_parquet(out / "claims.parquet")
    assert claims["hedged"].dtype == bool and str(claims["span_start"].dtype) == "int64"
    rows = duckdb.sql(f"SELECT a.outlet, count(*) FROM '{out}/claims.parquet' c JOIN '{out}/articles.parquet' a "
                      "ON a.id = c.article_id WHERE c.source_kind = 'anonymous' GROUP BY a.outlet").fetchall()
    assert rows == [("Harbor Gazette", 1)]


def test_csv_and_jsonl_have_every_row(filled, tmp_path):
    from hearsay.export import export_store

    export_store(filled, tmp_path / "csv", "csv")
    export_store(filled, tmp_path / "jsonl", "jsonl", ["claims", "failures"])
    with open(tmp_path / "csv" / "articles.csv", encoding="utf-8") as fh:
        assert [r["id"] for r in csv.DictReader(fh)] == ["g1", "v1"]
    lines = (tmp_path / "jsonl" / "failures.jsonl").read_text(encoding="utf-8").splitlines()
    assert json.loads(lines[0])["error"] == "not valid JSON"
    assert sorted(p.name for p in (tmp_path / "jsonl").iterdir()) == ["claims.jsonl", "failures.jsonl"]


def test_stats_counts_outlets_kinds_and_anonymous_claims(filled, capsys):
    assert main(["stats", "--store", filled.url, "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert (stats["articles"], stats["failures"], stats["claims"], stats["claims_on_anonymous_sources"]) == (2, 1, 2, 1)
    assert stats["by_outlet"] == {"Harbor Gazette": 1, "Valley Post": 1}
    assert stats["by_source_kind"] == {"anonymous": 1, "person": 1}
    assert main(["stats", "--store", filled.url]) == 0
    assert "1 resting on anonymous sources" in capsys.readouterr().out


def test_store_package_never_imports_spacy():
    import subprocess
    import sys

    code = "import sys, hearsay.store, hearsay.store.stats, hearsay.export; sys.exit('spacy' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
