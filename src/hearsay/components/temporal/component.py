"""Stage `hearsay_temporal`: every time expression, valued on the article's timeline.

Why anchoring lives here: a fact-checker needs "exactly a year later" as a date, which means
resolving it against the date it follows in the story, not the publication date; "in March"
takes the year the narrative is in; words inside a quote resolve against when the speaker spoke;
and an article without a publication date still gets a timeline, built on the latest date the
text itself pins down (marked inferred).
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date, timedelta
from typing import Optional

import numpy
from spacy.attrs import LOWER, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from ... import extensions
from ...lexicon import LexiconLoader, load_lexicon
from .._internals.doc_text import doc_text
from ..ranges import RangeIndex
from .calendar import Point, last_day, parse_iso
from .detect import find_time_spans
from .normalize import Context, Resolved, normalize

#: sentences back that an earnings report's "quarter" still colours "a year ago"
QUARTER_WINDOW = 3


@Language.factory(
    "hearsay_temporal",
    requires=["doc._.hearsay_quotes", "doc._.hearsay_attributions"],
    assigns=["doc._.hearsay_times", "doc._.hearsay_reference"],
    default_config={"lexicons": {"@misc": "hearsay.lexicon.v1"}},
)
def make_hearsay_temporal(nlp: Language, name: str, lexicons: LexiconLoader):
    return HearsayTemporal(lexicons("time"))


class HearsayTemporal:
    """Holds the time lexicon, read once when the pipeline is built."""

    def __init__(self, lexicon: dict):
        self.lexicon = lexicon

    def __call__(self, doc: Doc) -> Doc:
        times, reference = find_times(doc, _published(doc), self.lexicon)
        doc._.hearsay_times = times
        doc._.hearsay_reference = reference
        return doc


def _published(doc: Doc) -> tuple[Optional[date], str]:
    meta = doc._.hearsay_meta or {}
    d = parse_iso(meta.get("published"))
    if d is None:
        return None, "unknown"
    return d, meta.get("published_basis") or "given"


def _governing_verb(span: Span):
    """The verb the expression modifies, directly or through a preposition; None when it
    modifies a noun or adjective ("the Jan. 14 deadline", "payable Dec. 7")."""
    tok = span.root
    if tok.pos_ in ("VERB", "AUX") and tok.dep_ != "amod":
        return tok
    for _ in range(4):
        if tok.head is tok:
            return None
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.pos_ in ("ADP", "SCONJ", "PART") or (tok.pos_ in ("NOUN", "PROPN", "NUM") and span.start <= tok.i < span.end):
            continue
        if tok.pos_ in ("PROPN", "NOUN") and tok.dep_ in ("npadvmod", "conj", "appos") and tok.head.pos_ in ("VERB", "AUX"):
            continue
        if tok.pos_ == "ADJ" and tok.dep_ in ("acomp", "oprd") and tok.head.pos_ in ("VERB", "AUX"):
            continue  # "remain closed through Friday", "was open Saturday": the verb the state hangs on
        return None
    return None


def _is_day(span: Span, L: dict) -> bool:
    """Whether the expression names a weekday ("Thursday", "Friday night"), whose week the
    tense has to choose; "for two weeks" or "for 2023" need no such choice."""
    return any(t.lower_ in L["weekdays"] for t in span)


def tense_of(span: Span, L: dict, sentence: Optional[Span] = None) -> Optional[str]:
    """past | present | future for the clause an expression sits in, from its verb and
    auxiliaries, and from the words just before it ("until Tuesday", "as soon as Tuesday");
    the words that decide are the time lexicon's ``tense`` lists."""
    tense = L["tense"]
    future_aux, future_heads = tense["future_auxiliaries"], tense["future_heads"]
    future_before, open_before, deferrals = tense["future_before"], tense["open_before"], tense["deferral_verbs"]
    doc = span.doc
    before = [t.lower_ for t in doc[max(0, span.start - 3) : span.start]]
    tok = _governing_verb(span)
    if before[-1:] and before[-1] in tense["plan_before"] and _is_day(span, L) and not (tok is not None and any(
            c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in tok.children)):
        return "future"  # "called a meeting for Thursday": the day a thing is set for lies ahead
    if before[-1:] and before[-1] in tense["past_before"]:
        return "past"  # "apart since the summer", "closed since Monday": what a thing runs from has begun
    if tok is None:
        root = (sentence if sentence is not None else span.sent).root
        root_aux = [c for c in root.children if c.dep_ in ("aux", "auxpass")]
        if any(a.lower_ in future_aux for a in root_aux):
            return "future"
        if root.tag_ in ("VBZ", "VBP") and any(c.dep_ == "acomp" and c.lemma_ in future_heads for c in root.children):
            return "future"  # "the ship is due to dock on Sunday", read as a noun by the parser
        if _goal_of_recent_act(span):
            return "future"
        if (before[-1:] and before[-1] in future_before) or before[-3:] == ["as", "soon", "as"]:
            return "future"
        return None
    auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in tense["modal_auxiliaries"] for a in auxes) and not any(
            a.lower_ in ("have", "'ve") for a in auxes) and not any(c.dep_ == "neg" for c in tok.children):
        return "future"  # "the verdict may come Monday"; not "may have left Monday", "could not say Monday"
    if (before[-1:] and before[-1] in future_before) or before[-3:] == ["as", "soon", "as"]:
        if any(a.lower_ in ("had", "'d") for a in auxes):
            return "past"
        # "extended until Tuesday" looks ahead, "kept going until 2 a.m. Friday" back: the nearer one
        main = tok.head if tok.tag_ == "VBG" and not auxes and tok.head.pos_ in ("VERB", "AUX") else tok
        if main.lemma_ in deferrals:
            return "future"  # "postponed until Tuesday", "extended its deadline until 9 a.m. Tuesday"
        return "near" if main.tag_ == "VBD" and not [c for c in main.children if c.dep_ in ("aux", "auxpass")] \
            else "future"
    if any(a.lower_ in future_aux for a in auxes):
        return "future"
    if tok.lemma_ in future_heads:
        return "future"
    if tok.tag_ in ("VB", "VBN") and any(a.lower_ == "to" for a in auxes):  # "to open", "to be published"
        head = _governing_verb(tok.head.doc[tok.head.i : tok.head.i + 1]) if tok.head is not tok else None
        if head is not None:
            head_aux = [c for c in head.children if c.dep_ in ("aux", "auxpass")]
            if any(a.lower_ in future_aux for a in head_aux) or head.lemma_ in future_heads:
                return "future"
            if head.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in head_aux):
                return "future"
            if head.tag_ == "VBD" or any(a.tag_ == "VBD" for a in head_aux):
                return None
        return "future"
    if before[-1:] and before[-1] in open_before:
        if tok.lemma_ in deferrals:
            return "future"  # "the trial was adjourned to Friday"
        if _present_simple(tok, auxes):
            return "present"  # "schools remain closed through Friday", "new rules apply from Monday"
        return None
    if tok.tag_ == "VBG" and any(a.lower_ in tense["present_progressive"] for a in auxes):
        return "future"
    if tok.tag_ == "VBG" and not auxes and tok.head is not tok and tok.head.pos_ in ("VERB", "AUX"):
        tok = tok.head  # a participle clause takes its main verb's time
        auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    if tok.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if tok.tag_ == "VBN":
        if any(a.dep_ == "auxpass" and a.lower_ in tense["present_progressive"] for a in auxes) and \
                not any(a.dep_ == "aux" for a in auxes):
            return "present"  # "when the case is heard in May": a present passive, not a past
        return "past"
    if tok.tag_ in ("VBZ", "VBP"):
        if tok.lemma_ == "be" and _is_day(span, L) and not auxes:
            return "present"  # "the first game is Saturday": a day stated as what a thing is, is its schedule
        return "present" if tok.lemma_ not in ("be", "have") else None
    return None


