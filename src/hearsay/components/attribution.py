"""Stage `hearsay_attribution`: who says so — every content span credited to a voice.

A fact-checker reads an article as a set of statements resting on somebody's word. This stage
finds those words (direct quotes, reported clauses, "according to X", "reportedly"), the cue
that frames them, and the voice they rest on, one source per distinct voice (see
`attribution_sources`). Direct quotes are paired with the nearest speech verb outside the
marks; a quote with no cue of its own continues the previous speaker. Speech verbs with a
clause are indirect speech, or mixed when the clause carries a quoted fragment. Refusals to
comment are kept apart: they credit nothing to anyone.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Token

from .. import extensions
from ..extensions import AttributionRec, EntityRec, NoCommentRec, QuoteRec, SourceRec, get_list
from ..lexicon import LexiconLoader, load_lexicon
from .attribution_cues import CueLexicon, content_of, is_passive, subject_of
from .attribution_sources import EntityIndex, SourceTable, fallback_entities, naming_span

#: how far (in tokens) a cue may sit from the quote it frames
AFTER_REACH = 7
BEFORE_REACH = 9


def load_attribution_lexicon(load: LexiconLoader = load_lexicon) -> dict:
    return {"cues": load("cues"), "sources": load("sources")}


class _Found:
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


class _Context:
    def __init__(self, doc: Doc, quotes: list[QuoteRec], entities: list[EntityRec], lexicon: dict):
        self.doc = doc
        self.text = doc.text
        self.quotes = sorted((q for q in quotes if q["depth"] == 0), key=lambda q: q["start"])
        self.cues = CueLexicon(lexicon["cues"])
        self.srclex = lexicon["sources"]
        self.entities = EntityIndex(entities, False) if entities else EntityIndex(fallback_entities(doc), True)
        self.table = SourceTable(doc, self.entities, self.srclex, self.quotes)
        # which outer quote each token lies in (-1 outside); the marks count as inside
        self.tok_quote = [-1] * len(doc)
        qi = 0
        for tok in doc:
            while qi < len(self.quotes) and self.quotes[qi]["end"] <= tok.idx:
                qi += 1
            if qi < len(self.quotes) and self.quotes[qi]["start"] <= tok.idx < self.quotes[qi]["end"]:
                self.tok_quote[tok.i] = qi
        self.quote_starts = [q["start"] for q in self.quotes]
        self.absorbed: set[int] = set()
        self.verb_source: dict[int, tuple] = {}

    def chars(self, start_tok: int, end_tok: int) -> tuple[int, int]:
        d = self.doc
        return d[start_tok].idx, d[end_tok - 1].idx + len(d[end_tok - 1])

    def outside(self, tok: Token) -> bool:
        return self.tok_quote[tok.i] < 0


# ---------------------------------------------------------------------------------------
# sources of cue verbs


def _source_for_verb(ctx: _Context, verb: Token, cls: str) -> Optional[tuple[SourceRec, dict, str]]:
    """(source, source mention, cue class) for a cue verb, or None when no voice is named."""
    subj = subject_of(verb)
    if subj is None:
        if is_passive(verb) and verb.lemma_.lower() in ctx.cues.passive_reportative:
            return ctx.table.keyed("reports", "reports", "reports", *_cue_chars(ctx, verb)), None, "reportative"
        return None
    if not ctx.outside(subj):
        return None
    if subj.dep_ == "nsubjpass" or (subj.lower_ == "it" and is_passive(verb)):
        if verb.lemma_.lower() in ctx.cues.passive_reportative:
            return ctx.table.keyed("reports", "reports", "reports", *_cue_chars(ctx, verb)), None, "reportative"
        return None
    if subj.lower_ in ("it", "there", "this", "that", "which", "what") and subj.dep_ == "expl":
        return None
    span = naming_span(subj)
    rec = ctx.table.resolve(subj, span)
    if rec is None:
        return None
    start, end = ctx.chars(*span)
    return rec, {"start": start, "end": end}, cls


def _cue_chars(ctx: _Context, verb: Token) -> tuple[int, int]:
    """The cue words: the verb with its passive auxiliaries ("was reported") and particle."""
    toks = [verb] + [c for c in verb.children if c.dep_ in ("auxpass", "prt") or (c.dep_ == "aux" and c.i == verb.i - 1 and is_passive(verb))]
    s = min(t.i for t in toks)
    e = max(t.i for t in toks) + 1
    return ctx.chars(s, e)


def _via(ctx: _Context, verb: Token) -> Optional[SourceRec]:
    """The outlet a speaker spoke through: "tells Life & Style", "told ESPN", "in an
    interview with the Times"."""
    cands = []
    for c in verb.children:
        if c.dep_ in ("dobj", "dative") and verb.lemma_.lower() in ("tell", "say", "confirm", "reveal", "confide", "admit", "explain"):
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
    return None


