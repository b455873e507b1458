"""Stage `hearsay_attribution`: who says so — every content span credited to a voice.

A fact-checker reads an article as a set of statements resting on somebody's word. This stage
finds those words (direct quotes, reported clauses, "according to X", "reportedly"), the cue
that frames them, and the voice they rest on, one source per distinct voice (see
`sources`). Direct quotes are paired with the nearest speech verb outside the
marks; a quote with no cue of its own continues the previous speaker. Speech verbs with a
clause are indirect speech, or mixed when the clause carries a quoted fragment. Refusals to
comment are kept apart: they credit nothing to anyone.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Token

from ...errors import HearsayError
from ...extensions import AttributionRec, EntityRec, NoCommentRec, QuoteRec, SourceRec, get_list
from ...lexicon import LexiconLoader, load_lexicon
from .._internals.doc_text import doc_text
from ..ranges import RangeIndex
from ..denials import denies_by_wording, frame_content
from .context import (
    Context,
    Found,
    classify_content,
    cue_chars,
    paragraph_clip,
    quotes_in,
    source_for_verb,
    through_colon_quote,
    trim_content,
    via_outlet,
)
from .cues import CueLexicon, content_of, cue_polarity, infinitive_of, speaker_of
from .sources import naming_span, voice_key
from .direct import quote_pass
from .learned import MODES, learned_found
from .phrases import (
    according_pass,
    adjective_cue_pass,
    in_document_pass,
    no_comment_pass,
    noun_cue_pass,
    reportedly_pass,
    speaker_line_pass,
)


def load_attribution_lexicon(load: LexiconLoader = load_lexicon) -> dict:
    """The stage's lexicons, with the cue index built once per pipeline (not per document)."""
    cues = load("cues")
    sources = dict(load("sources"))
    # the role nouns the mentions stage knows people by ("the accountant") name people here too
    sources["person_roles"] = list(load("descriptors")["person_roles"])
    sources["portfolio_words"] = list(load("descriptors").get("portfolio_words", []))
    return {"cues": cues, "cue_index": CueLexicon(cues), "sources": sources, "denials": load("denials")}


# ---------------------------------------------------------------------------------------
# the passes


def withheld(doc: Doc, verb: Token, content_start: int, cues) -> bool:
    """A cue that reports a refusal or a question, not a statement: the speech verb a refusal
    governs ("declined to discuss the player", "refused to say whether ..."), a negated one
    whose clause is an open question ("did not say how long the plans could last"), and a
    question put ("asked whether the bridge was safe", "wondered how much it would cost"):
    nobody asserts the clause of a question."""
    declined = cues.no_comment.get("declined", {})
    head = verb.head
    if verb.dep_ == "xcomp" and head.lemma_.lower() in declined.get("verbs", ()) \
            and verb.lemma_.lower() in declined.get("objects", ()):
        return True
    first = doc[content_start]
    for c in verb.children:
        if c.dep_ in ("dobj", "dative") and c.left_edge.i <= first.i <= c.right_edge.i and c.right_edge.i + 1 < len(doc):
            first = doc[c.right_edge.i + 1]   # "asked the minister [how much ...]": past the person asked
    if first.dep_ == "prep" and first.i > verb.i and first.i + 1 < len(doc) and doc[first.i + 1].lower_ in cues.wh_openers:
        return True   # "[about what comes next]": a topic, however the content's edge was drawn
    if first.lower_ not in cues.wh_openers or first.i <= verb.i:
        return False
    if first.i > 0 and doc[first.i - 1].dep_ == "prep":
        return True   # "spoke with the Weekly about what comes next": a topic, not a statement
    return verb.lemma_.lower() in cues.question_verbs or any(c.dep_ == "neg" for c in verb.children)


def told_not_telling(ctx: Context, verb: Optional[int], source: SourceRec) -> bool:
    """"She learned that the plant would close": she was told, she is no source; only a news
    outlet that "has learned" something reports it."""
    return verb is not None and ctx.doc[verb].lemma_.lower() in ctx.cues.outlet_only and source["kind"] != "outlet"


