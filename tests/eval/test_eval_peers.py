"""Peer adapters: offsets recovered from tool strings, and a failing peer counted as misses."""

from __future__ import annotations

import pytest

from hearsay.eval import peers
from hearsay.eval.peer_times import locate


def test_locate_walks_forward_through_repeated_strings():
    text = "Monday was cold. On Monday it snowed. Tuesday too."
    recs = locate(text, [("Monday", {"value": "a"}), ("Monday", {"value": "b"}), ("Tuesday", {"value": "c"}),
                         ("Sunday", {"value": "lost"})])
    assert [(r["start"], r["value"]) for r in recs] == [(0, "a"), (20, "b"), (38, "c")]


def test_failing_peer_text_is_a_miss_not_a_crash(monkeypatch):
    pytest.importorskip("textacy")

    def boom(doc, text):
        if "boom" in text:
            raise ValueError("unclosed quotation")
        return peers._empty(text)

    monkeypatch.setattr(peers, "textacy_ledger", boom)
    problems: list[str] = []
    out = peers.textacy_ledgers(["A calm text.", "A boom text."], problems)
    assert len(out) == 2 and out[1]["attributions"] == []
    assert problems and "text 2" in problems[0]


def test_textacy_quotes_become_ledger_attributions(nlp):
    pytest.importorskip("textacy")
    text = '"We will rebuild the pier by summer," Mayor Ann Ruiz said on Tuesday.'
    led = peers.textacy_ledger(nlp(text), text)
    assert len(led["attributions"]) == 1
    content = led["attributions"][0]["content"]
    assert content["text"].startswith("We will rebuild") and not content["text"].startswith('"')
