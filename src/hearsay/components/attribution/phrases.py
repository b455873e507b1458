"""Attribution carried by a phrase rather than a speech verb: "according to X", "per X",
speaker lines ("PENCE: ..."), "reportedly", and refusals to comment.
"""

from __future__ import annotations

from typing import Optional

from ...extensions import NoCommentRec
from ..quotes import DOUBLE_CLOSE, DOUBLE_OPEN, STRAIGHT_DOUBLE
from ..ranges import RangeIndex
from .context import (
    Context,
    Found,
    classify_content,
    paragraph_clip,
    quote_starting_at,
    quotes_in,
    source_of_speaker,
    trim_content,
)
from .cues import cue_polarity, infinitive_of, speaker_of
from .sources import naming_span


def according_pass(ctx: Context, found: list[Found]) -> None:
    """ "according to X", "per X": the sentence around the phrase is X's."""
    doc = ctx.doc
    for tok in ctx.outside_with(tuple({pattern[0] for pattern in ctx.cues.according_to})):
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
            before = p_start - 1
            while before > sent.start and doc[before].text in ("\u201d", '"', "''"):
                before -= 1   # '“…,” according to X': the comma sits inside the marks
            if p_start > sent.start and doc[before].text == ",":
                content_tok = (sent.start, before if before == p_start - 1 else p_start)
            elif p_start == sent.start or (p_start - sent.start <= 3 and all(t.is_punct or t.pos_ in ("CCONJ", "ADV") for t in doc[sent.start:p_start])):
                content_tok = (p_end, sent.end)
            else:
                content_tok = (sent.start, sent.end)
            chars = trim_content(ctx, *content_tok)
            if chars is None or len(ctx.text[chars[0]:chars[1]].split()) < 3:
                continue
            if source["kind"] in ("reports", "outlet") and _relays_named_speech(ctx, *content_tok, source):
                continue
            kind = classify_content(ctx, *chars)
            if kind is None:
                # "“…,” according to X": the quote itself, inside its marks
                hit = quotes_in(ctx, *chars)
                if not hit:
                    continue
                q = ctx.quotes[hit[0]]
                cs, ce = q["content_start"], q["content_end"]
                while ce > cs and ctx.text[ce - 1] in " ,":
                    ce -= 1
                kind = (cs, ce, "according_to", hit[:1])
            cs, ce, type_, inside = kind
            found.append(Found((cs, ce), "according_to", source, {"start": ms, "end": me},
                                ctx.chars(tok.i, tok.i + n), "reportative" if source["kind"] == "reports" else "neutral"))
            ctx.absorbed.update(dict.fromkeys(inside, found[-1]))
            break


def _relays_named_speech(ctx: Context, start: int, end: int, relay) -> bool:
    """'"We will win," the coach said on Monday, according to reports': the clause already
    names its speaker, so the words stay the coach's and the reports are how they reached
    the article (the speaker's ``via``), not a second voice claiming the quote."""
    for tok in ctx.doc[start:end]:
        if not ctx.outside(tok) or ctx.cues.cue_class(tok) is None:
            continue
        subj = speaker_of(tok)
        if subj is None or not ctx.outside(subj) or subj.pos_ == "PRON" or not quotes_in(ctx, *ctx.chars(start, end)):
            continue
        speaker = ctx.table.resolve(subj, naming_span(subj))
        if speaker is None or speaker["kind"] in ("reports", "author") or speaker is relay:
            continue
        if speaker["via"] is None:
            speaker["via"] = relay["id"]
        return True
    return False


