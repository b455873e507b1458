"""Ledger → the marked-up article of the web page.

A reader checks a claim against the very words of the article, so the page shows
``document.text`` verbatim with every claim wrapped in an element that carries its claim id,
its source and its source kind. Claims may nest (a quote inside a sentence) or cross (an
attribution that runs past a sentence end); HTML elements can only nest, so a crossing span is
split into pieces: the first piece carries the id, the label and the keyboard stop, the later
pieces only ``data-claim`` so that highlighting still covers all of it. Cues, hedges and
times are marked inside claims the same way.

Everything from the article is escaped here (markupsafe), so the template may output the result
as-is. No spaCy, no web framework: this is a pure function of the ledger.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup, escape

from ..ledger import Claim, Ledger, Source, Time
from ..source_kinds import kind_table
from .views import MARK_WORDS

#: how the page groups source kinds for marking: what a reader needs to tell apart at a glance
MARK_CLASS = kind_table("mark_class")

#: the short label drawn before each claim, so kinds differ without colour
MARK_LABEL = MARK_WORDS

#: nesting order inside one stretch of text: claims outermost, then the words inside them
_RANK = {"claim": 0, "cue": 1, "hedge": 2, "time": 3}


@dataclass
class Mark:
    start: int
    end: int
    kind: str                       # claim | cue | hedge | time
    ref: str = ""                   # claim id (claim), hedge kind (hedge), time id (time)
    attrs: dict = field(default_factory=dict)
    order: int = 0                  # position in the input, the last tie-breaker


def kind_class(kind: str) -> str:
    """The marking class of a source kind (named, anonymous, reports, outlet-document, author)."""
    return MARK_CLASS.get(kind, "named")


def mark_class(source: Source | None) -> str:
    return kind_class(source.kind) if source is not None else "author"


def claim_label(claim: Claim, source: Source | None, denied: bool = False) -> str:
    """The words drawn before a claim: its id, its source kind, "denied" for a denial and
    "disputed" for a claim a denial in the article denies."""
    kind = MARK_LABEL.get(source.kind, source.kind) if source is not None else "author"
    return f"{claim.id} · {kind}" + (" · denied" if denied else "") + (" · disputed" if claim.disputed else "")


def ledger_marks(ledger: Ledger) -> list[Mark]:
    """Every span the article view marks: claims (with their source), cues, hedges, times."""
    sources = {s.id: s for s in ledger.sources}
    attributions = {a.id: a for a in ledger.attributions}
    marks: list[Mark] = []
    for claim in ledger.claims:
        src = sources.get(claim.source)
        attr = attributions.get(claim.attribution) if claim.attribution else None
        denied = attr is not None and attr.polarity == "denied"
        marks.append(
            Mark(
                claim.span.start,
                claim.span.end,
                "claim",
                claim.id,
                {
                    "class": f"claim k-{mark_class(src)}" + (" disputed" if claim.disputed else ""),
                    "data-source": claim.source,
                    "data-kind": src.kind if src else "author",
                    "data-label": claim_label(claim, src, denied),
                },
            )
        )
        for hedge in claim.hedges:
            marks.append(Mark(hedge.start, hedge.end, "hedge", hedge.kind, {"class": f"hedge h-{hedge.kind}"}))
        if attr is not None and attr.cue is not None:
            marks.append(Mark(attr.cue.start, attr.cue.end, "cue", attr.id, {"class": "cue"}))
    for time in ledger.times:
        marks.append(Mark(time.span.start, time.span.end, "time", time.id, {"class": "time", "data-time": time.id}))
    # a cue or hedge shared by several claims is marked once
    seen: set[tuple] = set()
    unique = []
    for i, m in enumerate(marks):
        key = (m.start, m.end, m.kind, m.ref if m.kind == "claim" else "")
        if key in seen or m.end <= m.start:
            continue
        seen.add(key)
        m.order = i
        unique.append(m)
    return unique


def layer(text: str, marks: list[Mark]) -> list[tuple]:
    """The text cut at every mark boundary into a properly nested event stream.

    Returns ``("open", mark, first_piece)``, ``("text", str)`` and ``("close", mark)`` events.
    Within one stretch the open marks are ordered outermost first (earlier start, later end,
    claims before words); where two marks cross, the inner one is closed and reopened, so it
    becomes two pieces.
    """
    n = len(text)
    marks = [m for m in marks if 0 <= m.start < m.end <= n]
    key = lambda m: (m.start, -m.end, _RANK.get(m.kind, 9), m.order)  # noqa: E731
    marks.sort(key=key)
    starts: dict[int, list[Mark]] = {}
    for m in marks:
        starts.setdefault(m.start, []).append(m)
    bounds = sorted({0, n} | {m.start for m in marks} | {m.end for m in marks})
    events: list[tuple] = []
    stack: list[Mark] = []
    active: list[Mark] = []
    opened: set[int] = set()
    for a, b in zip(bounds, bounds[1:]):
        active = [m for m in active if m.end > a] + starts.get(a, [])
        active.sort(key=key)
        common = 0
        while common < len(stack) and common < len(active) and stack[common] is active[common]:
            common += 1
        for m in reversed(stack[common:]):
            events.append(("close", m))
        for m in active[common:]:
            events.append(("open", m, id(m) not in opened))
            opened.add(id(m))
        stack = list(active)
        events.append(("text", text[a:b]))
    for m in reversed(stack):
        events.append(("close", m))
    return events


def _open_tag(mark: Mark, first: bool, depth: int) -> str:
    attrs = dict(mark.attrs)
    if mark.kind == "claim":
        attrs["data-claim"] = mark.ref
        attrs["class"] = f"{attrs['class']} d{min(depth, 4)}"
        if first:
            attrs["id"] = f"claim-{mark.ref}"
            attrs["tabindex"] = "0"
            attrs["aria-describedby"] = f"detail-{mark.ref}"
        else:
            attrs["class"] += " cont"
            attrs.pop("data-label", None)
    elif mark.kind == "time" and first:
        attrs["id"] = f"time-{mark.ref}"
    parts = [f'{k}="{escape(v)}"' for k, v in attrs.items()]
    return f"<span {' '.join(parts)}>"


def article_html(ledger: Ledger) -> Markup:
    """``document.text`` with every claim, cue, hedge and time marked; all text escaped."""
    out: list[str] = []
    depth = 0
    for event in layer(ledger.document.text, ledger_marks(ledger)):
        if event[0] == "text":
            out.append(str(escape(event[1])))
        elif event[0] == "open":
            mark, first = event[1], event[2]
            out.append(_open_tag(mark, first, depth))
            if mark.kind == "claim":
                depth += 1
        else:
            if event[1].kind == "claim":
                depth -= 1
            out.append("</span>")
    return Markup("".join(out))


def time_line(time: Time) -> str:
    """How a time reads in a claim's details: the words, then what they were resolved to."""
    line = f"“{time.span.text}”"
    if time.value:
        line += f" → {time.value}"
    if time.range is not None and time.range.start != time.range.end:
        line += f" ({time.range.start} – {time.range.end})"
    elif time.range is not None and not time.value:
        line += f" → {time.range.start}"
    if time.inferred:
        line += " (inferred)"
    return line


