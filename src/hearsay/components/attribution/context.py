"""Shared state of one attribution run and the span helpers every pass uses.

`Context` holds the parsed article, its outer quotes (and which token lies in which), the cue
and source lexicons and the growing `SourceTable`; `Found` is one attribution before ids are
given. The helpers turn token ranges into content character ranges: trimmed of edge
punctuation and "that", kept inside the cue's paragraph, and typed indirect or mixed by the
quote marks they hold.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Optional

import numpy
from spacy.attrs import LOWER, POS, TAG
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from ...extensions import EntityRec, QuoteRec, SourceRec
from .._internals.doc_text import doc_text
from .._internals.layout import dateline_length, outer_quote_of_tokens, separates_by_blank_lines
from .._internals.syntax import token_chars
from .cues import CueLexicon, is_passive, speaker_of
from .sources import MentionIndex, SourceTable, fallback_entities, naming_span


class Found:
    """One attribution before ids are given: character ranges and the source record."""

    __slots__ = ("content", "type", "source", "mention", "cue", "cue_class", "polarity", "quote", "verb")

    def __init__(self, content, type_, source, mention, cue, cue_class, polarity="asserted", quote=None, verb=None):
        self.content = content
        self.type = type_
        self.source = source
        self.mention = mention
        self.cue = cue
        self.cue_class = cue_class
        self.polarity = polarity
        self.quote = quote
        self.verb = verb


class Context:
    def __init__(self, doc: Doc, quotes: list[QuoteRec], entities: list[EntityRec], lexicon: dict):
        self.doc = doc
        self.text = doc_text(doc)
        self.quotes = sorted((q for q in quotes if q["depth"] == 0), key=lambda q: q["start"])
        self.cues: CueLexicon = lexicon["cue_index"]
        self.srclex = lexicon["sources"]
        self.entities = MentionIndex(entities, False) if entities else MentionIndex(fallback_entities(doc), True)
        self.table = SourceTable(doc, self.entities, self.srclex, self.quotes)
        # which outer quote each token lies in (-1 outside); the marks count as inside
        self.tok_quote = outer_quote_of_tokens(doc, self.quotes)
        # the passes' candidates (words outside quotes) picked from the words as numbers
        # (``Doc.to_array``): spaCy builds a new Token object for each word each time a Doc is
        # iterated, and each pass wants only a few words
        words = doc.to_array([LOWER, POS, TAG]) if len(doc) else numpy.zeros((0, 3), dtype=numpy.uint64)
        self._outside = numpy.asarray(self.tok_quote, dtype=numpy.int64) < 0
        self._lower, self._pos = words[:, 0], words[:, 1]
        verb_tags = [t for t in numpy.unique(words[:, 2]).tolist() if doc.vocab.strings[t].startswith("VB")]
        self.outside_verbs = self._outside_tokens(numpy.isin(words[:, 2], verb_tags))
        self.quote_starts = [q["start"] for q in self.quotes]
        self.para_sep = "\n\n" if separates_by_blank_lines(self.text) else "\n"
        self.absorbed: dict[int, Optional["Found"]] = {}   # quote index -> the report holding it
        self.verb_source: dict[int, tuple] = {}

    def paragraph_break(self, j: int) -> bool:
        """Whether the newline at ``j`` ends a paragraph (not a line wrapped inside one)."""
        if self.para_sep == "\n":
            return True
        k = j + 1
        while k < len(self.text) and self.text[k] in " \t\r":
            k += 1
        return k >= len(self.text) or self.text[k] == "\n" or (j > 0 and self.text[j - 1] == "\n")

    def chars(self, start_tok: int, end_tok: int) -> tuple[int, int]:
        return token_chars(self.doc, start_tok, end_tok)

    def outside(self, tok: Token) -> bool:
        return self.tok_quote[tok.i] < 0

    def outside_with(self, words: tuple[str, ...] = (), pos: Optional[str] = None) -> list[Token]:
        """The tokens outside quotes, in order, whose lowercase form is one of ``words`` or
        whose part of speech is ``pos``."""
        mask = numpy.isin(self._lower, [get_string_id(w) for w in words])
        if pos is not None:
            mask |= self._pos == get_string_id(pos)
        return self._outside_tokens(mask)

    def _outside_tokens(self, mask: numpy.ndarray) -> list[Token]:
        return [self.doc[i] for i in numpy.flatnonzero(mask & self._outside).tolist()]


# ---------------------------------------------------------------------------------------
# sources of cue verbs


def source_for_verb(ctx: Context, verb: Token, cls: str) -> Optional[tuple[SourceRec, dict, str]]:
    """(source, source mention, cue class) for a cue verb, or None when no voice is named."""
    subj = speaker_of(verb, lex=ctx.cues)
    if subj is None:
        if is_passive(verb) and verb.lemma_.lower() in ctx.cues.passive_reportative:
            return ctx.table.keyed("reports", "reports", "reports", *cue_chars(ctx, verb)), None, "reportative"
        return None
    if not ctx.outside(subj):
        return None
    if (subj.dep_ == "nsubjpass" or subj.lower_ == "it") and is_passive(verb):
        # "is said to ...", "it was reported that ...": the impersonal passive of the cue itself;
        # "was criticized for saying ..." is the passive of another verb, and its subject speaks
        if verb.lemma_.lower() in ctx.cues.passive_reportative:
            return ctx.table.keyed("reports", "reports", "reports", *cue_chars(ctx, verb)), None, "reportative"
        return None
    return source_of_speaker(ctx, subj, cls)


def source_of_speaker(ctx: Context, subj: Token, cls: str) -> Optional[tuple[SourceRec, dict, str]]:
    """(source, source mention, cue class) for a speaker token, or None when it names no voice
    ("it", "there" as placeholders)."""
    if subj.lower_ in ("it", "there", "this", "that", "which", "what") and subj.dep_ == "expl":
        return None
    span = naming_span(subj)
    rec = ctx.table.resolve(subj, span)
    if rec is None:
        return None
    start, end = ctx.chars(*span)
    return rec, {"start": start, "end": end}, cls


def cue_chars(ctx: Context, verb: Token) -> tuple[int, int]:
    """The cue words: the verb with its passive auxiliaries ("was reported") and particle."""
    toks = [verb] + [c for c in verb.children if c.dep_ in ("auxpass", "prt") or (c.dep_ == "aux" and c.i == verb.i - 1 and is_passive(verb))]
    s = min(t.i for t in toks)
    e = max(t.i for t in toks) + 1
    return ctx.chars(s, e)


def via_outlet(ctx: Context, verb: Token) -> Optional[SourceRec]:
    """The outlet a speaker spoke through: "tells Life & Style", "told ESPN", "in an
    interview with the Times"."""
    cands = []
    for c in verb.children:
        if c.dep_ in ("dobj", "dative") and verb.lemma_.lower() in ctx.cues.outlet_verbs:
            cands.append(c)
        if c.dep_ == "prep" and c.lower_ in ("to", "in", "with"):
            for p in c.children:
                if p.dep_ == "pobj":
                    if p.lower_ == "interview":
                        for pp in p.children:
                            if pp.dep_ == "prep" and pp.lower_ == "with":
                                cands.extend(x for x in pp.children if x.dep_ == "pobj")
                    elif c.lower_ == "to":
                        cands.append(p)
    for c in cands:
        s, e = c.left_edge.i, c.right_edge.i + 1
        # "Life & Style" is parsed "Life" with a conjunct: take the whole proper-noun run
        while e < len(ctx.doc) and (ctx.doc[e].pos_ == "PROPN" or ctx.doc[e].text == "&") and ctx.doc[e].i <= c.right_edge.i + 3:
            e += 1
        cs, ce = ctx.chars(s, e)
        eid = ctx.entities.at(cs, ce, ("name",))
        text = ctx.text[cs:ce]
        if (eid and ctx.entities.entities[eid]["type"] == "OUTLET") or ctx.table.is_outlet_name(text):
            return ctx.table.outlet(cs, ce)
    return _outlet_named_after(ctx, verb)


