"""Reader-facing views of a ledger shared by every renderer (terminal, Markdown, HTML)."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from ..ledger import Attribution, Claim, Ledger, Source, TimelineEntry
from ..source_kinds import kind_table

KIND_LABELS = kind_table("label")


@dataclass
class SourceGroup:
    source: Source
    via: Source | None
    claims: list[tuple[Claim, Attribution | None]] = field(default_factory=list)


def source_reading(source: Source) -> str:
    """How a reader should take a source: its kind, except for the two cases where the kind
    alone misleads — an unnamed representative speaks on the record for someone ("a
    spokesperson for Acme" is not an anonymous voice), and a pronoun speaker the text never
    names ("he said") is not a named source."""
    if source.represents is not None:
        return f"unnamed representative of {source.represents.label}"
    if source.unresolved:
        return "unresolved speaker"
    return KIND_LABELS.get(source.kind, source.kind)


def source_title(source: Source, via: Source | None = None) -> str:
    if source.kind == "author":
        return "Narration: the author's own statements"
    title = f"{source.label} ({source_reading(source)})"
    if via is not None:
        title += f", via {via.label}"
    return title


def claims_by_source(ledger: Ledger) -> list[SourceGroup]:
    """Sources with their claims, attributed sources first (most claims first), narration last."""
    sources = {s.id: s for s in ledger.sources}
    attributions = {a.id: a for a in ledger.attributions}
    groups: dict[str, SourceGroup] = {}
    for claim in ledger.claims:
        src = sources.get(claim.source)
        if src is None:
            continue
        group = groups.get(src.id)
        if group is None:
            group = groups[src.id] = SourceGroup(src, sources.get(src.via) if src.via else None)
        group.claims.append((claim, attributions.get(claim.attribution) if claim.attribution else None))
    return sorted(groups.values(), key=lambda g: (g.source.kind == "author", -len(g.claims)))


def relation_lines(ledger: Ledger) -> list[str]:
    names = {e.id: e.name for e in ledger.entities}
    out = []
    for r in ledger.relations:
        line = f"{names.get(r.a, r.a)} — {r.type} of — {names.get(r.b, r.b)} [{r.status}]"
        if r.since:
            line += f" since {r.since}"
        out.append(line)
    return out


def verdict(ledger: Ledger) -> str:
    if ledger.summary.verdict:
        return ledger.summary.verdict
    s = ledger.summary
    return f"{s.attributed} of {s.claims} claims are attributed to a source."


def claim_notes(ledger: Ledger) -> dict[str, list[str]]:
    """The short notes every view puts beside a claim, by claim id: what a denial denies
    ("denies C2, C3") and who denies a claim ("disputed: denied in C6"), in claim ids so a
    reader can cross-reference the terminal, the Markdown, the page and the JSON."""
    claims_of: dict[str, list[str]] = {}
    for c in ledger.claims:
        if c.attribution:
            claims_of.setdefault(c.attribution, []).append(c.id)
    denials = {a.id: a for a in ledger.attributions if a.polarity == "denied"}
    notes: dict[str, list[str]] = {}
    for c in ledger.claims:
        att = denials.get(c.attribution) if c.attribution else None
        if att is not None:
            notes.setdefault(c.id, []).append("denies " + ", ".join(att.denies) if att.denies else "denial")
        if c.disputed:
            by = [cid for a in c.disputed_by for cid in claims_of.get(a, [])]
            notes.setdefault(c.id, []).append("disputed: denied in " + ", ".join(by) if by else "disputed")
    return notes


def with_claims(message: str, claims: list[str]) -> str:
    """A warning or check with the claims it concerns: "2 claims rest on allegations [C3, C5]"."""
    return f"{message} [{', '.join(claims)}]" if claims else message


def warnings_with_claims(ledger: Ledger) -> list[tuple[str, list[str]]]:
    """Each summary warning with the ids of the claims it concerns (none for some)."""
    ids = ledger.summary.warning_claims
    return [(w, ids[i] if i < len(ids) else []) for i, w in enumerate(ledger.summary.warnings)]


def timeline_line(entry: TimelineEntry) -> tuple[str, str]:
    """A timeline entry as (date label, the rest): "spring 2022", "C4 · author · The pair met …"."""
    label = entry.label or entry.date
    kind = MARK_WORDS.get(entry.source_kind or "", entry.source_kind or "")
    rest = " · ".join(x for x in (entry.claim, kind, "disputed" if entry.disputed else "") if x)
    return label, f"{rest} · {entry.summary}"


#: the short word for a source kind where space is tight (timeline, labels)
MARK_WORDS = kind_table("word")


# --- dates for readers -------------------------------------------------------------------------

SEASON_NAMES = {"SP": "spring", "SU": "summer", "FA": "autumn", "AU": "autumn", "WI": "winter"}
REF_NAMES = {"PRESENT_REF": "now", "PAST_REF": "the past", "FUTURE_REF": "the future"}
HALF_NAMES = {"H1": "first half of", "H2": "second half of"}
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_CLOCK = re.compile(r"^(\d{2}):(\d{2})")


def _iso(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _day_label(d: date, year: int | None = None, short: bool = False) -> str:
    month = calendar.month_abbr[d.month] if short else calendar.month_name[d.month]
    return f"{d.day} {month}" + ("" if year == d.year else f" {d.year}")


def _range_label(start: date, end: date) -> str:
    if start == end:
        return _day_label(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {calendar.month_abbr[start.month]} {start.year}"
    if start.year == end.year:
        return f"{_day_label(start, start.year, True)} – {_day_label(end, None, True)}"
    return f"{_day_label(start, None, True)} – {_day_label(end, None, True)}"


def _names_weekday(text: str | None) -> bool:
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", text or "")}
    return bool(words & {d.lower() for d in calendar.day_name})


def date_label(
    value: str | None,
    *,
    start: str | None = None,
    end: str | None = None,
    text: str | None = None,
    year: int | None = None,
) -> str:
    """A TIMEX3 value as a reader says it: ``2022-SP`` → "spring 2022", ``2024-W10`` → "week of
    4 March 2024", ``2024-03-09`` said as "Saturday night" → "Saturday night, 9 Mar".

    ``start``/``end`` are the calendar range the ledger gives, used where it is narrower than the
    value ("just days later" valued 2023-08 with range 5–11 Aug reads "5–11 Aug 2023");
    ``text`` is what the article wrote; ``year`` is the reference year, left out of day labels
    that fall in it. Every view (terminal, Markdown, web page) labels dates with this function.
    """
    first, last = _iso(start), _iso(end)
    if not value:
        return _range_label(first, last) if first and last else (text or "")
    if value in REF_NAMES:
        return REF_NAMES[value]
    day_part, _, clock = value.partition("T")
    head, rest = day_part[:4], day_part[5:]
    if not head.isdigit():
        return _range_label(first, last) if first and last else value
    y = int(head)
    m = _DAY.match(day_part)
    if m:
        d = date(y, int(m.group(2)), int(m.group(3)))
        if _names_weekday(text):
            words = " ".join((text or "").split())
            label = f"{words[:1].upper()}{words[1:]}, {_day_label(d, year or d.year, True)}"
        else:
            label = _day_label(d)
        c = _CLOCK.match(clock)
        if c:
            label += ", midnight" if clock.startswith("24:00") else f", {c.group(1)}:{c.group(2)}"
        elif clock in ("NI", "EV", "MO", "AF"):
            label += {"NI": ", night", "EV": ", evening", "MO": ", morning", "AF": ", afternoon"}[clock]
        return label
    narrower = first is not None and last is not None and first.year == y and (first.month, first.day) != (1, 1)
    if rest[:1] == "W" and rest[1:3].isdigit():
        monday = date.fromisocalendar(y, int(rest[1:3]), 1)
        return f"week of {_day_label(monday)}"
    if rest[:2] in SEASON_NAMES:
        return f"{SEASON_NAMES[rest[:2]]} {y}"
    if rest[:1] == "Q" and rest[1:2].isdigit():
        return f"Q{rest[1]} {y}"
    if rest[:2] in HALF_NAMES:
        return f"{HALF_NAMES[rest[:2]]} {y}"
    if rest[:2].isdigit() and len(rest) == 2:
        month_end = date(y, int(rest), calendar.monthrange(y, int(rest))[1])
        if first and last and (first.day != 1 or last != month_end) and first.month == int(rest):
            return _range_label(first, last)
        return f"{calendar.month_name[int(rest)]} {y}"
    if not rest:
        if narrower and last is not None and (last.month, last.day) != (12, 31):
            return _range_label(first, last)
        return str(y)
    if "/" in value and first and last:
        return _range_label(first, last)
    return value


def period_bounds(value: str | None) -> tuple[str, str] | None:
    """First and last day of a calendar value that has no range of its own: a day, month or year."""
    if not value:
        return None
    day_part = value.split("T")[0]
    m = _DAY.match(day_part)
    if m:
        return day_part, day_part
    head, rest = day_part[:4], day_part[5:]
    if not head.isdigit():
        return None
    y = int(head)
    if not rest:
        return f"{y}-01-01", f"{y}-12-31"
    if rest.isdigit() and len(rest) == 2 and 1 <= int(rest) <= 12:
        mo = int(rest)
        return f"{y}-{mo:02d}-01", f"{y}-{mo:02d}-{calendar.monthrange(y, mo)[1]:02d}"
    if rest[:1] == "W" and rest[1:3].isdigit():
        monday = date.fromisocalendar(y, int(rest[1:3]), 1)
        return monday.isoformat(), (monday + timedelta(days=6)).isoformat()
    return None
