"""What the trace reads: one article's metadata and its ledger, in publication order.

The trace is pure functions over ``(article, ledger)`` pairs, so it runs on the store's
``iter_ledgers()`` rows, on ledgers read from files, or on anything with the same attributes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

from ..errors import InputError
from ..ledger import Ledger


@dataclass(frozen=True)
class TraceItem:
    id: str
    outlet: str | None
    published: str | None
    title: str | None
    url: str | None
    text: str
    ledger: Ledger

    @property
    def order(self) -> tuple[str, str]:
        """Publication order; an undated article sorts last (it cannot be anyone's origin)."""
        return (self.published or "9999", self.id)


def as_items(pairs: Iterable[tuple[Any, Ledger]]) -> list[TraceItem]:
    """TraceItems from ``(ArticleRow-like, Ledger)`` pairs, sorted by publication.

    Article fields win over the ledger's ``document`` where both are given; the text is always
    the ledger's, because every span in the ledger points into it.
    """
    out = []
    for row, ledger in pairs:
        doc = ledger.document
        out.append(TraceItem(
            id=str(getattr(row, "id")),
            outlet=getattr(row, "outlet", None) or doc.outlet,
            published=_iso(getattr(row, "published", None) or doc.published),
            title=getattr(row, "title", None) or doc.title,
            url=getattr(row, "url", None) or doc.url,
            text=doc.text,
            ledger=ledger,
        ))
    ids = [i.id for i in out]
    if len(set(ids)) != len(ids):
        dup = sorted({i for i in ids if ids.count(i) > 1})
        raise InputError("trace input", f"article ids must be unique; repeated: {', '.join(dup)}")
    return sorted(out, key=lambda i: i.order)


def _iso(value) -> str | None:
    if value is None:
        return None
    return value.isoformat() if hasattr(value, "isoformat") else str(value)
