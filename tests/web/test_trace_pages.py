"""The trace on the web page without a browser: the cascade's layout (render.cascade), the
corpus page `/corpus` that lists traced claims by spread, and the claim page's drawing."""

from __future__ import annotations

import warnings

import pytest

from hearsay.render import cascade

pytest.importorskip("fastapi", reason="the [web] extra is not installed")
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient  # noqa: E402

from hearsay.trace.model import Trace  # noqa: E402
from hearsay.trace.storage import save_trace  # noqa: E402
from hearsay.web import create_app  # noqa: E402
from hearsay.web.keeper import MemoryKeeper, StoreKeeper  # noqa: E402


def app(article, outlet, day, role, via_how=None, via_article=None, via_outlet=None):
    return {"article_id": article, "outlet": outlet, "published": day, "role": role,
            "via_how": via_how, "via_article": via_article, "via_outlet": via_outlet}


CLAIM = {
    "id": "K1", "origin_article": "a1",
    "appearances": [
        app("a1", "Bay Ledger", "2030-05-01", "origin"),
        app("a1", "Bay Ledger", "2030-05-01", "repeat", "uncited"),  # the origin restating itself
        app("a2", "Coastline Daily", "2030-05-01", "copy", "copy", "a1", "Bay Ledger"),
        app("a3", "Port News", "2030-05-02", "repeat", "citation", "a1", "Bay Ledger"),
        app("a6", "Harbor Radio", "2030-05-02", "repeat", "citation", None, "Bay Ledger"),
        app("a7", "Harbor Radio", "2030-05-03", "repeat", "uncited"),
        app("a8", "Port News", "2030-05-03", "confirmation"),
        app("a4", "Port News", "2030-05-04", "denial"),
    ],
}


def test_layout_one_lane_per_outlet_one_column_per_day_one_mark_per_article():
    c = cascade.layout(CLAIM)
    assert [name for name, _ in c.lanes] == ["Bay Ledger", "Coastline Daily", "Port News", "Harbor Radio"]
    assert [day for day, _ in c.days] == ["2030-05-01", "2030-05-02", "2030-05-03", "2030-05-04"]
    marks = {m.article: m for m in c.marks}
    assert sorted(marks) == ["a1", "a2", "a3", "a4", "a6", "a7", "a8"]
    assert marks["a1"].key == "origin"  # its strongest role, not its self-restatement
    assert (marks["a3"].key, marks["a7"].key, marks["a2"].key) == ("cited", "uncited", "copy")
    # same lane, later day → further right; another outlet → another row
    assert marks["a4"].x > marks["a8"].x > marks["a3"].x and marks["a3"].y == marks["a4"].y != marks["a1"].y
    assert all(0 < m.x < c.width and 0 < m.y < c.height for m in c.marks)


def test_edges_say_how_each_article_got_the_claim():
    c = cascade.layout(CLAIM)
    edges = {(e.start.article, e.end.article): e.kind for e in c.edges}
    assert edges == {
        ("a1", "a2"): "copy",
        ("a1", "a3"): "citation",
        ("a1", "a6"): "citation",  # its cited article is not resolved: the cited outlet's mark
        ("a1", "a7"): "uncited",   # no citation: drawn from the origin, dotted
    }
    dashes = {e.kind: e.dash for e in c.edges}
    assert len(set(dashes.values())) == 3  # three kinds, three line patterns: no colour needed
    for e in c.edges:
        assert e.path.startswith(f"M{e.start.x:.1f},{e.start.y:.1f} Q")


def test_every_role_has_its_own_symbol_and_word():
    symbols = [s for s, _ in cascade.ROLE_MARKS.values()]
    words = [w for _, w in cascade.ROLE_MARKS.values()]
    assert len(set(symbols)) == len(symbols) and len(set(words)) == len(words)
    assert cascade.spread(CLAIM["appearances"]) == {
        "articles": 7, "outlets": 4,
        "roles": {"origin": 1, "confirmation": 1, "denial": 1, "correction": 0, "copy": 1, "cited": 2, "uncited": 1}}


def test_an_empty_claim_lays_out_as_nothing():
    assert cascade.layout({"id": "K1", "appearances": []}).marks == []


def _store_with_trace(tmp_path, claims: list[dict]):
    keeper = StoreKeeper(str(tmp_path / "trace.db"))
    save_trace(keeper.store.engine, Trace.model_validate({"claims": claims}))
    return keeper