# ---------------------------------------------------------------------------------------
# content spans


def _quotes_in(ctx: _Context, start: int, end: int) -> list[int]:
    """Indexes of the outer quotes overlapping [start, end) (they never overlap each other)."""
    i = max(0, bisect_right(ctx.quote_starts, start) - 1)
    out = []
    while i < len(ctx.quotes) and ctx.quotes[i]["start"] < end:
        if ctx.quotes[i]["end"] > start:
            out.append(i)
        i += 1
    return out


def _quote_starting_at(ctx: _Context, pos: int) -> Optional[int]:
    i = bisect_right(ctx.quote_starts, pos) - 1
    return i if i >= 0 and ctx.quotes[i]["start"] == pos else None


def _outside_letters(ctx: _Context, start: int, end: int) -> int:
    """Letters in [start, end) that are not inside a quote."""
    count = 0
    pos = start
    for i in _quotes_in(ctx, start, end):
        q = ctx.quotes[i]
        count += sum(ch.isalpha() for ch in ctx.text[pos: max(pos, q["start"])])
        pos = max(pos, q["end"])
    count += sum(ch.isalpha() for ch in ctx.text[pos:end])
    return count


def _trim(ctx: _Context, s: int, e: int) -> Optional[tuple[int, int]]:
    """Token range -> character range without edge punctuation and a leading "that"."""
    doc = ctx.doc
    while s < e and (doc[s].is_punct and doc[s].text not in "\u201c\"" or doc[s].is_space
                     or (doc[s].lower_ == "that" and doc[s].dep_ == "mark")):
        s += 1
    while e > s and (doc[e - 1].is_space or doc[e - 1].is_punct and doc[e - 1].text not in "\u201d\"'\u2019."):
        e -= 1
    # a final period belongs to the sentence, not the clause, unless it is inside a quote
    if e > s and doc[e - 1].text == "." and ctx.outside(doc[e - 1]):
        e -= 1
    if e <= s:
        return None
    return ctx.chars(s, e)


def _paragraph_clip(ctx: _Context, tok: Token, chars: Optional[tuple[int, int]]) -> Optional[tuple[int, int]]:
    """Keep content inside the cue's paragraph: a parse that runs over a paragraph break
    (a headline, the next paragraph) never makes one speaker say the next paragraph."""
    if chars is None:
        return None
    start, end = chars
    para_start = ctx.text.rfind("\n", 0, tok.idx) + 1
    para_end = ctx.text.find("\n", tok.idx)
    para_end = len(ctx.text) if para_end < 0 else para_end
    # a multi-paragraph quote the content runs into stays whole
    for i in _quotes_in(ctx, start, end):
        q = ctx.quotes[i]
        if q["start"] < para_end <= q["end"]:
            para_end = max(para_end, q["end"])
    start, end = max(start, para_start), min(end, para_end)
    while end > start and ctx.text[end - 1] in " \n,;:":
        end -= 1
    while start < end and ctx.text[start] in " \n,;:":
        start += 1
    return (start, end) if end - start >= 3 else None


def _through_colon_quote(ctx: _Context, chars: tuple[int, int]) -> tuple[int, int]:
    """"said the goal is simple: “Keep …”": a quote after a colon completes the clause."""
    start, end = chars
    j = end
    while j < len(ctx.text) and ctx.text[j] == " ":
        j += 1
    if j < len(ctx.text) and ctx.text[j] == ":":
        k = j + 1
        while k < len(ctx.text) and ctx.text[k] == " ":
            k += 1
        qi = _quote_starting_at(ctx, k)
        if qi is not None:
            return start, ctx.quotes[qi]["end"]
    return chars


