"""The web page's server side: the marked-up article, the JSON twins, limits and error answers.

Requests go through Starlette's test client (httpx) to an app sharing the session's pipeline;
the browser-driven checks are in test_web_browser.py, keeping and security in their own files.
"""

from __future__ import annotations

import copy
import json
import subprocess
import sys
import warnings
from html.parser import HTMLParser

import pytest

pytest.importorskip("fastapi", reason="the [web] extra is not installed")

with warnings.catch_warnings():  # starlette's notice about httpx, at import
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient  # noqa: E402

from hearsay.cli import build_parser, main  # noqa: E402
from hearsay.ledger import Ledger  # noqa: E402
from hearsay.render.html import Mark, article_html, date_position, layer, timeline_points  # noqa: E402
from hearsay.web import create_app  # noqa: E402

from conftest import EXAMPLE, SEED, assert_spans_valid  # noqa: E402
from webtools import BASE, post_form  # noqa: E402

PUBLISHED = "2024-03-14"
PAYLOAD = (
    'Police said the suspect left a note. <script>alert("x")</script> '
    '"<img src=x onerror=alert(1)>," the chief said. '
    "</span><span id=claim-C1>Fake</span> & more."
)


@pytest.fixture(scope="module")
def client(nlp):
    with TestClient(create_app(nlp), base_url=BASE) as c:
        yield c


@pytest.fixture(scope="module")
def example_text():
    return EXAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def example(client, example_text):
    r = client.post("/api/analyze", json={"text": example_text, "published": PUBLISHED, "outlet": "Eastport Ledger"})
    assert r.status_code == 200, r.text
    return r.json()


