"""A trace in the store's tables (``trace_*``, revision 0002): written whole, replacing the
previous trace, in one transaction, so plain SQL can list claims by spread or an article's
citations. Takes an SQLAlchemy engine; knows nothing of how the store was opened."""

from __future__ import annotations

from sqlalchemy import delete, insert

from .model import Trace


def save_trace(engine, trace: Trace) -> None:
    from ..store import tables as t

    claims, appearances = [], []
    for c in trace.claims:
        o = c.origin
        claims.append({
            "id": c.id, "text": c.text, "origin_article": o.article if o else None,
            "origin_source_kind": o.source.kind if o else None, "origin_source_label": o.source.label if o else None,
            "origin_source_entity": o.source.entity if o else None,
            "articles": len({a.article for a in c.appearances}),
            "confirmations": len(c.independent_confirmations), "denials": len(c.denials), "verdict": c.verdict,
        })
        for n, a in enumerate(c.appearances, 1):
            appearances.append({
                "trace_claim": c.id, "n": n, "article_id": a.article, "claim_id": a.claim,
                "start": a.span.start, "end": a.span.end, "text": a.span.text,
                "source_kind": a.source.kind, "source_label": a.source.label, "source_entity": a.source.entity,
                "stance": a.stance, "role": a.role, "via_how": a.via.how if a.via else None,
                "via_article": a.via.article if a.via else None, "via_outlet": a.via.outlet if a.via else None,
            })
    citations = [{"n": n, "from_article": c.from_, "to_outlet": c.to_outlet, "to_article": c.to_article,
                  "start": c.span.start, "end": c.span.end, "text": c.span.text}
                 for n, c in enumerate(trace.citations, 1)]
    copies = [{"article_id": a.id, "copy_of": a.copy_of} for a in trace.articles if a.copy_of]
    with engine.begin() as conn:
        for table in t.TRACE_TABLES:
            conn.execute(delete(table))
        for table, rows in ((t.trace_claims, claims), (t.trace_appearances, appearances),
                            (t.trace_citations, citations), (t.trace_copies, copies)):
            if rows:
                conn.execute(insert(table), rows)


ROLE_WORDS = {
    "origin": "Origin", "confirmation": "Independent confirmation", "repeat": "Repeat",
    "copy": "Copy", "denial": "Denial", "correction": "Correction",
}


def load_claim(engine, claim_id: str) -> dict | None:
    """One traced claim as the store holds it: the claim row and its appearances in
    publication order, each with its article's outlet, date and title; ``None`` if absent."""
    from sqlalchemy import select

    from ..store import tables as t

    with engine.connect() as conn:
        row = conn.execute(select(t.trace_claims).where(t.trace_claims.c.id == claim_id)).mappings().first()
        if row is None:
            return None
        a = t.articles.c
        apps = conn.execute(
            select(t.trace_appearances, a.outlet, a.published, a.title)
            .select_from(t.trace_appearances.outerjoin(t.articles, t.articles.c.id == t.trace_appearances.c.article_id))
            .where(t.trace_appearances.c.trace_claim == claim_id)
            .order_by(t.trace_appearances.c.n)
        ).mappings().all()
    return {**dict(row), "appearances": [{**dict(x), "role_words": ROLE_WORDS.get(x["role"], x["role"])} for x in apps]}


def claims_of_article(engine, article_id: str) -> list[dict]:
    """Each traced claim an article appears in, once, with its role there and the verdict."""
    from sqlalchemy import select

    from ..store import tables as t

    a, c = t.trace_appearances.c, t.trace_claims.c
    with engine.connect() as conn:
        rows = conn.execute(
            select(a.trace_claim, a.claim_id, a.role, c.verdict)
            .select_from(t.trace_appearances.join(t.trace_claims, c.id == a.trace_claim))
            .where(a.article_id == article_id).order_by(a.trace_claim, a.n)
        ).mappings().all()
    seen, out = set(), []
    for r in rows:
        if r["trace_claim"] not in seen:
            seen.add(r["trace_claim"])
            out.append(dict(r))
    return out


def widest_claims(engine, limit: int) -> list[dict]:
    """The ``limit`` traced claims in most articles, each with its appearances' article,
    outlet, role and citation kind (what the corpus page reads the spread and role counts
    from)."""
    from sqlalchemy import select

    from ..store import tables as t

    c, a = t.trace_claims.c, t.trace_appearances.c
    with engine.connect() as conn:
        rows = conn.execute(select(c.id, c.text, c.articles, c.confirmations, c.denials, c.verdict)
                            .order_by(c.articles.desc(), c.id).limit(limit)).mappings().all()
        claims = {r["id"]: {**dict(r), "appearances": []} for r in rows}
        if claims:
            apps = conn.execute(
                select(a.trace_claim, a.article_id, a.role, a.via_how, t.articles.c.outlet)
                .select_from(t.trace_appearances.outerjoin(t.articles, t.articles.c.id == a.article_id))
                .where(a.trace_claim.in_(list(claims))).order_by(a.trace_claim, a.n)
            ).mappings().all()
            for x in apps:
                claims[x["trace_claim"]]["appearances"].append(dict(x))
    return list(claims.values())