def _goal_of_recent_act(span: Span) -> bool:
    """"has called both sides to a meeting on Thursday", "invites residents to a forum on
    Monday": a time on the event a present or just-done act points to ("to" + noun) is still
    ahead; "was called to a meeting on Thursday" may be over and stays with the tense."""
    prep = span.root.head
    noun = prep.head if prep.dep_ == "prep" else None
    if noun is None or noun.pos_ != "NOUN" or noun.dep_ != "pobj" or noun.head.lower_ != "to":
        return False
    verb = noun.head.head
    if verb.pos_ != "VERB":
        return False
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return any(a.lower_ in ("has", "have", "'s", "'ve") for a in auxes) or _present_simple(verb, auxes)


def _present_simple(tok, auxes: list) -> bool:
    """A verb in the simple present, itself or through "is/are" ("remain", "are closed"), not
    a perfect ("has been closed") or a copula alone."""
    if any(a.lower_ in ("has", "have", "'ve", "had", "'d") for a in auxes):
        return False
    if auxes:
        return any(a.tag_ in ("VBZ", "VBP") for a in auxes)
    return tok.tag_ in ("VBZ", "VBP") and tok.lemma_ not in ("be", "have")


class _Layout:
    """Sentence boundaries and the text, computed once per document (``Doc.text`` and
    ``doc.sents`` rebuild on every access)."""

    def __init__(self, doc: Doc):
        self.text = doc_text(doc)
        starts = numpy.flatnonzero(doc.to_array([SENT_START]) == 1).tolist() if len(doc) else []
        if not starts or starts[0] != 0:
            starts.insert(0, 0)
        self.starts = starts
        self.ends = starts[1:] + [len(doc)]
        self.end_chars = [doc[e - 1].idx + len(doc[e - 1].text) for e in self.ends[:2] if e > 0]
        lowers = doc.to_array([LOWER])
        quarter_hashes = [doc.vocab.strings.add(w) for w in ("quarter", "quarterly")]
        self.quarter_sents = {self.sent_of(i) for i in numpy.flatnonzero(numpy.isin(lowers, quarter_hashes)).tolist()}

    def sent_of(self, token_index: int) -> int:
        return max(0, bisect_right(self.starts, token_index) - 1)


