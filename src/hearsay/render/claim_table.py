"""Ledger → CSV: one row per claim, for a spreadsheet or a newsroom's tracking sheet.

Each row carries what a fact-checker filters on: the claim, its source and the source's kind,
the cue and whether it is a denial, the hedges and the resolved dates. Cells that a spreadsheet
would run as a formula (starting with ``=``, ``+``, ``-``, ``@``) are prefixed with ``'``:
article text is untrusted.
"""

from __future__ import annotations

import csv
import io

from ..ledger import Ledger

COLUMNS = (
    "claim", "start", "end", "text", "source", "source_label", "source_kind", "via",
    "attribution", "cue", "polarity", "hedges", "dates",
)


def _safe(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def claim_rows(ledger: Ledger) -> list[dict]:
    """The claims as flat rows (COLUMNS), in the ledger's order."""
    sources = {s.id: s for s in ledger.sources}
    attributions = {a.id: a for a in ledger.attributions}
    times = {t.id: t for t in ledger.times}
    rows = []
    for claim in ledger.claims:
        src = sources.get(claim.source)
        attr = attributions.get(claim.attribution) if claim.attribution else None
        dates = []
        for tid in claim.times:
            t = times.get(tid)
            if t is not None:
                dates.append(f"{t.span.text} = {t.value or (t.range.start if t.range else 'unresolved')}")
        rows.append({
            "claim": claim.id,
            "start": claim.span.start,
            "end": claim.span.end,
            "text": claim.span.text,
            "source": claim.source,
            "source_label": src.label if src else "",
            "source_kind": src.kind if src else "",
            "via": sources[src.via].label if src and src.via in sources else "",
            "attribution": attr.type if attr else "",
            "cue": attr.cue.text if attr and attr.cue else "",
            "polarity": attr.polarity if attr else "",
            "hedges": "; ".join(f"{h.text} ({h.kind})" for h in claim.hedges),
            "dates": "; ".join(dates),
        })
    return rows


def to_csv(ledger: Ledger) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for row in claim_rows(ledger):
        writer.writerow({k: _safe(v) for k, v in row.items()})
    return out.getvalue()