def in_document_pass(ctx: Context, found: list[Found]) -> None:
    """ "In a Des Moines Register poll, Cruz had a 10-point lead", "Trump leads in the polls":
    a clause set in a poll or study reports that document's findings."""
    doc = ctx.doc
    nouns = ctx.cues.in_document
    for tok in ctx.outside_with(("in",)):
        if tok.dep_ != "prep":
            continue
        head = tok.head
        if head.pos_ not in ("VERB", "AUX") or head.dep_ != "ROOT" or ctx.cues.cue_class(head) is not None:
            continue
        obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        if obj is None or (obj.lower_ not in nouns and obj.lemma_.lower() not in nouns):
            continue
        if not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in head.children):
            continue
        c_start, c_end = head.left_edge.i, head.right_edge.i + 1
        p_start, p_end = tok.left_edge.i, tok.right_edge.i + 1
        if p_start <= c_start:
            c_start = p_end
        elif p_end >= c_end or all(t.is_punct for t in doc[p_end:c_end]):
            c_end = p_start
        chars = paragraph_clip(ctx, head, trim_content(ctx, c_start, c_end))
        if chars is None or len(ctx.text[chars[0]:chars[1]].split()) < 3:
            continue
        kind = classify_content(ctx, *chars)
        if kind is None:
            continue
        span = naming_span(obj)
        source = ctx.table.resolve(obj, span)
        if source is None or source["kind"] == "author":
            continue
        ms, me = ctx.chars(*span)
        cs, ce, type_, inside = kind
        found.append(Found((cs, ce), type_, source, {"start": ms, "end": me}, ctx.chars(tok.i, tok.i + 1), "neutral"))
        ctx.absorbed.update(dict.fromkeys(inside, found[-1]))