def verb_pass(ctx: Context, found: list[Found]) -> None:
    """Speech verbs with a clause or object: indirect and mixed speech, reports, documents."""
    cues = ctx.cues
    stances: set[int] = set()   # the found stances ("wants to ..."), by id
    for tok in ctx.outside_verbs:
        cls = cues.cue_class(tok)
        lemma = cues.lemma(tok)
        cue_span = None
        if cls is None and (lemma in cues.document_verbs or lemma in cues.reports_verbs):
            # the subject is asked only of verbs a document or report may speak by: most verbs are neither
            subj = speaker_of(tok)
            if subj is not None and subj.dep_ == "nsubj":
                subj_lemma = subj.lemma_.lower()
                if lemma in cues.document_verbs and (subj_lemma in ctx.table.documents or subj.lower_ in ctx.table.documents):
                    cls = cues.document_verb_class.get(lemma, "neutral")
                elif lemma in cues.reports_verbs and subj_lemma in ctx.table.reports:
                    cls = "reportative"
                    cue_span = ctx.chars(min(subj.i, tok.i), max(subj.i, tok.i) + 1)
        stance = cls is None and lemma in cues.volition and infinitive_of(tok) is not None
        if stance:
            cls = "cognition"   # "wants to cut taxes": a stance held, as a belief is
        if cls is None:
            continue
        got = source_for_verb(ctx, tok, cls)
        if got is None:
            continue
        source, mention, cls = got
        if source["kind"] == "author" and (mention is None or cls in cues.clause_only):
            continue
        if told_not_telling(ctx, tok.i, source):
            continue
        allow_object = cls in cues.object_content or source["kind"] == "document" or lemma in cues.object_topic
        comp = content_of(tok, cls, cues, allow_object)
        if comp is None and mention is None:
            comp = _said_to(ctx, tok)
            if comp is not None:
                cue_span = ctx.chars(min(c.i for c in tok.children if c.dep_ == "auxpass"), comp[3])
                comp = comp[:3]
        via = via_outlet(ctx, tok)
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
        if how == "object" and ctx.doc[s].dep_ == "dobj" and ctx.doc[s].lower_.endswith(("self", "selves")) \
                and ctx.doc[s].tag_ == "PRP" and not any(c.dep_ in ("conj", "appos") for c in ctx.doc[s].children) \
                and not any(c.dep_ in ("oprd", "xcomp", "ccomp", "attr") for c in tok.children):
            continue  # "expressed herself through dance": a reflexive object alone is no statement ("calls himself a
            # champion" says what he is)
        if withheld(ctx.doc, tok, s, cues):
            continue  # "would not say how many", "declined to discuss the player": nothing is reported
        if how == "object" and cls == "speech_act" and e - s < 4 and not any(c.dep_ in ("xcomp", "agent", "oprd") for c in tok.children):
            continue  # "praised the bullpen": an act, not a statement; "urged fans to stay" reports one,
            # and so do "the move was criticized by economists" and "called them rapists"
        chars = paragraph_clip(ctx, tok, trim_content(ctx, s, e))
        if chars is None:
            continue
        chars = through_colon_quote(ctx, chars)
        kind = classify_content(ctx, *chars)
        if kind is None:
            _quoted_clause(ctx, found, tok, chars, source, mention, cue_span, cls)
            continue
        cs, ce, type_, inside = kind
        if cls in cues.clause_only and type_ == "mixed":
            continue
        polarity = cue_polarity(tok, cls, (cs, ce))
        found.append(Found((cs, ce), type_, source, mention, cue_span or cue_chars(ctx, tok), cls, polarity, verb=tok.i))
        ctx.absorbed.update(dict.fromkeys(inside, found[-1]))
        if stance:
            stances.add(id(found[-1]))
    if stances:
        # "told teammates he wants to leave", "according to its plan, the city wants to ...": a
        # stance inside what another voice reports is part of that report, not a statement of its own
        reported = RangeIndex((f.content for f in found if id(f) not in stances), tuple)
        found[:] = [f for f in found if id(f) not in stances or not reported.covering(f.cue[0])]


def denial_frame_pass(ctx: Context, found: list[Found], lexicon: dict) -> None:
    """Denials by a falsity complement on a verb that is no speech cue of its own: "branded
    the allegations baseless", "called the story fiction" (see ``denials``)."""
    used = {f.verb for f in found if f.verb is not None}
    for tok in ctx.outside_verbs:
        if tok.i in used:
            continue
        span = frame_content(tok, lexicon)
        if span is None:
            continue
        got = source_for_verb(ctx, tok, "denial")
        if got is None or got[0]["kind"] == "author":
            continue
        source, mention, _ = got
        found.append(Found(ctx.chars(*span), "indirect", source, mention, cue_chars(ctx, tok), "denial", "denied", verb=tok.i))