class TextAndTags(HTMLParser):
    """The text content of an HTML fragment and the start tags in it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def parse(fragment: str) -> TextAndTags:
    p = TextAndTags()
    p.feed(fragment)
    p.close()
    return p


# --- the marked-up article (pure functions) -----------------------------------------------


def test_crossing_marks_are_split_into_properly_nested_pieces():
    text = "Officials said the bridge was unsafe, a report claims."
    outer = Mark(0, 36, "claim", "C1")     # "Officials said ... unsafe"
    crossing = Mark(15, 53, "claim", "C2")  # "the bridge ... claims" crosses C1's end
    inner = Mark(10, 14, "cue", "A1")       # "said", nested in C1
    events = layer(text, [crossing, inner, outer])
    stack, pieces = [], {"C1": 0, "C2": 0}
    for ev in events:
        if ev[0] == "open":
            stack.append(ev[1])
            if ev[1].kind == "claim":
                pieces[ev[1].ref] += 1
        elif ev[0] == "close":
            assert stack.pop() is ev[1], "closing tags must match the innermost open one"
    assert not stack
    assert "".join(ev[1] for ev in events if ev[0] == "text") == text
    assert pieces == {"C1": 1, "C2": 2}
    firsts = [ev[1].ref for ev in events if ev[0] == "open" and ev[2] and ev[1].kind == "claim"]
    assert firsts == ["C1", "C2"], "each claim has exactly one first piece"


def test_article_markup_keeps_the_text_exactly_and_escapes_it(analyze):
    ledger = analyze(PAYLOAD, published=PUBLISHED)
    html = str(article_html(ledger))
    assert "<script" not in html and "<img" not in html
    parsed = parse(html)
    assert "".join(parsed.text) == ledger.document.text
    assert {tag for tag, _ in parsed.tags} <= {"span"}
    ids = [a["id"] for _, a in parsed.tags if "id" in a]
    assert ids == [f"claim-{c.id}" for c in ledger.claims], "one focusable first piece per claim, in order"
    assert all(a.get("tabindex") == "0" and a.get("data-label") for _, a in parsed.tags if "id" in a)


def test_every_claim_is_marked_with_its_source_kind(example):
    ledger = Ledger.model_validate({k: v for k, v in example.items() if k != "id"})
    assert_spans_valid(ledger)
    kinds = {s.id: s.kind for s in ledger.sources}
    tags = [a for _, a in parse(str(article_html(ledger))).tags if "data-claim" in a]
    firsts = {a["data-claim"]: a for a in tags if "id" in a}
    assert len(firsts) == len(ledger.claims) > 5
    for claim in ledger.claims:
        a = firsts[claim.id]
        assert a["data-source"] == claim.source and a["data-kind"] == kinds[claim.source]
        assert a["data-label"].startswith(claim.id)
        denied = any(x.id == claim.attribution and x.polarity == "denied" for x in ledger.attributions)
        assert a["data-label"].endswith("denied") == denied
        assert any(k in a["class"].split() for k in ("k-named", "k-anonymous", "k-reports", "k-outlet-document", "k-author"))


def test_timeline_is_laid_out_in_proportion_to_time(example):
    assert date_position("2023") == 2023.0
    assert date_position("2023-07") == pytest.approx(2023.5)
    assert date_position("2023-W27") == pytest.approx(2023.5, abs=0.01)
    assert date_position("2023-Q3") == date_position("2023-07")
    assert date_position("PAST_REF") is None
    ledger = Ledger.model_validate({k: v for k, v in example.items() if k != "id"})
    points, first, last = timeline_points(ledger, width=300)
    assert len(points) == len([t for t in ledger.timeline if date_position(t.date) is not None])
    xs = [p.x for p in points]
    assert xs == sorted(xs)
    if len({p.date for p in points}) > 1:
        assert xs[0] == 0 and xs[-1] == 300 and first < last


# --- JSON twins --------------------------------------------------------------------------


def test_api_returns_the_cli_ledger_plus_its_id(client, example, example_text, tmp_path, capsys):
    path = tmp_path / "article.txt"
    path.write_text(example_text, encoding="utf-8")
    assert main(["analyze", str(path), "--format", "json", "--published", PUBLISHED]) == 0
    cli = json.loads(capsys.readouterr().out)
    api = copy.deepcopy(example)
    key = api.pop("id")
    assert api["document"].pop("outlet") == "Eastport Ledger"
    cli["document"].pop("outlet")
    assert api == cli
    twin = client.get(f"/ledger/{key}.json")
    assert twin.status_code == 200 and twin.json() == example
    page = client.get(f"/ledger/{key}")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")


def test_health(client):
    r = client.get("/health")
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "ok" and "hearsay_claims" in body["pipeline"]


def test_ledger_page_has_every_panel(client, example):
    html = client.get(f"/ledger/{example['id']}").text
    for section in ('id="article"', 'id="verdict"', 'id="sources"', 'id="people"', 'id="timeline"', 'id="checks"'):
        assert section in html
    assert "Eastport Ledger" in html
    for claim in example["claims"]:
        assert f'id="detail-{claim["id"]}"' in html
    for source in {c["source"] for c in example["claims"]}:
        assert f'data-source="{source}" aria-pressed="false"' in html
    for entry in example["timeline"]:
        assert f'data-date="{entry["date"]}"' in html


def test_every_link_on_the_page_has_its_target(client, example):
    pages = [client.get(f"/ledger/{example['id']}").text]
    if SEED.exists():  # the seed article has consistency checks that refer to relations
        seed = client.post("/api/analyze", json={"text": SEED.read_text(encoding="utf-8"), "published": "2023-08-16"}).json()
        pages.append(client.get(f"/ledger/{seed['id']}").text)
    for html in pages:
        tags = parse(html).tags
        ids = {a["id"] for _, a in tags if "id" in a}
        anchors = {a["href"][1:] for _, a in tags if a.get("href", "").startswith("#")}
        assert anchors <= ids


# --- safety -------------------------------------------------------------------------------


def test_security_headers_on_pages_errors_and_static_files(client):
    for path in ("/", "/static/app.js", "/ledger/nope", "/health"):
        r = client.get(path)
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "default-src 'none'" in csp and "unsafe-inline" not in csp
        assert r.headers["x-content-type-options"] == "nosniff"


def test_untrusted_text_and_fields_are_escaped(client):
    r = post_form(client,
        data={"text": PAYLOAD, "title": "<script>alert(2)</script>", "outlet": '"><img src=x onerror=alert(3)>'},
        follow_redirects=True,
    )
    assert r.status_code == 200
    assert "<script>alert" not in r.text and "<img src=x" not in r.text
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in r.text
    # no inline script or handler anywhere: every script is the static file
    tags = parse(r.text).tags
    assert [a.get("src") for t, a in tags if t == "script"] == ["/static/app.js"]
    assert not any(k.startswith("on") for _, a in tags for k in a)


# --- malformed and oversized requests -----------------------------------------------------


@pytest.mark.parametrize(
    "body, status, words",
    [
        (b"{not json", 400, "not valid JSON"),
        (b"\xff\xfe", 400, "not valid JSON"),
        (b"[1, 2]", 422, "JSON object"),
        (b'{"title": "no text"}', 422, '"text"'),
        (b'{"text": 42}', 422, '"text"'),
        (b'{"text": "   "}', 422, "empty"),
        (b'{"text": "The mayor said so.", "published": "14/03/2024"}', 422, "YYYY-MM-DD"),
        (b'{"text": "The mayor said so.", "title": ["a"]}', 422, '"title"'),
        (b'{"text": "The mayor said so.", "publised": "2024-03-14"}', 422, "unknown field 'publised'"),
        (b'{"text": "The mayor said so.", "url": 7}', 422, '"url"'),
        (b"[" * 50_000 + b"]" * 50_000, 400, "nested too deeply"),
        (b'{"text": "The mayor \\ud800 said so."}', 422, "lone surrogate"),
    ],
)
def test_malformed_api_requests_get_a_4xx_with_a_message(client, body, status, words):
    r = client.post("/api/analyze", content=body, headers={"content-type": "application/json"})
    assert r.status_code == status
    assert words in r.json()["error"]


def test_unknown_ledger_and_wrong_method_are_4xx(client):
    r = client.get("/ledger/0000.json")
    assert r.status_code == 404 and "analyse the article again" in r.json()["error"]
    r = client.get("/ledger/0000")
    assert r.status_code == 404 and "analyse the article again" in r.text
    r = client.get("/api/analyze")
    assert r.status_code == 405 and r.json()["error"]


def test_limits_refuse_with_413(nlp):
    app = create_app(nlp, max_chars=200, max_upload=1000)
    with TestClient(app, base_url=BASE) as c:
        long_text = "The mayor said the bridge would reopen. " * 10
        r = c.post("/api/analyze", json={"text": long_text})
        assert r.status_code == 413 and "limit is 200" in r.json()["error"]
        r = post_form(c, data={"text": long_text})
        assert r.status_code == 413 and "limit is 200" in r.text
        assert long_text not in r.text or "textarea" in r.text
        r = post_form(c, files={"file": ("big.txt", b"x. " * 600, "text/plain")})
        assert r.status_code == 413 and "big.txt" in r.text
        r = post_form(c, data={"text": "word " * 20_000})
        assert r.status_code == 413 and "larger than" in r.text and "/static/app.css" in r.text
        huge = json.dumps({"text": "word " * 200_000}).encode()
        r = c.post("/api/analyze", content=huge, headers={"content-type": "application/json"})
        assert r.status_code == 413 and "larger than" in r.json()["error"]
        chunks = (b"word " * 2000 for _ in range(100))  # streamed: no Content-Length to go by
        r = c.post("/api/analyze", content=chunks, headers={"content-type": "application/json"})
        assert r.status_code == 413 and "larger than" in r.json()["error"]


def test_form_refuses_other_file_types_and_keeps_the_fields(client):
    r = post_form(client, data={"title": "Kept title"}, files={"file": ("photo.png", b"\x89PNG\r\n", "image/png")})
    assert r.status_code == 415 and "photo.png" in r.text and 'value="Kept title"' in r.text
    r = post_form(client, data={"text": "  "})
    assert r.status_code == 422 and "empty" in r.text


# --- the input page -----------------------------------------------------------------------


def test_form_paste_and_uploads_reach_the_article_view(client):
    r = post_form(client, data={"text": "The mayor said the bridge would reopen in May.", "published": PUBLISHED}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/ledger/")
    body = client.get(r.headers["location"] + ".json").json()
    assert body["document"]["published"] == PUBLISHED and body["document"]["published_basis"] == "given"

    r = post_form(client, files={"file": ("story.txt", "Police said two men were arrested.".encode(), "text/plain")})
    assert r.status_code == 200 and "Police said two men were arrested." in "".join(parse(r.text).text)

    paragraphs = "".join(
        f"<p>Paragraph {i}: the harbor authority said on Monday that the ferry contract would be reviewed by auditors.</p>"
        for i in range(6)
    )
    page = f"<!doctype html><html><head><title>Ferry review</title></head><body><article><h1>Ferry review</h1>{paragraphs}</article></body></html>"
    r = post_form(client, data={"outlet": "Harbor Gazette"}, files={"file": ("page.html", page.encode(), "text/html")}, follow_redirects=False)
    assert r.status_code == 303
    body = client.get(r.headers["location"] + ".json").json()
    assert "ferry contract would be reviewed" in body["document"]["text"] and "<p>" not in body["document"]["text"]
    assert body["document"]["outlet"] == "Harbor Gazette"


def test_example_link_fills_in_the_shipped_article(client, example_text):
    r = client.get("/example")
    assert r.status_code == 200
    textarea = r.text.split('<textarea', 1)[1].split("</textarea>", 1)[0]
    assert "".join(parse("<textarea" + textarea + "</textarea>").text) == example_text


def test_ledgers_are_kept_in_a_bounded_store(nlp):
    with TestClient(create_app(nlp, keep=2), base_url=BASE) as c:
        ids = [c.post("/api/analyze", json={"text": f"The mayor said {n} bridges would reopen."}).json()["id"] for n in range(3)]
        assert c.get(f"/ledger/{ids[0]}.json").status_code == 404
        assert all(c.get(f"/ledger/{i}.json").status_code == 200 for i in ids[1:])
        assert c.get("/health").json()["ledgers"] == 2


# --- the command and the import boundary --------------------------------------------------


def test_serve_command_defaults_to_loopback():
    args = build_parser().parse_args(["serve"])
    assert args.host == "127.0.0.1" and args.port == 8000 and args.delegate == "hearsay.web"


def test_web_module_does_not_import_spacy():
    code = (
        "import sys, hearsay.web, hearsay.web.pages, hearsay.web.keeper, hearsay.web.workers, hearsay.render.html, "
        "hearsay.render.claim_table; sys.exit('spacy' in sys.modules)"
    )
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
