"""The trace of a corpus: identity → copies → citations → claim matching → roles → verdicts."""

from __future__ import annotations

from typing import Any, Iterable

from ..ledger import Ledger
from .citations import CitationFinder, find_citations
from .copies import find_copies
from .denial_links import link_denials
from .identity import EntityNames, OutletIndex
from .items import TraceItem, as_items
from .matching import Unit, claim_units, cluster_units, embedding_scores, similarity
from .model import ROLE_RANK, Trace, TraceArticle, TracedClaim
from .roles import ON_RECORD, ArticleFacts, assign_roles, citation_for, is_correction, trace_source
from .verdicts import verdict
from .words import TermWeights


#: a traced claim in more articles than this is not used to resolve citations (and would
#: make the count quadratic in its spread)
MAX_SHARED_SPREAD = 50
#: how like a claim a clause of the article its repeat cites must be to join it (the
#: citation vouches for the rest; two unrelated clauses the matcher sets at ``SAME_CLAIM``)
CITED_SAME = 0.4


def trace_corpus(pairs: Iterable[tuple[Any, Ledger]], embeddings: bool = False) -> Trace:
    """The `hearsay.trace/1` trace of ``(ArticleRow-like, Ledger)`` pairs. ``embeddings``
    adds MiniLM sentence embeddings as a second claim-matching signal (the ``[embed]`` extra);
    the default is lexical and event matching alone, which needs no torch."""
    return trace_items(as_items(pairs), embeddings=embeddings)


def trace_items(items: list[TraceItem], embeddings: bool = False) -> Trace:
    outlets = OutletIndex.from_items(items)
    names = EntityNames(items)
    text_weights = TermWeights(i.text for i in items)
    groups, copy_of = find_copies(items)
    finder = CitationFinder(outlets)
    found = {i.id: finder.find(i) for i in items}
    units = claim_units(items, names, {k: [(s.start, s.end) for _, s in v] for k, v in found.items()})
    claim_weights = TermWeights(u.terms for u in units)
    clusters = cluster_units(units, claim_weights, semantic=embedding_scores if embeddings else None)
    clusters = link_denials(clusters, units, lambda u: trace_source(u, outlets, names).kind in ON_RECORD)
    citations = find_citations(items, outlets, text_weights, _shared_claims(clusters), found)
    cited_by: dict[str, list] = {}
    for c in citations:
        cited_by.setdefault(c.from_, []).append(c)
    facts = {i.id: ArticleFacts(i, cited_by.get(i.id, []), copy_of.get(i.id), is_correction(i)) for i in items}
    clusters = attach_cited(clusters, units, facts, claim_weights)
    outlet_of = {i.id: i.outlet for i in items}
    date_of = {i.id: i.published for i in items}
    claims = []
    for n, group in enumerate(clusters, 1):
        apps, origin = assign_roles(group, facts, outlets, names)
        by_role = _articles_by_role(apps)
        claim = TracedClaim(
            id=f"K{n}", text=group[0].text, appearances=apps, origin=origin,
            independent_confirmations=by_role["confirmation"],
            denials=_ordered(by_role["denial"] + by_role["correction"], date_of),
            corrections=by_role["correction"],
            repeats=[a for a in by_role["repeat"] + by_role["copy"] if a not in by_role["confirmation"]],
        )
        claim.verdict = verdict(claim, outlet_of, date_of)
        claims.append(claim)
    articles = [TraceArticle(id=i.id, outlet=i.outlet, published=i.published, title=i.title, url=i.url,
                             copy_of=copy_of.get(i.id)) for i in items]
    return Trace(articles=articles, claims=claims, citations=citations, copies=groups)


def attach_cited(clusters: list[list[Unit]], units: list[Unit], facts: dict[str, ArticleFacts],
                 weights: TermWeights) -> list[list[Unit]]:
    """``clusters`` with the cited article's telling of each claim joined to it.

    A repeat that rests on a citation of an article in the corpus ("Norbury College plans
    to shut its library, the Gazette reported") says that article carries the
    claim, so its telling needs less likeness to join than two strangers' clauses: a clause of
    the cited article (earlier, not copied, in no claim yet) joins the repeat's claim at
    ``CITED_SAME`` rather than ``SAME_CLAIM``, the best such clause only. Without it a claim
    first told in other words than its repeats use ("will eliminate its library")
    is traced without the article it came from, and its origin is lost."""
    placed = {id(u) for g in clusters for u in g}
    by_article: dict[str, list[Unit]] = {}
    for u in units:
        if id(u) not in placed:
            by_article.setdefault(u.item.id, []).append(u)
    out = []
    for group in clusters:
        group = list(group)
        have = {u.item.id for u in group}
        for article in _cited_articles(group, facts):
            if article in have or facts[article].copy_of:
                continue
            scored = [(max(similarity(c, u, weights) for u in group), -c.start, n, c)
                      for n, c in enumerate(by_article.get(article, []))
                      if id(c) not in placed and c.negated == group[0].negated]
            if not scored:
                continue
            score, _, _, best = max(scored)
            if score >= CITED_SAME:
                group.append(best)
                placed.add(id(best))
                have.add(article)
        out.append(sorted(group, key=lambda u: (u.item.order, u.start)))
    return out


def _cited_articles(group: list[Unit], facts: dict[str, ArticleFacts]) -> list[str]:
    """Earlier corpus articles that the claim's repeats cite for it, in the order cited."""
    seen: list[str] = []
    for u in group:
        f = facts[u.item.id]
        cit = citation_for(u, f)
        if cit is not None and cit.to_article and cit.to_article not in seen \
                and facts[cit.to_article].item.order < u.item.order:
            seen.append(cit.to_article)
    return seen


def _shared_claims(clusters):
    """How many traced claims two articles carry in common (a citation points to the cited
    outlet's article that carries the claim)."""
    from collections import Counter

    counts: Counter = Counter()
    for group in clusters:
        ids = sorted({u.item.id for u in group})
        if len(ids) > MAX_SHARED_SPREAD:  # a claim everyone repeats says nothing about who cites whom
            continue
        for a in ids:
            for b in ids:
                if a != b:
                    counts[(a, b)] += 1
    return lambda a, b: counts.get((a, b), 0)


def _articles_by_role(apps) -> dict[str, list[str]]:
    """Each article once per role, strongest role first: an article that both repeats and
    denies a claim is a denial, one that confirms is not also a repeat."""
    rank = ROLE_RANK
    best: dict[str, str] = {}
    for a in apps:
        if a.article not in best or rank.index(a.role) < rank.index(best[a.article]):
            best[a.article] = a.role
    out: dict[str, list[str]] = {r: [] for r in rank}
    for article, role in best.items():
        out[role].append(article)
    return out


def _ordered(ids: list[str], dates: dict) -> list[str]:
    return sorted(set(ids), key=lambda a: (dates.get(a) or "9999", a))