def _claim(cid: str, text: str, articles: list[tuple[str, str]], verdict: str = "One anonymous source.") -> dict:
    apps = [{"article": a, "claim": "C1", "span": {"start": 0, "end": len(text), "text": text},
             "source": {"kind": "anonymous", "label": "a person familiar"}, "role": role} for a, role in articles]
    return {"id": cid, "text": text, "appearances": apps, "verdict": verdict}


def test_corpus_page_lists_traced_claims_by_spread_with_verdicts_and_links(nlp, tmp_path):
    keeper = _store_with_trace(tmp_path, [
        _claim("K1", "the ferry will be sold", [("a1", "origin"), ("a2", "repeat")], "Narrow."),
        _claim("K2", "the mill will close", [("b1", "origin"), ("b2", "repeat"), ("b3", "confirmation"), ("b4", "denial")], "Wide."),
        _claim("K3", "the bridge is unsafe", [("c1", "origin"), ("c2", "repeat"), ("c3", "repeat")], "Middle."),
    ])
    with TestClient(create_app(nlp, keeper=keeper), base_url="http://127.0.0.1") as c:
        data = c.get("/corpus.json").json()
        assert [x["id"] for x in data["claims"]] == ["K2", "K3", "K1"]
        wide = data["claims"][0]
        assert (wide["articles"], wide["verdict"], wide["page"]) == (4, "Wide.", "/claims/K2")
        assert wide["roles"]["confirmation"] == 1 and wide["roles"]["denial"] == 1
        html = c.get("/corpus").text
        assert html.index('href="/claims/K2"') < html.index('href="/claims/K3"') < html.index('href="/claims/K1"')
        assert "Wide." in html and "1 confirms" in html and "1 denies" in html
        assert 'href="/corpus"' in c.get("/").text  # reachable from every page's links
    keeper.close()


def test_corpus_page_escapes_claim_text(nlp, tmp_path):
    bad = "<script>alert(1)</script>"
    keeper = _store_with_trace(tmp_path, [_claim("K1", bad, [("x", "origin"), ("y", "repeat")], bad)])
    with TestClient(create_app(nlp, keeper=keeper), base_url="http://127.0.0.1") as c:
        html = c.get("/corpus").text
    assert bad not in html and "&lt;script&gt;" in html
    keeper.close()


def test_corpus_page_without_a_store_or_a_trace_says_what_to_run(nlp, tmp_path):
    with TestClient(create_app(nlp, keeper=MemoryKeeper(5)), base_url="http://127.0.0.1") as c:
        page = c.get("/corpus")
        assert page.status_code == 200 and "hearsay serve --store" in page.text
        assert c.get("/corpus.json").json()["traced"] is False
    keeper = StoreKeeper(str(tmp_path / "empty.db"))
    with TestClient(create_app(nlp, keeper=keeper), base_url="http://127.0.0.1") as c:
        assert "No traced claims yet" in c.get("/corpus").text
    keeper.close()


def test_claim_page_draws_the_cascade_with_origin_and_roles_in_words(nlp, tmp_path):
    keeper = _store_with_trace(tmp_path, [{
        "id": "K1", "text": "the mill will close", "verdict": "One anonymous source.",
        "origin": {"article": "a1", "source": {"kind": "anonymous", "label": "a person with knowledge"}},
        "appearances": [
            {"article": "a1", "claim": "C1", "span": {"start": 0, "end": 4, "text": "mill"},
             "source": {"kind": "anonymous", "label": "a person with knowledge"}, "role": "origin"},
            {"article": "a2", "claim": "C2", "span": {"start": 0, "end": 4, "text": "mill"},
             "source": {"kind": "outlet", "label": "the Sentinel", "entity": "Sentinel"}, "role": "repeat",
             "via": {"how": "citation", "article": "a1", "outlet": "Sentinel"}},
            {"article": "a3", "claim": "C1", "span": {"start": 0, "end": 4, "text": "mill"},
             "source": {"kind": "person", "label": "Ann Lee", "entity": "Ann Lee"}, "role": "denial", "stance": "denies"},
        ]}])
    with TestClient(create_app(nlp, keeper=keeper), base_url="http://127.0.0.1") as c:
        html = c.get("/claims/K1").text
        assert 'id="claim-origin"' in html and "a person with knowledge" in html
        assert html.count('class="mark role-') == 3 and 'class="edge edge-citation"' in html
        for symbol, word in (cascade.ROLE_MARKS["origin"], cascade.ROLE_MARKS["denial"], cascade.ROLE_MARKS["cited"]):
            assert f">{symbol}</text>" in html and f">{word}</text>" in html
        assert "drawing" not in c.get("/claims/K1.json").json()["claim"]  # the twin is the data, not the layout
    keeper.close()
