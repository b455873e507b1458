"""The store API on both backends: round trips, idempotence, listing, failures, refusals."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from hearsay.ledger import Represented
from hearsay.store import StoreError, open_store


def test_put_and_read_back(store, item):
    article, ledger = item("a1")
    assert store.put(article, ledger) == "a1"
    assert store.get_ledger("a1") == ledger
    row = store.get_article("a1")
    assert (row.id, row.outlet, row.published, row.text) == ("a1", "Harbor Gazette", "2024-03-14", article.text)
    assert store.has("a1") and not store.has("zz")
    assert store.get_ledger("zz") is None and store.get_article("zz") is None


def test_put_is_idempotent_and_a_record_is_stored_once(store, item):
    article, ledger = item("a1")
    store.put(article, ledger)
    store.put(article, ledger)
    twin, twin_ledger = item("a2", text=article.text, title=article.title)
    assert store.put(twin, twin_ledger) == "a1"          # the same text and details under another id
    assert store.count("articles") == 1 and store.count("claims") == 1 and store.count("ledgers") == 1


@pytest.mark.parametrize("detail", [{"published": "2024-03-15"}, {"outlet": "Valley Post"}, {"title": "Corrected title"},
                                    {"url": "https://example.org/copy"}])
def test_the_same_text_with_other_details_is_another_article(store, item, detail):
    """A fixed date or a syndicated copy (same text, another outlet or URL) is an article of its
    own: its analysis or its place in a trace differ. Without ids, each gets a content-derived one."""
    article, ledger = item("a1")
    del article.extra["id"]
    first = store.put(article, ledger)
    other, other_ledger = item("a1", text=article.text, title=article.title)
    del other.extra["id"]
    for name, value in detail.items():
        setattr(other, name, value)
    second = store.put(other, other_ledger)
    assert first.startswith("sha256-") and second.startswith("sha256-") and second != first
    assert store.count("articles") == 2 and store.count("ledgers") == 2
    assert store.put(other, other_ledger) == second and store.count("articles") == 2   # resent: stored once
    stored = store.get_article(second)
    assert {name: getattr(stored, name) for name in detail} == detail


def test_stores_hashed_on_text_alone_are_rehashed_on_open(store_url, item):
    """A store written before revision 0003 hashed the text alone; opening it recomputes each
    row's hash from its own columns, so rerunning the same records finds them stored."""
    import hashlib

    from hearsay.store import content_hash

    article, ledger = item("a1")
    with open_store(store_url) as s:
        s.put(article, ledger)
        with s.engine.begin() as conn:
            conn.execute(text("UPDATE articles SET content_hash = :h"), {"h": hashlib.sha256(article.text.encode()).hexdigest()})
            conn.execute(text("UPDATE alembic_version SET version_num = '0002'"))
    with open_store(store_url) as s:
        assert s.find_by_hash(content_hash(article)) == "a1"
        twin, twin_ledger = item("b1", text=article.text, title=article.title)
        assert s.put(twin, twin_ledger) == "a1" and s.count("articles") == 1


def test_newer_pipeline_version_replaces_the_ledger(store, item):
    article, ledger = item("a1")
    store.put(article, ledger, pipeline_version="old")
    assert store.has("a1", pipeline_version="old") and not store.has("a1", pipeline_version="new")
    store.put(article, ledger, pipeline_version="new")
    assert store.has("a1", pipeline_version="new")
    assert store.count("claims") == 1 and store.count("relations") == 1


def test_list_articles_filters_pages_and_orders_newest_first(store, item):
    for aid, outlet, day in [("a", "Harbor Gazette", "2024-03-01"), ("b", "Valley Post", "2024-03-20"),
                             ("c", "Harbor Gazette", "2024-04-02"), ("d", "Harbor Gazette", None)]:
        store.put(*item(aid, outlet=outlet, published=day))
    rows, total = store.list_articles()
    assert [r.id for r in rows] == ["c", "b", "a", "d"] and total == 4
    rows, total = store.list_articles(outlet="Harbor Gazette", limit=1, offset=1)
    assert [r.id for r in rows] == ["a"] and total == 3
    assert store.list_articles(q="valley")[1] == 1
    assert [r.id for r in store.list_articles(q="title of c")[0]] == ["c"]
    rows, total = store.list_articles(since="2024-03-10", until="2024-03-31")
    assert [r.id for r in rows] == ["b"] and total == 1


def test_iter_ledgers_by_date_then_id(store, item):
    for aid, day in [("b", "2024-03-02"), ("a", "2024-03-02"), ("c", None), ("d", "2024-01-01")]:
        store.put(*item(aid, published=day))
    got = [(row.id, ledger.document.title) for row, ledger in store.iter_ledgers(batch=2)]
    assert got == [("d", "Title of d"), ("a", "Title of a"), ("b", "Title of b"), ("c", "Title of c")]


