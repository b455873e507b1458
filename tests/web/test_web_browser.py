"""The web page in a real headless Chromium: paste the example article, read the marks, select a
source, walk the claims with the keyboard, read the timeline; hostile text stays text.

Uses Debian's chromium (``make browser`` installs it) through Playwright with
``executable_path``; no browser is downloaded. Without chromium the tests skip, except under CI,
where a missing browser is a failure.
"""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi", reason="the [web] extra is not installed")
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (the [test] extra) is not installed")

from hearsay.web import create_app  # noqa: E402

from conftest import EXAMPLE  # noqa: E402
from webtools import LiveServer, browser, page, submit  # noqa: E402,F401 (fixtures)

PUBLISHED = "2024-03-14"


@pytest.fixture(scope="module")
def server(nlp):
    with LiveServer(create_app(nlp, rate_limit=0)) as url:
        yield url


def test_example_article_marked_navigable_and_filterable(page, server):
    ledger = submit(page, server, EXAMPLE.read_text(encoding="utf-8"), published=PUBLISHED, title="Ferry deal")
    claims = ledger["claims"]
    assert len(claims) > 5
    expect = sync_api.expect

    # every claim is marked once as a keyboard stop, with its id and source kind as a label
    stops = page.locator("#article .claim[tabindex]")
    expect(stops).to_have_count(len(claims))
    labels = stops.evaluate_all("els => els.map(e => getComputedStyle(e, '::before').content)")
    assert all(c["id"] in label for c, label in zip(claims, labels))

    # the kinds differ without colour: each has its own underline style
    styles = page.locator(".legend .claim").evaluate_all(
        "els => els.map(e => getComputedStyle(e).textDecorationLine + ' ' + getComputedStyle(e).textDecorationStyle)"
    )
    assert len(set(styles)) == 5, styles

    # keyboard: j focuses the first claim and shows its details; j again moves to the next
    page.locator("body").press("j")
    expect(page.locator(f"#claim-{claims[0]['id']}")).to_be_focused()
    tip = page.locator("#tip")
    expect(tip).to_be_visible()
    expect(tip).to_contain_text("Source")
    page.keyboard.press("j")
    expect(page.locator(f"#claim-{claims[1]['id']}")).to_be_focused()
    expect(tip).to_contain_text(claims[1]["id"])
    page.keyboard.press("Escape")
    expect(tip).to_be_hidden()

    # hovering a claim shows the same details, below the claim; the pointer may move onto them
    page.locator("#main h1").click()  # focus leaves the claims
    page.locator(f"#claim-{claims[2]['id']}").hover()
    expect(tip).to_contain_text(claims[2]["id"])
    claim_box = page.locator(f"#claim-{claims[2]['id']}").bounding_box()
    tip_box = tip.bounding_box()
    assert tip_box["y"] >= claim_box["y"] + claim_box["height"] - 1
    tip.hover()
    expect(tip).to_be_visible()
    page.mouse.move(1, 1)
    expect(tip).to_be_hidden()

    # selecting a source highlights exactly its claims; selecting it again clears them
    counts: dict[str, int] = {}
    for c in claims:
        counts[c["source"]] = counts.get(c["source"], 0) + 1
    kinds = {s["id"]: s["kind"] for s in ledger["sources"]}
    chosen = max(counts, key=lambda s: (kinds[s] != "author", counts[s]))
    button = page.locator(f'.source-btn[data-source="{chosen}"]')
    expect(button).to_contain_text(f"{counts[chosen]} claim")
    button.click()
    expect(button).to_have_attribute("aria-pressed", "true")
    highlighted = page.locator("#article .claim.hl[tabindex]")
    expect(highlighted).to_have_count(counts[chosen])
    assert set(highlighted.evaluate_all("els => els.map(e => e.dataset.source)")) == {chosen}
    own = [c["id"] for c in claims if c["source"] == chosen]
    page.keyboard.press("j")
    expect(page.locator(f"#claim-{own[0]}")).to_be_focused()
    if len(own) > 1:
        page.keyboard.press("j")
        expect(page.locator(f"#claim-{own[1]}")).to_be_focused()
    button.click()
    expect(page.locator("#article .claim.hl")).to_have_count(0)

    # the timeline lists the ledger's dated events in order of their start, by their readable
    # labels, each linked to its claim
    rows = page.locator("#timeline li")
    expect(rows).to_have_count(len(ledger["timeline"]))
    dates = rows.evaluate_all("els => els.map(e => e.dataset.date)")
    starts = rows.evaluate_all("els => els.map(e => e.dataset.start)")
    assert dates == [t["date"] for t in ledger["timeline"]] and starts == sorted(starts)
    if ledger["timeline"]:
        first = ledger["timeline"][0]
        expect(rows.first.locator(".date")).to_have_text(first["label"] or first["date"])
        rows.first.locator("a.ref").click()
        expect(page.locator(f"#claim-{first['claim']}")).to_be_focused()
    else:
        expect(page.locator("#timeline")).to_contain_text("No dated events")

    expect(page.locator("#verdict .verdict")).not_to_be_empty()
    ids = page.evaluate("Array.from(document.querySelectorAll('[id]'), e => e.id)")
    assert len(ids) == len(set(ids)), "element ids are unique"
    assert page.problems == []


def test_hostile_article_renders_as_text_and_runs_nothing(page, server):
    text = (
        "The council said the vote was fair. <script>window.__pwned = 1; alert('script')</script>\n\n"
        '"<img src=x onerror="window.__pwned = 2; alert(\'img\')">," a source said.\n\n'
        "<svg onload=\"window.__pwned = 3\"></svg> Officials declined to comment."
    )
    ledger = submit(page, server, text, title="<img src=y onerror=\"window.__pwned = 4\">")
    page.locator("body").press("j")  # show a claim's details too: they are cloned into the page
    page.wait_for_timeout(200)
    article = page.locator("#article")
    assert article.text_content() == ledger["document"]["text"]
    assert page.locator("#article img, #article script, #article svg, h1 img").count() == 0
    sync_api.expect(page.locator("h1")).to_contain_text("<img src=y")
    assert page.evaluate("window.__pwned") is None
    assert page.problems == []


def test_uploaded_html_page_is_read_for_its_article(page, server, tmp_path):
    body = "".join(
        f"<p>Paragraph {i}: the harbor authority said on Monday that the ferry contract would be reviewed.</p>"
        for i in range(6)
    )
    path = tmp_path / "ferry.html"
    path.write_text(
        "<!doctype html><html><head><title>Ferry contract under review</title></head><body>"
        f"<nav>Home | Sports</nav><article><h1>Ferry contract under review</h1>{body}</article></body></html>",
        encoding="utf-8",
    )
    page.goto(server + "/")
    page.set_input_files("#file", str(path))
    page.click("#analyze")
    page.wait_for_url("**/ledger/*")
    sync_api.expect(page.locator("h1")).to_have_text("Ferry contract under review")
    text = page.locator("#article").text_content()
    assert "ferry contract would be reviewed" in text and "Sports" not in text
    assert page.locator("#article .claim[tabindex]").count() >= 1
    assert page.problems == []
