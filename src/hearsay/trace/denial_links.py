"""Denials that contradict a claim without restating it.

"The team has not had a single conversation with another club about trading him" denies
"the front office has begun taking calls from other teams", yet the two share no words, so
claim matching cannot join them. What joins them is the article and the statement: a story
that reports a denial reports the claim it denies, and a spokeswoman who says "he has never
requested a trade and the team has not had a single conversation about trading him" denies
two claims in one breath. So within one article, a negated clause of a statement that denies
one of the article's restated claims in its own words, when it does not already sit with a
claim the article restates, is moved to the claim the article does restate (first published
elsewhere, earlier) and does not otherwise deny, the one whose participants it shares most;
the same denial repeated in later articles moves with it. A negated remark outside such a
statement ("Stahl did not give her a closing date") stays where it is, and only the
article's own restatements are candidates, so a denial is never moved to a claim its article
does not mention. A rebuttal is joined the same way: a negated clause of a voice on the record,
in no claim, in the sentence right after the article's restatement of a claim and sharing one
of its words ("The Ledger also reported that 30 drivers would be laid off. Marsh said no
layoffs had been discussed.") answers that restatement.
"""

from __future__ import annotations

from typing import Callable

from .matching import _SENTENCE_END, Unit
from .words import is_negated


def link_denials(clusters: list[list[Unit]], units: list[Unit], on_record: Callable[[Unit], bool]) -> list[list[Unit]]:
    """``clusters`` with each stray denial moved to the claim its article restates.

    ``units`` are all claim units (those in no cluster included: a denial that matched
    nothing is the plainest stray); ``on_record`` tells whether a unit's voice can deny on the
    record (a named person, an organisation, a document). A cluster left in one article is
    dropped, as ``cluster_units`` would.
    """
    groups = [list(g) for g in clusters]
    group_of: dict[int, int] = {id(u): n for n, g in enumerate(groups) for u in g}
    first_order = [g[0].item.order for g in groups]
    moved: set[int] = set()  # a denial moved once stays where it was moved
    by_article: dict[str, list[Unit]] = {}
    for u in units:
        by_article.setdefault(u.item.id, []).append(u)
    for article, own in sorted(by_article.items(), key=lambda kv: kv[1][0].item.order):
        order = own[0].item.order
        restated: dict[int, list[Unit]] = {}
        denied: set[int] = set()
        denying: set[str] = set()  # ledger claims with a clause that denies in its own words
        for u in own:
            n = group_of.get(id(u))
            if n is None or first_order[n] >= order:
                continue
            if u.negated != groups[n][0].negated:
                denied.add(n)
                if on_record(u) and is_negated(u.text):
                    denying.add(u.claim_id)
            else:
                restated.setdefault(n, []).append(u)
        for d in sorted(own, key=lambda u: u.start):
            n = group_of.get(id(d))
            if id(d) in moved or n in restated or not d.negated or d.claim_id not in denying or not on_record(d) \
                    or not d.entities:
                continue
            best = _best_claim(d, restated, denied, groups)
            if best is None:
                continue
            movers = [d] + ([u for u in groups[n] if u is not d and u.negated == d.negated and u.item.order > order]
                            if n is not None else [])
            for u in movers:
                if n is not None:
                    groups[n].remove(u)
                groups[best].append(u)
                group_of[id(u)] = best
                moved.add(id(u))
            denied.add(best)
        for d, n in _rebuttals(own, restated, denied, group_of, on_record):
            groups[n].append(d)
            group_of[id(d)] = n
    kept = [sorted(g, key=lambda u: (u.item.order, u.start)) for g in groups if len({u.item.id for u in g}) >= 2]
    return sorted(kept, key=lambda g: (g[0].item.order, g[0].start))


def _rebuttals(own: list[Unit], restated: dict[int, list[Unit]], denied: set[int], group_of: dict[int, int],
               on_record: Callable[[Unit], bool]) -> list[tuple[Unit, int]]:
    """``(denial, claim)`` for each rebuttal in one article: a negated clause of a voice on
    the record, in no claim of its own, in the sentence right after the article's restatement
    of a claim first published elsewhere, in the same paragraph, sharing a word that is not a
    name with it ("The Ledger also reported that 30 drivers would be laid off. Marsh said no
    layoffs had been discussed."). A reply told right after what it answers answers it; a
    negated remark before the restatement ("has not been notified, after the report that
    ...") or in another paragraph is left alone, and a claim the article already denies takes
    no second rebuttal."""
    out = []
    for d in sorted(own, key=lambda u: u.start):
        if id(d) in group_of or not d.negated or not on_record(d):
            continue
        before = [(u.end, n, u) for n, mine in restated.items() if n not in denied
                  for u in mine if u.end <= d.start and u.negated != d.negated]
        if not before:
            continue
        _, n, r = max(before, key=lambda t: (t[0], -t[1]))
        between = d.item.text[r.end:d.start]
        if "\n\n" in between or len(_SENTENCE_END.findall(between)) != 1 or not (d.terms & r.terms) - (d.names | r.names):
            continue
        out.append((d, n))
        denied.add(n)
    return out


def _best_claim(d: Unit, restated: dict[int, list[Unit]], denied: set[int], groups) -> int | None:
    """The restated, not yet denied claim that says the opposite of ``d`` and shares most of
    its participants (nearest restatement first on a tie)."""
    best, best_key = None, None
    for n, mine in restated.items():
        if n in denied or groups[n][0].negated == d.negated:
            continue
        overlap = max(len(d.entities & u.entities) for u in mine)
        if overlap == 0:
            continue
        key = (overlap, -min(abs(u.start - d.start) for u in mine))
        if best_key is None or key > best_key:
            best, best_key = n, key
    return best
