"""One function per page. Each returns a ``Page``: the data that is the page's ``.json`` twin,
and the view objects its template needs on top (datasette's pattern: one view, two formats).
No web framework and no spaCy here, so each page is tested as a plain function.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from urllib.parse import urlencode

from ..ledger import Ledger
from .intake import RequestProblem
from .keeper import HistoryQuery, Keeper

HISTORY_PAGE_SIZE = 20


@dataclass
class Page:
    template: str
    data: dict
    context: dict = field(default_factory=dict)
    status: int = 200


def index_page(values: dict | None = None, error: str | None = None, status: int = 200, editing: str | None = None) -> Page:
    """The form; ``values`` refill it (after an error, or to edit and re-analyse a ledger)."""
    values = values or {}
    return Page("index.html", {"values": values, "error": error, "editing": editing}, status=status)


def stored(keeper: Keeper, key: str) -> Ledger:
    ledger = keeper.get(key)
    if ledger is None:
        raise RequestProblem(404, f"no ledger {key!r} is kept here ({keeper.where}); analyse the article again")
    return ledger


def ledger_page(keeper: Keeper, key: str) -> Page:
    """The article with its claims marked, and the panels beside it."""
    from ..render import html as article_view
    from ..render import views

    ledger = stored(keeper, key)
    sources = {s.id: s for s in ledger.sources}
    context = dict(
        key=key,
        ledger=ledger,
        doc=ledger.document,
        verdict=views.verdict(ledger),
        article=article_view.article_html(ledger),
        claims=article_view.claim_views(ledger),
        groups=views.claims_by_source(ledger),
        source_title=views.source_title,
        mark_class=article_view.mark_class,
        kind_class=article_view.kind_class,
        mark_words=views.MARK_WORDS,
        warnings=views.warnings_with_claims(ledger),
        kind_labels=views.KIND_LABELS,
        people=article_view.people(ledger),
        relations=list(zip([r.id for r in ledger.relations], views.relation_lines(ledger))),
        no_comment=[(sources.get(n.source), n) for n in ledger.no_comment],
        targets=article_view.ref_targets(ledger),
        timeline=article_view.timeline_points(ledger),
        unresolved=article_view.unresolved_times(ledger),
        traced=traced_in(keeper, key),
    )
    return Page("ledger.html", {"id": key, **ledger.to_dict()}, context)


def traced_in(keeper: Keeper, key: str) -> list[dict]:
    """The traced claims this article takes part in (empty without a store or a trace)."""
    store = getattr(keeper, "store", None)
    if store is None:
        return []
    from ..trace.storage import claims_of_article

    return claims_of_article(store.engine, key)


def edit_values(keeper: Keeper, key: str) -> dict:
    """The form's fields for re-analysing a kept ledger: its text and the metadata the reader
    gave (a date hearsay inferred is left out, so it is inferred again from the edited text)."""
    doc = stored(keeper, key).document
    values = {"text": doc.text, "title": doc.title or "", "outlet": doc.outlet or "", "url": doc.url or ""}
    values["published"] = doc.published if doc.published and doc.published_basis in ("given", "html") else ""
    return values


def _date_param(params: dict, name: str) -> str | None:
    value = (params.get(name) or "").strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise RequestProblem(422, f"{name} must be a date as YYYY-MM-DD, not {value[:40]!r}") from None


def history_query(params: dict) -> HistoryQuery:
    """The history page's query string → filters; a bad value is a 422 naming it."""
    raw_page = (params.get("page") or "1").strip()
    if not raw_page.isdigit() or int(raw_page) < 1:
        raise RequestProblem(422, f"page must be a whole number from 1, not {raw_page[:20]!r}")
    page = int(raw_page)
    return HistoryQuery(
        q=(params.get("q") or "").strip()[:200] or None,
        outlet=(params.get("outlet") or "").strip()[:200] or None,
        since=_date_param(params, "since"),
        until=_date_param(params, "until"),
        limit=HISTORY_PAGE_SIZE,
        offset=(page - 1) * HISTORY_PAGE_SIZE,
    )


def history_page(keeper: Keeper, params: dict) -> Page:
    """The kept analyses, newest first, filtered and paged; each links to its ledger view."""
    query = history_query(params)
    entries, total = keeper.history(query)
    page = query.offset // query.limit + 1
    filters = {k: v for k, v in (("q", query.q), ("outlet", query.outlet), ("since", query.since), ("until", query.until)) if v}

    def link(n: int) -> str:
        return "/history?" + urlencode({**filters, "page": n})

    data = {
        "articles": [{**e.to_dict(), "ledger": f"/ledger/{e.id}"} for e in entries],
        "total": total,
        "page": page,
        "pages": max(1, -(-total // query.limit)),
        "filters": filters,
        "store": keeper.where,
        "previous": link(page - 1) if page > 1 else None,
        "next": link(page + 1) if query.offset + len(entries) < total else None,
    }
    return Page("history.html", data)


def claim_page(keeper: Keeper, claim_id: str) -> Page:
    """A traced claim's cascade: its appearances as a timeline by outlet, each with its role
    and how it got the claim (citation, copy, or no citation), the origin and its source first.
    Read from the store's trace tables, which `hearsay trace --store` fills."""
    from ..trace.storage import load_claim

    store = getattr(keeper, "store", None)
    if store is None:
        raise RequestProblem(404, "claim pages need the store (start hearsay serve with --store, and run hearsay trace --store on it)")
    claim = load_claim(store.engine, claim_id)
    if claim is None:
        raise RequestProblem(404, f"no traced claim {claim_id!r} in {keeper.where}; run `hearsay trace --store` to trace the corpus")
    from ..render import cascade

    for a in claim["appearances"]:
        a["mark"], a["mark_word"] = cascade.ROLE_MARKS[cascade.role_key(a)]
    origin = next((a for a in claim["appearances"] if a["role"] == "origin"), None)
    context = dict(cascade=cascade.layout(claim), spread=cascade.spread(claim["appearances"]),
                   origin=origin, marks=cascade.ROLE_MARKS, mark_radius=cascade.MARK_RADIUS, edge_dash=cascade.EDGE_DASH, edge_words=cascade.EDGE_WORDS)
    return Page("claim.html", {"claim": claim}, context)


#: the corpus page lists this many of the widest-spread traced claims
CORPUS_PAGE_CLAIMS = 200


def corpus_page(keeper: Keeper) -> Page:
    """The traced claims of the store by spread (outlets, then articles), each with its
    verdict in plain words, how many articles played each role, and a link to its cascade."""
    store = getattr(keeper, "store", None)
    data: dict = {"store": keeper.where, "traced": store is not None, "claims": [], "limit": CORPUS_PAGE_CLAIMS}
    if store is None:
        return Page("corpus.html", data)
    from ..render import cascade
    from ..trace.storage import widest_claims

    claims = widest_claims(store.engine, CORPUS_PAGE_CLAIMS)
    for c in claims:
        c.update(cascade.spread(c.pop("appearances")))
        c["page"] = f"/claims/{c['id']}"
    claims.sort(key=lambda c: (-c["outlets"], -c["articles"], _claim_number(c["id"])))
    data["claims"] = claims
    return Page("corpus.html", data, {"marks": cascade.ROLE_MARKS})


def _claim_number(claim_id: str) -> tuple[int, str]:
    digits = "".join(ch for ch in claim_id if ch.isdigit())
    return (int(digits) if digits else 0, claim_id)