@dataclass
class ClaimView:
    """What the page says about one claim when it is hovered or focused."""

    id: str
    text: str
    source_id: str
    source: str                     # source_title(): label, kind, via
    kind: str                       # the source kind
    mark: str                       # the marking class (named, anonymous, ...)
    attribution: str | None = None  # direct / indirect / mixed / according_to
    speaker: str | None = None      # the words naming the source here ("the insider")
    cue: str | None = None
    denied: bool = False
    disputed: bool = False
    notes: list[str] = field(default_factory=list)   # "denies C2, C3", "disputed: denied in C6"
    hedges: list[str] = field(default_factory=list)
    times: list[str] = field(default_factory=list)


def claim_views(ledger: Ledger) -> list[ClaimView]:
    from .views import claim_notes, source_title

    notes = claim_notes(ledger)
    sources = {s.id: s for s in ledger.sources}
    attributions = {a.id: a for a in ledger.attributions}
    times = {t.id: t for t in ledger.times}
    out = []
    for claim in ledger.claims:
        src = sources.get(claim.source)
        via = sources.get(src.via) if src is not None and src.via else None
        attr = attributions.get(claim.attribution) if claim.attribution else None
        out.append(
            ClaimView(
                id=claim.id,
                text=claim.span.text,
                source_id=claim.source,
                source=source_title(src, via) if src is not None else claim.source,
                kind=src.kind if src is not None else "author",
                mark=mark_class(src),
                attribution=attr.type.replace("_", " ") if attr else None,
                speaker=attr.source_mention.text if attr and attr.source_mention else None,
                cue=attr.cue.text if attr and attr.cue else None,
                denied=bool(attr and attr.polarity == "denied"),
                disputed=claim.disputed,
                notes=notes.get(claim.id, []),
                hedges=[f"“{h.text}” ({h.kind})" for h in claim.hedges],
                times=[time_line(times[t]) for t in claim.times if t in times],
            )
        )
    return out


