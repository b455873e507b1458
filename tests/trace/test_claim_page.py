"""The claim page `/claims/{id}` and its `.json` twin, from the store's trace tables."""

from __future__ import annotations

import json
import warnings

import pytest
from test_trace_core import corpus

from hearsay.cli import main
from hearsay.ingest import Article

pytest.importorskip("fastapi", reason="the [web] extra is not installed")
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient  # noqa: E402

from hearsay.web import create_app  # noqa: E402
from hearsay.web.keeper import StoreKeeper  # noqa: E402


def test_claim_page_shows_the_cascade_with_roles_in_words(nlp, tmp_path, capsys):
    url = str(tmp_path / "web.db")
    keeper = StoreKeeper(url)
    for row, led in corpus():
        led.document.published = row.published[:10]
        keeper.store.put(Article(text=led.document.text, outlet=row.outlet, published=row.published[:10],
                                 extra={"id": row.id}), led)
    assert main(["trace", "--store", url, "--format", "json"]) == 0
    trace = json.loads(capsys.readouterr().out)
    sale = next(c for c in trace["claims"] if "ferry terminal" in c["text"])
    with TestClient(create_app(nlp, keeper=keeper), base_url="http://127.0.0.1") as c:
        data = c.get(f"/claims/{sale['id']}.json").json()
        assert data["claim"]["verdict"] == sale["verdict"]
        roles = [(a["article_id"], a["role"]) for a in data["claim"]["appearances"]]
        assert ("a1", "origin") in roles and ("a4", "denial") in roles
        page = c.get(f"/claims/{sale['id']}")
        assert page.status_code == 200
        html = page.text
        assert "Origin" in html and "Denial" in html and "copy of" in html and "cites Bay Ledger" in html
        assert c.get("/claims/K999").status_code == 404
        # the article page links each traced claim it takes part in to its cascade
        assert f'href="/claims/{sale["id"]}"' in c.get("/ledger/a3").text
        assert c.get(f"/claims/{sale['id']}.xml").status_code == 404
    keeper.close()


def test_claim_text_is_escaped(nlp, tmp_path):
    from hearsay.trace.storage import save_trace
    from hearsay.trace.model import Trace

    url = str(tmp_path / "esc.db")
    keeper = StoreKeeper(url)
    bad = "<script>alert(1)</script>"
    app = {"article": "x", "claim": "C1", "span": {"start": 0, "end": len(bad), "text": bad},
           "source": {"kind": "anonymous", "label": bad}, "role": "origin"}
    save_trace(keeper.store.engine, Trace.model_validate({"claims": [{"id": "K1", "text": bad, "appearances": [app, {**app, "article": "y", "role": "repeat"}], "verdict": bad}]}))
    with TestClient(create_app(nlp, keeper=keeper), base_url="http://127.0.0.1") as c:
        html = c.get("/claims/K1").text
    assert bad not in html and "&lt;script&gt;" in html
    keeper.close()
