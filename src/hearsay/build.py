"""Doc → Ledger: the one reader of hearsay's Doc state (see extensions.py)."""

from __future__ import annotations

import calendar

from spacy.tokens import Doc

from .components._internals.doc_text import doc_text
from .components.mentions import born_from_age
from .extensions import get_list
from .ledger import (
    Attribution,
    Represented,
    Check,
    Claim,
    Document,
    Entity,
    Hedge,
    Ledger,
    Mention,
    NoComment,
    Relation,
    Source,
    Span,
    Summary,
    Time,
    TimelineEntry,
)
from .render.views import date_label, period_bounds

SUMMARY_WORDS = 14


def _span(text: str, rec: dict | None, cls=Span, **extra):
    if rec is None:
        return None
    start, end = int(rec["start"]), int(rec["end"])
    return cls(start=start, end=end, text=text[start:end], **extra)


def build_ledger(doc: Doc) -> Ledger:
    text = doc_text(doc)   # the stages' joined copy: ``doc.text`` would join every token's text again
    meta = dict(doc._.hearsay_meta or {})
    reference = doc._.hearsay_reference or {}
    basis = meta.get("published_basis") or "unknown"
    published = meta.get("published")
    if not published and reference.get("date"):
        published, basis = reference["date"], reference.get("basis", "inferred")

    entities = [
        Entity(
            id=e["id"],
            type=e["type"],
            name=e["name"],
            mentions=[_span(text, m, Mention, kind=m["kind"]) for m in e.get("mentions", [])],
            age=e.get("age"),
            born=e.get("born") or (born_from_age(e["age"], published) if e.get("age") is not None else None),
        )
        for e in get_list(doc, "hearsay_entities")
    ]
    sources = [
        Source(
            id=s["id"],
            kind=s["kind"],
            label=s["label"],
            entity=s.get("entity"),
            mentions=[_span(text, m) for m in s.get("mentions", [])],
            via=s.get("via"),
            represents=Represented(**s["represents"]) if s.get("represents") else None,
            unresolved=bool(s.get("unresolved", False)),
            members=list(s.get("members") or []),
        )
        for s in get_list(doc, "hearsay_sources")
    ]
    attributions = [
        Attribution(
            id=a["id"],
            source=a["source"],
            type=a["type"],
            source_mention=_span(text, a.get("source_mention")),
            cue=_span(text, a.get("cue")),
            content=_span(text, a["content"]),
            polarity=a.get("polarity", "asserted"),
            cue_class=a.get("cue_class"),
            parent=a.get("parent"),
        )
        for a in get_list(doc, "hearsay_attributions")
    ]
    no_comment = [
        NoComment(source=n["source"], cue=_span(text, n["cue"]), kind=n["kind"])
        for n in get_list(doc, "hearsay_no_comment")
    ]
    claims = [
        Claim(
            id=c["id"],
            span=_span(text, c),
            source=c["source"],
            attribution=c.get("attribution"),
            hedges=[_span(text, h, Hedge, kind=h["kind"]) for h in c.get("hedges", [])],
            entities=list(c.get("entities", [])),
            times=list(c.get("times", [])),
            disputed=bool(c.get("disputed_by")),
            disputed_by=list(c.get("disputed_by", [])),
        )
        for c in get_list(doc, "hearsay_claims")
    ]
    link_denials(attributions, claims)
    times = [
        Time(
            id=t["id"],
            span=_span(text, t),
            type=t["type"],
            value=t.get("value"),
            range=t.get("range"),
            anchor=t.get("anchor"),
            inferred=bool(t.get("inferred", False)),
        )
        for t in get_list(doc, "hearsay_times")
    ]
    relations = [
        Relation(
            id=r["id"],
            type=r["type"],
            a=r["a"],
            b=r["b"],
            status=r["status"],
            since=r.get("since"),
            claims=list(r.get("claims", [])),
        )
        for r in get_list(doc, "hearsay_relations")
    ]
    claims_of = ClaimsByRef(claims, relations)
    checks = [
        Check(**{k: c[k] for k in ("id", "kind", "status", "message", "refs")}, claims=claims_of(c["refs"]))
        for c in get_list(doc, "hearsay_checks")
    ]
    summary_rec = dict(doc._.hearsay_summary or {})
    warnings = list(summary_rec.get("warnings", []))
    warning_claims = [list(ids) for ids in summary_rec.get("warning_claims", [[] for _ in warnings])]
    warning_claims += [[] for _ in range(len(warnings) - len(warning_claims))]
    for w in get_list(doc, "hearsay_warnings"):
        if w not in warnings:
            warnings.append(w)
            warning_claims.append([])
    summary = Summary(
        claims=summary_rec.get("claims", len(claims)),
        attributed=summary_rec.get("attributed", sum(1 for c in claims if c.attribution)),
        by_source_kind=summary_rec.get("by_source_kind", {}),
        anonymous_sources=summary_rec.get("anonymous_sources", sum(1 for s in sources if s.kind == "anonymous")),
        warnings=warnings,
        warning_claims=warning_claims,
        verdict=summary_rec.get("verdict"),
        unresolved_times=unresolved_times(times, basis),
    )
    return Ledger(
        document=Document(
            text=text,
            title=meta.get("title"),
            outlet=meta.get("outlet"),
            url=meta.get("url"),
            published=published,
            published_basis=basis,
        ),
        entities=entities,
        sources=sources,
        attributions=attributions,
        no_comment=no_comment,
        claims=claims,
        times=times,
        relations=relations,
        timeline=build_timeline(claims, times, {s.id: s.kind for s in sources}, published),
        checks=checks,
        summary=summary,
    )


