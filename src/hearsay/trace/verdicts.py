"""The verdict: one plain sentence per traced claim that a reader can take in at a glance."""

from __future__ import annotations

from .model import TracedClaim

_KIND_WORDS = {
    "anonymous": "One anonymous source",
    "person": "One named source",
    "organization": "The organisation's own statement",
    "document": "A document",
    "outlet": "Another outlet's report",
    "reports": "Unspecified reports",
    "author": "The outlet's own reporting",
}


def _day(published: str | None) -> str:
    return (published or "undated")[:10]


def verdict(claim: TracedClaim, outlets: dict[str, str | None], dates: dict[str, str | None]) -> str:
    """"One anonymous source (Outlet, 2031-04-02); 6 repeats, 0 independent confirmations;
    denied on the record 2031-04-06." """
    parts = []
    if claim.origin:
        o = claim.origin
        who = _KIND_WORDS.get(o.source.kind, "A source")
        if o.source.kind == "person" and o.source.entity:
            who = o.source.entity
        parts.append(f"{who} ({outlets.get(o.article) or o.article}, {_day(dates.get(o.article))})")
    else:
        parts.append("No appearance rests on a source of its own")
    n_rep = len(claim.repeats)
    n_conf = len(claim.independent_confirmations)
    conf = f"{n_conf} independent confirmation{'s' if n_conf != 1 else ''}"
    if n_conf:
        firsts = {}
        for a in claim.appearances:
            if a.role == "confirmation" and a.article not in firsts:
                firsts[a.article] = f"{a.source.entity or a.source.label}, {_day(dates.get(a.article))}"
        conf += " (" + "; ".join(firsts.values()) + ")"
    text = f"{parts[0]}; {n_rep} repeat{'s' if n_rep != 1 else ''}, {conf}"
    if claim.denials:
        first = min(claim.denials, key=lambda a: dates.get(a) or "9999")
        text += f"; denied on the record {_day(dates.get(first))}"
    if claim.corrections:
        text += f"; corrected {_day(dates.get(claim.corrections[0]))}"
    return text + "."
