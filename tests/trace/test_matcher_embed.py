"""The MiniLM matcher (the optional [embed] extra), loaded offline from its package."""

from __future__ import annotations

import pytest

from hearsay.trace import embed
from hearsay.trace.matching import rank_claims

pytestmark = pytest.mark.skipif(not embed.available(), reason="the [embed] extra is not installed (make install-embed)")

CLAIMS = {"c1": "The paper mill will shut down this summer", "c2": "A bridge on Route 9 reopens Monday",
          "c3": "The mayor was re-elected with 60 percent"}


def test_embeddings_find_a_paraphrase_with_no_shared_content_word():
    # "factory" / "close" share no stem with "mill" / "shut down": BM25 has nothing to go on
    query = {"q": "The factory is closing"}
    assert rank_claims(query, CLAIMS, "embed", depth=1)["q"][0][0] == "c1"
    assert rank_claims(query, CLAIMS, "hybrid", depth=1)["q"][0][0] == "c1"


def test_embeddings_are_unit_length_and_offline(monkeypatch):
    import os

    vec = embed.encode(["one claim", "another claim"])
    assert abs(float((vec[0] ** 2).sum()) - 1.0) < 1e-4
    assert os.environ.get("HF_HUB_OFFLINE") == "1"
