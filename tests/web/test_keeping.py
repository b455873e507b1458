"""Keeping and linking: content-derived permalinks, the history page, edit and re-analyse,
downloads. The page functions are tested through the app with the in-memory keeper; the
store-backed keeper is tested where the store is installed."""

from __future__ import annotations

import csv
import io
import warnings

import pytest

pytest.importorskip("fastapi", reason="the [web] extra is not installed")

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient  # noqa: E402

from hearsay.ingest import from_text  # noqa: E402
from hearsay.web import create_app  # noqa: E402
from hearsay.web.keeper import HistoryQuery, MemoryKeeper, article_id, ledger_id  # noqa: E402
from hearsay.web.pages import RequestProblem, history_query  # noqa: E402

from webtools import BASE, post_form  # noqa: E402

STORY = (
    "The council said the ferry contract would be reviewed in March. "
    "A person familiar with the talks said the deal was \"all but dead\", according to reports."
)


@pytest.fixture()
def client(nlp):
    with TestClient(create_app(nlp), base_url=BASE) as c:
        yield c


def test_ids_come_from_the_text_and_the_given_fields():
    a = ledger_id("Text.", title="T", outlet="O", published="2024-03-14")
    assert a == ledger_id("Text.", title="T", outlet="O", published="2024-03-14")
    assert len({a, ledger_id("Text!", title="T", outlet="O", published="2024-03-14"),
                ledger_id("Text.", title="T", outlet="O", published="2024-03-15"),
                ledger_id("Text.", title="T2", outlet="O", published="2024-03-14"),
                ledger_id("Text.", title="T", outlet="O", published="2024-03-14", url="https://example.org/a")}) == 5
    # an empty field is the same as a missing one; an inferred date is not part of the identity
    assert ledger_id("Text.", title="") == ledger_id("Text.")
    art = from_text("Text.", title="T")
    art.published, art.published_basis = "2024-01-01", "inferred"
    assert article_id(art) == ledger_id("Text.", title="T")


def test_same_article_same_permalink_and_new_fields_a_new_one(client):
    first = client.post("/api/analyze", json={"text": STORY, "title": "Ferry"}).json()["id"]
    again = client.post("/api/analyze", json={"text": STORY, "title": "Ferry"}).json()["id"]
    form = post_form(client, data={"text": STORY, "title": "Ferry"}, follow_redirects=False)
    assert form.status_code == 303 and form.headers["location"] == f"/ledger/{first}"
    assert again == first
    dated = client.post("/api/analyze", json={"text": STORY, "title": "Ferry", "published": "2024-03-14"}).json()
    assert dated["id"] != first and dated["document"]["published"] == "2024-03-14"
    assert client.get(f"/ledger/{first}.json").json()["document"]["published_basis"] != "given"


def test_edit_and_reanalyse_keeps_text_and_fields(client):
    meta = {"title": "Ferry <deal>", "outlet": "Harbor Gazette", "published": "2024-03-14", "url": "https://example.org/ferry"}
    key = client.post("/api/analyze", json={"text": STORY, **meta}).json()["id"]
    page = client.get(f"/ledger/{key}/edit")
    assert page.status_code == 200 and "Re-analyse" in page.text
    assert STORY.replace('"', "&#34;") in page.text
    for name, value in meta.items():
        assert f'value="{value.replace("<", "&lt;").replace(">", "&gt;")}"' in page.text, name
    ledger = client.get(f"/ledger/{key}")
    assert f'href="/ledger/{key}/edit"' in ledger.text
    assert client.get("/ledger/0123456789abcdef/edit").status_code == 404


def test_downloads_as_json_markdown_and_csv(client):
    key = client.post("/api/analyze", json={"text": STORY, "title": "=HYPERLINK(\"x\")"}).json()["id"]
    body = client.get(f"/ledger/{key}.json").json()
    claims = body["claims"]
    md = client.get(f"/ledger/{key}.md")
    assert md.headers["content-type"].startswith("text/markdown")
    assert "attachment" in md.headers["content-disposition"] and f"hearsay-{key}.md" in md.headers["content-disposition"]
    assert md.text.startswith("# =HYPERLINK")
    sheet = client.get(f"/ledger/{key}.csv")
    assert sheet.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(sheet.text)))
    assert [r["claim"] for r in rows] == [c["id"] for c in claims]
    sources = {s["id"]: s for s in body["sources"]}
    attributions = {a["id"]: a for a in body["attributions"]}
    for row, claim in zip(rows, claims):
        assert row["text"].lstrip("'") == claim["span"]["text"]
        assert row["source_kind"] == sources[claim["source"]]["kind"]
        attr = attributions.get(claim["attribution"])
        assert row["cue"] == (attr["cue"]["text"] if attr and attr["cue"] else "")
    assert any(r["source_kind"] == "anonymous" for r in rows)
    assert client.get(f"/ledger/{key}.xml").status_code == 404
    assert client.get("/ledger/0123456789abcdef.csv").status_code == 404


