"""Copies: syndicated and near-verbatim partner articles, found with MinHash LSH.

Shingles are word 4-grams over glyph-folded, lower-cased text, so a partner copy with straight
quotes, a rewritten channel line and a few changed words still shares most of them. LSH finds
candidate pairs without comparing all pairs; each candidate is then checked by containment
(shared shingles over the smaller article's), so a truncated copy counts too.
"""

from __future__ import annotations

from datasketch import MinHash, MinHashLSH

from .items import TraceItem
from .words import words

SHINGLE = 4
NUM_PERM = 128
#: LSH recall threshold (Jaccard) for candidates; containment decides.
CANDIDATE_JACCARD = 0.3
MIN_CONTAINMENT = 0.5


def shingles(text: str) -> set[str]:
    w = words(text)
    return {" ".join(w[i:i + SHINGLE]) for i in range(max(1, len(w) - SHINGLE + 1))}


def find_copies(items: list[TraceItem]) -> tuple[list[list[str]], dict[str, str]]:
    """(groups of copies, each copy's earliest original). ``items`` are in publication order."""
    lsh = MinHashLSH(threshold=CANDIDATE_JACCARD, num_perm=NUM_PERM)
    sets: dict[str, set[str]] = {}
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    for item in items:
        sh = shingles(item.text)
        sets[item.id] = sh
        mh = MinHash(num_perm=NUM_PERM)
        for s in sh:
            mh.update(s.encode("utf-8"))
        for other in lsh.query(mh):
            small = min(len(sh), len(sets[other])) or 1
            if len(sh & sets[other]) / small >= MIN_CONTAINMENT:
                a, b = root(other), root(item.id)
                if a != b:
                    parent[b] = a  # the earlier article stays the root
        lsh.insert(item.id, mh)
    order = {i.id: n for n, i in enumerate(items)}
    groups: dict[str, list[str]] = {}
    for item in items:
        groups.setdefault(root(item.id), []).append(item.id)
    out = [sorted(g, key=order.get) for g in groups.values() if len(g) > 1]
    copy_of = {m: g[0] for g in out for m in g[1:]}
    return sorted(out, key=lambda g: order[g[0]]), copy_of