def _quoted_clause(ctx: Context, found: list[Found], verb: Token, chars: tuple[int, int], source, mention, cue_span, cls) -> None:
    """"said on the show that “too much of the party became an echo chamber”", "calling it
    “disqualifying”": a reported clause or object that is all quote is a direct quote on this cue."""
    hit = [qi for qi in quotes_in(ctx, *chars) if qi not in ctx.absorbed]
    if not hit:
        return
    q = ctx.quotes[hit[-1]]
    cs, ce = q["content_start"], q["content_end"]
    while ce > cs and ctx.text[ce - 1] in " \n,":
        ce -= 1
    if ce <= cs:
        return
    found.append(Found((cs, ce), "direct", source, mention, cue_span or cue_chars(ctx, verb), cls,
                       cue_polarity(verb, cls, (cs, ce)), quote=hit[-1], verb=verb.i))
    ctx.absorbed[hit[-1]] = found[-1]


def nested_quote_pass(ctx: Context, found: list[Found], quotes: list[QuoteRec]) -> None:
    """A quote inside someone's quote, put in the mouth of a third voice: "“My coach told me,
    ‘You will never run again,’ and I believed him,” Cole said" -- the inner words are the
    coach's, nested under Cole's quote, not Cole's own. Only a named or described speaker
    counts: "I said ‘no’" stays the outer speaker's."""
    doc = ctx.doc
    for q in quotes:
        if q["depth"] != 1:
            continue
        span = doc.char_span(q["start"], q["end"], alignment_mode="expand")
        if span is None or span.start == 0:
            continue
        i = span.start - 1
        while i > 0 and (doc[i].is_punct or doc[i].is_space):
            i -= 1
        verb = doc[i]
        if not verb.tag_.startswith("VB") and verb.dep_ in ("dobj", "dative", "pobj", "prep"):
            verb = verb.head if verb.dep_ != "pobj" else verb.head.head   # "told me, ‘…’"
        cls = ctx.cues.cue_class(verb) if verb.tag_.startswith("VB") else None
        if cls is None or ctx.outside(verb):
            continue
        subj = speaker_of(verb)
        if subj is None or subj.pos_ == "PRON" or ctx.outside(subj):
            continue
        s, e = naming_span(subj)
        source = ctx.table.resolve(subj, (s, e))
        if source is None or source["kind"] == "author":
            continue
        cs, ce = q["content_start"], q["content_end"]
        while ce > cs and ctx.text[ce - 1] in " ,":
            ce -= 1
        if ce > cs:
            ms, me = ctx.chars(s, e)
            found.append(Found((cs, ce), "direct", source, {"start": ms, "end": me}, cue_chars(ctx, verb), cls, verb=verb.i))