def _quote_content(q: dict) -> tuple[int, int]:
    return q.get("content_start", q["start"]), q.get("content_end", q["end"])


def _lead_date(recs: list[tuple], layout: _Layout, ref: Optional[date]) -> Optional[tuple[date, str]]:
    """The day the main event happened: the first day-precise time of the first two sentences,
    when it falls within three days before the reference (reporters speak to people that day)."""
    if ref is None:
        return None
    limit = layout.end_chars[min(1, len(layout.end_chars) - 1)] if layout.end_chars else 0
    for n, (start, _, res) in enumerate(recs):
        if start > limit:
            break
        if res is not None and res.point is not None and res.point.gran == "D":
            d = res.point.day
            if ref - timedelta(days=3) <= d <= ref:
                return d, f"T{n + 1}"
            return None
    return None


def _fiscal_end(doc: Doc, spans: list[tuple[int, int]], L: dict) -> Optional[int]:
    """The month a fiscal year (or quarter) ends in, when the text defines it:
    "fiscal 2026, which ends Jan. 31, 2026"."""
    months = L["months"]
    found_year = found_quarter = None
    for s, e in spans:
        words = [t.lower_ for t in doc[s:e]]
        if not any(w in L["fiscal_words"] for w in words) and not any(
                t.lower_ in L["fiscal_words"] for t in doc[max(0, s - 1):s]):
            continue
        for k in range(e, min(len(doc), e + 8)):
            if doc[k].lemma_ == "end" or doc[k].lower_ in ("ends", "ended", "ending"):
                for m in range(k + 1, min(len(doc), k + 4)):
                    w = doc[m].lower_.rstrip(".")
                    if w in months:
                        if "quarter" in words:
                            found_quarter = found_quarter or months[w]
                        else:
                            found_year = found_year or months[w]
                        break
                break
    return found_year or found_quarter


