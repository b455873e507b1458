"""Ledger → Markdown report (for editors' notes and issue trackers)."""

from __future__ import annotations

from ..ledger import Ledger
from .views import claims_by_source, relation_lines, source_title, verdict


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def to_markdown(ledger: Ledger) -> str:
    doc = ledger.document
    out = [f"# {doc.title or 'Claim ledger'}", ""]
    meta = [x for x in (doc.outlet, doc.published and f"published {doc.published} ({doc.published_basis})") if x]
    if meta:
        out += [" · ".join(meta), ""]
    out += [f"**Verdict:** {verdict(ledger)}", ""]
    for w in ledger.summary.warnings:
        out.append(f"- ⚠ {w}")
    if ledger.summary.warnings:
        out.append("")
    for group in claims_by_source(ledger):
        out += [f"## {source_title(group.source, group.via)}", "", "| claim | cue | hedges |", "|---|---|---|"]
        for claim, attr in group.claims:
            cue = attr.cue.text if attr and attr.cue else ""
            if attr and attr.polarity == "denied":
                cue += " (denied)"
            hedges = ", ".join(f"{h.text} ({h.kind})" for h in claim.hedges)
            out.append(f"| {_cell(claim.span.text)} | {_cell(cue)} | {_cell(hedges)} |")
        out.append("")
    people = [e for e in ledger.entities if e.type == "PERSON"]
    if people:
        out += ["## People", ""]
        out += [f"- {e.name}" + (f", {e.age}" if e.age is not None else "") for e in people]
        out.append("")
    rels = relation_lines(ledger)
    if rels:
        out += ["## Relations", ""] + [f"- {_cell(r)}" for r in rels] + [""]
    if ledger.timeline:
        out += ["## Timeline", ""] + [f"- **{t.date}** {_cell(t.summary)}" for t in ledger.timeline] + [""]
    if ledger.checks:
        out += ["## Checks", ""] + [f"- [{c.status}] {_cell(c.message)}" for c in ledger.checks] + [""]
    return "\n".join(out)
