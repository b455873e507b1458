"""What other pages cannot make this server do, and what no article can do to it: Host
allow-list, same-origin form with a CSRF token, JSON-only API, rate limit, and analysis in
worker processes with a time budget (a 504, the worker replaced, the server still answering)."""

from __future__ import annotations

import threading
import time
import warnings

import pytest

pytest.importorskip("fastapi", reason="the [web] extra is not installed")

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient  # noqa: E402

from hearsay.web import create_app  # noqa: E402
from hearsay.web.security import RateLimiter, host_allowed, host_name, same_origin  # noqa: E402
from hearsay.web.workers import WorkerPool  # noqa: E402

from webtools import BASE, post_form  # noqa: E402

TEXT = "The mayor said the bridge would reopen in May."


@pytest.fixture(scope="module")
def client(nlp):
    with TestClient(create_app(nlp), base_url=BASE) as c:
        yield c


def test_host_names_and_allow_list():
    assert host_name("[::1]:8000") == "::1" and host_name("LocalHost:80") == "localhost" and host_name("::1") == "::1"
    loopback = ("127.0.0.1", "localhost", "::1")
    assert host_allowed("127.0.0.1:8000", loopback) and host_allowed("[::1]:8000", loopback)
    assert not host_allowed("attacker.example:8000", loopback) and not host_allowed("", loopback)
    assert host_allowed("anything", ("*",))


def test_a_rebound_host_name_gets_nothing(nlp):
    with TestClient(create_app(nlp), base_url="http://attacker.example:8000") as c:
        r = c.get("/")
        assert r.status_code == 421 and "--allowed-host" in r.text
        r = c.post("/api/analyze", json={"text": TEXT})
        assert r.status_code == 421 and "attacker.example" in r.json()["error"]
    with TestClient(create_app(nlp, allowed_hosts=("news.lan",)), base_url="http://news.lan") as c:
        assert c.get("/health").status_code == 200


def test_api_takes_only_json(client):
    for headers in ({"content-type": "text/plain"}, {"content-type": "application/x-www-form-urlencoded"}, {}):
        r = client.post("/api/analyze", content=b'{"text": "The mayor said so."}', headers=headers)
        assert r.status_code == 415 and "application/json" in r.json()["error"]
    r = client.post("/api/analyze", content=b'{"text": "The mayor said so."}', headers={"content-type": "application/json; charset=utf-8"})
    assert r.status_code == 200


def test_form_needs_its_own_origin_and_token(client):
    assert same_origin({"origin": "http://localhost:8000"}, "localhost:8000") is None
    assert same_origin({"referer": "http://localhost:8000/ledger/x"}, "localhost:8000") is None
    assert "another site" in same_origin({"origin": "https://evil.example"}, "localhost:8000")
    assert "without an Origin" in same_origin({}, "localhost:8000")

    r = post_form(client, data={"text": TEXT}, headers={"origin": "https://evil.example"})
    assert r.status_code == 403 and "another site" in r.text
    client.get("/")
    r = client.post("/analyze", data={"text": TEXT, "csrf": "guessed"}, headers={"origin": BASE})
    assert r.status_code == 403 and "security token" in r.text and TEXT in r.text  # the text is kept to resend
    r = client.post("/analyze", data={"text": TEXT}, headers={"origin": BASE})
    assert r.status_code == 403
    page = client.get("/")
    assert f'name="csrf" value="{client.cookies.get("hearsay_csrf")}"' in page.text
    cookie = page.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie
    assert post_form(client, data={"text": TEXT}, follow_redirects=False).status_code == 303


def test_rate_limit_per_client():
    now = [0.0]
    limiter = RateLimiter(6, burst=2, clock=lambda: now[0])
    assert limiter.take("a") == 0 and limiter.take("a") == 0
    wait = limiter.take("a")
    assert wait == pytest.approx(10.0)
    assert limiter.take("b") == 0, "another client has its own allowance"
    now[0] += 10
    assert limiter.take("a") == 0
    assert RateLimiter(0).take("a") == 0


def test_rate_limited_requests_get_429_with_retry_after(nlp):
    with TestClient(create_app(nlp, rate_limit=6), base_url=BASE) as c:
        codes = [c.post("/api/analyze", json={"text": f"The mayor said {n} bridges would reopen."}) for n in range(3)]
        assert [r.status_code for r in codes] == [200, 429, 429]
        assert int(codes[1].headers["retry-after"]) >= 1 and "too many" in codes[1].json()["error"]
        # a ledger already kept is answered without analysing, so it is not counted
        assert c.post("/api/analyze", json={"text": "The mayor said 0 bridges would reopen."}).status_code == 200


def test_worker_pool_stops_a_slow_article_and_keeps_serving(nlp):
    """One worker, a one-second budget, an article of thousands of quote marks: 504 with a
    clear message, /health answers while it runs, the worker is replaced, the next article
    goes through."""
    pool = WorkerPool(1, timeout=2.0, wait=0.5)
    with TestClient(create_app(analyser=pool, rate_limit=0), base_url=BASE) as c:
        assert c.get("/health").json()["analysis"]["ready"] == 1
        slow: dict = {}
        thread = threading.Thread(target=lambda: slow.update(r=c.post("/api/analyze", json={"text": '"' * 20_000})))
        thread.start()
        while c.get("/health").json()["analysis"]["ready"]:  # until the slow article holds the worker
            time.sleep(0.02)
        health = c.get("/health")
        assert health.status_code == 200 and health.json()["analysis"]["mode"] == "worker processes"
        # the only worker is busy: another article waits at most `wait` seconds, then 503
        busy = c.post("/api/analyze", json={"text": "The mayor said the ferry would run."})
        assert busy.status_code == 503 and busy.headers["retry-after"] and "busy" in busy.json()["error"]
        thread.join(timeout=60)
        r = slow["r"]
        assert r.status_code == 504 and "longer than" in r.json()["error"]
        deadline = time.monotonic() + 120
        while not c.get("/health").json()["analysis"]["ready"]:  # the replacement loads its pipeline
            assert time.monotonic() < deadline, "the stopped worker was not replaced"
            time.sleep(0.1)
        ok = c.post("/api/analyze", json={"text": TEXT})
        assert ok.status_code == 200, ok.text
        assert ok.json()["claims"]
        assert c.get("/health").json()["analysis"]["replaced"] == 1
