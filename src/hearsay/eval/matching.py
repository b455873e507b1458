"""Span matching and precision/recall counting shared by every scorer.

All spans are half-open character intervals ``(start, end)``. Matching is greedy one-to-one:
candidate pairs are ranked by overlap (larger first, then earlier gold, then earlier
prediction) and each gold and each prediction is used at most once, so a prediction that
overlaps two gold spans counts once and a duplicate prediction counts as a false positive.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Sequence

Span = tuple[int, int]

#: quote marks ignored at the edges of a span for exact matching
QUOTE_MARKS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\u201f\u2039\u203a`"
#: final punctuation ignored at the end of a span for exact matching
FINAL_PUNCT = ".,;:!?\u2026"


@dataclass
class PRF:
    """Counts for one measure; precision/recall/F1 derived from them."""

    tp_pred: int = 0     # predictions that matched
    tp_gold: int = 0     # gold items that were matched (equals tp_pred for one-to-one matching)
    n_pred: int = 0
    n_gold: int = 0

    def add(self, other: "PRF") -> "PRF":
        self.tp_pred += other.tp_pred
        self.tp_gold += other.tp_gold
        self.n_pred += other.n_pred
        self.n_gold += other.n_gold
        return self

    @property
    def precision(self) -> float:
        return self.tp_pred / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp_gold / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp_gold,
            "predicted": self.n_pred,
            "gold": self.n_gold,
        }


def prf(tp: int, n_pred: int, n_gold: int) -> PRF:
    return PRF(tp_pred=tp, tp_gold=tp, n_pred=n_pred, n_gold=n_gold)


def overlap(a: Span, b: Span) -> int:
    """Characters shared by two half-open spans (0 when disjoint)."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def greedy_match(
    n_gold: int,
    n_pred: int,
    score: Callable[[int, int], float],
) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, pred index) chosen greedily by ``score`` (> 0 to be eligible)."""
    pairs = []
    for g in range(n_gold):
        for p in range(n_pred):
            s = score(g, p)
            if s > 0:
                pairs.append((-s, g, p))
    pairs.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, g, p in pairs:
        if g in used_g or p in used_p:
            continue
        used_g.add(g)
        used_p.add(p)
        out.append((g, p))
    out.sort()
    return out


def match_by_overlap(gold: Sequence[Span], pred: Sequence[Span], min_gold_fraction: float = 0.0) -> list[tuple[int, int]]:
    """Greedy one-to-one pairs of overlapping spans; with ``min_gold_fraction`` a pair must cover
    at least that fraction of the gold span's characters."""

    def score(g: int, p: int) -> float:
        ov = overlap(gold[g], pred[p])
        if ov <= 0:
            return 0
        length = max(1, gold[g][1] - gold[g][0])
        if ov < min_gold_fraction * length:
            return 0
        return ov

    return greedy_match(len(gold), len(pred), score)


def trim_span(text: str, span: Span) -> Span:
    """The span without surrounding whitespace, quote marks and final punctuation: what
    "exact match" compares, so that `"Yes."` and `Yes` are the same content."""
    start, end = span
    strip_start = set(" \t\r\n\u00a0" + QUOTE_MARKS)
    strip_end = set(" \t\r\n\u00a0" + QUOTE_MARKS + FINAL_PUNCT)
    while start < end and text[start] in strip_start:
        start += 1
    while end > start and text[end - 1] in strip_end:
        end -= 1
    return (start, end)


_SPACE = re.compile(r"\s+")


def norm_name(value: str) -> str:
    """Names compared case-insensitively with collapsed whitespace and curly apostrophes folded."""
    return _SPACE.sub(" ", value.replace("\u2019", "'")).strip().casefold()


_LEADING_THE = re.compile(r"^the\s+")


def name_key(value: str) -> str:
    """A name as compared between gold and ledger: ``norm_name`` without a leading "the", which
    writers add or drop freely ("the central election commission" is the same body)."""
    return _LEADING_THE.sub("", norm_name(value))


def find_all(text: str, needle: str) -> list[Span]:
    """Every occurrence of ``needle`` in ``text``; falls back to a case- and whitespace-insensitive
    search so that gold strings with folded line breaks still land."""
    if not needle:
        return []
    out = []
    i = text.find(needle)
    while i >= 0:
        out.append((i, i + len(needle)))
        i = text.find(needle, i + 1)
    if out:
        return out
    parts = [re.escape(p) for p in needle.split()]
    if not parts:
        return []
    pattern = re.compile(r"\s+".join(parts), re.IGNORECASE)
    return [(m.start(), m.end()) for m in pattern.finditer(text)]
