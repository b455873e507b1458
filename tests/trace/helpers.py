"""Hand-built ledgers for the trace's pure functions: no pipeline needed."""

from __future__ import annotations

from types import SimpleNamespace

from hearsay.ledger import Claim, Document, Entity, Ledger, Source


def ledger(text: str, claims: list[tuple[str, str, str | None]] = (), outlet: str | None = None,
           entities: list[tuple[str, str, str]] = ()) -> Ledger:
    """A ledger whose claims are ``(span text, source kind, source label)``."""
    sources, out = [], []
    for n, (span, kind, label) in enumerate(claims, 1):
        start = text.index(span)
        sid = f"S{n}"
        entity = None
        if kind in ("person", "organization", "outlet") and label and label[0].isupper():
            entity = f"E{n}"
        sources.append(Source(id=sid, kind=kind, label=label or "the author", entity=entity))
        out.append(Claim(id=f"C{n}", span={"start": start, "end": start + len(span), "text": span}, source=sid))
    ents = [Entity(id=s.entity, type={"person": "PERSON", "organization": "ORG", "outlet": "OUTLET"}[s.kind], name=s.label)
            for s in sources if s.entity]
    ents += [Entity(id=i, type=t, name=n) for i, t, n in entities]
    return Ledger(document=Document(text=text, outlet=outlet), sources=sources, claims=out, entities=ents)


def row(id: str, outlet: str, published: str, text: str, title: str = "") -> SimpleNamespace:
    return SimpleNamespace(id=id, outlet=outlet, published=published, title=title, url=None, text=text)


def unit(text, entities=(), article="a1", start=0, claim="C1"):
    """A claim-matching unit built by hand: its terms and names read from ``text``."""
    from hearsay.trace.matching import Unit
    from hearsay.trace.words import content_terms, name_terms

    item = SimpleNamespace(id=article, order=(article, article), text=text)
    terms = frozenset(content_terms(text))
    return Unit(item, claim, start, start + len(text), text, "S1", terms, False, name_terms(text) & terms,
                entities=frozenset(entities))