def noun_cue_pass(ctx: Context, found: list[Found]) -> None:
    """ "his claim that ...", "a warning from officials that ...", "amid allegations that
    ...": a statement noun with a that-clause (not a relative clause) reports the clause."""
    nouns = ctx.cues.noun_cues
    proposals = ctx.cues.noun_proposals
    reported = {f.verb for f in found if f.verb is not None}
    for tok in ctx.outside_with(pos="NOUN"):
        if tok.dep_ == "pobj" and tok.head.head.i in reported:
            continue   # "said in a statement that ...": the medium of a report already found, no cue of its own
        lemma = tok.lemma_.lower()
        cls = nouns.get(lemma)
        clause = None
        if cls is not None:
            clause = next((c for c in tok.children if c.i > tok.i and c.dep_ in ("acl", "ccomp", "relcl", "appos")
                           and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
        if clause is None and lemma in proposals:
            # "Trump's proposal to ban Muslims", "her call for a temporary ban": an owner is needed
            if _noun_cue_owner(ctx, tok) is None:
                continue
            cls = proposals[lemma]
            clause = next((c for c in tok.children if c.i > tok.i and (
                (c.dep_ == "acl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children))
                or (c.dep_ == "prep" and c.lower_ == "for" and lemma in ("call", "demand", "plea", "appeal")))), None)
            if clause is not None and clause.dep_ == "prep":
                clause = next((p for p in clause.children if p.dep_ == "pobj"), None)
        if clause is None:
            continue
        owner = _noun_cue_owner(ctx, tok)
        if owner is not None:
            span = naming_span(owner)
            source = ctx.table.resolve(owner, span)
            mention = {"start": ctx.chars(*span)[0], "end": ctx.chars(*span)[1]} if source is not None else None
        elif tok.tag_ == "NNS" or any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children) \
                or not any(c.dep_ in ("det", "poss") for c in tok.children):
            source = ctx.table.keyed("reports", "reports", "reports", tok.idx, tok.idx + len(tok))
            mention, cls = None, "reportative"
        else:
            continue
        if source is None or source["kind"] == "author":
            continue
        kind = _clause_content(ctx, tok, clause)
        if kind is None:
            continue
        cs, ce, type_, inside = kind
        found.append(Found((cs, ce), type_, source, mention, (tok.idx, tok.idx + len(tok)), cls,
                           "denied" if cls == "denial" else "asserted"))
        ctx.absorbed.update(dict.fromkeys(inside, found[-1]))


def _clause_content(ctx: Context, cue, clause):
    """The content of a clause hung on a cue word: trimmed, kept in the cue's paragraph and
    typed by its quote marks (`classify_content`); None when nothing of it is left."""
    chars = paragraph_clip(ctx, cue, trim_content(ctx, clause.left_edge.i, clause.right_edge.i + 1))
    return None if chars is None else classify_content(ctx, *chars)


def adjective_cue_pass(ctx: Context, found: list[Found]) -> None:
    """ "The senator was confident that the bill would pass", "is adamant that ...", "are
    afraid that ...", "is determined to ...": a predicative adjective of stance (lexicon
    'adjective_cues', 'adjective_stances') with its clause reports a stance of its subject,
    as a belief verb does. Read off the parse: the adjective must complement a linking verb
    (or head its own clause), and the clause hang on it or on that verb after it."""
    cues = ctx.cues
    for adj in ctx.outside_with(tuple(cues.adjective_cues) + tuple(cues.adjective_stances)):
        word = adj.lower_
        if adj.dep_ in ("acomp", "oprd") and adj.head.i < adj.i and adj.head.lemma_.lower() in cues.adjective_linking:
            pred = adj.head
        elif any(c.dep_ in ("nsubj", "nsubjpass") for c in adj.children) \
                and any(c.dep_ in ("aux", "auxpass") and c.lemma_.lower() in cues.adjective_linking for c in adj.children):
            pred = adj   # "Residents are convinced that ...", parsed as a passive verb; not "made them ready to"
        else:
            continue
        holders = [adj] if pred is adj else [adj, pred]
        after = [c for h in holders for c in h.children if c.i > adj.i]
        clause = None
        if word in cues.adjective_cues:
            clause = next((c for c in after if c.dep_ == "ccomp"
                           and not any(m.dep_ == "mark" and m.lower_ in cues.wh_openers for m in c.children)
                           and c.left_edge.lower_ not in cues.wh_openers), None)
        if clause is None and word in cues.adjective_stances:
            clause = infinitive_of(adj) or (infinitive_of(pred) if pred is not adj else None)
        if clause is None:
            continue
        subj = speaker_of(pred, passive=True)
        if subj is None or not ctx.outside(subj) or subj.lower_ in ("it", "this", "that", "there"):
            continue   # "it is doubtful that ...": impersonal, nobody's stance
        cls = cues.adjective_cues.get(word, "cognition")
        got = source_of_speaker(ctx, subj, cls)
        if got is None or got[0]["kind"] == "author":
            continue
        source, mention, _ = got
        kind = _clause_content(ctx, adj, clause)
        if kind is None:
            continue
        cs, ce, type_, inside = kind
        # the cue with its auxiliaries and negation: "was not convinced"
        cue = ctx.chars(min([pred.i] + [c.i for c in adj.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < adj.i]), adj.i + 1)
        found.append(Found((cs, ce), type_, source, mention, cue, cls, cue_polarity(pred, cls, (cs, ce)), verb=pred.i))
        ctx.absorbed.update(dict.fromkeys(inside, found[-1]))


def _noun_cue_owner(ctx: Context, noun):
    """Whose statement a statement noun is: its possessor ("Trump's claim"), a "by"/"from"
    phrase, or the subject of a verb that makes it ("Trump repeated the claim")."""
    for c in noun.children:
        if c.dep_ == "poss":
            return c
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in ("by", "from"):
            p = next((x for x in c.children if x.dep_ == "pobj"), None)
            if p is not None:
                return p
    head = noun.head
    if noun.dep_ == "dobj" and head.lemma_.lower() in ctx.cues.noun_cue_verbs:
        return speaker_of(head)
    return None


def speaker_line_pass(ctx: Context, found: list[Found]) -> None:
    """Transcripts and headlines: "PENCE: Well, look ..." / "Pat Caddell: Voters worried".
    A paragraph opening with a short name and a colon is that speaker's."""
    doc = ctx.doc
    text = ctx.text
    pos = 0
    answers = set(ctx.srclex.get("interview_answer_labels", []))
    interviewee: list = []   # found once, at the first answer line
    while pos < len(text):
        nl = text.find("\n", pos)
        end = len(text) if nl < 0 else nl
        colon = text.find(":", pos, min(end, pos + 60))
        if colon > pos and end - colon > 12 and text[pos:colon].strip().lower() in answers:
            if not interviewee:
                interviewee.append(_interviewee(ctx, pos))
            if interviewee[0] is not None:
                _answer_line(ctx, found, interviewee[0], pos, colon, end)
            pos = end + 1
            continue
        if colon > pos and end - colon > 12:
            opened = _quoted_turn(ctx, pos, colon)
            label_start = opened[0] if opened else pos
            name = text[label_start:colon].strip()
            words = name.split()
            labels = ctx.table.section_labels
            if 1 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and not name.endswith(("’s", "'s")) \
                    and not any(w.lower().strip(".") in labels for w in words):
                span = doc.char_span(label_start + (len(text[label_start:colon]) - len(text[label_start:colon].lstrip())),
                                     label_start + len(text[label_start:colon].rstrip()), alignment_mode="expand")
                if span is not None and span.root.pos_ in ("PROPN", "NOUN") and (opened or ctx.outside(span.root)) and \
                        all(t.pos_ in ("PROPN", "NOUN", "PUNCT", "ADJ") or t.is_upper for t in span):
                    named = ctx.entities.at(span.start_char, span.end_char, ("name",))
                    if not (name.isupper() or (named and ctx.entities.entities[named]["type"] in ("PERSON", "ORG", "OUTLET"))):
                        pos = end + 1
                        continue   # "Stealth Over Health: ..." is a headline, not a speaker
                    cs, ce = _after_label(text, colon, end)
                    if not opened and named and _interviewer_turn(ctx, named, name, text[cs:ce]):
                        pos = end + 1
                        continue
                    source = ctx.table.resolve(span.root, (span.start, span.end))
                    if opened:
                        # a transcript turn printed inside quote marks ('"HOST: Welcome back ...'):
                        # the whole turn is the speaker's own words, up to a closing mark on its line
                        ce = _before_closing_mark(text, cs, ce)
                        if source is not None and source["kind"] != "author" and ce - cs > 8:
                            found.append(Found((cs, ce), "direct", source, {"start": span.start_char, "end": span.end_char},
                                               (colon, colon + 1), "neutral", quote=opened[1]))
                            if opened[1] is not None:
                                ctx.absorbed[opened[1]] = found[-1]
                        pos = end + 1
                        continue
                    if source is not None and source["kind"] != "author" and ce - cs > 8:
                        kind = classify_content(ctx, cs, ce)
                        if kind is not None:
                            type_ = "indirect" if kind[2] == "indirect" else "mixed"
                            found.append(Found((kind[0], kind[1]), type_, source,
                                               {"start": span.start_char, "end": span.end_char}, (colon, colon + 1), "neutral"))
                            ctx.absorbed.update(dict.fromkeys(kind[3], found[-1]))
                        else:
                            hit = quotes_in(ctx, cs, cs + 1)
                            if hit:
                                q = ctx.quotes[hit[0]]
                                found.append(Found((q["content_start"], q["content_end"]), "direct", source,
                                                   {"start": span.start_char, "end": span.end_char}, (colon, colon + 1),
                                                   "neutral", quote=hit[0]))
                                ctx.absorbed[hit[0]] = found[-1]
        pos = end + 1


def _interviewer_turn(ctx: Context, eid: str, label: str, words: str) -> bool:
    """Whether a labelled line is a Q&A's question turn put by the publication ("Harbor
    Gazette: Your rival says ... Is he wrong?"): a news outlet, or an organisation asking a
    question, is the interviewer, whose turn frames the answer and asserts nothing of its own;
    a claim it relays keeps its own speaker through the cue inside the question ("Your
    rival says ..."). A person's turn stays theirs: in a transcript a speaker's question is
    still their words."""
    etype = ctx.entities.entities[eid]["type"]
    if etype == "OUTLET" or (etype == "ORG" and ctx.table.is_outlet_name(label)):
        return True
    return etype == "ORG" and words.rstrip().endswith("?")


#: the marks a quoted transcript turn opens and closes with
OPENING_DOUBLE = DOUBLE_OPEN + STRAIGHT_DOUBLE
CLOSING_DOUBLE = DOUBLE_CLOSE + STRAIGHT_DOUBLE


def _quoted_turn(ctx: Context, pos: int, colon: int) -> Optional[tuple[int, Optional[int]]]:
    """Where the label of a line opening with a double quote mark starts ('"WALLACE: Let me
    ask ...'), and the quote that mark opens (None when the marks could not be paired), for
    transcripts that print each speaker's turn as a quoted paragraph; None for other lines."""
    text = ctx.text
    i = pos
    while i < colon and text[i] in " \t":
        i += 1
    if i >= colon or text[i] not in OPENING_DOUBLE:
        return None
    return i + 1, quote_starting_at(ctx, i)


def _before_closing_mark(text: str, cs: int, ce: int) -> int:
    """End of a quoted turn's words, before the closing mark and blanks that end its line."""
    while ce > cs and text[ce - 1] in " \t\r" + CLOSING_DOUBLE:
        ce -= 1
    return ce


def _after_label(text: str, colon: int, end: int) -> tuple[int, int]:
    """The words of a labelled line after its colon, without surrounding blanks."""
    cs = colon + 1
    while cs < end and text[cs] in " \t":
        cs += 1
    ce = end
    while ce > cs and text[ce - 1] in " \t\r":
        ce -= 1
    return cs, ce


def _interviewee(ctx: Context, before: int) -> str | None:
    """Who answers in a Q&A: the person named most often in the title and introduction (the
    text before the first answer line), the earliest named on a tie; never the interviewer,
    known by the byline ("By Tom Reyes") or by putting the questions ("Reyes asked ...")."""
    counts: dict[str, int] = {}
    asking: set[str] = set()
    doc = ctx.doc
    for start, end, eid, kind in ctx.entities.mentions:
        if start >= before:
            break
        if kind == "name" and ctx.entities.entities[eid]["type"] == "PERSON":
            counts[eid] = counts.get(eid, 0) + 1
            line = ctx.text[ctx.text.rfind("\n", 0, start) + 1: start].strip().lower()
            span = doc.char_span(start, end, alignment_mode="expand")
            if line == "by" or (span is not None and span.root.dep_ == "nsubj"
                                and span.root.head.lemma_.lower() in ctx.cues.question_verbs):
                asking.add(eid)
    counts = {eid: n for eid, n in counts.items() if eid not in asking} or counts
    if not counts:
        return None
    return max(counts, key=lambda eid: (counts[eid], -ctx.entities.by_entity[eid][0]))


def _answer_line(ctx: Context, found: list[Found], eid: str, pos: int, colon: int, end: int) -> None:
    """An answer line of a Q&A ("A: Full every night ...") is the interviewee's own words, a
    direct quote; quotes inside it stay free for the speakers the answer quotes."""
    text = ctx.text
    cs, ce = _after_label(text, colon, end)
    if ce - cs < 2:
        return
    label = (pos + len(text[pos:colon]) - len(text[pos:colon].lstrip()), colon)
    source = ctx.table.for_entity(eid, "person", *label)
    found.append(Found((cs, ce), "direct", source, {"start": label[0], "end": label[1]}, (label[0], colon + 1), "neutral"))


def reportedly_pass(ctx: Context, found: list[Found], covered: list[tuple[int, int]]) -> None:
    """ "reportedly" / "is said to": a statement resting on unnamed reports."""
    covered = RangeIndex(covered, tuple)   # by position: one scan of all of them per "reportedly" is quadratic
    for tok in ctx.outside_with(("reportedly",)):
        head = tok.head
        if ctx.cues.cue_class(head) is not None:
            continue
        # "Reportedly, the auditors may …": the cue opening the clause is not its content
        start = tok.i + 1 if head.left_edge.i == tok.i else head.left_edge.i
        chars = trim_content(ctx, start, head.right_edge.i + 1)
        if chars is None or covered.covering(chars[0]):
            continue
        source = ctx.table.keyed("reports", "reports", "reports", tok.idx, tok.idx + len(tok))
        found.append(Found(chars, "indirect", source, None, (tok.idx, tok.idx + len(tok)), "reportative"))


def no_comment_pass(ctx: Context) -> list[NoCommentRec]:
    """ "declined to comment", "did not respond to a request for comment"."""
    out: list[NoCommentRec] = []
    nc = ctx.cues.no_comment
    for tok in ctx.outside_verbs:
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
        subj = speaker_of(tok, passive=True)
        if tok.dep_ == "conj" and not any(c.dep_.startswith("nsubj") for c in tok.children):
            # "said her client would fight the charges and declined to comment": the refusal
            # is the speaker's, however the parse attached it
            up = tok.head
            while up.dep_ == "conj" and up.head.i != up.i:
                up = up.head
            if up.dep_ == "ccomp" and ctx.cues.cue_class(up.head) is not None:
                subj = speaker_of(up.head) or subj
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
