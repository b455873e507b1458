"""The web page's failure policy: lenient by its own choice (issue 8), not by the process
default, so a stage failure on the page is a warning and the rest of the ledger, even in a
process (like this test suite) whose default is strict."""

from __future__ import annotations

import os
import warnings

import pytest

pytest.importorskip("fastapi", reason="the [web] extra is not installed")

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient  # noqa: E402

import hearsay  # noqa: E402
from hearsay.web import create_app, workers  # noqa: E402

from webtools import BASE  # noqa: E402

TEXT = "The mayor said the ferry would return in May, according to the harbor office."


def test_the_page_is_lenient_where_the_process_default_is_strict(nlp, monkeypatch):
    assert os.environ.get("HEARSAY_ON_FAILURE") == "strict"  # the suite's default, set in conftest

    def fail(self, doc):
        raise RuntimeError("injected into hearsay_hedging")

    monkeypatch.setattr(type(nlp.get_pipe("hearsay_hedging")), "__call__", fail)
    with pytest.raises(RuntimeError):
        hearsay.analyze(TEXT, nlp=nlp)  # the process default raises
    with TestClient(create_app(nlp, rate_limit=0), base_url=BASE) as c:
        r = c.post("/api/analyze", json={"text": TEXT})
    assert r.status_code == 200, r.text
    warnings_ = r.json()["summary"]["warnings"]
    assert any("stage hearsay_hedging failed (RuntimeError: injected into hearsay_hedging)" in w for w in warnings_)
    assert r.json()["attributions"]  # the stages around the failed one still ran


def test_worker_processes_analyse_with_the_pages_policy(monkeypatch):
    """Worker processes (spawned, so they inherit only the environment) and the in-process
    analyser share ``_analyse``, which names the policy itself."""
    seen = {}

    def record(article, nlp=None, on_failure=None):
        seen["on_failure"] = on_failure
        return "ledger"

    monkeypatch.setattr(hearsay, "analyze_article", record)
    assert workers._analyse(object(), object()) == "ledger"
    assert seen["on_failure"] == workers.ON_FAILURE == "lenient"