def _value_all(doc: Doc, layout: _Layout, spans, ref: Optional[date], L: dict, fiscal_end, quotes: RangeIndex,
               spoken: Optional[RangeIndex] = None) -> list[tuple]:
    """One pass over the expressions in order, carrying the narrative anchor and focus year.
    ``spoken`` gives (start, end, day) for reported speech whose day of speaking is known."""
    out: list[tuple] = []
    anchor: Optional[Point] = None
    anchor_id: Optional[str] = None
    anchor_sent = -10
    anniversary: Optional[date] = None
    focus_year: Optional[int] = None
    lead: Optional[tuple[date, str]] = None
    lead_done = False
    for n, (s, e) in enumerate(spans):
        span = doc[s:e]
        k_sent = layout.sent_of(s)
        quarter_ctx = any(k_sent - q in layout.quarter_sents for q in range(QUARTER_WINDOW + 1))
        anchor_near = anchor if anchor_sent >= k_sent - 1 else None
        speech_ref = ref
        said = spoken.first_covering(span.start_char) if spoken else None
        said_on = (said[2], said[3]) if said is not None else None
        if said_on is not None:
            speech_ref = said_on[0]
        elif quotes and quotes.first_covering(span.start_char) is not None:
            if not lead_done:
                lead = _lead_date(out, layout, ref)
                lead_done = True
            if lead is not None:
                speech_ref, said_on = lead[0], lead
        ctx = Context(ref=speech_ref, tense=tense_of(span, L, doc[layout.starts[k_sent] : layout.ends[k_sent]]), anchor=anchor, anchor_id=anchor_id,
                      focus_year=focus_year if ref is None else None,
                      quarter_context=quarter_ctx, fiscal_end=fiscal_end, near_anchor=anchor_near,
                      followed_by=doc[e].lower_ if e < len(doc) else "",
                      then_mentions_anniversary=any(t.lower_ in L["anniversary_words"] for t in doc[e : e + 4]),
                      anniversary=anniversary,
                      preceded_by=_preceding(doc, s, L))
        if s > 0 and doc[s - 1].lower_ in ("by", "until", "till", "before"):
            ctx.tense = None if ctx.tense == "past" else ctx.tense
        texts = [t.text for t in span]
        try:
            res = normalize(texts, ctx, span.text, L)
            if res is not None and n + 1 < len(spans) and _joined_as_range(doc, e, spans[n + 1][0], L):
                nxt = doc[spans[n + 1][0] : spans[n + 1][1]]
                res = _range_start(texts, res, normalize([t.text for t in nxt], ctx, nxt.text, L), ctx, L,
                                   f"T{n + 2}", _ordered_range(doc, s, e, spans[n + 1][0], L)) or res
        except (ValueError, OverflowError):  # "3000 years ago": outside the calendar we can write
            res = None
        if res is not None:
            res.tense = ctx.tense
            if said_on is not None and res.anchor == "published":
                res.anchor = said_on[1]  # resolved against the day the words were said
        out.append((span.start_char, span.end_char, res))
        if res is not None and res.point is not None and _is_backref(span):
            anniversary = res.point.day
        if res is not None and res.point is not None and res.value and not _is_backref(span):
            if res.point.gran in ("D", "M", "W", "S", "Q", "Y") and not res.value.startswith("P"):
                anchor, anchor_id, anchor_sent = res.point, f"T{n + 1}", k_sent
                if res.point.gran in ("D", "M", "W") and (res.anchor != "published" or speech_ref == ref):
                    focus_year = res.point.day.year
    return out


def _joined_as_range(doc: Doc, end: int, next_start: int, L: dict) -> bool:
    """Whether two expressions are the two ends of one range ("June and September 2025",
    "2 p.m. to 7 p.m. on Feb. 4"): only range connectors between them, not a bare comma."""
    gap = [t.lower_ for t in doc[end:next_start]]
    return 0 < len(gap) <= 2 and all(w in L["range_connectors"] for w in gap) and any(w != "," for w in gap)


def _ordered_range(doc: Doc, start: int, end: int, next_start: int, L: dict) -> bool:
    """Whether the two ends run in time order: "from Monday to Sunday", "between Monday and
    Friday"; not a list ("statements made Friday and Thursday")."""
    gap = [t.lower_ for t in doc[end:next_start]]
    if any(w in L["range_connectors"] and w not in ("and", "or", ",") for w in gap):
        return True
    return gap == ["and"] and start > 0 and doc[start - 1].lower_ == "between"


