"""Claim retrieval (`hearsay match`, `hearsay eval match`): the post cleaning both matchers share,
a claim's fields, rank fusion and the default matcher. The embedding is replaced here by a
bag-of-words stand-in, so these run without the [embed] extra (tests/trace/test_matcher_embed.py
runs the real MiniLM)."""

from __future__ import annotations

import io

import numpy as np
import pytest

from hearsay.cli import main
from hearsay.trace import embed, retrieval
from hearsay.trace.retrieval import rank_claims, reciprocal_rank_fusion, resolve_matcher
from hearsay.trace.words import words


class BagOfWords:
    """A stand-in for MiniLM: unit-length word-count vectors, and a record of what it was given."""

    def __init__(self):
        self.seen: list[str] = []
        self.vocab: dict[str, int] = {}

    def __call__(self, texts, batch_size=64):
        texts = list(texts)
        self.seen.extend(texts)
        rows = []
        for t in texts:
            for w in words(t):
                self.vocab.setdefault(w, len(self.vocab))
            rows.append(words(t))
        out = np.zeros((len(texts), 512))
        for i, ws in enumerate(rows):
            for w in ws:
                out[i, self.vocab[w]] += 1.0
            norm = np.linalg.norm(out[i])
            if norm:
                out[i] /= norm
        return out


@pytest.fixture
def bag(monkeypatch):
    fake = BagOfWords()
    monkeypatch.setattr(embed, "encode", fake)
    monkeypatch.setattr(embed, "available", lambda: True)
    return fake


def test_the_embedding_reads_a_post_as_plain_words_like_bm25_does(bag):
    post = "Turtles nest on the pier again #SaveTheTurtles https://t.co/AbC123 pic.twitter.com/xYz9"
    rank_claims({"q": post}, {"c1": "Turtles nest on the pier"}, "embed")
    query = bag.seen[0]
    assert "http" not in query and "pic.twitter" not in query and "#" not in query
    assert "Save The Turtles" in query


def test_a_claim_is_scored_by_the_mean_of_its_fields(bag):
    # c1's claim shares no word with the post, its fact-check title says what the post says;
    # c2's claim shares one word: by the claim alone c2 would come first
    claims = {"c1": ("A captain was fined", "Ferry boss sails too fast"),
              "c2": ("Ferry tickets rise", "Ticket prices")}
    ranked = rank_claims({"q": "ferry boss sails too fast"}, claims, "embed", depth=2)["q"]
    assert [c for c, _ in ranked] == ["c1", "c2"]
    assert ranked[0][1] == pytest.approx(0.5)


def test_rank_fusion_prefers_agreement_to_one_ranking_alone():
    fused = dict(reciprocal_rank_fusion([["a", "b", "c"], ["b", "d", "a"]]))
    assert max(fused, key=fused.get) == "b"  # second and first beats first and third
    assert fused["a"] > fused["d"]  # in both rankings beats one
    assert fused["b"] == pytest.approx(1 / 62 + 1 / 61)


def test_the_hybrid_fuses_both_rankings(bag):
    # both rankings put c2 first, so its fused score is 2 / (k + 1) whatever the raw scores were
    claims = {"c1": "A warehouse fire closed the harbour road", "c2": "Harbour blaze closed the road"}
    hybrid = rank_claims({"q": "harbour blaze road closed"}, claims, "hybrid", depth=2)["q"]
    assert [c for c, _ in hybrid] == ["c2", "c1"]
    assert hybrid[0][1] == pytest.approx(2 / (retrieval.RRF_K + 1))


def test_the_default_matcher_is_the_hybrid_when_embeddings_are_installed(monkeypatch):
    monkeypatch.setattr(embed, "available", lambda: True)
    out = io.StringIO()
    assert resolve_matcher(None, out) == "hybrid"
    assert out.getvalue() == ""


def test_without_embeddings_the_default_is_bm25_with_a_notice(monkeypatch):
    monkeypatch.setattr(embed, "available", lambda: False)
    out = io.StringIO()
    assert resolve_matcher(None, out) == "bm25"
    assert out.getvalue().count("\n") == 1 and "not installed" in out.getvalue()
    quiet = io.StringIO()
    assert resolve_matcher("bm25", quiet) == "bm25" and quiet.getvalue() == ""


def test_match_command_says_when_it_falls_back_to_bm25(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(embed, "available", lambda: False)
    tsv = tmp_path / "claims.tsv"
    tsv.write_text("id\tclaim\ttitle\n1\tThe lighthouse will be sold\tLighthouse for sale\n2\tA new bakery opens\tBakery\n",
                   encoding="utf-8")
    assert main(["match", "lighthouse sold", str(tsv), "-k", "1"]) == 0
    captured = capsys.readouterr()
    assert "not installed" in captured.err
    assert captured.out.split("\t")[2:] == ["1", "The lighthouse will be sold Lighthouse for sale\n"]


def test_no_candidates_rank_to_nothing(bag):
    assert rank_claims({"q": "anything"}, {}, "hybrid") == {"q": []}


def test_an_unknown_matcher_is_refused():
    with pytest.raises(ValueError):
        rank_claims({"q": "x"}, {"c": "x"}, "cosine")
