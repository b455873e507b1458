"""A ledger flattened into rows of the store's query tables. Pure: no database here.

The rows repeat what joins would otherwise need (a claim's source kind and label, a relation's
entity names) because the documented questions ("claims resting on anonymous sources in outlet
X in March") should read as one or two joins in plain SQL.
"""

from __future__ import annotations

from ..ledger import Ledger


def ledger_rows(article_id: str, ledger: Ledger) -> dict[str, list[dict]]:
    """Rows per query table (keyed by table name) for one article's ledger."""
    entity_names = {e.id: e.name for e in ledger.entities}
    source_of = {s.id: s for s in ledger.sources}

    def kind(source_id: str | None) -> str | None:
        src = source_of.get(source_id or "")
        return src.kind if src else None

    sources = [
        {"article_id": article_id, "source_id": s.id, "kind": s.kind, "label": s.label,
         "entity_id": s.entity, "entity_name": entity_names.get(s.entity or ""), "via": s.via,
         "mentions": len(s.mentions),
         # whom an unnamed representative or office speaks for, who speaks in a joint voice,
         # and a pronoun speaker no one was found for: what tells these apart from a named
         # source or an anonymous voice in a query over sources
         "represents_label": s.represents.label if s.represents else None,
         "represents_entity_id": s.represents.entity if s.represents else None,
         "members": " ".join(s.members) or None, "unresolved": bool(s.unresolved)}
        for s in ledger.sources
    ]
    attributions = [
        {"article_id": article_id, "attribution_id": a.id, "source_id": a.source, "source_kind": kind(a.source),
         "type": a.type, "cue": a.cue.text if a.cue else None, "cue_class": a.cue_class,
         "content": a.content.text, "content_start": a.content.start, "content_end": a.content.end,
         "polarity": a.polarity, "parent": a.parent}
        for a in ledger.attributions
    ]
    claims, claim_entities = [], []
    for c in ledger.claims:
        src = source_of.get(c.source)
        claims.append({
            "article_id": article_id, "claim_id": c.id, "text": c.span.text,
            "span_start": c.span.start, "span_end": c.span.end,
            "source_id": c.source, "source_kind": src.kind if src else None,
            "source_label": src.label if src else None, "attribution_id": c.attribution,
            "hedged": bool(c.hedges), "hedges": "; ".join(h.text for h in c.hedges) or None,
            "entities": " ".join(c.entities) or None, "times": " ".join(c.times) or None,
        })
        claim_entities.extend(
            {"article_id": article_id, "claim_id": c.id, "entity_id": e} for e in dict.fromkeys(c.entities)
        )
    entities = [
        {"article_id": article_id, "entity_id": e.id, "type": e.type, "name": e.name,
         "mentions": len(e.mentions), "age": e.age,
         "born_earliest": e.born.earliest if e.born else None, "born_latest": e.born.latest if e.born else None}
        for e in ledger.entities
    ]
    times = [
        {"article_id": article_id, "time_id": t.id, "text": t.span.text, "type": t.type, "value": t.value,
         "range_start": t.range.start if t.range else None, "range_end": t.range.end if t.range else None,
         "anchor": t.anchor, "inferred": t.inferred}
        for t in ledger.times
    ]
    relations = [
        {"article_id": article_id, "relation_id": r.id, "type": r.type, "a": r.a, "a_name": entity_names.get(r.a),
         "b": r.b, "b_name": entity_names.get(r.b), "status": r.status, "since": r.since}
        for r in ledger.relations
    ]
    return {"sources": sources, "attributions": attributions, "claims": claims,
            "claim_entities": claim_entities, "entities": entities, "times": times, "relations": relations}