def _range_start(texts: list[str], res: Resolved, end: Optional[Resolved], ctx: Context, L: dict,
                 end_id: str, ordered: bool) -> Optional[Resolved]:
    """The first end of a range, completed from the second: a writer states the year or the day
    once, at the end ("between June and September 2025" is June 2025; "between 2 p.m. and 7 p.m.
    on Feb. 4" puts 2 p.m. on Feb. 4). None when the first end needs nothing from the second."""
    if end is None or end.point is None or end.point.gran != "D" and end.point.gran != "M" or not res.uses_ref:
        return None
    words = [t.lower().rstrip(".") for t in texts]
    if res.type == "TIME" and end.type == "TIME" and end.point.gran == "D" and not any(
            w in L["weekdays"] or w in L["months"] or w in L["day_offsets"] for w in words):
        sub = Context(ref=end.point.day, tense=ctx.tense, quarter_context=ctx.quarter_context, fiscal_end=ctx.fiscal_end)
        r = normalize(texts, sub, L=L)
        if r is not None:
            r.anchor, r.uses_ref = end_id, end.uses_ref
        return r
    if ordered and res.point is not None and res.point.gran == "D" and end.point.gran == "D" and res.point.day > end.point.day \
            and any(w in L["weekdays"] for w in words) and res.point.day - end.point.day < timedelta(days=7):
        day = res.point.day - timedelta(days=7)  # "ran from Monday to Sunday": the Monday before that Sunday
        return Resolved(res.type, day.isoformat(), {"start": day.isoformat(), "end": day.isoformat()}, res.anchor,
                        Point(day, "D"), res.uses_ref)
    if end.uses_ref or not any(w in L["months"] for w in words) or res.point is None or res.point.gran not in ("D", "M"):
        return None
    year = end.point.day.year
    for y in (year, year - 1):  # "from December to March 2025": December of the year before
        sub = Context(ref=ctx.ref, tense=ctx.tense, focus_year=y, fiscal_end=ctx.fiscal_end)
        r = normalize(texts, sub, L=L)
        if r is None or r.point is None:
            return None
        if r.point.day <= end.point.day:
            r.anchor, r.uses_ref = None, False
            return r
    return None


def _date_event_days(doc: Doc, layout: _Layout, recs: list[tuple], L: dict) -> list[tuple]:
    """"opening night", "election day" carry no date of their own: they take the day the
    text gives for the event in a nearby sentence ("The theater reopens Friday")."""
    events = set(L["event_days"])
    out = list(recs)
    for n, (start, end, res) in enumerate(recs):
        if res is not None or layout.text[start:end].lower() not in events:
            continue
        window = (start - 400, end + 400)
        best = None
        for m in list(range(n + 1, len(recs))) + list(range(n - 1, -1, -1)):
            s2, _, r2 = recs[m]
            if r2 is None or r2.point is None or r2.point.gran != "D" or not (window[0] <= s2 <= window[1]):
                continue
            best = (m, r2)
            break
        if best is not None:
            m, r2 = best
            out[n] = (start, end, Resolved("DATE", r2.point.day.isoformat(), dict(r2.range or {}) or None,
                                           f"T{m + 1}", r2.point, r2.uses_ref))
    return out


def _speech_days(doc: Doc, spans, recs: list[tuple], attributions: list[dict]) -> list[tuple[int, int, date, str]]:
    """Reported speech whose cue carries its own day ("'We'll decide tomorrow,' she said Monday"):
    (content start, content end, the day it was said). Time words inside resolve against it."""
    out = []
    # a cue governs only times of its own sentence, so only those are tried
    days = RangeIndex(
        [(start, end, n, span) for n, (span, (start, end, res)) in enumerate(zip(spans, recs))
         if res is not None and res.point is not None and res.point.gran == "D"],
        lambda r: r[:2],
    )
    for att in attributions:
        cue, content = att.get("cue"), att.get("content")
        if not cue or not content:
            continue
        cue_span = doc.char_span(cue["start"], cue["end"], alignment_mode="expand")
        if cue_span is None:
            continue
        sent = cue_span.sent
        for start, _, n, (s, e) in days.overlapping(sent.start_char, sent.end_char):
            if content["start"] <= start < content["end"]:
                continue
            verb = _governing_verb(doc[s:e])
            if verb is not None and cue["start"] <= verb.idx < cue["end"]:
                out.append((content["start"], content["end"], recs[n][2].point.day, f"T{n + 1}"))
                break
    return out


#: a stand-in reference: only used to tell which expressions need one
_ANY_DAY = date(2001, 6, 15)


