"""Citations: references in an article to an outlet's reporting, resolved to that outlet's
article in the corpus where there is one.

A citation is a reference to what an outlet published ("according to X", "X reported Monday",
"as first reported by X", "a X story", "the website said", "our Jan. 27 column"); a source's
channel to the publishing outlet itself is not ("X has learned", "told X" in X). "told X"
in another outlet's article is a citation of X's published interview. The cue words are in
``lexicons/en/trace.json``.
"""

from __future__ import annotations

import re
from datetime import datetime

from ..ledger import Span
from .identity import OutletIndex, OutletMention
from .items import TraceItem
from .model import Citation
from .words import TermWeights, content_terms, lexicon, words

_ADVERB = r"(?:(?:also|first|previously|earlier|originally|initially|later)\s+)?"
_TIME = (r"(?:\s+(?:on\s+)?(?:(?:early|late|last)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
         r"yesterday|today|earlier|last\s+week|this\s+week|in\s+[A-Z][a-z]+)(?:\s+(?:morning|afternoon|evening|night))?)?")
#: a short date before a report noun ("our Jan. 27 column", "a Sept. 9 post")
_DATE = r"[A-Z][a-z]{2,3}\.?\s+\d{1,2}\s+"
_MONTHS = {m: i for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}
#: how many of the cited outlet's latest earlier articles a citation is weighed against
RECENT = 50
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def alternation(cues) -> str:
    """A regex alternation of cue phrases, longest first so a longer cue wins over its prefix."""
    return "|".join(re.escape(w) for w in sorted(cues, key=len, reverse=True))


class CitationFinder:
    def __init__(self, outlets: OutletIndex):
        lex = lexicon()
        self.outlets = outlets
        self.after = re.compile(rf"^(?:'s|’s)?\s*(?:,[^,]{{0,60}},\s*)?(?:has\s+|had\s+)?{_ADVERB}(?:{alternation(lex['report_verbs'])})\b{_TIME}")
        self.channel = re.compile(rf"^\s*(?:{alternation(lex['channel_verbs'])})\b")
        self.by_before = re.compile(rf"\b(?:{alternation(lex['by_report_verbs'])})\b(?:\s+[\w.]+){{0,3}}?\s+by\s+(?:the\s+)?(?:[a-z]+\s+){{0,2}}$")
        self.according = re.compile(r"\b[Aa]ccording\s+to\s+(?:the\s+)?$")
        self.told_before = re.compile(rf"\b(?:{alternation(lex['told_verbs'])})\s+(?:the\s+)?$", re.I)
        self.noun_after = re.compile(rf"^(?:'s|’s)?\s+(?:{alternation(lex['report_nouns'])})\b")
        self.own = re.compile(rf"\b(?:{alternation(lex['own_report_words'])})\s+((?:{_DATE}|\w+\s+){{0,2}}?)(?:{alternation(lex['report_nouns'])})\b", re.I)
        # "a Sept. 9 post on this site": the report noun first, the publisher after it
        self.own_after = re.compile(rf"\b(?:an?|the|that|this)\s+((?:{_DATE}|\w+\s+){{0,2}}?)(?:{alternation(lex['report_nouns'])})\s+(?:on|in|by)\s+(?:{alternation(lex['own_outlet_phrases'])})\b", re.I)

    def find(self, item: TraceItem) -> list[tuple[str, Span]]:
        """(cited outlet, phrase span) for every citation in one article."""
        text, own = item.text, item.outlet
        out: list[tuple[str, Span]] = []
        for m in self.outlets.mentions(text, own):
            span = self._citing(text, m, own)
            if span:
                out.append((m.outlet, Span(start=span[0], end=span[1], text=text[span[0]:span[1]])))
        if own:
            for m in [*self.own.finditer(text), *self.own_after.finditer(text)]:
                out.append((own, Span(start=m.start(), end=m.end(), text=m.group(0))))
        return out

    def _citing(self, text: str, m: OutletMention, own: str | None) -> tuple[int, int] | None:
        pre = text[max(0, m.start - 80):m.start]
        post = text[m.end:m.end + 90]
        if self.channel.match(post):
            return None
        if (a := self.according.search(pre)):
            return (m.start - len(pre) + a.start(), m.end)
        if (a := self.after.match(post)):
            return (m.start, m.end + a.end())
        if (a := self.by_before.search(pre)):
            return (m.start - len(pre) + a.start(), m.end)
        if m.anaphor:
            return None
        if (a := self.noun_after.match(post)):
            return (m.start, m.end + a.end())
        if not _is_own(m.outlet, own) and (a := self.told_before.search(pre)):
            tail = re.match(_TIME, post)
            return (m.start - len(pre) + a.start(), m.end + (tail.end() if tail else 0))
        return None