@dataclass
class PersonView:
    id: str
    name: str
    age: int | None
    born: str | None
    relations: list[str]


def people(ledger: Ledger) -> list[PersonView]:
    """People named in the article, with stated ages, birth ranges and their relations."""
    from .views import relation_lines

    lines = relation_lines(ledger)
    out = []
    for ent in ledger.entities:
        if ent.type != "PERSON":
            continue
        born = None
        if ent.born is not None:
            born = ent.born.earliest if ent.born.earliest == ent.born.latest else f"{ent.born.earliest} – {ent.born.latest}"
        rels = [line for rel, line in zip(ledger.relations, lines) if ent.id in (rel.a, rel.b)]
        out.append(PersonView(ent.id, ent.name, ent.age, born, rels))
    return out


def ref_targets(ledger: Ledger) -> dict[str, str]:
    """Page anchors of the ledger ids that checks refer to: claims and times are marked in the
    article; people, relations and sources with claims are listed beside it."""
    targets = {c.id: f"#claim-{c.id}" for c in ledger.claims}
    targets.update({t.id: f"#time-{t.id}" for t in ledger.times if t.span.end > t.span.start})
    targets.update({e.id: f"#person-{e.id}" for e in ledger.entities if e.type == "PERSON"})
    targets.update({r.id: f"#relation-{r.id}" for r in ledger.relations})
    targets.update({s.id: f"#source-{s.id}" for s in ledger.sources if any(c.source == s.id for c in ledger.claims)})
    return targets


@dataclass
class TimelinePoint:
    x: float
    row: int
    date: str
    claim: str
    summary: str


def date_position(date: str) -> float | None:
    """A ledger date (``2023``, ``2023-08``, ``2023-08-04``, ``2023-W32``, ``2023-Q3``,
    ``2023-SU``) as a fractional year, at the start of the period it names; None if unreadable."""
    head = date[:4]
    if not head.isdigit():
        return None
    year, rest = int(head), date[5:]
    if not rest:
        return float(year)
    if rest[:1] == "W" and rest[1:3].isdigit():
        return year + (int(rest[1:3]) - 1) / 52.18
    if rest[:1] == "Q" and rest[1:2].isdigit():
        return year + (int(rest[1:2]) - 1) / 4
    seasons = {"SP": 2, "SU": 5, "FA": 8, "AU": 8, "WI": 11}
    if rest[:2] in seasons:
        return year + seasons[rest[:2]] / 12
    if rest[:2].isdigit():
        month = int(rest[:2])
        day = int(rest[3:5]) if rest[3:5].isdigit() else 1
        return year + (month - 1) / 12 + (day - 1) / 365.25
    return None


def timeline_points(ledger: Ledger, width: float = 300.0, gap: float = 14.0) -> tuple[list[TimelinePoint], str, str]:
    """The timeline laid out on a horizontal axis of ``width`` units, proportional to time;
    points closer than ``gap`` go to a new row so none hides another. Also the axis end labels."""
    dated = [(date_position(t.start or t.date), t) for t in ledger.timeline]
    dated = [(pos, t) for pos, t in dated if pos is not None]
    if not dated:
        return [], "", ""
    lo, hi = min(p for p, _ in dated), max(p for p, _ in dated)
    span = hi - lo
    points: list[TimelinePoint] = []
    last_x: dict[int, float] = {}
    for pos, entry in sorted(dated, key=lambda pt: pt[0]):
        x = width / 2 if span == 0 else (pos - lo) / span * width
        row = 0
        while row in last_x and x - last_x[row] < gap and row < 3:
            row += 1
        last_x[row] = x
        points.append(TimelinePoint(round(x, 1), row, entry.label or entry.date, entry.claim, entry.summary))
    if span == 0:
        return points, points[0].date, ""
    return points, str(int(lo)), str(int(hi))


def unresolved_times(ledger: Ledger) -> list[Time]:
    """The times the ledger says rest on a reference date the article does not give
    (``summary.unresolved_times``), as the page lists them beside its request for the date."""
    wanted = set(ledger.summary.unresolved_times)
    return [t for t in ledger.times if t.id in wanted and t.span.end > t.span.start]
