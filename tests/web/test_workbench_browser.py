"""The workbench in a real headless Chromium: permalinks that survive a restart, edit and
re-analyse, downloads, links from checks to claims, skip links and the panel bar, an axe-core
audit of each page, the 390 px layout, and the screenshots in docs/.

Same browser set-up as test_web_browser.py (Debian's chromium, ``make browser``); axe-core
comes from the npm registry through ``make browser`` too.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the [web] extra is not installed")
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (the [test] extra) is not installed")

from hearsay.web import create_app  # noqa: E402
from hearsay.web.keeper import MemoryKeeper  # noqa: E402

from conftest import EXAMPLE, SEED  # noqa: E402
from webtools import LiveServer, audit, browser, page, server, submit, watch  # noqa: E402,F401 (fixtures)

expect = sync_api.expect
PUBLISHED = "2024-03-14"
NO_DATE = (
    "Ferry talks collapse\n\n"
    "The harbor board said last week that the ferry contract would be reviewed next month. "
    "A person familiar with the talks said the deal was \"all but dead\". "
    "The operator denied the reports on Tuesday."
)


@pytest.fixture(scope="module")
def keeper():
    return MemoryKeeper(200)


@pytest.fixture(scope="module")
def example_url(browser, server):
    context = browser.new_context()
    pg = context.new_page()
    submit(pg, server, EXAMPLE.read_text(encoding="utf-8"), published=PUBLISHED, title="Ferry deal", outlet="Eastport Ledger")
    url = pg.url
    context.close()
    return url


def test_permalink_survives_a_restart_and_a_resubmission(nlp, browser, tmp_path):
    pytest.importorskip("hearsay.store", reason="the store (hearsay.store) is not in this tree")
    from hearsay.web.keeper import StoreKeeper

    db = str(tmp_path / "hearsay.db")
    context = browser.new_context()
    pg = context.new_page()
    watch(pg)
    keeper = StoreKeeper(db)
    with LiveServer(create_app(nlp, keeper=keeper, rate_limit=0)) as url:
        first = submit(pg, url, NO_DATE, title="Ferry talks", outlet="Harbor Gazette")
        path = pg.url[len(url):]
    keeper.close()
    keeper = StoreKeeper(db)
    with LiveServer(create_app(nlp, keeper=keeper, rate_limit=0)) as url:  # a new server, the same store
        pg.goto(url + path)
        expect(pg.locator("h1")).to_have_text("Ferry talks")
        assert pg.request.get(url + path + ".json").json() == first
        again = submit(pg, url, NO_DATE, title="Ferry talks", outlet="Harbor Gazette")
        assert pg.url == url + path and again["id"] == first["id"]
        pg.goto(url + "/history")
        expect(pg.locator(f'.history-list a[href="{path}"]')).to_have_text("Ferry talks")
    keeper.close()
    assert pg.problems == []
    context.close()


def test_resubmission_and_history(page, server):
    a = submit(page, server, NO_DATE, title="Ferry talks", outlet="Harbor Gazette")
    first = page.url
    b = submit(page, server, NO_DATE, title="Ferry talks", outlet="Harbor Gazette")
    assert page.url == first and a == b
    page.goto(server + "/history")
    page.fill("#q", "ferry talks")
    page.click("#history-filter button[type=submit]")
    link = page.locator(f'.history-list a[href="/ledger/{a["id"]}"]')
    expect(link).to_have_count(1)
    link.click()
    expect(page.locator("h1")).to_have_text("Ferry talks")
    assert page.problems == []


def test_no_date_prompt_and_edit_and_reanalyse(page, server):
    ledger = submit(page, server, NO_DATE, title="Ferry talks", outlet="Harbor Gazette", url="https://example.org/ferry")
    assert ledger["document"]["published_basis"] != "given"
    # no date given: the page says which dates rest on a guess, each linked, and asks for it
    prompt = page.locator("#date-prompt")
    expect(prompt).to_be_visible()
    guessed = [t for t in ledger["times"] if t["id"] in ledger["summary"]["unresolved_times"]]
    expect(prompt.locator("a.ref")).to_have_count(len(guessed))
    for t in guessed:
        expect(prompt).to_contain_text(t["span"]["text"])
    prompt.locator("a", has_text="Add the date").click()
    page.wait_for_url("**/edit#published")
    # the form comes back filled in: text and every field the reader gave
    assert page.input_value("#text") == NO_DATE
    assert (page.input_value("#title"), page.input_value("#outlet"), page.input_value("#url")) == (
        "Ferry talks", "Harbor Gazette", "https://example.org/ferry")
    page.fill("#published", "2024-03-14")
    page.fill("#text", NO_DATE.replace("next month", "in April"))
    page.click("#analyze")
    page.wait_for_url("**/ledger/*")
    edited = page.request.get(page.url + ".json").json()
    assert edited["id"] != ledger["id"]
    assert edited["document"]["published"] == "2024-03-14" and edited["document"]["published_basis"] == "given"
    assert "in April" in edited["document"]["text"] and edited["document"]["title"] == "Ferry talks"
    expect(page.locator("#date-prompt")).to_have_count(0)
    assert page.problems == []


def test_downloads(page, example_url):
    page.goto(example_url)
    ledger = page.request.get(example_url + ".json").json()
    got = {}
    for fmt in ("json", "md", "csv"):
        with page.expect_download() as info:
            page.click(f'.downloads a[href$=".{fmt}"]')
        download = info.value
        assert download.suggested_filename.endswith(f".{fmt}")
        got[fmt] = Path(download.path()).read_text(encoding="utf-8")
    assert json.loads(got["json"]) == ledger
    assert got["md"].startswith("# Ferry deal")
    lines = got["csv"].strip().splitlines()
    assert lines[0].startswith("claim,") and len(lines) >= len(ledger["claims"]) + 1
    assert page.problems == []


def test_check_links_focus_the_claims_they_name(page, server):
    if not SEED.exists():
        pytest.skip(f"{SEED} is not present; this test reads it from ../shared")
    ledger = submit(page, server, SEED.read_text(encoding="utf-8"), published="2023-08-16")
    claims = [r for k in ledger["checks"] for r in k["refs"] if r.startswith("C")]
    assert claims, "the seed article's checks name claims"
    link = page.locator(f'#checks a.ref[data-claim="{claims[0]}"]').first
    link.click()
    expect(page.locator(f"#claim-{claims[0]}")).to_be_focused()
    expect(page.locator("#tip")).to_contain_text(claims[0])
    assert page.problems == []


def test_disputed_claims_warning_links_and_timeline(page, example_url):
    """The example article's denial: the claims it denies are marked disputed (label, stripes,
    details), each warning links the claims it concerns, and the timeline reads as dates, in
    order, with the kind of source each entry rests on."""
    page.goto(example_url)
    ledger = page.request.get(example_url + ".json").json()
    disputed = [c["id"] for c in ledger["claims"] if c["disputed"]]
    assert disputed, "the example article has a denial of earlier claims"
    for cid in disputed:
        claim = page.locator(f"#claim-{cid}")
        expect(claim).to_have_class(re.compile(r"\bdisputed\b"))
        assert claim.get_attribute("data-label").endswith("disputed")
        expect(page.locator(f"#detail-{cid}")).to_contain_text("disputed: denied in")
    assert page.locator("#article .claim.disputed[tabindex]").count() == len(disputed)

    warnings = page.locator("#verdict .warnings > li")
    expect(warnings).to_have_count(len(ledger["summary"]["warnings"]))
    for i, ids in enumerate(ledger["summary"]["warning_claims"]):
        links = warnings.nth(i).locator("a.ref")
        assert links.evaluate_all("els => els.map(e => e.dataset.claim)") == ids
    with_claims = next(i for i, ids in enumerate(ledger["summary"]["warning_claims"]) if ids)
    target = ledger["summary"]["warning_claims"][with_claims][0]
    warnings.nth(with_claims).locator("a.ref").first.click()
    expect(page.locator(f"#claim-{target}")).to_be_focused()

    rows = page.locator("#timeline li")
    labels = rows.locator(".date").all_inner_texts()
    assert labels == [t["label"] or t["date"] for t in ledger["timeline"]]
    assert not any(re.fullmatch(r"\d{4}-(W\d\d|SU|SP|FA|WI|\d\d)", label) for label in labels), labels
    starts = [t["start"] for t in ledger["timeline"]]
    assert starts == sorted(starts)
    kinds = rows.locator(".tl-kind").all_inner_texts()
    assert len(kinds) == len(ledger["timeline"]) and "anonymous" in kinds
    assert page.problems == []


def test_skip_links_reach_each_panel(page, example_url):
    page.goto(example_url)
    page.keyboard.press("Tab")
    first = page.locator(".skip a").first
    expect(first).to_be_focused()
    assert first.bounding_box()["x"] >= 0, "a focused skip link is on screen"
    targets = page.locator(".skip a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert targets == ["#main", "#article", "#verdict", "#sources", "#people", "#timeline", "#checks"]
    for href in targets:
        assert page.locator(href).count() == 1
    # following "Skip to sources" puts the next Tab inside the sources panel, past every claim
    page.goto(example_url)
    page.keyboard.press("Tab")
    for _ in range(targets.index("#sources")):
        page.keyboard.press("Tab")
    expect(page.locator('.skip a[href="#sources"]')).to_be_focused()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    inside = page.evaluate("document.activeElement.closest('#sources') !== null")
    assert inside, page.evaluate("document.activeElement.outerHTML")
    assert page.problems == []


def test_axe_finds_no_serious_violation(browser, server, example_url):
    # axe is injected as an inline script, which the page's own CSP rightly refuses
    context = browser.new_context(bypass_csp=True)
    pg = context.new_page()
    watch(pg)
    problems = {}
    for name, url in (("form", server + "/"), ("article", example_url), ("history", server + "/history"),
                      ("form with an error", None)):
        if url is None:
            pg.goto(server + "/")
            pg.click("#analyze")  # empty text: the form comes back with its error
            expect(pg.locator("#form-error")).to_be_visible()
        else:
            pg.goto(url)
        found = audit(pg)
        if found:
            problems[name] = found
    assert problems == {}
    # the audit does see a violation when there is one: an image without alternative text
    pg.goto(server + "/history")
    pg.evaluate("document.querySelector('main').appendChild(document.createElement('img')).src = '/static/favicon.svg'")
    assert any("image-alt" in line for line in audit(pg))
    context.close()


def test_narrow_screen_layout_and_touch_hints(browser, example_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, device_scale_factor=2)
    pg = context.new_page()
    watch(pg)
    pg.goto(example_url)
    width = pg.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page is {width} px wide at 390 px: it scrolls sideways"
    bar = pg.locator(".panel-bar")
    expect(bar).to_be_visible()
    # the verdict comes first; every panel is one tap away from the bar, which stays on screen
    verdict, article = pg.locator("#verdict").bounding_box(), pg.locator("#article").bounding_box()
    assert verdict["y"] < article["y"]
    for name in ("Sources", "Timeline", "Checks"):
        bar.locator("a", has_text=name).click()
        target = pg.locator(f"#{name.lower()}")
        pg.wait_for_function("id => { const r = document.getElementById(id).getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }", arg=name.lower())
        expect(bar).to_be_in_viewport()
        expect(target).to_be_in_viewport()
    # no keyboard hint on a touch screen, a tap hint instead
    expect(pg.locator(".legend .keys")).to_be_hidden()
    expect(pg.locator(".legend .touch")).to_be_visible()
    assert pg.problems == []
    context.close()


def test_print_shows_the_article_with_labels_and_the_sources(page, example_url):
    page.goto(example_url)
    page.emulate_media(media="print")
    for hidden in (".top", ".skip", ".downloads", ".legend", "#people"):
        expect(page.locator(hidden).first).to_be_hidden()
    expect(page.locator("#article")).to_be_visible()
    expect(page.locator("#sources .source-btn").first).to_be_visible()
    label = page.locator("#article .claim[tabindex]").first.evaluate("e => getComputedStyle(e, '::before').content")
    assert label.strip('"').startswith("C1")
    page.emulate_media(media="screen")
    expect(page.locator(".top")).to_be_visible()


def test_keyboard_hint_on_desktop(page, example_url):
    page.goto(example_url)
    expect(page.locator(".legend .keys")).to_be_visible()
    expect(page.locator(".legend .touch")).to_be_hidden()
    expect(page.locator(".panel-bar")).to_be_hidden()


@pytest.mark.skipif(not os.environ.get("HEARSAY_SCREENSHOTS"), reason="set HEARSAY_SCREENSHOTS=docs/screenshots to retake the docs' screenshots")
def test_screenshots_for_docs(browser, server, example_url):
    """docs/screenshots/: the article page (the most-cited attributed source selected, one of
    its claims' details open), the history page, and the article at 390 px."""
    out = Path(os.environ["HEARSAY_SCREENSHOTS"])
    out.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 1360, "height": 1000})
    pg = context.new_page()
    pg.goto(example_url)
    ledger = pg.request.get(example_url + ".json").json()
    counts: dict[str, int] = {}
    for c in ledger["claims"]:
        counts[c["source"]] = counts.get(c["source"], 0) + 1
    kinds = {s["id"]: s["kind"] for s in ledger["sources"]}
    chosen = max(counts, key=lambda s: (kinds[s] != "author", counts[s]))
    pg.locator(f'.source-btn[data-source="{chosen}"]').click()
    pg.locator("details.legend > summary").click()  # fold the legend: more article in view
    claim = next(c for c in ledger["claims"] if c["source"] == chosen)
    pg.locator(f"#claim-{claim['id']}").focus()
    pg.evaluate("window.scrollTo(0, 0)")
    pg.screenshot(path=str(out / "article.png"))
    for title, outlet, day in (("Ferry talks collapse", "Harbor Gazette", "2024-03-12"),
                               ("Council member quits", "Eastport Ledger", "2024-03-13")):
        pg.request.post(server + "/api/analyze", data={"text": NO_DATE, "title": title, "outlet": outlet, "published": day})
    pg.goto(server + "/history")
    pg.screenshot(path=str(out / "history.png"))
    context.close()
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    pg = context.new_page()
    pg.goto(example_url)
    pg.screenshot(path=str(out / "narrow.png"))
    context.close()
    for name in ("article.png", "history.png", "narrow.png"):
        assert (out / name).stat().st_size > 10_000
