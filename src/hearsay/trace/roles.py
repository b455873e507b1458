"""Roles: for each appearance of a traced claim, how the article came by it.

The origin is the earliest appearance resting on a source of its own (not a citation, not a
copy, not vague "reports"). Every later appearance is a copy (the article is syndicated text),
a denial or correction (it says the opposite, or is a correction notice), an independent
confirmation (its own voice with its own access: a named person on the record, a document, an
organisation's own statement, or a different anonymous voice that does not echo the earlier
one's words), or a repeat (cited, or restated without citing anyone).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field

from ..ledger import Source
from .citations import alternation
from .identity import EntityNames, OutletIndex
from .items import TraceItem
from .matching import Unit
from .model import Appearance, Citation, Origin, TraceSource, Via
from .words import lexicon, words

#: source kinds that rest on someone else's publication or on nobody in particular
DERIVED_KINDS = {"outlet", "reports"}
#: voices that can deny on the record
ON_RECORD = {"person", "organization", "document"}
#: an anonymous voice repeating this share of an earlier voice's words is an echo
ECHO_OVERLAP = 0.8


@dataclass
class ArticleFacts:
    """What roles need to know about one article, computed once per trace.

    The citations are also kept sorted by where they start, so finding the ones in a
    paragraph is a binary search, not a scan of every citation for every claim; the
    article's main unnamed voice is worked out once, not once per claim that needs it.
    """

    item: TraceItem
    citations: list[Citation]
    copy_of: str | None
    correction: bool
    _by_start: list[tuple[int, int, Citation]] = field(init=False, repr=False)
    _starts: list[int] = field(init=False, repr=False)
    _voice: TraceSource | None = field(init=False, repr=False, default=None)
    _voice_known: bool = field(init=False, repr=False, default=False)

    def __post_init__(self) -> None:
        self._by_start = sorted((c.span.start, n, c) for n, c in enumerate(self.citations))
        self._starts = [start for start, _, _ in self._by_start]

    def citations_between(self, lo: int, hi: int) -> list[tuple[int, Citation]]:
        """``(position in citations, citation)`` for each citation starting in [lo, hi)."""
        first, last = bisect_left(self._starts, lo), bisect_left(self._starts, hi)
        return [(n, c) for _, n, c in self._by_start[first:last]]

    def anonymous_voice(self) -> TraceSource | None:
        """The article's unnamed voice that carries most of its claims, if it has one."""
        if not self._voice_known:
            self._voice, self._voice_known = _main_anonymous(self.item), True
        return self._voice


def is_correction(item: TraceItem) -> bool:
    """A correction notice says so in its title or first words."""
    markers = lexicon()["correction_markers"]
    head = ((item.title or "") + " " + item.text[:120]).lower().replace("’", "'")
    return any(m.replace("’", "'") in head for m in markers)


def trace_source(unit: Unit, outlets: OutletIndex, names: EntityNames) -> TraceSource:
    """The ledger source of a claim as the trace reports it: documents by their head noun
    whatever kind the ledger gave them, outlets and entities by canonical name."""
    src = _ledger_source(unit)
    if src is None:
        return TraceSource(kind="author", label="the author")
    kind = src.kind
    label_words = set(words(src.label))
    named_outlet = outlets.canonical(names.of(unit.item, src.entity) or src.label)
    if named_outlet or (kind != "outlet" and label_words & lexicon()["outlet_nouns"] and len(label_words) <= 3):
        kind = "outlet"
    elif label_words & lexicon()["document_heads"] and kind in ("person", "anonymous", "organization"):
        kind = "document"
    entity = None
    if kind == "outlet":
        entity = named_outlet or src.label
    elif src.entity:
        entity = names.of(unit.item, src.entity)
    elif kind == "person" and (known := names.known(src.label)):
        # a bare surname the ledger left unlinked ("Valdecasa told News 9" after "chief executive
        # Orrin Valdecasa") is the one person of the corpus whose name ends with it: named, on
        # the record, not an unnamed voice whose denial would count for nothing
        entity = known
    elif kind == "person":
        kind = "anonymous"  # "a person with direct knowledge of the plans": unnamed
    return TraceSource(kind=kind, label=src.label, entity=entity)