def _classify_content(ctx: _Context, start: int, end: int) -> Optional[tuple[int, int, str, list[int]]]:
    """indirect / mixed (extended over its quoted fragments); None when it is all quote."""
    inside = _quotes_in(ctx, start, end)
    if not inside:
        return start, end, "indirect", []
    if _outside_letters(ctx, start, end) < 4:
        return None
    for i in inside:
        q = ctx.quotes[i]
        start = min(start, q["start"]) if q["start"] < start else start
        end = max(end, q["end"])
    return start, end, "mixed", inside


# ---------------------------------------------------------------------------------------
# the passes


def _verb_pass(ctx: _Context, found: list[_Found]) -> None:
    """Speech verbs with a clause or object: indirect and mixed speech, reports, documents."""
    cues = ctx.cues
    for tok in ctx.doc:
        if not ctx.outside(tok) or not tok.tag_.startswith("VB"):
            continue
        cls = cues.cue_class(tok)
        lemma = tok.lemma_.lower()
        subj = subject_of(tok)
        subj_lemma = subj.lemma_.lower() if subj is not None else ""
        cue_span = None
        if cls is None and subj is not None and subj.dep_ == "nsubj":
            if lemma in cues.document_verbs and subj_lemma in ctx.table.documents:
                cls = cues.document_verb_class.get(lemma, "neutral")
            elif lemma in cues.reports_verbs and subj_lemma in ctx.table.reports:
                cls = "reportative"
                cue_span = ctx.chars(min(subj.i, tok.i), max(subj.i, tok.i) + 1)
        if cls is None:
            continue
        got = _source_for_verb(ctx, tok, cls)
        if got is None:
            continue
        source, mention, cls = got
        if source["kind"] == "author":
            continue
        allow_object = cls in cues.object_content or source["kind"] == "document"
        comp = content_of(tok, cls, cues, allow_object)
        if comp is None and mention is None:
            comp = _said_to(ctx, tok)
            if comp is not None:
                cue_span = ctx.chars(min(c.i for c in tok.children if c.dep_ == "auxpass"), comp[3])
                comp = comp[:3]
        via = _via(ctx, tok)
        if via is not None and source["via"] is None and source is not via:
            source["via"] = via["id"]
        ctx.verb_source[tok.i] = (source, mention, cls, cue_span)
        if comp is None:
            continue
        s, e, how = comp
        if cls in cues.clause_only and how != "clause":
            continue
        if how == "object" and any(c.dep_ == "neg" for c in tok.children):
            continue  # "records did not list an attorney": nothing is reported
        if how == "object" and cls == "speech_act" and e - s < 4 and not any(c.dep_ == "xcomp" for c in tok.children):
            continue  # "praised the bullpen": an act, not a statement; "urged fans to stay" reports one
        chars = _paragraph_clip(ctx, tok, _trim(ctx, s, e))
        if chars is None:
            continue
        chars = _through_colon_quote(ctx, chars)
        kind = _classify_content(ctx, *chars)
        if kind is None:
            continue
        cs, ce, type_, inside = kind
        if cls in cues.clause_only and type_ == "mixed":
            continue
        ctx.absorbed.update(inside)
        polarity = "denied" if cls == "denial" else "asserted"
        found.append(_Found((cs, ce), type_, source, mention, cue_span or _cue_chars(ctx, tok), cls, polarity, verb=tok.i))


