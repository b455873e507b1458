"""Claim matching: claims in different articles that say the same thing.

The base matcher is lexical: stemmed content terms weighted by inverse document frequency,
compared by weighted overlap (shared weight over the smaller claim's weight), so a short
restatement ("Ellery has asked out") matches the long original, and hedged or hardened forms
("is said to be preparing to shut" / "will close") match on what they share. Negation words are
not content terms, so a denial's restatement matches the claim it denies (its stance is read
separately). Blocking by an inverted index over the rarer terms keeps the cost near-linear:
only claims sharing a rare term are ever compared. ``Bm25Index`` is the same idea as a ranked
retriever for `hearsay match` and the CLEF evaluation.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .items import TraceItem
from .words import TermWeights, content_terms, is_negated, name_terms

#: a pair is the same claim when its weighted overlap reaches this and it shares enough weight.
SAME_CLAIM = 0.5
MIN_SHARED_TERMS = 2
#: weight of a name term relative to other content terms
NAME_WEIGHT = 0.3
#: a term found in more than this share of all claims is too common to block on.
BLOCK_MAX_SHARE = 0.05
BLOCK_MIN_POSTINGS = 50


@dataclass
class Unit:
    """One ledger claim of one article, as claim matching sees it."""

    item: TraceItem
    claim_id: str
    start: int
    end: int
    text: str
    source: str
    terms: frozenset = field(default_factory=frozenset)
    negated: bool = False
    names: frozenset = field(default_factory=frozenset)

    @property
    def key(self) -> tuple[str, str]:
        return (self.item.id, self.claim_id)


def claim_units(items: list[TraceItem]) -> list[Unit]:
    out = []
    for item in items:
        for c in item.ledger.claims:
            terms = frozenset(content_terms(c.span.text))
            if terms:
                out.append(Unit(item, c.id, c.span.start, c.span.end, c.span.text, c.source, terms,
                                is_negated(c.span.text), name_terms(c.span.text) & terms))
    return out


def similarity(a: Unit, b: Unit, weights: TermWeights) -> float:
    """Shared weight over the smaller claim's weight, names counting for ``NAME_WEIGHT``;
    0 unless the two share at least ``MIN_SHARED_TERMS`` words that are not names."""
    shared = a.terms & b.terms
    names = a.names | b.names
    if len(shared - names) < MIN_SHARED_TERMS:
        return 0.0

    def mass(terms) -> float:
        return sum(weights.idf(t) * (NAME_WEIGHT if t in names else 1.0) for t in terms)

    small = min(mass(a.terms), mass(b.terms)) or 1.0
    return mass(shared) / small


def candidate_pairs(units: list[Unit]):
    """Pairs of units in different articles that share at least one not-too-common term."""
    postings: dict[str, list[int]] = defaultdict(list)
    for n, u in enumerate(units):
        for t in u.terms:
            postings[t].append(n)
    cap = max(BLOCK_MIN_POSTINGS, int(BLOCK_MAX_SHARE * len(units)))
    seen = set()
    for plist in postings.values():
        if len(plist) > cap:
            continue
        for i, a in enumerate(plist):
            for b in plist[i + 1:]:
                if (a, b) not in seen and units[a].item.id != units[b].item.id:
                    seen.add((a, b))
                    yield a, b


def cluster_units(units: list[Unit], weights: TermWeights, threshold: float = SAME_CLAIM) -> list[list[Unit]]:
    """Groups of units that make the same claim (single link over matching pairs), each in
    publication order; a group is kept only when it spans two or more articles."""
    parent = list(range(len(units)))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in candidate_pairs(units):
        if similarity(units[a], units[b], weights) >= threshold:
            ra, rb = root(a), root(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[Unit]] = defaultdict(list)
    for n, u in enumerate(units):
        groups[root(n)].append(u)
    out = []
    for g in groups.values():
        if len({u.item.id for u in g}) >= 2:
            out.append(sorted(g, key=lambda u: (u.item.order, u.start)))
    return sorted(out, key=lambda g: (g[0].item.order, g[0].start))


class Bm25Index:
    """Okapi BM25 over stemmed content terms: the ranked retriever behind `hearsay match`."""

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