def _ledger_source(unit: Unit) -> Source | None:
    for s in unit.item.ledger.sources:
        if s.id == unit.source:
            return s
    return None


def _paragraph_bounds(text: str, offset: int) -> tuple[int, int]:
    start = text.rfind("\n\n", 0, offset)
    end = text.find("\n\n", offset)
    return (start + 2 if start >= 0 else 0, end if end >= 0 else len(text))


def citation_for(unit: Unit, facts: ArticleFacts, own_voice: bool = False,
                 on_record: bool = False) -> Citation | None:
    """The citation this appearance rests on, nearest first: one in the same paragraph, or,
    for a claim the article credits to a voice of its own, one in the same sentence (a
    spokeswoman's answer beside "according to the Sentinel" is still hers). For a voice on
    the record (``on_record``), a citation that only dates its words is not one it rests on
    (see ``dates_only``)."""
    lo, hi = _paragraph_bounds(unit.item.text, unit.start)
    if own_voice:
        lo, hi = _sentence_bounds(unit.item.text, unit.start, unit.end, lo, hi)
    near = facts.citations_between(lo, hi)
    if on_record:
        near = [(n, c) for n, c in near if not dates_only(unit, c)]
    if not near:
        return None
    # nearest first; between two equally near, the one found first in the article's citations
    return min(near, key=lambda nc: (abs(nc[1].span.start - unit.start), nc[0]))[1]


