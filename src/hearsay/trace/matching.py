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
#: the mean similarity two groups' members need to merge
COHESION = 0.3
#: weight of a name term relative to other content terms
NAME_WEIGHT = 0.3
#: a term found in more claims than this is too common to block on (a fixed number, not a
#: share, so that the pairs compared grow linearly with the corpus)
BLOCK_MAX_POSTINGS = 100
#: how many of a claim's rarest terms it is looked up under
BLOCK_KEYS = 6


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
    mass: float | None = None

    @property
    def key(self) -> tuple[str, str]:
        return (self.item.id, self.claim_id)


def claim_units(items: list[TraceItem]) -> list[Unit]:
    """One unit per ledger claim. A unit is ``negated`` when it says the opposite of its
    words: a negation in it ("has never asked"), or a denying cue ("rejected the claim that
    he and the coach are not speaking" denies "not speaking"); both at once cancel out."""
    out = []
    for item in items:
        denied = {a.id for a in item.ledger.attributions if a.polarity == "denied"}
        for c in item.ledger.claims:
            terms = frozenset(content_terms(c.span.text))
            if terms:
                negated = is_negated(c.span.text) != (c.attribution in denied)
                out.append(Unit(item, c.id, c.span.start, c.span.end, c.span.text, c.source, terms,
                                negated, name_terms(c.span.text) & terms))
    return out


def similarity(a: Unit, b: Unit, weights: TermWeights) -> float:
    """Shared weight over the smaller claim's weight, names counting for ``NAME_WEIGHT``;
    0 unless the two share at least ``MIN_SHARED_TERMS`` words that are not names."""
    shared = a.terms & b.terms
    names = a.names | b.names
    if len(shared - names) < MIN_SHARED_TERMS:
        return 0.0
    small = min(_mass(a, weights), _mass(b, weights)) or 1.0
    return sum(weights.idf(t) * (NAME_WEIGHT if t in names else 1.0) for t in shared) / small


def _mass(u: Unit, weights: TermWeights) -> float:
    if u.mass is None:
        u.mass = sum(weights.idf(t) * (NAME_WEIGHT if t in u.names else 1.0) for t in u.terms)
    return u.mass


def candidate_pairs(units: list[Unit]):
    """Pairs of units in different articles worth comparing (prefix filtering): each unit is
    looked up under its ``BLOCK_KEYS`` rarest terms only, and a term found in more than
    ``BLOCK_MAX_POSTINGS`` claims is no key at all. Two claims that say the same thing
    share their rare words, so this loses little, and the work grows with the corpus instead
    of with its square."""
    postings: dict[str, list[int]] = defaultdict(list)
    for n, u in enumerate(units):
        for t in u.terms:
            postings[t].append(n)
    cap = BLOCK_MAX_POSTINGS
    seen = set()
    for a, u in enumerate(units):
        keys = sorted((t for t in u.terms if len(postings[t]) <= cap), key=lambda t: (len(postings[t]), t))[:BLOCK_KEYS]
        for t in keys:
            for b in postings[t]:
                if b == a or units[b].item.id == u.item.id:
                    continue
                pair = (a, b) if a < b else (b, a)
                if pair not in seen:
                    seen.add(pair)
                    yield pair


def cluster_units(units: list[Unit], weights: TermWeights, threshold: float = SAME_CLAIM,
                  cohesion: float = COHESION) -> list[list[Unit]]:
    """Groups of units that make the same claim, each in publication order; a group is kept
    only when it spans two or more articles.

    Matching pairs are joined strongest first, and two groups merge only when their members
    match on average (``cohesion``, pairs never compared counting 0): one sentence that
    restates two claims at once ("that he asked for a trade, that the two are not speaking")
    then joins one of them instead of fusing both into one claim.
    """
    sims: dict[tuple[int, int], float] = {}
    for a, b in candidate_pairs(units):
        s = similarity(units[a], units[b], weights)
        if s > 0:
            sims[(a, b)] = s
    members: dict[int, list[int]] = {n: [n] for n in range(len(units))}
    owner = list(range(len(units)))
    # links[g][h]: summed similarity between groups g and h (average linkage, kept up to date)
    links: dict[int, dict[int, float]] = defaultdict(dict)
    for (a, b), s in sims.items():
        links[a][b] = s
        links[b][a] = s
    for (a, b), s in sorted(sims.items(), key=lambda kv: -kv[1]):
        if s < threshold:
            break
        ra, rb = owner[a], owner[b]
        if ra == rb:
            continue
        ma, mb = members[ra], members[rb]
        if links[ra].get(rb, 0.0) / (len(ma) * len(mb)) < cohesion:
            continue
        keep, gone = (ra, rb) if len(ma) >= len(mb) else (rb, ra)
        for x in members[gone]:
            owner[x] = keep
        members[keep].extend(members.pop(gone))
        for other, total in links.pop(gone).items():
            if other == keep:
                continue
            links[other].pop(gone, None)
            links[keep][other] = links[keep].get(other, 0.0) + total
            links[other][keep] = links[keep][other]
        links[keep].pop(gone, None)
    out = []
    for group in members.values():
        g = [units[n] for n in group]
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


MATCHERS = ("bm25", "embed", "hybrid")
#: in the hybrid, BM25 scores are divided by the query's best score and added with this weight
HYBRID_BM25_WEIGHT = 0.3


def rank_claims(queries: dict[str, str], claims: dict[str, str], matcher: str, depth: int = 100) -> dict[str, list[tuple[str, float]]]:
    """Each query's ranked claims: BM25, MiniLM cosine, or both (cosine re-ranking BM25's
    top candidates plus the embedding's own, with the normalised BM25 score added)."""
    out: dict[str, list[tuple[str, float]]] = {}
    index = Bm25Index(claims) if matcher in ("bm25", "hybrid") else None
    if matcher == "bm25":
        return {q: index.search(t, depth) for q, t in queries.items()}
    from . import embed

    ids = list(claims)
    pos = {cid: n for n, cid in enumerate(ids)}
    cvec = embed.encode([claims[i] for i in ids])
    qids = list(queries)
    qvec = embed.encode([queries[q] for q in qids])
    sims = qvec @ cvec.T
    for row, q in enumerate(qids):
        scores = {ids[j]: float(sims[row, j]) for j in sims[row].argsort()[::-1][:depth]}
        if matcher == "hybrid":
            lexical = index.search(queries[q], depth)
            top = lexical[0][1] if lexical else 1.0
            for cid, _ in lexical:
                scores.setdefault(cid, float(sims[row, pos[cid]]))
            lex = dict(lexical)
            scores = {cid: s + HYBRID_BM25_WEIGHT * lex.get(cid, 0.0) / (top or 1.0) for cid, s in scores.items()}
        out[q] = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[:depth]
    return out
