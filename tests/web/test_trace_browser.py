"""The trace's pages in a real headless Chromium, on a real trace of the bundled demo corpus
(src/hearsay/examples/mill-closure, analysed into a store and traced as `hearsay trace
--store` does): the corpus page by spread, the claim page's drawing and list, the article
page's links to cascades, readability without colour, the axe-core audit, the 390 px layout,
and the README's screenshot of the claim page.

Same browser set-up as test_workbench_browser.py (Debian's chromium and axe-core through
``make browser``).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the [web] extra is not installed")
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (the [test] extra) is not installed")

from hearsay.web.keeper import StoreKeeper  # noqa: E402

from conftest import ROOT  # noqa: E402
from webtools import audit, browser, page, server, watch  # noqa: E402,F401 (fixtures)

expect = sync_api.expect
DEMO = ROOT / "src" / "hearsay" / "examples" / "mill-closure"


@pytest.fixture(scope="module")
def keeper(nlp, tmp_path_factory):
    """A store holding the demo corpus and its trace."""
    from hearsay.ingest import Article
    from hearsay.trace import trace_corpus
    from hearsay.trace.storage import save_trace
    from hearsay.trace_command import read_inputs

    pairs = read_inputs(sorted(str(p) for p in DEMO.glob("*.json")), nlp=nlp)
    keeper = StoreKeeper(str(tmp_path_factory.mktemp("trace") / "demo.db"))
    for row, ledger in pairs:
        doc = ledger.document
        keeper.store.put(Article(text=doc.text, title=doc.title, outlet=doc.outlet, url=doc.url, published=doc.published,
                                 published_basis=doc.published_basis, origin=str(row.id), extra={"id": row.id}), ledger)
    save_trace(keeper.store.engine, trace_corpus(pairs))
    yield keeper
    keeper.close()


@pytest.fixture(scope="module")
def widest(server, browser):
    """The corpus page's data and the claim it lists first (the widest spread)."""
    context = browser.new_context()
    data = context.new_page().request.get(server + "/corpus.json").json()
    context.close()
    assert data["claims"], "the demo corpus traces no claim"
    return data


def test_corpus_page_lists_claims_by_spread_and_links_each_to_its_cascade(page, server, widest):
    page.goto(server + "/corpus")
    items = page.locator("#corpus-list > li")
    expect(items).to_have_count(len(widest["claims"]))
    spreads = [(c["outlets"], c["articles"]) for c in widest["claims"]]
    assert spreads == sorted(spreads, reverse=True)
    first = widest["claims"][0]
    expect(items.first.locator(".c-verdict")).to_have_text(first["verdict"])
    expect(items.first.locator(".c-spread")).to_contain_text(f"{first['outlets']} outlets")
    items.first.locator("a.c-text").click()
    page.wait_for_url(f"**/claims/{first['id']}")
    expect(page.locator(".verdict")).to_have_text(first["verdict"])
    assert page.problems == []


def test_claim_page_draws_every_article_with_its_role_and_every_edge(page, server, widest):
    claim = page.request.get(f"{server}/claims/{widest['claims'][0]['id']}.json").json()["claim"]
    page.goto(f"{server}/claims/{claim['id']}")
    articles = {a["article_id"] for a in claim["appearances"]}
    marks = page.locator("#cascade-drawing .mark")
    expect(marks).to_have_count(len(articles))
    assert set(marks.evaluate_all("els => els.map(e => e.dataset.article)")) == articles
    # the origin and its source are named, and marked on the drawing
    origin = next(a for a in claim["appearances"] if a["role"] == "origin")
    expect(page.locator("#claim-origin")).to_contain_text(origin["source_entity"] or origin["source_label"])
    expect(page.locator(f'#cascade-drawing .mark.role-origin[data-article="{origin["article_id"]}"]')).to_have_count(1)
    # every later article that cites or copies gets an edge, and each list entry says how
    linked = {a["article_id"] for a in claim["appearances"] if a["via_how"] in ("citation", "copy") and a["role"] != "origin"}
    assert linked, "the widest claim of the demo corpus has no citation or copy"
    assert page.locator("#cascade-drawing path.edge").count() >= len(linked)
    expect(page.locator("#cascade-list > li")).to_have_count(len(claim["appearances"]))
    for a in claim["appearances"]:
        if a["via_how"] == "citation":
            expect(page.locator(f'#cascade-list > li[data-article="{a["article_id"]}"] .via').first).to_contain_text("cites")
    assert page.problems == []