def test_failures_are_kept(store):
    store.put_failure("in/broken.jsonl", "line 3", "not valid JSON")
    [row] = store.failures()
    assert (row["input"], row["record"], row["error"]) == ("in/broken.jsonl", "line 3", "not valid JSON")


def test_reopening_keeps_everything(store_url, item):
    with open_store(store_url) as s:
        s.put(*item("a1"))
    with open_store(store_url) as s:
        assert s.has("a1") and s.count("claims") == 1


def test_store_of_a_newer_schema_is_refused_untouched(store_url, item):
    with open_store(store_url) as s:
        s.put(*item("a1"))
        with s.engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(StoreError, match="newer hearsay.*9999"):
        open_store(store_url)
    from sqlalchemy import create_engine

    from hearsay.store.engine import normalize_url

    engine = create_engine(normalize_url(store_url))
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "9999"
        assert conn.execute(text("SELECT count(*) FROM articles")).scalar() == 1
    engine.dispose()


def test_unreachable_postgresql_is_a_clear_error_before_any_work():
    with pytest.raises(StoreError, match="cannot open store postgresql"):
        open_store("postgresql://hearsay:secret@127.0.0.1:1/nowhere?connect_timeout=3")
    try:
        open_store("postgresql://hearsay:secret@127.0.0.1:1/nowhere?connect_timeout=3")
    except StoreError as err:
        assert "secret" not in str(err)


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        open_store(str(tmp_path / "no" / "such" / "hearsay.db"))


def test_full_disk_is_a_clear_error_and_keeps_what_was_stored(tmp_path, item):
    from sqlalchemy import event

    path = tmp_path / "small.db"
    with open_store(str(path)) as s:
        s.put(*item("first"))
        pages = s.engine.connect().exec_driver_sql("PRAGMA page_count").scalar()
        s.engine.dispose()
        event.listen(s.engine, "connect", lambda c, _r: c.execute(f"PRAGMA max_page_count = {pages + 2}"))
        big = "A long article body. " * 20000 + "The mayor will resign in March, a source said."
        with pytest.raises(StoreError, match="cannot store article big.*full"):
            s.put(*item("big", text=big))
    with open_store(str(path)) as s:
        assert s.has("first") and not s.has("big")
        assert s.count("articles") == 1 and s.count("claims") == 1


def test_sqlite_file_is_plain_sqlite(tmp_path, item):
    import sqlite3

    path = tmp_path / "hearsay.db"
    with open_store(str(path)) as s:
        s.put(*item("a1"))
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT kind FROM sources").fetchall() == [("anonymous",)]
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_analyze_into_an_unreachable_store_fails_before_reading_anything(tmp_path, capsys):
    from hearsay.cli import main

    article = tmp_path / "a.txt"
    article.write_text("The mayor said the bridge would reopen.")
    code = main(["analyze", str(article), "--store", "postgresql://hearsay@127.0.0.1:1/x?connect_timeout=3"])
    err = capsys.readouterr().err
    assert code == 2 and "cannot open store postgresql" in err and "analysed" not in err


def test_sources_keep_whom_they_represent_their_members_and_unresolved_speakers(store, item):
    """A spokesperson for someone, a joint voice and an unresolved "he" are told apart from a
    named source or an anonymous voice in plain SQL over the sources table."""
    article, ledger = item("a1")
    ledger.sources[0].kind = "person"
    ledger.sources[0].represents = Represented(label="Harbor Council", entity="E2")
    extra = ledger.sources[0].model_copy(update={"id": "S2", "label": "Ada Quill and Harbor Council",
                                                 "represents": None, "members": ["E1", "E2"]})
    lone = ledger.sources[0].model_copy(update={"id": "S3", "label": "he", "represents": None, "unresolved": True})
    ledger.sources.extend([extra, lone])
    store.put(article, ledger)
    with store.engine.connect() as conn:
        rows = conn.execute(text("SELECT source_id, represents_label, represents_entity_id, members, unresolved "
                                 "FROM sources ORDER BY source_id")).all()
    assert [tuple(r) for r in rows] == [("S1", "Harbor Council", "E2", None, False),
                                        ("S2", None, None, "E1 E2", False),
                                        ("S3", None, None, None, True)]


def test_a_store_from_before_source_details_gains_the_columns_on_open(store_url, item):
    article, ledger = item("a1")
    with open_store(store_url) as s:
        s.put(article, ledger)
        with s.engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = '0003'"))
            for column in ("represents_label", "represents_entity_id", "members", "unresolved"):
                conn.execute(text(f"ALTER TABLE sources DROP COLUMN {column}"))
    with open_store(store_url) as s:
        with s.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM sources WHERE represents_label IS NULL")).scalar() == 1
