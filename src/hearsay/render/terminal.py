"""Ledger → terminal view (rich): the sourcing verdict first, then claims grouped by source."""

from __future__ import annotations

import io

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..ledger import Ledger
from .views import claims_by_source, relation_lines, source_title, verdict

KIND_STYLES = {
    "anonymous": "bold red",
    "reports": "bold magenta",
    "person": "bold green",
    "organization": "bold cyan",
    "outlet": "bold blue",
    "document": "bold yellow",
    "author": "bold white",
}


def to_text(ledger: Ledger, *, color: bool = True, width: int = 110) -> str:
    buf = io.StringIO()
    console = Console(file=buf, force_terminal=color, no_color=not color, width=width, highlight=False)
    doc = ledger.document
    if doc.title:
        console.print(Text(doc.title, style="bold"))
    if doc.published:
        console.print(Text(f"published {doc.published} ({doc.published_basis})", style="dim"))
    console.print(Text(verdict(ledger), style="bold"))
    for w in ledger.summary.warnings:
        console.print(Text(f"⚠ {w}", style="yellow"))
    for group in claims_by_source(ledger):
        table = Table(
            title=Text(source_title(group.source, group.via), style=KIND_STYLES.get(group.source.kind, "bold")),
            title_justify="left",
            show_header=True,
            expand=True,
        )
        table.add_column("claim", ratio=6)
        table.add_column("cue", ratio=1)
        table.add_column("hedges", ratio=2)
        for claim, attr in group.claims:
            cue = attr.cue.text if attr and attr.cue else ""
            if attr and attr.polarity == "denied":
                cue += " (denied)"
            hedges = ", ".join(f"{h.text} ({h.kind})" for h in claim.hedges)
            table.add_row(" ".join(claim.span.text.split()), cue, hedges)
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
        for t in ledger.timeline:
            console.print(Text(f"  {t.date:<12} {t.summary}"))
    if ledger.checks:
        console.print(Text("Checks", style="bold underline"))
        for c in ledger.checks:
            style = "red" if c.status == "conflict" else "green"
            console.print(Text(f"  [{c.status}] {c.message}", style=style))
    return buf.getvalue()