def test_claim_page_reads_without_colour(browser, server, widest):
    """Each mark shows a symbol and a word, each edge kind its own dash pattern, and the key
    spells both out: take the colours away and nothing is lost."""
    context = browser.new_context(bypass_csp=True)  # the all-black style is injected inline
    page = context.new_page()
    page.goto(f"{server}/claims/{widest['claims'][0]['id']}")
    page.add_style_tag(content="* { color: #000 !important; fill: #000 !important; stroke: #000 !important; }")
    for mark in page.locator("#cascade-drawing .mark").all():
        assert mark.locator(".sym").text_content().strip() and mark.locator(".word").text_content().strip()
    samples = page.locator(".trace-key.edges li")
    expect(samples).to_have_count(3)
    dashes = samples.locator("line").evaluate_all("els => els.map(e => getComputedStyle(e).strokeDasharray)")
    assert len(set(dashes)) == 3, dashes
    for path in page.locator("#cascade-drawing path.edge").all():
        kind = path.get_attribute("class").split("edge-")[1]
        assert path.evaluate("e => getComputedStyle(e).strokeDasharray") == dashes[["citation", "copy", "uncited"].index(kind)]
    expect(page.locator(".claim-facts .sym").first).to_be_visible()
    context.close()


def test_article_page_links_each_traced_claim_to_its_cascade(page, server, widest):
    claim = page.request.get(f"{server}/claims/{widest['claims'][0]['id']}.json").json()["claim"]
    article = claim["origin_article"] or claim["appearances"][0]["article_id"]
    page.goto(f"{server}/ledger/{article}")
    link = page.locator(f'#traced a[href="/claims/{claim["id"]}"]')
    expect(link).to_have_count(1)
    link.click()
    page.wait_for_url(f"**/claims/{claim['id']}")
    expect(page.locator(f'#cascade-list > li[data-article="{article}"]').first).to_be_visible()
    assert page.problems == []


def test_trace_pages_pass_the_axe_audit(browser, server, widest):
    context = browser.new_context(bypass_csp=True)  # axe is injected inline
    pg = context.new_page()
    watch(pg)
    claim = widest["claims"][0]["id"]
    article = pg.request.get(f"{server}/claims/{claim}.json").json()["claim"]["appearances"][0]["article_id"]
    problems = {}
    for url in (server + "/corpus", f"{server}/claims/{claim}", f"{server}/ledger/{article}"):
        pg.goto(url)
        found = audit(pg)
        if found:
            problems[url] = found
    assert problems == {}
    context.close()


def test_claim_page_at_390_px_scrolls_the_drawing_not_the_page(browser, server, widest):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    pg = context.new_page()
    watch(pg)
    for path in (f"/claims/{widest['claims'][0]['id']}", "/corpus"):
        pg.goto(server + path)
        width = pg.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"{path} is {width} px wide at 390 px: it scrolls sideways"
    assert pg.problems == []
    context.close()


@pytest.mark.skipif(not os.environ.get("HEARSAY_SCREENSHOTS"), reason="set HEARSAY_SCREENSHOTS=docs/screenshots to retake the docs' screenshots")
def test_screenshots_of_the_claim_page_for_docs(browser, server, widest):
    """docs/screenshots/claim.png: the demo corpus's widest-spread claim, as the README shows it."""
    out = Path(os.environ["HEARSAY_SCREENSHOTS"])
    out.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 1200, "height": 1000})
    pg = context.new_page()
    pg.goto(f"{server}/claims/{widest['claims'][0]['id']}")
    pg.screenshot(path=str(out / "claim.png"))
    context.close()
    assert (out / "claim.png").stat().st_size > 10_000
