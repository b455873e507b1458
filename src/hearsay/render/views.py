"""Reader-facing views of a ledger shared by every renderer (terminal, Markdown, HTML)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..ledger import Attribution, Claim, Ledger, Source

KIND_LABELS = {
    "person": "named person",
    "organization": "organization",
    "outlet": "outlet",
    "anonymous": "anonymous",
    "reports": "unnamed reports",
    "document": "document",
    "author": "the author (narration)",
}


@dataclass
class SourceGroup:
    source: Source
    via: Source | None
    claims: list[tuple[Claim, Attribution | None]] = field(default_factory=list)


def source_title(source: Source, via: Source | None = None) -> str:
    if source.kind == "author":
        return "Narration: the author's own statements"
    title = f"{source.label} ({KIND_LABELS.get(source.kind, source.kind)})"
    if via is not None:
        title += f", via {via.label}"
    return title


def claims_by_source(ledger: Ledger) -> list[SourceGroup]:
    """Sources with their claims, attributed sources first (most claims first), narration last."""
    sources = {s.id: s for s in ledger.sources}
    attributions = {a.id: a for a in ledger.attributions}
    groups: dict[str, SourceGroup] = {}
    for claim in ledger.claims:
        src = sources.get(claim.source)
        if src is None:
            continue
        group = groups.get(src.id)
        if group is None:
            group = groups[src.id] = SourceGroup(src, sources.get(src.via) if src.via else None)
        group.claims.append((claim, attributions.get(claim.attribution) if claim.attribution else None))
    return sorted(groups.values(), key=lambda g: (g.source.kind == "author", -len(g.claims)))


def entity_line(ledger: Ledger, entity_id: str) -> str:
    ent = next((e for e in ledger.entities if e.id == entity_id), None)
    if ent is None:
        return entity_id
    return f"{ent.name}, {ent.age}" if ent.age is not None else ent.name


def relation_lines(ledger: Ledger) -> list[str]:
    names = {e.id: e.name for e in ledger.entities}
    out = []
    for r in ledger.relations:
        line = f"{names.get(r.a, r.a)} — {r.type} of — {names.get(r.b, r.b)} [{r.status}]"
        if r.since:
            line += f" since {r.since}"
        out.append(line)
    return out


def verdict(ledger: Ledger) -> str:
    if ledger.summary.verdict:
        return ledger.summary.verdict
    s = ledger.summary
    return f"{s.attributed} of {s.claims} claims are attributed to a source."
