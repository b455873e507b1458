"""Views of a trace: JSON (the contract), a terminal table, Markdown, and the exports
(schema.org ``Claim`` JSON-LD, W3C PROV-JSON)."""

from __future__ import annotations

import json

from .retrieval import Bm25Index
from .model import Trace


def render_trace(trace: Trace, fmt: str) -> str:
    if fmt == "json":
        return trace.to_json() + "\n"
    if fmt == "jsonld":
        return json.dumps(to_jsonld(trace), indent=2, ensure_ascii=False) + "\n"
    if fmt == "prov":
        return to_prov(trace).serialize(format="json", indent=2) + "\n"
    return to_text(trace, markdown=(fmt == "md"))


def select_claims(trace: Trace, text: str, k: int = 3) -> Trace:
    """The trace narrowed to the claims that best match ``text`` (BM25 over their appearances)."""
    docs = {c.id: " ".join(a.span.text for a in c.appearances) for c in trace.claims}
    keep = {cid for cid, score in Bm25Index(docs).search(text, k) if score > 0}
    return trace.model_copy(update={"claims": [c for c in trace.claims if c.id in keep]})


def to_text(trace: Trace, markdown: bool = False) -> str:
    """Each traced claim with its verdict and the cascade of appearances, date first."""
    outlets = {a.id: a.outlet or a.id for a in trace.articles}
    out = []
    for c in trace.claims:
        out.append((f"## {c.id}: {c.text}" if markdown else f"{c.id}  {c.text}"))
        out.append((f"**{c.verdict}**" if markdown else f"  {c.verdict}"))
        if markdown:
            out.append("")
            out.append("| published | outlet | article | role | source | via |")
            out.append("|---|---|---|---|---|---|")
        seen = set()
        for a in c.appearances:
            if (a.article, a.role) in seen:
                continue
            seen.add((a.article, a.role))
            via = ""
            if a.via:
                via = a.via.how + (f" {a.via.outlet or ''} {a.via.article or ''}".rstrip() if a.via.how != "uncited" else "")
            src = a.source.entity or a.source.label
            cells = [(a.published or "")[:10], outlets.get(a.article, a.article), a.article, a.role, f"{a.source.kind}: {src}", via]
            if markdown:
                out.append("| " + " | ".join(x.replace("|", "\\|") for x in cells) + " |")
            else:
                out.append("    " + "  ".join(cells).rstrip())
        out.append("")
    if trace.copies:
        out.append(("Copies: " if not markdown else "**Copies:** ") + "; ".join(" = ".join(g) for g in trace.copies))
    out.append(f"{len(trace.claims)} traced claims, {len(trace.citations)} citations, {len(trace.articles)} articles")
    return "\n".join(out) + "\n"


def to_jsonld(trace: Trace) -> dict:
    """schema.org ``Claim`` objects: each appearance a ``CreativeWork`` by its outlet, the
    origin's as ``firstAppearance``, and the origin's source as the claim's ``author``."""
    arts = {a.id: a for a in trace.articles}

    def work(article_id: str) -> dict:
        a = arts.get(article_id)
        node = {"@type": "NewsArticle", "@id": f"#article-{article_id}", "identifier": article_id}
        if a is not None:
            node.update({k: v for k, v in {"headline": a.title, "url": a.url, "datePublished": a.published,
                                           "publisher": {"@type": "Organization", "name": a.outlet} if a.outlet else None}.items() if v})
        return node

    graph = []
    for c in trace.claims:
        node = {"@type": "Claim", "@id": f"#claim-{c.id}", "text": c.text,
                "appearance": [work(i) for i in dict.fromkeys(a.article for a in c.appearances)],
                "description": c.verdict}
        if c.origin:
            node["firstAppearance"] = work(c.origin.article)
            s = c.origin.source
            kind = "Person" if s.kind == "person" else "Organization" if s.kind in ("organization", "outlet") else "Thing"
            node["author"] = {"@type": kind, "name": s.entity or s.label, "additionalType": s.kind}
        graph.append(node)
    return {"@context": "https://schema.org", "@graph": graph}


def to_prov(trace: Trace):
    """A W3C PROV document: articles are entities; a repeat ``wasDerivedFrom`` the article it
    got the claim from (``wasQuotedFrom`` for a copy); every appearance ``wasAttributedTo``
    its source as an agent."""
    from prov.model import ProvDocument

    doc = ProvDocument()
    doc.add_namespace("hs", "https://hearsay.invalid/trace#")
    arts = {a.id: a for a in trace.articles}
    made = set()

    def entity(article_id: str):
        key = f"hs:article-{article_id}"
        if key not in made:
            a = arts.get(article_id)
            attrs = {"hs:outlet": a.outlet or "", "hs:published": a.published or ""} if a else {}
            doc.entity(key, attrs)
            made.add(key)
        return key

    agents = set()
    for c in trace.claims:
        for ap in c.appearances:
            art = entity(ap.article)
            agent = "hs:source-" + "".join(ch if ch.isalnum() else "_" for ch in (ap.source.entity or ap.source.label))
            if agent not in agents:
                doc.agent(agent, {"hs:kind": ap.source.kind, "hs:label": ap.source.label})
                agents.add(agent)
            doc.wasAttributedTo(art, agent)
            if ap.via and ap.via.article and ap.via.article != ap.article:
                if ap.via.how == "copy":
                    doc.wasQuotedFrom(art, entity(ap.via.article))
                else:
                    doc.wasDerivedFrom(art, entity(ap.via.article))
    return doc