def _sentence_bounds(text: str, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    before = [m.end() for m in re.finditer(r"[.!?][\"”’']?\s+(?=[\"“‘']?[A-Z])", text[lo:start])]
    after = re.search(r"[.!?][\"”’']?(\s|$)", text[end:hi])
    return (lo + before[-1] if before else lo, end + after.end() if after else hi)


def dates_only(unit: Unit, citation: Citation) -> bool:
    """Whether a citation only dates a voice's claim: it follows the claim and opens with a
    dating connective ("the dean confirmed that the college will close its main
    library, days after the Gazette first reported the plan"). The voice said it on the
    record itself; the report is when, not whence. A claim inside or after the citation
    ("after the Ledger's report that 30 drivers would lose their jobs") is what the report
    said, and still rests on it. Only a voice on the record is read so: an unnamed voice
    beside a report is not shown to have access of its own."""
    if unit.end > citation.span.start:
        return False
    between = unit.item.text[unit.end:citation.span.start].lower()
    return re.search(rf"\b(?:{alternation(lexicon()['dating_connectives'])})\s+(?:the\s+)?$", between) is not None


def relies_on_report(unit: Unit) -> bool:
    """A named voice who says they only read the report ("was going on the report")."""
    lo, hi = _paragraph_bounds(unit.item.text, unit.start)
    para = unit.item.text[lo:hi].lower().replace("’", "'")
    nxt_end = unit.item.text.find("\n\n", hi + 2)
    following = unit.item.text[hi:nxt_end if nxt_end > 0 else len(unit.item.text)].lower()
    return any(p in para or p in following for p in lexicon()["reliance"])


def assign_roles(group: list[Unit], facts: dict[str, ArticleFacts], outlets: OutletIndex,
                 names: EntityNames) -> tuple[list[Appearance], Origin | None]:
    """Appearances of one claim, in publication order, with their roles."""
    # The claim's own polarity is what it said when first published ("have not spoken since"):
    # a later appearance saying the opposite denies it.
    claim_negated = group[0].negated
    origin_article: str | None = None
    apps: list[Appearance] = []
    origin: Origin | None = None
    voices = _Voices()
    by_article: dict[str, list[Unit]] = {}
    for unit in group:
        by_article.setdefault(unit.item.id, []).append(unit)
    for unit in group:
        f = facts[unit.item.id]
        src = trace_source(unit, outlets, names)
        own_outlet = src.kind == "outlet" and src.entity == unit.item.outlet
        if own_outlet:
            # "X has learned" in X: the outlet's own reporting; its sources are elsewhere in the article.
            src = _article_voice(unit, f, by_article[unit.item.id], outlets, names) or TraceSource(kind="author", label="the author")
        cit = citation_for(unit, f, own_voice=src.kind not in DERIVED_KINDS | {"author"},
                           on_record=src.kind in ON_RECORD)
        opposite = unit.negated != claim_negated and unit.item.id != origin_article
        stance = "denies" if opposite and (f.correction or src.kind in ON_RECORD) else "asserts"
        if f.correction and stance == "denies":
            stance = "corrects"
        via = None
        if f.copy_of:
            role = "copy"
            via = Via(how="copy", article=f.copy_of, outlet=facts[f.copy_of].item.outlet)
        elif stance == "corrects":
            role = "correction"
        elif stance == "denies":
            role = "denial"
        elif unit.item.id == origin_article:
            role = "origin"  # the origin article restating its own claim
        elif src.kind == "outlet" or cit is not None:
            role = "repeat"
            if cit is not None:
                via = Via(how="citation", article=cit.to_article, outlet=cit.to_outlet)
            else:
                via = Via(how="citation", article=None, outlet=src.entity)
        elif origin is None and src.kind not in DERIVED_KINDS:
            role = "origin"
            origin = Origin(article=unit.item.id, source=src)
            origin_article = unit.item.id
        elif _independent(src, unit, origin, voices):
            role = "confirmation"
        else:
            role = "repeat"
            via = Via(how="uncited", article=None, outlet=None)
        if role in ("origin", "confirmation"):
            voices.add(src, unit)
        apps.append(Appearance(
            article=unit.item.id, claim=unit.claim_id,
            span={"start": unit.start, "end": unit.end, "text": unit.text},
            source=src, stance=stance, role=role, via=via,
            published=unit.item.published, outlet=unit.item.outlet,
        ))
    return apps, origin


def _article_voice(unit: Unit, facts: ArticleFacts, same_article: list[Unit], outlets: OutletIndex,
                   names: EntityNames) -> TraceSource | None:
    """Whom "X has learned" in X rests on: the article's unnamed voice when it has one (an
    exclusive's channel line stands for its anonymous sourcing), else another source it
    credits for the same claim (``same_article``: this claim's units in this article)."""
    anonymous = facts.anonymous_voice()
    if anonymous is not None:
        return anonymous
    for other in same_article:
        if other is not unit:
            s = trace_source(other, outlets, names)
            if s.kind not in ("author", "outlet"):
                return s
    return None


def _main_anonymous(item: TraceItem) -> TraceSource | None:
    counts = Counter(c.source for c in item.ledger.claims)
    anonymous = [s for s in item.ledger.sources if s.kind == "anonymous" or (s.kind == "person" and not s.entity)]
    if not anonymous:
        return None
    s = max(anonymous, key=lambda s: counts.get(s.id, 0))
    return TraceSource(kind="anonymous", label=s.label)


class _Voices:
    """The claim's voices so far (its origin and confirmations), indexed for the echo test:
    their labels in a set, their words once per distinct wording, so a claim repeated by
    hundreds of articles is not compared word by word with every earlier voice."""

    def __init__(self) -> None:
        self.labels: set[str] = set()
        self.wordings: set[frozenset] = set()

    def add(self, src: TraceSource, unit: Unit) -> None:
        self.labels.add(src.label)
        if unit.terms:   # the unit's content terms, computed once when the unit was made
            self.wordings.add(unit.terms)

    def echoes(self, src: TraceSource, unit: Unit) -> bool:
        """Same label as an earlier voice, or most of an earlier voice's words."""
        if src.label in self.labels:
            return True
        return any(len(w & unit.terms) / len(w) >= ECHO_OVERLAP for w in self.wordings)


def _independent(src: TraceSource, unit: Unit, origin: Origin | None, voices: _Voices) -> bool:
    """Its own voice with its own access, not an earlier one's echo."""
    if origin is None or src.kind in DERIVED_KINDS or src.kind == "author":
        return False
    src_kind = src.kind
    if src_kind in ("person", "document", "organization"):
        return not relies_on_report(unit)
    if src_kind == "anonymous":
        return not voices.echoes(src, unit)
    return False
