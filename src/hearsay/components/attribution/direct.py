"""Direct quotes: pairing each quote with the cue beside its marks, or with the speaker
of the quote before it.

News quotes sit next to their frame ("“…,” she said.", "says the source", "He said: “…”",
"“…” ― Jane Doe"); a quote with no frame of its own that follows straight on from another
continues that speaker. Quotes already inside an indirect report (mixed speech) are left to
it.
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from ...extensions import QuoteRec
from .context import Context, Found, cue_chars, source_for_verb, via_outlet
from .cues import speaker_of
from .sources import naming_span

#: how far (in tokens) a cue may sit from the quote it frames
AFTER_REACH = 7
BEFORE_REACH = 9

def _window_after(ctx: Context, q: QuoteRec) -> tuple[int, int]:
    text = ctx.text
    end = q["end"]
    limit = min(len(text), end + 400)
    j = end
    while j < limit:
        ch = text[j]
        if (ch == "\n" and ctx.paragraph_break(j)) or ch in "\u201c" or (ch == '"' and j > end):
            break
        if ch in ".!?" and (j + 1 >= len(text) or text[j + 1] in " \n\u201c\"\u201d") and not _abbreviation(ctx, j):
            break
        j += 1
    return end, j


def _abbreviation(ctx: Context, j: int) -> bool:
    """Whether the period at ``j`` ends an abbreviation ("Mr.", "Sen.", "U.S."), not a sentence."""
    text = ctx.text
    if text[j] != ".":
        return False
    k = j
    while k > 0 and (text[k - 1].isalpha() or text[k - 1] == "."):
        k -= 1
    word = text[k:j]
    return len(word.replace(".", "")) == 1 or "." in word or word.lower() in ctx.table.abbreviations


def _window_before(ctx: Context, q: QuoteRec, prev_end: int) -> tuple[int, int]:
    text = ctx.text
    start = q["start"]
    j = start - 1
    floor = max(prev_end, start - 400, 0)
    while j >= floor:
        ch = text[j]
        if ch == "\n" and ctx.paragraph_break(j):
            # 'He said:' ending the paragraph before introduces this quote
            k = j
            while k > floor and text[k - 1] in " \n\r\t":
                k -= 1
            if text[j + 1: start].strip() == "" and k > floor and text[k - 1] == ":":
                j = k - 1
                continue
            break
        if ch in ".!?" and j + 1 < len(text) and text[j + 1] in " \n" and not _abbreviation(ctx, j):
            break
        j -= 1
    return j + 1, start


def _tokens_in(ctx: Context, start: int, end: int) -> list[Token]:
    span = ctx.doc.char_span(start, end, alignment_mode="expand") if end > start else None
    return [t for t in span if ctx.outside(t)] if span is not None else []


def _cue_for_quote(ctx: Context, qi: int, prev_end: int) -> Optional[tuple[Token, str]]:
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
        if words_after:
            # a long speaker phrase ("Scott Pruitt, the attorney general of Oklahoma, ...
            # said"): the cue is the verb whose subject opens the frame
            head = words_after[0]
            for _ in range(6):
                if head.dep_ in ("nsubj", "nsubjpass") and head.head.i >= head.i:
                    verb = head.head
                    cls = ctx.cues.cue_class(verb)
                    if cls is not None and cls not in ctx.cues.clause_only and verb.idx < after_e:
                        return verb, cls
                    break
                if head.head.i == head.i:
                    break
                head = head.head
        for n, t in enumerate(words_after[:AFTER_REACH]):
            cls = ctx.cues.loose_class(t)
            if cls is not None and cls not in ctx.cues.clause_only:
                # the frame must follow the quote directly: "“…,” an insider says", not
                # "“so happy” with Timothée Chalamet, an insider says" (that one is mixed)
                subj = speaker_of(t) if t.tag_.startswith("VB") else None
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


def _dash_speaker(ctx: Context, q: QuoteRec) -> Optional[tuple[Token, str]]:
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


def _adjacent_speaker(ctx: Context, verb: Token) -> Optional[Token]:
    """A speaker the parse did not make the subject: "..., shares the source" (an object),
    "..., said Smith"."""
    if verb.lemma_.lower() in ctx.cues.needs_frame:
        return None   # "labeling Obama's actions “an abuse”": the object is what is named, not who names it
    for c in verb.rights:
        if c.dep_ in ("dobj", "nsubj", "attr", "dative", "appos") and ctx.outside(c) and c.pos_ in ("PROPN", "NOUN", "PRON") \
                and c.ent_type_ not in ("DATE", "TIME"):
            if c.i - verb.i <= 4:
                return c
        break
    doc = ctx.doc
    if verb.i >= 2 and doc[verb.i - 1].text in ("\u201d", '"', "''") and doc[verb.i - 2].text in (",", "?", "!"):
        # '“…,” said David Brock, a Clinton confidant ...' misparsed: the name right after the cue
        j = verb.i + 1
        while j < len(doc) and j <= verb.i + 5 and doc[j].pos_ in ("PROPN", "DET", "ADJ", "NOUN") and ctx.outside(doc[j]):
            if doc[j].pos_ in ("PROPN", "NOUN") and (j + 1 >= len(doc) or doc[j + 1].pos_ not in ("PROPN", "NOUN")):
                if doc[j].ent_type_ not in ("DATE", "TIME"):
                    return doc[j]
                break
            j += 1
    before = ctx.doc[verb.i - 1] if verb.i > 0 else None
    if not verb.tag_.startswith("VB") and before is not None and ctx.outside(before) and before.pos_ in ("PROPN", "NOUN", "PRON"):
        return before   # "the insider dishes" tagged as a noun phrase
    if before is not None and before.pos_ == "PROPN" and ctx.outside(before):
        # '“…,” Kiptoo said through an interpreter' with the name parsed as a modifier: the
        # name between the closing mark and the cue
        j = before.i
        while j > 0 and doc[j - 1].pos_ == "PROPN" and ctx.outside(doc[j - 1]):
            j -= 1
        if j >= 2 and doc[j - 1].text in ("\u201d", '"', "''") and doc[j - 2].text in (",", "?", "!"):
            return before
    return None


def quote_pass(ctx: Context, found: list[Found]) -> None:
    """Direct quotes: the cue next to the marks, else the previous speaker (follow-on)."""
    prev: Optional[Found] = None
    prev_end = 0
    for qi, q in enumerate(ctx.quotes):
        if qi in ctx.absorbed:
            # a quote inside a report (mixed speech): the next bare quote may continue it
            prev = ctx.absorbed[qi]
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
                    found.append(Found((cs, ce), "direct", src, {"start": s0, "end": e0}, ctx.chars(verb.i, verb.i + 1),
                                        "neutral", quote=qi, verb=verb.i))
                    prev = found[-1]
                    prev_end = q["end"]
                    continue
            if got is not None and verb.i in ctx.verb_source:
                source, mention, cls, cue_span = ctx.verb_source[verb.i]
            elif got is not None:
                res = source_for_verb(ctx, verb, cls)
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
                    via = via_outlet(ctx, verb)
                    if via is not None and source["via"] is None and source is not via:
                        source["via"] = via["id"]
            if got is not None:
                rec = Found((cs, ce), "direct", source, mention, cue_span or cue_chars(ctx, verb), cls,
                             "denied" if cls == "denial" else "asserted", quote=qi, verb=verb.i)
        if rec is None and got is None:
            rec = _colon_frame(ctx, qi, cs, ce)
        if rec is None and prev is not None and _continues(ctx, prev, q):
            rec = Found((cs, ce), "direct", prev.source, prev.mention, prev.cue, prev.cue_class, prev.polarity,
                         quote=qi, verb=prev.verb)
        if rec is None:
            prev = None
            prev_end = q["end"]
            continue
        found.append(rec)
        prev = rec
        prev_end = q["end"]


def _colon_frame(ctx: Context, qi: int, cs: int, ce: int) -> Optional[Found]:
    """A quote announced by the clause before a colon: "As Tom Ridge put it: “…”",
    "Auerbach went so far as to say: “…”", "Clinton released the following statement: “…”".
    The speaker is the subject of the announcing verb in that clause."""
    q = ctx.quotes[qi]
    text = ctx.text
    j = q["start"] - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    if j < 0 or text[j] != ":":
        return None
    span = ctx.doc.char_span(j, j + 1, alignment_mode="expand")
    if span is None:
        return None
    colon = span[0]
    sent_start = colon.sent.start
    frame = ctx.doc[sent_start: colon.i]
    if not len(frame) or any(not ctx.outside(t) for t in frame):
        return None
    docs = ctx.table.documents
    for t in reversed(frame):
        if not t.tag_.startswith("VB"):
            continue
        cls = ctx.cues.cue_class(t)
        if cls is None and not (
            (t.lemma_.lower() == "put" and any(c.dep_ == "dobj" and c.lower_ == "it" for c in t.children))
            or any(c.dep_ == "dobj" and c.lemma_.lower() in docs for c in t.children)
        ):
            continue
        if cls in ctx.cues.clause_only:
            return None
        res = source_for_verb(ctx, t, cls or "neutral")
        if res is None:
            # "As Tom Ridge put it:", "Auerbach went so far as to say:": the frame's first name
            who = next((x for x in frame if x.dep_ in ("nsubj", "pobj") and x.pos_ in ("PROPN", "NOUN")), None)
            src = ctx.table.resolve(who, naming_span(who)) if who is not None else None
            if src is None:
                return None
            s0, e0 = ctx.chars(*naming_span(who))
            res = (src, {"start": s0, "end": e0}, cls or "neutral")
        source, mention, cls = res
        if source["kind"] == "author":
            return None
        return Found((cs, ce), "direct", source, mention, cue_chars(ctx, t), cls,
                     "denied" if cls == "denial" else "asserted", quote=qi, verb=t.i)
    return None


def _continues(ctx: Context, prev: Found, q: QuoteRec) -> bool:
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
    inner = gap_start + (len(gap) - len(gap.lstrip()))          # the frame between the quotes,
    if any(ctx.paragraph_break(inner + k) for k, ch in enumerate(stripped) if ch == "\n"):
        return False                                            # not a paragraph of its own
    # the gap is the previous quote's own frame: one short clause holding its cue
    if prev.cue is None or not (gap_start <= prev.cue[0] < q["start"]):
        return False
    if not stripped.endswith((".", ",", ":")) or len(stripped.split()) > 25:
        return False
    # no sentence ends inside the frame (a title like "Sen." or "R." does not count)
    return not any(
        ctx.text[j] in ".!?" and ctx.text[j + 1] == " " and not _abbreviation(ctx, j)
        for j in range(gap_start, q["start"] - 1)
        if j + 1 < q["start"] and ctx.text[j + 1: q["start"]].strip()
    )
