"""Doc → Ledger: the one reader of hearsay's Doc state (see extensions.py)."""

from __future__ import annotations

import calendar

from spacy.tokens import Doc

from .components.mentions import born_from_age
from .extensions import get_list
from .ledger import (
    Attribution,
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

SUMMARY_WORDS = 14


def _span(text: str, rec: dict | None, cls=Span, **extra):
    if rec is None:
        return None
    start, end = int(rec["start"]), int(rec["end"])
    return cls(start=start, end=end, text=text[start:end], **extra)


def build_ledger(doc: Doc) -> Ledger:
    text = doc.text
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
        )
        for c in get_list(doc, "hearsay_claims")
    ]
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
    checks = [Check(**{k: c[k] for k in ("id", "kind", "status", "message", "refs")}) for c in get_list(doc, "hearsay_checks")]
    summary_rec = dict(doc._.hearsay_summary or {})
    warnings = list(summary_rec.get("warnings", []))
    for w in get_list(doc, "hearsay_warnings"):
        if w not in warnings:
            warnings.append(w)
    summary = Summary(
        claims=summary_rec.get("claims", len(claims)),
        attributed=summary_rec.get("attributed", sum(1 for c in claims if c.attribution)),
        by_source_kind=summary_rec.get("by_source_kind", {}),
        anonymous_sources=summary_rec.get("anonymous_sources", sum(1 for s in sources if s.kind == "anonymous")),
        warnings=warnings,
        verdict=summary_rec.get("verdict"),
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
        timeline=build_timeline(claims, times),
        checks=checks,
        summary=summary,
    )


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


def build_timeline(claims: list[Claim], times: list[Time]) -> list[TimelineEntry]:
    """Each dated claim once, at the first date it gives (the one its event hangs on: "On
    August 4, 2022, she marked their 10th anniversary" sits at 2022-08-04, not at the
    wedding), sorted by date."""
    by_id = {t.id: t for t in times}
    entries = []
    for claim in claims:
        dated = sorted((by_id[t].span.start, timeline_date(by_id[t]), t) for t in claim.times if t in by_id)
        dated = [(d, t) for _, d, t in dated if d]
        if not dated:
            continue
        date, tid = dated[0]
        entries.append(TimelineEntry(date=date, claim=claim.id, time=tid, summary=_short(claim.span.text)))
    return sorted(entries, key=lambda e: (e.date, int(e.claim[1:])))
