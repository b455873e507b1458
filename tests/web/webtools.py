"""Helpers the web tests share: the address they use and a form post as a browser sends it."""

from __future__ import annotations

from hearsay.web.security import CSRF_COOKIE, CSRF_FIELD

#: a loopback name the server answers to (its Host allow-list refuses "testserver")
BASE = "http://localhost"


def post_form(client, data: dict | None = None, files=None, **kwargs):
    """POST /analyze like the page's own form: with the page's CSRF token and its Origin."""
    if not client.cookies.get(CSRF_COOKIE):
        client.get("/")
    fields = {**(data or {}), CSRF_FIELD: client.cookies.get(CSRF_COOKIE)}
    headers = {"origin": BASE, **kwargs.pop("headers", {})}
    return client.post("/analyze", data=fields, files=files, headers=headers, **kwargs)


class LiveServer:
    """An app served by uvicorn on a free loopback port, in a thread, for the browser tests;
    ``with LiveServer(app) as url:`` — leaving the block stops it (a restart is a new one)."""

    def __init__(self, app):
        self.app = app
        self.server = None
        self.thread = None

    def __enter__(self) -> str:
        import socket
        import threading
        import time

        import uvicorn

        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
        sock.close()
        self.server = uvicorn.Server(uvicorn.Config(self.app, host="127.0.0.1", port=port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 60
        while not self.server.started:
            assert time.monotonic() < deadline, "the web server did not start"
            assert self.thread.is_alive(), "the web server stopped while starting"
            time.sleep(0.05)
        return f"http://127.0.0.1:{port}"

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


# --- the browser: Debian's chromium through Playwright ------------------------------------

import os  # noqa: E402
import shutil  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

CHROMIUM = os.environ.get("HEARSAY_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
#: axe-core as `make browser` installs it from the npm registry
AXE = Path(os.environ.get("HEARSAY_AXE") or Path(__file__).resolve().parents[2] / ".cache/npm/node_modules/axe-core/axe.min.js")


def missing(what: str, where) -> None:
    """A tool the browser tests need is absent: a failure under CI, a skip elsewhere."""
    message = f"{what} is not installed at {where}; `make browser` installs it"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="module")
def browser():
    from playwright import sync_api

    if not os.path.exists(CHROMIUM):
        missing("chromium", CHROMIUM)
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def server(nlp, keeper):
    """The app on a live port over the test module's own ``keeper`` fixture, so each browser
    module brings its own store (a memory keeper, a traced demo corpus) and one server shape."""
    from hearsay.web import create_app

    with LiveServer(create_app(nlp, keeper=keeper, rate_limit=0)) as url:
        yield url


def watch(pg) -> None:
    """Collect script errors and dialogs on ``pg.problems``: a page must raise neither."""
    problems: list[str] = []
    pg.on("pageerror", lambda exc: problems.append(f"script error: {exc}"))
    pg.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    pg.problems = problems
    pg.set_default_timeout(15_000)


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    watch(pg)
    yield pg
    context.close()


def submit(page, server: str, text: str, **fields) -> dict:
    """Paste ``text`` (and fill ``fields``) on the form, press Analyse; the ledger's JSON."""
    page.goto(server + "/")
    page.fill("#text", text)
    for name, value in fields.items():
        page.fill(f"input[name={name}]", value)
    page.click("#analyze")
    page.wait_for_url("**/ledger/*")
    return page.request.get(page.url + ".json").json()


def audit(pg) -> list[str]:
    """Serious and critical axe-core violations on the page, one line each."""
    if not AXE.exists():
        missing("axe-core", AXE)
    pg.add_script_tag(path=str(AXE))
    result = pg.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['impact']}: {v['id']} ({v['help']}) at {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"] if v["impact"] in ("serious", "critical")
    ]