def link_denials(attributions: list[Attribution], claims: list[Claim]) -> None:
    """Fill each denial's ``denies`` from the claims that name it in ``disputed_by`` (the claims
    stage decides what a denial denies; the ledger shows the link from both ends)."""
    by_id = {a.id: a for a in attributions}
    for claim in claims:
        for att_id in claim.disputed_by:
            att = by_id.get(att_id)
            if att is not None and claim.id not in att.denies:
                att.denies.append(claim.id)


class ClaimsByRef:
    """The claims a check concerns: those it refers to, those giving a time it refers to, and
    those stating a relation it refers to — so every check can point into the article. Indexed
    once per ledger (claim, time and relation id -> claim positions): a scan of every claim for
    every check would grow with the square of the article."""

    def __init__(self, claims: list[Claim], relations: list[Relation]):
        self.ids = [c.id for c in claims]
        self.at: dict[str, set[int]] = {}
        for i, c in enumerate(claims):
            for ref in (c.id, *c.times):
                self.at.setdefault(ref, set()).add(i)
        position = {cid: i for i, cid in enumerate(self.ids)}
        for r in relations:
            self.at.setdefault(r.id, set()).update(position[c] for c in r.claims if c in position)

    def __call__(self, refs: list[str]) -> list[str]:
        hits = set().union(*(self.at.get(ref, ()) for ref in refs)) if refs else set()
        return [self.ids[i] for i in sorted(hits)]



def unresolved_times(times: list[Time], basis: str) -> list[str]:
    """Times that hang on a reference date the article does not give: with no given or
    published date, everything resolved against the (inferred) publication date, directly or
    through another such time, and every time whose year was guessed."""
    if basis in ("given", "html"):
        return []
    by_id = {t.id: t for t in times}
    out: list[str] = []

    def hangs(t: Time, seen: set) -> bool:
        if t.inferred or t.anchor == "published":
            return True
        if t.anchor in by_id and t.anchor not in seen:
            return hangs(by_id[t.anchor], seen | {t.anchor})
        return False

    for t in times:
        if hangs(t, {t.id}):
            out.append(t.id)
    return out


def _short(text: str) -> str:
    words = " ".join(text.split()).split(" ")
    return " ".join(words[:SUMMARY_WORDS]) + (" …" if len(words) > SUMMARY_WORDS else "")


def _whole_period(value: str, start: str, end: str) -> bool:
    """Does [start, end] cover exactly the calendar year or month ``value`` names?"""
    if len(value) == 4:
        return start == f"{value}-01-01" and end == f"{value}-12-31"
    if len(value) == 7 and value[4] == "-" and value[5:7].isdigit():  # not 2023-Q3, 2023-SU
        year, month = int(value[:4]), int(value[5:7])
        return start == f"{value}-01" and end == f"{value}-{calendar.monthrange(year, month)[1]:02d}"
    return True


def timeline_date(time: Time) -> str | None:
    """Where a time sits on the timeline: its value when that is a calendar date, the start of
    its range when the range is narrower than the value says ("just days later" valued
    2023-08 with range Aug 5–11 sits at 2023-08-05); durations and sets have no place on it."""
    if time.type not in ("DATE", "TIME") or not time.value:
        return None
    value = time.value
    if value[:4].isdigit() and "/" not in value and not value.endswith("_REF"):
        date = value.split("T")[0]
        if time.range and len(date) in (4, 7) and not _whole_period(date, time.range.start, time.range.end):
            return time.range.start
        return date
    return time.range.start if time.range else None


def build_timeline(
    claims: list[Claim], times: list[Time], source_kinds: dict[str, str] | None = None, published: str | None = None
) -> list[TimelineEntry]:
    """Every resolved date of every claim, ordered by the first day of the period it names (so
    "spring 2022" sits among the months of 2022, before June), each labelled for readers and
    marked with the kind of source the claim rests on."""
    by_id = {t.id: t for t in times}
    kinds = source_kinds or {}
    year = int(published[:4]) if published and published[:4].isdigit() else None
    entries = []
    for claim in claims:
        seen: set[str] = set()
        for tid in sorted((t for t in claim.times if t in by_id), key=lambda t: by_id[t].span.start):
            time = by_id[tid]
            date = timeline_date(time)
            if not date or date in seen:
                continue
            seen.add(date)
            bounds = (time.range.start, time.range.end) if time.range else period_bounds(date)
            start, end = bounds if bounds else (None, None)
            entries.append(
                TimelineEntry(
                    date=date,
                    claim=claim.id,
                    time=tid,
                    summary=_short(claim.span.text),
                    start=start,
                    end=end,
                    label=date_label(time.value, start=start, end=end, text=time.span.text, year=year),
                    source_kind=kinds.get(claim.source),
                    disputed=claim.disputed,
                )
            )
    return sorted(entries, key=lambda e: (e.start or e.date, e.end or e.date, int(e.claim[1:])))