def _unplaced(recs: list[tuple], probe: list[tuple]) -> list[tuple]:
    """With no date to stand on, "on Sunday" cannot be placed, but it is still a time the
    article gives: kept with its type and no value (expressions that name no time stay out)."""
    out = []
    for (start, end, res), (_, _, guess) in zip(recs, probe):
        if res is None and guess is not None and guess.value is not None and guess.uses_ref:
            res = Resolved(guess.type, None, unplaced=True)
        out.append((start, end, res))
    return out


def _reported(res: Optional[Resolved]) -> bool:
    """Times with a value, and those that only lack the date to count from."""
    return res is not None and (res.value is not None or res.unplaced)


def _preceding(doc: Doc, s: int, L: dict) -> str:
    """What the word before an expression tells: "RATE" (a ``rate_words`` word: "twice a
    week"), "OVER" ("over the weekend"), else its fine-grained tag."""
    if s == 0:
        return ""
    low = doc[s - 1].lower_
    return "RATE" if low in L["rate_words"] else "OVER" if low == "over" else doc[s - 1].tag_


def _is_backref(span: Span) -> bool:
    return any(t.lower_ in ("anniversary", "anniversaries") for t in span)


def _infer_reference(recs: list[tuple]) -> Optional[date]:
    """The latest date the text pins down on its own (absolute or anchored on one), used as the
    reference when the article carries no publication date."""
    best: Optional[date] = None
    for _, _, res in recs:
        if res is None or res.point is None or res.uses_ref or res.type == "DURATION":
            continue
        if res.tense in ("future", "present"):
            continue  # a deadline or a scheduled date is not something that has happened yet
        if res.point.gran not in ("D", "M", "W"):
            continue
        end = parse_iso(res.range["end"]) if res.range else last_day(res.point)
        if end and (best is None or end > best):
            best = end
    return best


def find_times(doc: Doc, published: tuple[Optional[date], str] = (None, "unknown"),
               L: Optional[dict] = None) -> tuple[list[dict], dict]:
    """TimeRec list (ids T1..) and the reference date used ({"date", "basis"}). ``L`` is the
    time lexicon the stage loaded when the pipeline was built (the packaged one when omitted)."""
    if L is None:
        L = load_lexicon("time")
    spans = find_time_spans(doc, L)
    quotes = RangeIndex(extensions.get_list(doc, "hearsay_quotes"), _quote_content)
    fiscal_end = _fiscal_end(doc, spans, L)
    layout = _Layout(doc)
    ref, basis = published
    inferred = False
    if ref is None:
        first = _value_all(doc, layout, spans, None, L, fiscal_end, quotes)
        ref = _infer_reference(first)
        if ref is not None:
            basis, inferred = "inferred", True
        else:
            basis = "unknown"
            recs = _unplaced(first, _value_all(doc, layout, spans, _ANY_DAY, L, fiscal_end, quotes))
    if ref is not None:
        recs = _value_all(doc, layout, spans, ref, L, fiscal_end, quotes)
        spoken = RangeIndex(_speech_days(doc, spans, recs, extensions.get_list(doc, "hearsay_attributions")), lambda r: r[:2])
        if spoken:
            recs = _value_all(doc, layout, spans, ref, L, fiscal_end, quotes, spoken)
    recs = _date_event_days(doc, layout, recs, L)
    times = []
    renumber: dict[str, str] = {}
    for n, (_, _, res) in enumerate(recs):
        if _reported(res):
            renumber[f"T{n + 1}"] = f"T{len(renumber) + 1}"
    depends: dict[str, bool] = {}  # original id -> rests on the inferred reference date
    for n, (start, end, res) in enumerate(recs):
        if not _reported(res):
            continue
        own = f"T{n + 1}"
        depends[own] = bool(inferred and (res.uses_ref or depends.get(res.anchor or "", False)))
        anchor = res.anchor
        if anchor and anchor.startswith("T"):
            anchor = renumber.get(anchor)
        times.append({
            "id": f"T{len(times) + 1}",
            "start": start,
            "end": end,
            "type": res.type,
            "value": res.value,
            "range": res.range,
            "anchor": anchor,
            "inferred": depends[own],
        })
    return times, {"date": ref.isoformat() if ref else None, "basis": basis}