def _said_to(ctx: Context, verb: Token) -> Optional[tuple[int, int, str, int]]:
    """"The actor is said to be furious": the whole statement rests on unnamed reports.
    Returns the content token range, and the token after the cue's "to"."""
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    xcomp = next((c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i), None)
    if subj is None or xcomp is None or not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    to = next((c for c in xcomp.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    if to is None:
        return None
    if any(c.dep_ in ("relcl", "appos", "acl", "parataxis") for c in subj.children):
        # "The company, which declined to comment, is said to be weighing a sale": the aside
        # about the subject is the article's, not the reports'; what they say is the verb phrase
        return to.i + 1, xcomp.right_edge.i + 1, "said_to", to.i + 1
    return subj.left_edge.i, xcomp.right_edge.i + 1, "said_to", to.i + 1


def _voice_of(source: SourceRec, head_ends) -> set[tuple[str, str]]:
    """What makes two sources one voice for the headline test: the same record, the same kind
    of unnamed voice ("sources say" in the headline, "a source said" in the body), or the same
    head noun ("officials say" over "Health officials in Fairhaven County confirmed").
    ``head_ends``: the words that follow a speaker's head noun ("officials [in] Fairhaven",
    "people [familiar] with"; lexicon sources.json)."""
    keys = {("id", source["id"])}
    if source["kind"] in ("anonymous", "reports"):
        keys.add((source["kind"], ""))
    words = source["label"].lower().replace(",", " ").split()
    cut = next((i for i, w in enumerate(words) if i and w in head_ends), len(words))
    if cut:
        keys.add(("head", voice_key(words[cut - 1])))
    return keys


def _headline_end(doc: Doc) -> int:
    """End offset of the headline the text opens with (the article's title), else -1."""
    title = ((doc._.hearsay_meta or {}).get("title") or "").strip()
    if not title or any(title[i] in ".!?" and (i + 1 == len(title) or title[i + 1] in " \u201d\"'\u2019")
                        for i in range(len(title))):
        return -1   # a first paragraph of sentences, not a headline
    text = doc_text(doc)[: len(title) + 200]
    start = len(text) - len(text.lstrip())
    return start + len(title) if text[start: start + len(title)] == title else -1


#: how far back (characters) an enclosing report may start
PARENT_REACH = 2000


def _parent(f: Found, kept: list[Found], starts: list[int]) -> Optional[Found]:
    """The innermost reported clause (not a direct quote) holding this attribution's cue and
    content: "Smith said [the mayor had told her that ...]"."""
    if f.cue is None:
        return None
    best = None
    i = bisect_right(starts, f.cue[0]) - 1
    while i >= 0 and starts[i] >= f.cue[0] - PARENT_REACH:
        g = kept[i]
        i -= 1
        if g is f or (g.type == "direct" and f.type != "direct") or g.content == f.content:
            continue
        if g.content[0] <= f.cue[0] and f.cue[1] <= g.content[1] and g.content[0] <= f.content[0] and f.content[1] <= g.content[1]:
            if best is None or g.content[1] - g.content[0] < best.content[1] - best.content[0]:
                best = g
    return best


def find_attributions(
    doc: Doc, quotes: list[QuoteRec], entities: list[EntityRec], lexicon: dict, mode: str = "rules"
) -> tuple[list[SourceRec], list[AttributionRec], list[NoCommentRec]]:
    """Sources, attributions (ordered by content) and no-comment records of one parsed article.

    ``lexicon`` is `load_attribution_lexicon()`; ``entities`` the mentions stage's output
    (empty: spaCy NER stands in); ``mode`` one of `learned.MODES` (the learned
    tagger's spans are read from the Doc when it ran)."""
    ctx = Context(doc, quotes, entities, lexicon)
    found: list[Found] = []
    if mode != "model":
        according_pass(ctx, found)
        speaker_line_pass(ctx, found)
        verb_pass(ctx, found)
        quote_pass(ctx, found)
        nested_quote_pass(ctx, found, quotes)
        denial_frame_pass(ctx, found, lexicon["denials"])
        in_document_pass(ctx, found)
        noun_cue_pass(ctx, found)
        adjective_cue_pass(ctx, found)
        reportedly_pass(ctx, found, [f.content for f in found])
    no_comment = no_comment_pass(ctx)
    if mode != "rules":
        found += learned_found(ctx, found, [(n["cue"]["start"], n["cue"]["end"]) for n in no_comment],
                               governed=mode == "combined",
                               reports_nothing=lambda verb, start: withheld(doc, verb, start, ctx.cues))
        found = [f for f in found if not told_not_telling(ctx, f.verb, f.source)]

    # one attribution per content span: the first pass to claim it wins; the headline only
    # restates what the body attributes, so counting it would weigh its voice twice
    headline_end = _headline_end(doc)
    head_ends = set(lexicon["sources"]["head_ends"])
    body_voices = {v for f in found if f.content[1] > headline_end for v in _voice_of(f.source, head_ends)}
    kept: list[Found] = []
    seen: set[tuple[int, int]] = set()
    for f in found:
        if f.content[1] <= headline_end and body_voices.intersection(_voice_of(f.source, head_ends)):
            continue   # a headline restating what the body credits to the same voice
        if f.content not in seen:
            seen.add(f.content)
            kept.append(f)
    kept.sort(key=lambda f: (f.content[0], f.content[1]))
    ids = {id(f): f"A{n + 1}" for n, f in enumerate(kept)}
    starts = [f.content[0] for f in kept]
    attributions: list[AttributionRec] = []
    for f in kept:
        parent = _parent(f, kept, starts)
        if f.polarity != "denied" and denies_by_wording(doc, f.verb, f.content, lexicon["denials"]):
            f.polarity, f.cue_class = "denied", "denial"  # "labelled the report a lie", "said the rumours were untrue"
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
    default_config={"lexicons": {"@misc": "hearsay.lexicon.v1"}, "mode": "rules"},
)
def make_hearsay_attribution(nlp: Language, name: str, lexicons: LexiconLoader, mode: str):
    """``mode``: rules, model or combined (see `learned`); the last two read the
    spans of `hearsay_attribution_model`, which the pipeline adds for them."""
    if mode not in MODES:
        raise HearsayError(f"hearsay_attribution: mode must be one of {', '.join(MODES)}, not {mode!r}")
    return HearsayAttribution(load_attribution_lexicon(lexicons), mode)


class HearsayAttribution:
    def __init__(self, lexicon: dict, mode: str = "rules"):
        self.lexicon = lexicon
        self.mode = mode

    def __call__(self, doc: Doc) -> Doc:
        sources, attributions, no_comment = find_attributions(
            doc, get_list(doc, "hearsay_quotes"), get_list(doc, "hearsay_entities"), self.lexicon, self.mode
        )
        doc._.hearsay_sources = sources
        doc._.hearsay_attributions = attributions
        doc._.hearsay_no_comment = no_comment
        return doc