def test_history_lists_newest_first_filters_and_pages(nlp):
    keeper = MemoryKeeper(100)
    with TestClient(create_app(nlp, keeper=keeper, rate_limit=0), base_url=BASE) as c:
        ids = []
        for n in range(23):
            outlet = "Harbor Gazette" if n % 2 else "Eastport Ledger"
            body = c.post("/api/analyze", json={"text": f"The mayor said {n} ferries would run.", "title": f"Ferries {n}",
                                                 "outlet": outlet, "published": f"2024-03-{n + 1:02d}"})
            ids.append(body.json()["id"])
        first = c.get("/history.json").json()
        assert first["total"] == 23 and first["pages"] == 2
        assert [a["id"] for a in first["articles"]] == ids[::-1][:20]
        second = c.get(first["next"].replace("/history", "/history.json")).json()
        assert [a["id"] for a in second["articles"]] == ids[::-1][20:] and second["next"] is None
        gazette = c.get("/history.json", params={"outlet": "harbor gazette"}).json()
        assert gazette["total"] == 11
        found = c.get("/history.json", params={"q": "ferries 13"}).json()
        assert [a["title"] for a in found["articles"]] == ["Ferries 13"]
        dated = c.get("/history.json", params={"since": "2024-03-10", "until": "2024-03-12"}).json()
        assert sorted(a["published"] for a in dated["articles"]) == ["2024-03-10", "2024-03-11", "2024-03-12"]
        page = c.get("/history", params={"q": "ferries 13"})
        assert page.status_code == 200 and f'href="/ledger/{ids[13]}"' in page.text
        assert c.get("/history", params={"since": "March"}).status_code == 422
        assert c.get("/history.json", params={"page": "0"}).status_code == 422


def test_history_query_reads_the_filters():
    q = history_query({"q": " ferry ", "page": "3", "since": "2024-01-05"})
    assert (q.q, q.offset, q.since, q.until) == ("ferry", 40, "2024-01-05", None)
    with pytest.raises(RequestProblem):
        history_query({"until": "2024-13-01"})


def test_memory_keeper_is_bounded_and_searchable():
    from hearsay.ledger import Document, Ledger

    keeper = MemoryKeeper(2)
    for n in range(3):
        keeper.put(f"k{n}", None, Ledger(document=Document(text=f"text {n}", title=f"Title {n}", outlet="Gazette")))
    assert keeper.get("k0") is None and keeper.get("k2") is not None
    entries, total = keeper.history(HistoryQuery(q="title 1"))
    assert total == 1 and entries[0].id == "k1"


def test_store_keeper_keeps_ledgers_across_restarts(nlp, tmp_path):
    pytest.importorskip("hearsay.store", reason="the store (hearsay.store) is not in this tree")
    from hearsay.web.keeper import StoreKeeper

    url = str(tmp_path / "web.db")
    keeper = StoreKeeper(url)
    with TestClient(create_app(nlp, keeper=keeper), base_url=BASE) as c:
        key = c.post("/api/analyze", json={"text": STORY, "title": "Ferry", "outlet": "Harbor Gazette"}).json()["id"]
    keeper.close()
    keeper = StoreKeeper(url)
    with TestClient(create_app(nlp, keeper=keeper), base_url=BASE) as c:
        assert c.get(f"/ledger/{key}.json").json()["document"]["title"] == "Ferry"
        assert c.post("/api/analyze", json={"text": STORY, "title": "Ferry", "outlet": "Harbor Gazette"}).json()["id"] == key
        assert [a["id"] for a in c.get("/history.json", params={"outlet": "Harbor Gazette"}).json()["articles"]] == [key]
        # the same text with a date is another article in the store, with its own id
        r = c.post("/api/analyze", json={"text": STORY, "title": "Ferry", "outlet": "Harbor Gazette", "published": "2024-03-14"})
        assert r.status_code == 200 and r.json()["id"] != key and r.json()["document"]["published"] == "2024-03-14"
        assert c.get(f"/ledger/{key}.json").json()["document"]["published_basis"] != "given"
    keeper.close()


def test_fix_the_date_and_reanalyse_with_a_store(nlp, tmp_path):
    """The fact-checker's round: analyse, open "edit", correct the date, send the form again;
    the store keeps both analyses, the page links to the new one, and resending either is
    answered from the store (no duplicate)."""
    pytest.importorskip("hearsay.store", reason="the store (hearsay.store) is not in this tree")
    from hearsay.web.keeper import StoreKeeper

    keeper = StoreKeeper(str(tmp_path / "web.db"))
    meta = {"text": STORY, "title": "Ferry", "outlet": "Harbor Gazette", "published": "2024-03-14"}
    with TestClient(create_app(nlp, keeper=keeper), base_url=BASE) as c:
        first = post_form(c, data=meta, follow_redirects=False)
        assert first.status_code == 303
        old = first.headers["location"].rsplit("/", 1)[1]
        assert c.get(f"/ledger/{old}/edit").status_code == 200
        fixed = post_form(c, data={**meta, "published": "2024-03-15"}, follow_redirects=False)
        assert fixed.status_code == 303, fixed.text
        new = fixed.headers["location"].rsplit("/", 1)[1]
        assert new != old
        assert c.get(f"/ledger/{new}.json").json()["document"]["published"] == "2024-03-15"
        assert c.get(f"/ledger/{old}.json").json()["document"]["published"] == "2024-03-14"
        again = post_form(c, data={**meta, "published": "2024-03-15"}, follow_redirects=False)
        assert again.headers["location"] == f"/ledger/{new}"
        assert c.get("/history.json").json()["total"] == 2
    assert keeper.store.count() == 2
    keeper.close()