def _is_own(outlet: str, own: str | None) -> bool:
    """Whether an outlet named in an article is its publisher, by the full name or by a run
    of the full name's words ("told Channel 4" in a story by "KRTN Channel 4"): "told X" in
    X's own story is the source's channel, not a citation."""
    if not own:
        return False
    part, whole = words(outlet), words(own)
    return bool(part) and any(whole[i:i + len(part)] == part for i in range(len(whole) - len(part) + 1))


def resolve(cited: str, phrase: Span, item: TraceItem, by_outlet: dict[str, list[TraceItem]],
            weights: TermWeights, terms_of, shared=None) -> str | None:
    """The cited outlet's article this citation points to: published before the citing one,
    carrying the claims the citing article carries (``shared(a, b)``: how many traced claims
    two articles have in common), and the best match for what the citing paragraph says (a
    date or weekday named in the phrase counts most); ``None`` when the outlet has no earlier article in the corpus or
    none shares the paragraph's content. Only the outlet's ``RECENT`` latest earlier articles
    are weighed, so an outlet with thousands of articles costs no more than one with few."""
    earlier = [c for c in by_outlet.get(cited, []) if c.id != item.id and c.order < item.order]
    candidates = earlier[-RECENT:]
    if not candidates:
        return None
    context = set(content_terms(_paragraph(item.text, phrase.start)))
    best, best_score = None, 0.0
    for cand in candidates:
        score = weights.mass(context & terms_of(cand))
        score += 1000.0 * _date_hint(phrase.text, cand.published)
        if shared is not None:
            score += 100.0 * shared(item.id, cand.id)
        if score > best_score or (score == best_score and best is not None and cand.order > best.order):
            best, best_score = cand, score
    return best.id if best is not None and best_score > 0 else None


def _paragraph(text: str, offset: int) -> str:
    start = text.rfind("\n\n", 0, offset)
    end = text.find("\n\n", offset)
    return text[start + 2 if start >= 0 else 0:end if end >= 0 else len(text)]


def _date_hint(phrase: str, published: str | None) -> float:
    """1 when the phrase names the candidate's publication day ("Jan. 27", "Tuesday")."""
    if not published:
        return 0.0
    try:
        day = datetime.fromisoformat(published.replace("Z", "+00:00"))
    except ValueError:
        return 0.0
    low = phrase.lower()
    for m in re.finditer(r"\b([a-z]{3})[a-z]*\.?\s+(\d{1,2})\b", low):
        if _MONTHS.get(m.group(1)) == day.month and int(m.group(2)) == day.day:
            return 1.0
    weekday = _WEEKDAYS[day.weekday()]
    return 0.5 if re.search(rf"\b{weekday}\b", low) else 0.0


def find_citations(items: list[TraceItem], outlets: OutletIndex, weights: TermWeights, shared=None,
                   found: dict[str, list[tuple[str, Span]]] | None = None) -> list[Citation]:
    """Every citation in ``items`` (publication order), resolved where the corpus allows.
    ``found``: each article's ``CitationFinder.find`` result, when the caller has it already."""
    finder = CitationFinder(outlets)
    by_outlet: dict[str, list[TraceItem]] = {}
    for item in items:
        by_outlet.setdefault(outlets.canonical(item.outlet or "") or item.outlet or "", []).append(item)
    cache: dict[str, set[str]] = {}

    def terms_of(cand: TraceItem) -> set[str]:
        if cand.id not in cache:
            cache[cand.id] = set(content_terms((cand.title or "") + "\n" + cand.text))
        return cache[cand.id]

    out = []
    for item in items:
        for cited, span in (found[item.id] if found is not None and item.id in found else finder.find(item)):
            out.append(Citation.model_validate({
                "from": item.id, "to_outlet": cited,
                "to_article": resolve(cited, span, item, by_outlet, weights, terms_of, shared), "span": span.model_dump(),
            }))
    return out