def _said_to(ctx: _Context, verb: Token) -> Optional[tuple[int, int, str, int]]:
    """"The actor is said to be furious": the whole statement rests on unnamed reports.
    Returns the content token range, and the token after the cue's "to"."""
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    xcomp = next((c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i), None)
    if subj is None or xcomp is None or not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    to = next((c for c in xcomp.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    if to is None:
        return None
    return subj.left_edge.i, xcomp.right_edge.i + 1, "said_to", to.i + 1


def _window_after(ctx: _Context, q: QuoteRec) -> tuple[int, int]:
    text = ctx.text
    end = q["end"]
    limit = min(len(text), end + 400)
    j = end
    while j < limit:
        ch = text[j]
        if ch == "\n" or ch in "\u201c" or (ch == '"' and j > end):
            break
        if ch in ".!?" and (j + 1 >= len(text) or text[j + 1] in " \n\u201c\"\u201d"):
            break
        j += 1
    return end, j


def _window_before(ctx: _Context, q: QuoteRec, prev_end: int) -> tuple[int, int]:
    text = ctx.text
    start = q["start"]
    j = start - 1
    floor = max(prev_end, start - 400, 0)
    while j >= floor:
        ch = text[j]
        if ch == "\n":
            # 'He said:' ending the paragraph before introduces this quote
            k = j
            while k > floor and text[k - 1] in " \n\r\t":
                k -= 1
            if text[j + 1: start].strip() == "" and k > floor and text[k - 1] == ":":
                j = k - 1
                continue
            break
        if ch in ".!?" and j + 1 < len(text) and text[j + 1] in " \n":
            break
        j -= 1
    return j + 1, start


def _tokens_in(ctx: _Context, start: int, end: int) -> list[Token]:
    span = ctx.doc.char_span(start, end, alignment_mode="expand") if end > start else None
    return [t for t in span if ctx.outside(t)] if span is not None else []


def _cue_for_quote(ctx: _Context, qi: int, prev_end: int) -> Optional[tuple[Token, str]]:
    q = ctx.quotes[qi]
    content = ctx.text[q["content_start"]: q["content_end"]].rstrip()
    after_s, after_e = _window_after(ctx, q)
    before_s, before_e = _window_before(ctx, q, prev_end)
    after = _tokens_in(ctx, after_s, after_e)
    before = _tokens_in(ctx, before_s, before_e)
    words_after = [t for t in after if not t.is_punct and not t.is_space]
    words_before = [t for t in before if not t.is_punct and not t.is_space]

    def pick_after():
        if content.endswith(".") and not content.endswith("..."):
            return None
        for n, t in enumerate(words_after[:AFTER_REACH]):
            cls = ctx.cues.loose_class(t)
            if cls is not None and cls not in ctx.cues.clause_only:
                # the frame must follow the quote directly: "“…,” an insider says", not
                # "“so happy” with Timothée Chalamet, an insider says" (that one is mixed)
                subj = subject_of(t) if t.tag_.startswith("VB") else None
                frame_start = min(subj.left_edge.i, t.i) if subj is not None and subj.i < t.i else t.i
                if subj is None and t.i > 0 and not ctx.doc[t.i - 1].is_punct:
                    frame_start = ctx.doc[t.i - 1].left_edge.i
                    while frame_start > 0 and ctx.doc[frame_start - 1].pos_ in ("DET", "ADJ", "PROPN", "NOUN"):
                        frame_start -= 1
                between = [x for x in words_after if x.i < frame_start]
                if between:
                    return None
                return t, cls
        return None

    def pick_before():
        for n, t in enumerate(reversed(words_before[-BEFORE_REACH:])):
            cls = ctx.cues.cue_class(t)
            if cls is not None and cls not in ctx.cues.clause_only:
                return t, cls
        return None

    dash = _dash_speaker(ctx, q)
    if dash is not None:
        return dash
    before_text = ctx.text[before_s:before_e].rstrip()
    if before_text.rstrip().endswith((":", ",")) and words_before:
        order = (pick_before, pick_after)
    else:
        order = (pick_after, pick_before)
    for pick in order:
        got = pick()
        if got is not None:
            return got
    return None


DASHES = "\u2015\u2014\u2013-"


def _dash_speaker(ctx: _Context, q: QuoteRec) -> Optional[tuple[Token, str]]:
    """“…” ― Jane Doe, of Ohio: a quote signed with a dash (the dash token stands as cue)."""
    text = ctx.text
    j = q["end"]
    while j < len(text) and text[j] == " ":
        j += 1
    if j >= len(text) or text[j] not in DASHES:
        return None
    span = ctx.doc.char_span(j, j + 1, alignment_mode="expand")
    if span is None:
        return None
    dash = span[0]
    nxt = ctx.doc[dash.i + 1] if dash.i + 1 < len(ctx.doc) else None
    if nxt is None or nxt.pos_ != "PROPN" or "\n" in text[q["end"]:nxt.idx]:
        return None
    return dash, "signed"


def _adjacent_speaker(ctx: _Context, verb: Token) -> Optional[Token]:
    """A speaker the parse did not make the subject: "..., shares the source" (an object),
    "..., said Smith"."""
    for c in verb.rights:
        if c.dep_ in ("dobj", "nsubj", "attr", "dative", "appos") and ctx.outside(c) and c.pos_ in ("PROPN", "NOUN", "PRON") \
                and c.ent_type_ not in ("DATE", "TIME"):
            if c.i - verb.i <= 4:
                return c
        break
    before = ctx.doc[verb.i - 1] if verb.i > 0 else None
    if not verb.tag_.startswith("VB") and before is not None and ctx.outside(before) and before.pos_ in ("PROPN", "NOUN", "PRON"):
        return before   # "the insider dishes" tagged as a noun phrase
    return None


def _quote_pass(ctx: _Context, found: list[_Found]) -> None:
    """Direct quotes: the cue next to the marks, else the previous speaker (follow-on)."""
    prev: Optional[_Found] = None
    prev_end = 0
    for qi, q in enumerate(ctx.quotes):
        if qi in ctx.absorbed:
            prev = None
            prev_end = q["end"]
            continue
        content = (q["content_start"], q["content_end"])
        cs, ce = content
        while ce > cs and ctx.text[ce - 1] in " \n,":
            ce -= 1
        if ce <= cs:
            continue
        got = _cue_for_quote(ctx, qi, prev_end)
        rec = None
        if got is not None:
            verb, cls = got
            if cls == "signed":
                name = ctx.doc[verb.i + 1]
                while name.i + 1 < len(ctx.doc) and ctx.doc[name.i + 1].pos_ == "PROPN" and name.dep_ == "compound":
                    name = ctx.doc[name.i + 1]
                span = (verb.i + 1, name.i + 1)
                src = ctx.table.resolve(name, span)
                if src is None:
                    got = None
                else:
                    s0, e0 = ctx.chars(*span)
                    found.append(_Found((cs, ce), "direct", src, {"start": s0, "end": e0}, ctx.chars(verb.i, verb.i + 1),
                                        "neutral", quote=qi, verb=verb.i))
                    prev = found[-1]
                    prev_end = q["end"]
                    continue
            if got is not None and verb.i in ctx.verb_source:
                source, mention, cls, cue_span = ctx.verb_source[verb.i]
            elif got is not None:
                res = _source_for_verb(ctx, verb, cls)
                if res is None:
                    adj = _adjacent_speaker(ctx, verb)
                    if adj is not None:
                        span = naming_span(adj)
                        src = ctx.table.resolve(adj, span)
                        if src is not None:
                            s0, e0 = ctx.chars(*span)
                            res = (src, {"start": s0, "end": e0}, cls)
                if res is None:
                    got = None
                else:
                    source, mention, cls = res
                    cue_span = None
                    via = _via(ctx, verb)
                    if via is not None and source["via"] is None and source is not via:
                        source["via"] = via["id"]
            if got is not None:
                rec = _Found((cs, ce), "direct", source, mention, cue_span or _cue_chars(ctx, verb), cls,
                             "denied" if cls == "denial" else "asserted", quote=qi, verb=verb.i)
        if rec is None and prev is not None and _continues(ctx, prev, q):
            rec = _Found((cs, ce), "direct", prev.source, prev.mention, prev.cue, prev.cue_class, prev.polarity,
                         quote=qi, verb=prev.verb)
        if rec is None:
            prev = None
            prev_end = q["end"]
            continue
        found.append(rec)
        prev = rec
        prev_end = q["end"]


def _continues(ctx: _Context, prev: _Found, q: QuoteRec) -> bool:
    """A quote with no cue continues the previous speaker when nothing but the previous
    speaker's frame stands between them ("“…,” he said. “…”", or the next paragraph opens
    with a quote), and it is a statement (two words or more)."""
    if len(ctx.text[q["content_start"]: q["content_end"]].split()) < 2:
        return False
    gap_start = ctx.quotes[prev.quote]["end"] if prev.quote is not None else prev.content[1]
    gap = ctx.text[gap_start: q["start"]]
    stripped = gap.strip()
    if not stripped:
        return True
    if "\n" in gap.strip():
        return False
    # the gap is the previous quote's own frame: one short clause holding its cue
    if prev.cue is None or not (gap_start <= prev.cue[0] < q["start"]):
        return False
    return stripped.endswith((".", ",", ":")) and stripped.count(". ") == 0 and len(stripped.split()) <= 12


def _according_pass(ctx: _Context, found: list[_Found]) -> None:
    """ "according to X", "per X": the sentence around the phrase is X's."""
    doc = ctx.doc
    for tok in doc:
        if not ctx.outside(tok):
            continue
        for pattern in ctx.cues.according_to:
            n = len(pattern)
            if tok.lower_ != pattern[0] or tok.i + n > len(doc):
                continue
            if tuple(t.lower_ for t in doc[tok.i: tok.i + n]) != pattern:
                continue
            if pattern == ("per",) and not (tok.i == tok.sent.start or doc[tok.i - 1].text in (",", "\u2014")):
                continue
            last = doc[tok.i + n - 1]
            obj = next((c for c in last.children if c.dep_ == "pobj"), None)
            if obj is None or obj.pos_ not in ("NOUN", "PROPN", "PRON"):
                # a misparse ("according to show insiders"): the last noun of the phrase
                obj = None
                for t in doc[tok.i + n: min(len(doc), tok.i + n + 8)]:
                    if t.is_punct or t.pos_ in ("ADP", "SCONJ", "CCONJ") or t.dep_ in ("acl", "relcl"):
                        break
                    if t.pos_ in ("NOUN", "PROPN", "PRON"):
                        obj = t
            if obj is None or (obj.like_num and obj.pos_ != "PROPN") or obj.pos_ not in ("NOUN", "PROPN", "PRON"):
                continue
            span = naming_span(obj)
            span = (max(span[0], tok.i + n), span[1])
            source = ctx.table.resolve(obj, span)
            if source is None:
                continue
            ms, me = ctx.chars(*span)
            # the phrase's extent: from the cue to the end of its object (and a following comma)
            p_start, p_end = tok.i, obj.right_edge.i + 1
            sent = tok.sent
            if p_start > sent.start and doc[p_start - 1].text == ",":
                content_tok = (sent.start, p_start - 1)
            elif p_start == sent.start or (p_start - sent.start <= 3 and all(t.is_punct or t.pos_ in ("CCONJ", "ADV") for t in doc[sent.start:p_start])):
                content_tok = (p_end, sent.end)
            else:
                content_tok = (sent.start, sent.end)
            chars = _trim(ctx, *content_tok)
            if chars is None:
                continue
            kind = _classify_content(ctx, *chars)
            if kind is None:
                continue
            cs, ce, type_, inside = kind
            ctx.absorbed.update(inside)
            found.append(_Found((cs, ce), "according_to", source, {"start": ms, "end": me},
                                ctx.chars(tok.i, tok.i + n), "reportative" if source["kind"] == "reports" else "neutral"))
            break


def _speaker_line_pass(ctx: _Context, found: list[_Found]) -> None:
    """Transcripts and headlines: "PENCE: Well, look ..." / "Pat Caddell: Voters worried".
    A paragraph opening with a short name and a colon is that speaker's."""
    doc = ctx.doc
    text = ctx.text
    pos = 0
    while pos < len(text):
        nl = text.find("\n", pos)
        end = len(text) if nl < 0 else nl
        colon = text.find(":", pos, min(end, pos + 60))
        if colon > pos and end - colon > 12:
            name = text[pos:colon].strip()
            words = name.split()
            if 1 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and not name.endswith(("’s", "'s")):
                span = doc.char_span(pos + (len(text[pos:colon]) - len(text[pos:colon].lstrip())), pos + len(text[pos:colon].rstrip()),
                                     alignment_mode="expand")
                if span is not None and span.root.pos_ in ("PROPN", "NOUN") and ctx.outside(span.root) and \
                        all(t.pos_ in ("PROPN", "NOUN", "PUNCT", "ADJ") or t.is_upper for t in span):
                    source = ctx.table.resolve(span.root, (span.start, span.end))
                    cs = colon + 1
                    while cs < end and text[cs] in " \t":
                        cs += 1
                    ce = end
                    while ce > cs and text[ce - 1] in " \t\r":
                        ce -= 1
                    if source is not None and source["kind"] != "author" and ce - cs > 8:
                        kind = _classify_content(ctx, cs, ce)
                        if kind is not None:
                            type_ = "indirect" if kind[2] == "indirect" else "mixed"
                            ctx.absorbed.update(kind[3])
                            found.append(_Found((kind[0], kind[1]), type_, source,
                                                {"start": span.start_char, "end": span.end_char}, (colon, colon + 1), "neutral"))
                        else:
                            hit = _quotes_in(ctx, cs, cs + 1)
                            if hit:
                                q = ctx.quotes[hit[0]]
                                ctx.absorbed.add(hit[0])
                                found.append(_Found((q["content_start"], q["content_end"]), "direct", source,
                                                    {"start": span.start_char, "end": span.end_char}, (colon, colon + 1), "neutral"))
        pos = end + 1


def _reportedly_pass(ctx: _Context, found: list[_Found], covered: list[tuple[int, int]]) -> None:
    """ "reportedly" / "is said to": a statement resting on unnamed reports."""
    doc = ctx.doc
    for tok in doc:
        if tok.lower_ != "reportedly" or not ctx.outside(tok):
            continue
        head = tok.head
        if ctx.cues.cue_class(head) is not None:
            continue
        chars = _trim(ctx, head.left_edge.i, head.right_edge.i + 1)
        if chars is None or any(s <= chars[0] < e for s, e in covered):
            continue
        source = ctx.table.keyed("reports", "reports", "reports", tok.idx, tok.idx + len(tok))
        found.append(_Found(chars, "indirect", source, None, (tok.idx, tok.idx + len(tok)), "reportative"))


def _no_comment_pass(ctx: _Context) -> list[NoCommentRec]:
    """ "declined to comment", "did not respond to a request for comment"."""
    out: list[NoCommentRec] = []
    nc = ctx.cues.no_comment
    for tok in ctx.doc:
        if not ctx.outside(tok) or not tok.tag_.startswith("VB"):
            continue
        lemma = tok.lemma_.lower()
        kind = None
        if lemma in nc["declined"]["verbs"]:
            if any(c.dep_ == "xcomp" and c.lemma_.lower() in nc["declined"]["objects"] for c in tok.children):
                kind = "declined"
        elif lemma in nc["no_response"]["verbs"] or lemma in nc["unreachable"]:
            negated = any(c.dep_ == "neg" for c in tok.children)
            objects = set(nc["no_response"]["objects"])
            if negated and any(t.lemma_.lower() in objects or t.lower_ in objects for t in tok.subtree if t.i != tok.i):
                kind = "no_response"
        if kind is None:
            continue
        subj = subject_of(tok, passive=True)
        if tok.dep_ == "conj" and not any(c.dep_.startswith("nsubj") for c in tok.children):
            # "said her client would fight the charges and declined to comment": the refusal
            # is the speaker's, however the parse attached it
            up = tok.head
            while up.dep_ == "conj" and up.head.i != up.i:
                up = up.head
            if up.dep_ == "ccomp" and ctx.cues.cue_class(up.head) is not None:
                subj = subject_of(up.head) or subj
        if subj is None or not ctx.outside(subj):
            continue
        source = ctx.table.resolve(subj, naming_span(subj))
        if source is None:
            continue
        end_tok = tok.right_edge.i + 1
        while end_tok > tok.i + 1 and ctx.doc[end_tok - 1].is_punct:
            end_tok -= 1
        first = min([c.i for c in tok.children if c.dep_ in ("aux", "neg", "auxpass")] + [tok.i])
        s, e = ctx.chars(first, end_tok)
        out.append(NoCommentRec(source=source["id"], cue={"start": s, "end": e}, kind=kind))
    return out


def _headline_end(doc: Doc) -> int:
    """End offset of the headline the text opens with (the article's title), else -1."""
    title = ((doc._.hearsay_meta or {}).get("title") or "").strip()
    if not title or any(title[i] in ".!?" and (i + 1 == len(title) or title[i + 1] in " \u201d\"'\u2019")
                        for i in range(len(title))):
        return -1   # a first paragraph of sentences, not a headline
    text = doc.text[: len(title) + 200]
    start = len(text) - len(text.lstrip())
    return start + len(title) if text[start: start + len(title)] == title else -1


#: how far back (characters) an enclosing report may start
PARENT_REACH = 2000


def _parent(f: _Found, kept: list[_Found], starts: list[int]) -> Optional[_Found]:
    """The innermost reported clause (not a direct quote) holding this attribution's cue and
    content: "Smith said [the mayor had told her that ...]"."""
    if f.cue is None:
        return None
    best = None
    i = bisect_right(starts, f.cue[0]) - 1
    while i >= 0 and starts[i] >= f.cue[0] - PARENT_REACH:
        g = kept[i]
        i -= 1
        if g is f or g.type == "direct" or g.content == f.content:
            continue
        if g.content[0] <= f.cue[0] and f.content[1] <= g.content[1]:
            if best is None or g.content[1] - g.content[0] < best.content[1] - best.content[0]:
                best = g
    return best


def find_attributions(
    doc: Doc, quotes: list[QuoteRec], entities: list[EntityRec], lexicon: dict
) -> tuple[list[SourceRec], list[AttributionRec], list[NoCommentRec]]:
    """Sources, attributions (ordered by content) and no-comment records of one parsed article.

    ``lexicon`` is `load_attribution_lexicon()`; ``entities`` the mentions stage's output
    (empty: spaCy NER stands in)."""
    ctx = _Context(doc, quotes, entities, lexicon)
    found: list[_Found] = []
    _according_pass(ctx, found)
    _speaker_line_pass(ctx, found)
    _verb_pass(ctx, found)
    _quote_pass(ctx, found)
    _reportedly_pass(ctx, found, [f.content for f in found])
    no_comment = _no_comment_pass(ctx)

    # one attribution per content span: the first pass to claim it wins; the headline only
    # restates what the body attributes, so counting it would weigh its voice twice
    headline_end = _headline_end(doc)
    kept: list[_Found] = []
    seen: set[tuple[int, int]] = set()
    for f in found:
        if f.content[1] <= headline_end:
            continue
        if f.content not in seen:
            seen.add(f.content)
            kept.append(f)
    kept.sort(key=lambda f: (f.content[0], f.content[1]))
    ids = {id(f): f"A{n + 1}" for n, f in enumerate(kept)}
    starts = [f.content[0] for f in kept]
    attributions: list[AttributionRec] = []
    for f in kept:
        parent = _parent(f, kept, starts)
        attributions.append(
            AttributionRec(
                id=ids[id(f)],
                source=f.source["id"],
                type=f.type,
                source_mention=f.mention,
                cue={"start": f.cue[0], "end": f.cue[1]} if f.cue else None,
                content={"start": f.content[0], "end": f.content[1]},
                polarity=f.polarity,
                cue_class=f.cue_class,
                parent=ids[id(parent)] if parent is not None else None,
            )
        )
    return ctx.table.sources, attributions, no_comment


@Language.factory(
    "hearsay_attribution",
    requires=["doc._.hearsay_quotes", "doc._.hearsay_entities"],
    assigns=["doc._.hearsay_sources", "doc._.hearsay_attributions", "doc._.hearsay_no_comment"],
    default_config={"lexicon": {"@misc": "hearsay.lexicon.v1"}},
)
def make_hearsay_attribution(nlp: Language, name: str, lexicon: LexiconLoader):
    return HearsayAttribution(load_attribution_lexicon(lexicon))


class HearsayAttribution:
    def __init__(self, lexicon: dict):
        self.lexicon = lexicon

    def __call__(self, doc: Doc) -> Doc:
        try:
            sources, attributions, no_comment = find_attributions(
                doc, get_list(doc, "hearsay_quotes"), get_list(doc, "hearsay_entities"), self.lexicon
            )
        except Exception as exc:  # a parse we did not foresee must not lose the document
            extensions.warn(doc, f"attribution failed on this text ({type(exc).__name__}: {exc}); no sources listed")
            sources, attributions, no_comment = [], [], []
        doc._.hearsay_sources = sources
        doc._.hearsay_attributions = attributions
        doc._.hearsay_no_comment = no_comment
        return doc
