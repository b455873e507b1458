"""Ledger → Markdown report (for editors' notes and issue trackers).

Claim ids (C1 …) lead every row, as in the terminal view and on the web page, so a note can
say "C4 is disputed" and every reader finds the same words.
"""

from __future__ import annotations

from ..ledger import Ledger
from .views import (
    claim_notes,
    claims_by_source,
    relation_lines,
    source_title,
    timeline_line,
    verdict,
    warnings_with_claims,
    with_claims,
)


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def to_markdown(ledger: Ledger) -> str:
    doc = ledger.document
    out = [f"# {doc.title or 'Claim ledger'}", ""]
    meta = [x for x in (doc.outlet, doc.published and f"published {doc.published} ({doc.published_basis})") if x]
    if meta:
        out += [" · ".join(meta), ""]
    out += [f"**Verdict:** {verdict(ledger)}", ""]
    warnings = warnings_with_claims(ledger)
    for w, ids in warnings:
        out.append(f"- ⚠ {_cell(with_claims(w, ids))}")
    if warnings:
        out.append("")
    notes = claim_notes(ledger)
    for group in claims_by_source(ledger):
        out += [f"## {source_title(group.source, group.via)}", "", "| id | claim | cue | hedges |", "|---|---|---|---|"]
        for claim, attr in group.claims:
            cue = attr.cue.text if attr and attr.cue else ""
            text = _cell(claim.span.text) + "".join(f" **[{n}]**" for n in notes.get(claim.id, []))
            hedges = ", ".join(f"{h.text} ({h.kind})" for h in claim.hedges)
            out.append(f"| {claim.id} | {text} | {_cell(cue)} | {_cell(hedges)} |")
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
        out += ["## Timeline", ""]
        out += [f"- **{_cell(label)}** {_cell(rest)}" for label, rest in map(timeline_line, ledger.timeline)] + [""]
    if ledger.summary.unresolved_times:
        spans = {t.id: t.span.text for t in ledger.times}
        words = ", ".join(f"“{_cell(spans.get(t, t))}”" for t in ledger.summary.unresolved_times)
        out += [f"*No publication date: {words} were resolved against a guessed one.*", ""]
    if ledger.checks:
        out += ["## Checks", ""] + [f"- [{c.status}] {_cell(with_claims(c.message, c.claims))}" for c in ledger.checks] + [""]
    return "\n".join(out)