def _outlet_named_after(ctx: Context, verb: Token) -> Optional[SourceRec]:
    """A known outlet right after the cue, however the parser split it: "reveals to In
    Touch", "tells Us Weekly exclusively"."""
    if verb.lemma_.lower() not in ctx.cues.recipient_verbs | ctx.cues.outlet_verbs:
        return None
    text = ctx.text
    pos = verb.idx + len(verb)
    rest = text[pos: pos + 60]
    skip = len(rest) - len(rest.lstrip())
    for word in ("exclusively ", "to ", "the "):
        if rest[skip:].startswith(word):
            skip += len(word)
    start = pos + skip
    for name in ctx.table.outlet_display:
        end = start + len(name)
        if text.startswith(name, start) and (end >= len(text) or not text[end].isalnum()):
            return ctx.table.outlet(start, end)
    return None


# ---------------------------------------------------------------------------------------
# content spans


def quotes_in(ctx: Context, start: int, end: int) -> list[int]:
    """Indexes of the outer quotes overlapping [start, end) (they never overlap each other)."""
    i = max(0, bisect_right(ctx.quote_starts, start) - 1)
    out = []
    while i < len(ctx.quotes) and ctx.quotes[i]["start"] < end:
        if ctx.quotes[i]["end"] > start:
            out.append(i)
        i += 1
    return out


