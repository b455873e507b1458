"""Store fixtures: every store test runs on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pg_cluster import Cluster, find_bin  # noqa: E402


@pytest.fixture(scope="session")
def pg_cluster():
    if not find_bin("initdb") or not find_bin("pg_ctl"):
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) are not installed: "
                    "`apt-get install postgresql` (make test does this) to run the PostgreSQL store tests")
    cluster = Cluster()
    try:
        cluster.start()
    except Exception:
        cluster.stop()
        raise
    yield cluster
    cluster.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    if request.param == "sqlite":
        return str(tmp_path / "hearsay.db")
    return request.getfixturevalue("pg_cluster").new_database()


@pytest.fixture
def store(store_url):
    from hearsay.store import open_store

    s = open_store(store_url)
    yield s
    s.close()


def make_item(aid: str, *, outlet: str = "Harbor Gazette", published: str | None = "2024-03-14",
              title: str | None = None, anonymous: bool = True, text: str | None = None):
    """An article and a small hand-built ledger for it (no model needed): one claim resting on
    an anonymous source when ``anonymous``, else on a named person; one date; one relation."""
    from hearsay.ingest import from_text
    from hearsay.ledger import Ledger

    text = text or f"Article {aid}. The mayor will resign in March, a source said."
    article = from_text(text, title=title or f"Title of {aid}", outlet=outlet, published=published)
    article.extra["id"] = aid
    start = text.index("The mayor")
    content = text[start : text.index(",", start)]
    cue_at = text.index("said")
    kind, label = ("anonymous", "a source") if anonymous else ("person", "Ada Quill")
    ledger = Ledger.model_validate({
        "document": {"text": text, "title": article.title, "outlet": outlet, "published": published,
                     "published_basis": "given" if published else "unknown"},
        "entities": [{"id": "E1", "type": "PERSON", "name": "Ada Quill", "mentions": []},
                     {"id": "E2", "type": "ORG", "name": "Harbor Council", "mentions": []}],
        "sources": [{"id": "S1", "kind": kind, "label": label, "entity": None if anonymous else "E1"}],
        "attributions": [{"id": "A1", "source": "S1", "type": "indirect",
                          "cue": {"start": cue_at, "end": cue_at + 4, "text": "said"},
                          "content": {"start": start, "end": start + len(content), "text": content}}],
        "claims": [{"id": "C1", "span": {"start": start, "end": start + len(content), "text": content},
                    "source": "S1", "attribution": "A1", "entities": ["E1"], "times": ["T1"],
                    "hedges": [{"start": start + 10, "end": start + 14, "text": "will", "kind": "epistemic"}]}],
        "times": [{"id": "T1", "span": {"start": text.index("March"), "end": text.index("March") + 5, "text": "March"},
                   "type": "DATE", "value": "2024-03", "range": {"start": "2024-03-01", "end": "2024-03-31"},
                   "anchor": "published"}],
        "relations": [{"id": "R1", "type": "employee", "a": "E1", "b": "E2", "status": "reported", "claims": ["C1"]}],
        "summary": {"claims": 1, "attributed": 1, "by_source_kind": {kind: 1}, "anonymous_sources": int(anonymous)},
    })
    return article, ledger


@pytest.fixture
def item():
    return make_item
