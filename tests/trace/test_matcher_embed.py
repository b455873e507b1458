"""The MiniLM matcher (the optional [embed] extra), loaded offline from its package."""

from __future__ import annotations

import os

import pytest

from hearsay.trace import embed
from hearsay.trace.retrieval import rank_claims

# `make test` sets HEARSAY_REQUIRE_EMBED, since `make install` installs the extra: there a
# missing extra is a failure, not a skip
pytestmark = pytest.mark.skipif(not embed.available() and not os.environ.get("HEARSAY_REQUIRE_EMBED"),
                                reason="the [embed] extra is not installed (make install)")

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


def test_a_post_matches_a_claim_through_its_fact_check_title():
    # the post repeats the headline's words; the claim says it another way
    claims = {"c1": ("A regional airline grounded its fleet after a software fault", "Skyhop planes stuck on the ground"),
              "c2": ("The city zoo welcomed a baby giraffe", "Giraffe calf born at zoo"),
              "c3": ("Airport parking fees will double next year", "Parking at the airport costs more")}
    ranked = rank_claims({"q": "Skyhop planes are stuck on the ground today https://t.co/x1 #travel"}, claims, "embed", depth=3)
    assert ranked["q"][0][0] == "c1"
    assert rank_claims({"q": "Skyhop planes are stuck on the ground today"}, claims, "hybrid", depth=1)["q"][0][0] == "c1"


def test_the_default_matcher_with_the_extra_is_the_hybrid():
    from hearsay.trace.retrieval import default_matcher

    assert default_matcher() == "hybrid"