def quote_starting_at(ctx: Context, pos: int) -> Optional[int]:
    i = bisect_right(ctx.quote_starts, pos) - 1
    return i if i >= 0 and ctx.quotes[i]["start"] == pos else None


def outside_letters(ctx: Context, start: int, end: int) -> int:
    """Letters in [start, end) that are not inside a quote."""
    count = 0
    pos = start
    for i in quotes_in(ctx, start, end):
        q = ctx.quotes[i]
        count += sum(ch.isalpha() for ch in ctx.text[pos: max(pos, q["start"])])
        pos = max(pos, q["end"])
    count += sum(ch.isalpha() for ch in ctx.text[pos:end])
    return count


def trim_content(ctx: Context, s: int, e: int) -> Optional[tuple[int, int]]:
    """Token range -> character range without edge punctuation and a leading "that"."""
    doc = ctx.doc
    if s < e:
        dateline_end = doc[s].idx + dateline_length(ctx.text, doc[s].idx)
        while s < e and doc[s].idx < dateline_end:
            s += 1   # "PORTLAND, Ore. (AP) — A judge ruled ...": the dateline is no one's claim
    while s < e and (doc[s].is_punct and doc[s].text not in "\u201c\"" or doc[s].is_space
                     or (doc[s].lower_ == "that" and doc[s].dep_ == "mark")):
        s += 1
    # a closing mark or period may be the clause's own; "%" always is ("fell 4%")
    while e > s and (doc[e - 1].is_space or doc[e - 1].is_punct and doc[e - 1].text not in "\u201d\"'\u2019.%"):
        e -= 1
    # a final period belongs to the sentence, not the clause, unless it is inside a quote
    if e > s and doc[e - 1].text == "." and ctx.outside(doc[e - 1]):
        e -= 1
    if e <= s:
        return None
    return ctx.chars(s, e)


def paragraph_clip(ctx: Context, tok: Token, chars: Optional[tuple[int, int]]) -> Optional[tuple[int, int]]:
    """Keep content inside the cue's paragraph: a parse that runs over a paragraph break
    (a headline, the next paragraph) never makes one speaker say the next paragraph."""
    if chars is None:
        return None
    start, end = chars
    sep = ctx.para_sep
    para_start = ctx.text.rfind(sep, 0, tok.idx)
    para_start = 0 if para_start < 0 else para_start + len(sep)
    para_end = ctx.text.find(sep, tok.idx)
    para_end = len(ctx.text) if para_end < 0 else para_end
    # a multi-paragraph quote the content runs into stays whole
    for i in quotes_in(ctx, start, end):
        q = ctx.quotes[i]
        if q["start"] < para_end <= q["end"]:
            para_end = max(para_end, q["end"])
    start, end = max(start, para_start), min(end, para_end)
    while end > start and ctx.text[end - 1] in " \n,;:":
        end -= 1
    while start < end and ctx.text[start] in " \n,;:":
        start += 1
    return (start, end) if end - start >= 3 else None


def through_colon_quote(ctx: Context, chars: tuple[int, int]) -> tuple[int, int]:
    """"said the goal is simple: “Keep …”": a quote after a colon completes the clause."""
    start, end = chars
    j = end
    while j < len(ctx.text) and ctx.text[j] == " ":
        j += 1
    if j < len(ctx.text) and ctx.text[j] == ":":
        k = j + 1
        while k < len(ctx.text) and ctx.text[k] == " ":
            k += 1
        qi = quote_starting_at(ctx, k)
        if qi is not None:
            return start, ctx.quotes[qi]["end"]
    return chars


def is_work_title(ctx: Context, qi: int) -> bool:
    """A title in quote marks after the kind of work it names ("the drama “Tidewater”", "the
    song “Blue Hour”"): a name, not anyone's words."""
    q = ctx.quotes[qi]
    words = ctx.text[q["content_start"]:q["content_end"]].strip().rstrip(",").split()
    if not words or len(words) > 8 or words[-1][-1:] in ".!?":
        return False
    if any(len(w) > 3 and not w[:1].isupper() for w in words):
        return False
    before = ctx.text[max(0, q["start"] - 30):q["start"]].split()
    return bool(before) and before[-1].lower().strip(",") in ctx.srclex.get("work_title_nouns", ())


def classify_content(ctx: Context, start: int, end: int) -> Optional[tuple[int, int, str, list[int]]]:
    """indirect / mixed (extended over its quoted fragments); None when it is all quote."""
    inside = [i for i in quotes_in(ctx, start, end) if not is_work_title(ctx, i)]
    if not inside:
        return start, end, "indirect", []
    if outside_letters(ctx, start, end) < 4:
        return None
    for i in inside:
        q = ctx.quotes[i]
        start = min(start, q["start"]) if q["start"] < start else start
        end = max(end, q["end"])
    return start, end, "mixed", inside
