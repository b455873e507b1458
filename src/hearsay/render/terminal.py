"""Ledger → terminal view (rich): the sourcing verdict first, then claims grouped by source.

Claim ids (C1 …) lead every row so a reader can find the same claim on the web page and in
the JSON; cues never wrap ("according to" split over two lines reads as two cues).
"""

from __future__ import annotations

import io

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..ledger import Ledger
from ..source_kinds import kind_table
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

KIND_STYLES = kind_table("style")


def to_text(ledger: Ledger, *, color: bool = True, width: int = 110) -> str:
    buf = io.StringIO()
    # colour unless asked for none: by the caller, or by the reader's NO_COLOR convention
    console = Console(file=buf, force_terminal=color, no_color=None if color else True, width=width, highlight=False)
    doc = ledger.document
    if doc.title:
        console.print(Text(doc.title, style="bold"))
    if doc.published:
        console.print(Text(f"published {doc.published} ({doc.published_basis})", style="dim"))
    console.print(Text(verdict(ledger), style="bold"))
    for w, ids in warnings_with_claims(ledger):
        console.print(Text(f"⚠ {with_claims(w, ids)}", style="yellow"))
    notes = claim_notes(ledger)
    for group in claims_by_source(ledger):
        table = Table(
            title=Text(source_title(group.source, group.via), style=KIND_STYLES.get(group.source.kind, "bold")),
            title_justify="left",
            show_header=True,
            expand=True,
        )
        table.add_column("id", no_wrap=True)
        table.add_column("claim", ratio=6)
        table.add_column("cue", no_wrap=True)
        table.add_column("hedges", ratio=2)
        for claim, attr in group.claims:
            cell = Text(" ".join(claim.span.text.split()))
            for note in notes.get(claim.id, []):
                cell.append(f"  [{note}]", style="bold red" if note.startswith("disputed") else "bold")
            cue = " ".join(attr.cue.text.split()) if attr and attr.cue else ""
            hedges = ", ".join(f"{h.text} ({h.kind})" for h in claim.hedges)
            table.add_row(claim.id, cell, cue, hedges)
        console.print(table)
    people = [e for e in ledger.entities if e.type == "PERSON"]
    if people:
        console.print(Text("People", style="bold underline"))
        for e in people:
            console.print(Text("  " + e.name + (f", {e.age}" if e.age is not None else "")))
    rels = relation_lines(ledger)
    if rels:
        console.print(Text("Relations", style="bold underline"))
        for r in rels:
            console.print(Text("  " + r))
    if ledger.timeline:
        console.print(Text("Timeline", style="bold underline"))
        labels = [timeline_line(t) for t in ledger.timeline]
        pad = max(len(label) for label, _ in labels)
        for label, rest in labels:
            # one line per entry, cut at the edge: a wrapped summary reads as another entry
            console.print(Text(f"  {label:<{pad}}  {rest}"), no_wrap=True, overflow="ellipsis")
    if ledger.summary.unresolved_times:
        spans = {t.id: t.span.text for t in ledger.times}
        console.print(
            Text(
                "No publication date: these dates were resolved against a guessed one — "
                + ", ".join(f"“{spans.get(t, t)}”" for t in ledger.summary.unresolved_times)
                + " (give --published YYYY-MM-DD)",
                style="yellow",
            )
        )
    if ledger.checks:
        console.print(Text("Checks", style="bold underline"))
        for c in ledger.checks:
            style = "red" if c.status == "conflict" else "green"
            console.print(Text(f"  [{c.status}] {with_claims(c.message, c.claims)}", style=style))
    return buf.getvalue()
