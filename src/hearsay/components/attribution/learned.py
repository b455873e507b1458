"""The learned tagger's spans as attributions, and how they join the rules' (the mode switch).

`hearsay_attribution_model` leaves three span groups (contents, cues, sources) with no links
between them. Here each content gets the cue nearest to it in its sentence (or the sentence
before or after: "..., he said." / "He said: ..."), and that cue the source nearest to it; the
source phrase is resolved by the same `SourceTable` the rules use, so a model-found "the
senator" is the same voice as a rule-found one. Modes:

- ``rules``: the rules alone;
- ``model``: the tagger alone (quoted contents typed by their marks, like the rules');
- ``combined``: the rules, plus each model attribution whose content and cue overlap nothing
  the rules found (`learned_found`): the rules stay precise on quotes and the constructions
  they cover, the model adds unquoted reports and cues outside the lexicon. A learned cue whose
  verb the lexicon lists is taken at lower confidence: there the tagger is trusted for the
  content a rule did not read ("answered the critics"), not for whether the verb reports.
"""

from __future__ import annotations

from typing import Callable, Optional

from spacy.tokens import Doc, Span, Token

from ..ranges import Occupied, RangeIndex
from .context import Context, Found, classify_content, source_for_verb, trim_content
from .._internals.syntax import Sentences, head_indices
from .cues import cue_polarity
from .model import SPAN_KEYS
from .sources import naming_span

MODES = ("rules", "model", "combined")
#: the cue class of a learned cue whose verb the lexicon does not list
LEARNED_CLASS = "learned"
#: how far (tokens) a content's cue or a cue's source may lie from it
REACH = 25
#: O-tokens between two content pieces of one sentence that still make them one content
GAP = 2
#: in combined mode, the least confidence (mean probability) of a cue and of its content that
#: the ledger adds to the rules' findings (chosen on PolNeAR dev, docs/benchmarks.md): a long
#: content's edges are less certain than the cue that introduces it
MIN_CUE_CONFIDENCE = 0.7
MIN_CONTENT_CONFIDENCE = 0.5
#: the least confidence of a learned cue whose word the cue lexicon lists (a speech, cognition
#: or stance verb): the lexicon vouches for the cue, the tagger for where its content lies
MIN_LEXICON_CUE_CONFIDENCE = 0.3


def _groups(doc: Doc) -> Optional[tuple[list[Span], list[Span], list[Span]]]:
    if SPAN_KEYS["content"] not in doc.spans:
        return None
    return tuple(list(doc.spans.get(SPAN_KEYS[role], [])) for role in ("content", "cue", "source"))


def _scores(doc: Doc, role: str) -> list[float]:
    group = doc.spans[SPAN_KEYS[role]]
    return list(group.attrs.get("scores") or [1.0] * len(group))


def joined_contents(contents: list[Span], cues: list[Span], scores: list[float],
                    sents: Optional[Sentences] = None) -> list[tuple[int, int, float]]:
    """Token ranges of contents with their confidence, pieces a few tokens apart in one
    sentence joined (the tagger loses the thread inside a long clause) unless a cue lies
    between them; a joined content's confidence is its pieces' mean, weighted by length.
    ``sents``: the doc's `Sentences`, when the caller has them."""
    out: list[tuple[int, int, float]] = []
    cue_toks = {i for c in cues for i in range(c.start, c.end)}
    for span, score in sorted(zip(contents, scores), key=lambda p: p[0].start):
        if out:
            s, e, sc = out[-1]
            if sents is None:
                sents = Sentences(span.doc)
            if 0 < span.start - e <= GAP and sents.of(s)[0] == sents.of(span.start)[0] \
                    and not any(i in cue_toks for i in range(e, span.start)):
                out[-1] = (s, span.end, (sc * (e - s) + score * len(span)) / (e - s + len(span)))
                continue
        out.append((span.start, span.end, score))
    return out


def _distance(a: tuple[int, int], b: tuple[int, int]) -> int:
    if a[1] <= b[0]:
        return b[0] - a[1]
    if b[1] <= a[0]:
        return a[0] - b[1]
    return REACH + 1   # inside: a cue within the content belongs to a nested report


def nearest(target: tuple[int, int], spans: list[Span], sent_range: tuple[int, int]) -> Optional[Span]:
    """The span closest to ``target`` (token range) within the token range ``sent_range``."""
    best, best_d = None, REACH + 1
    for sp in spans:
        if sp.start < sent_range[0] or sp.end > sent_range[1]:
            continue
        d = _distance(target, (sp.start, sp.end))
        if d < best_d:
            best, best_d = sp, d
    return best


def _around(sents: Sentences, start: int, end: int) -> tuple[int, int]:
    """Token range of the sentences holding [start, end) and one sentence either side."""
    first, last = sents.of(start), sents.of(end - 1)
    lo = sents.of(first[0] - 1)[0] if first[0] > 0 else first[0]
    hi = sents.of(last[1])[1] if last[1] < sents.n else last[1]
    return lo, hi


def _source(ctx: Context, cue: Span, src: Optional[Span]):
    """(source, mention) for a cue: the tagged source phrase resolved by the source table, else
    the cue verb's subject as the rules find it."""
    if src is not None:
        head = src.root
        s, e = naming_span(head)
        s, e = max(s, src.start), min(e, src.end)   # the naming words the tagger also marked
        if e <= s:
            s, e = src.start, src.end
        rec = ctx.table.resolve(head, (s, e))
        if rec is not None:
            start, end = ctx.chars(s, e)
            return rec, {"start": start, "end": end}
    verb = cue.root
    if verb.pos_ in ("VERB", "AUX"):
        got = source_for_verb(ctx, verb, "neutral")
        if got is not None and got[0]["kind"] != "author":
            return got[0], got[1]
    return None


def _token_range(span: Span) -> tuple[int, int]:
    return span.start, span.end


def governs(cue: Span, start: int, end: int, heads: Optional[list[int]] = None) -> bool:
    """Whether the parse links the cue and the content [start, end) (tokens) directly: a word of
    the content hangs on a cue word ("said [that ...]", "mocked [the plan]"), or the cue hangs
    on a content word ("[...], he said", "according to X, [...]"). An infinitive the cue's own
    subject performs ("declined [to comment]", "asked [not to be named]") is an act, not a
    statement. ``heads``: `head_indices` of the doc, when the caller asks of many spans."""
    doc = cue.doc
    if heads is None:
        heads = head_indices(doc)
    for i in range(start, end):
        h = heads[i]
        if (h < start or h >= end) and cue.start <= h < cue.end:
            tok = doc[i]
            if tok.dep_ == "xcomp" and any(c.lower_ == "to" and c.dep_ == "aux" for c in tok.children):
                return False
            return True
    head = cue.root.head
    return head.i != cue.root.i and start <= head.i < end


#: cue classes whose verbs are cues only in a quote's frame ("..., she gushed"); outside one
#: they are ordinary verbs ("shared a post"), which the lexicon does not vouch for
FRAME_ONLY_CLASSES = ("emotive",)


def lexicon_cue(ctx: Context, cue: Span) -> bool:
    """Whether the cue lexicon lists the learned cue's word as a cue or a stance verb."""
    root = cue.root
    cls = ctx.cues.cue_class(root)
    return (cls is not None and cls not in FRAME_ONLY_CLASSES) or ctx.cues.lemma(root) in ctx.cues.volition


#: parts of speech a statement does not end on: a content ending "... in its" was cut short
DANGLING = {"DET", "ADP", "CCONJ", "SCONJ", "PART"}


def cut_short(doc: Doc, start: int, end: int) -> bool:
    """Whether the content [start, end) stops mid-phrase (on an article, a preposition, a
    conjunction or a possessive): the tagger lost the clause, so its edges cannot be trusted."""
    last = end - 1
    while last > start and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    tok = doc[last]
    return tok.pos_ in DANGLING or tok.tag_ == "PRP$"


def learned_found(ctx: Context, taken: list[Found], blocked: list[tuple[int, int]], governed: bool,
                  reports_nothing: Callable[[Token, int], bool] = lambda verb, start: False) -> list[Found]:
    """Attributions from the tagger's spans whose content and cue overlap nothing in ``taken``
    (the rules' findings in ``combined`` mode) and whose cue overlaps no ``blocked`` range (the
    refusals to comment); none when the tagger did not run. With ``governed`` a content is kept
    only when the parse links it to its cue (`governs`) and the tagger is confident of both
    (`MIN_CONFIDENCE`): what the ledger adds to the rules must be a statement somebody made,
    not a fragment the tagger half-saw. Overlaps are checked
    before a source is resolved, so a dropped proposal leaves no voice behind.
    ``reports_nothing(cue verb, content's first token)`` says when a cue states nothing (the
    rules' test for refusals and open questions: "would not say how many ...")."""
    groups = _groups(ctx.doc)
    if groups is None:
        return []
    contents, cues, sources = groups
    doc = ctx.doc
    cue_floor, content_floor = (MIN_CUE_CONFIDENCE, MIN_CONTENT_CONFIDENCE) if governed else (0.0, 0.0)
    lexicon_floor = MIN_LEXICON_CUE_CONFIDENCE if governed else 0.0
    cues = RangeIndex((c for c, sc in zip(cues, _scores(doc, "cue"))
                       if sc >= cue_floor or (sc >= lexicon_floor and lexicon_cue(ctx, c))), _token_range)
    sources = RangeIndex(sources, _token_range)
    # what is already found, by position: a scan of every finding for every content would make
    # this pass quadratic in a long article
    contents_found, cues_found = Occupied(f.content for f in taken), Occupied(f.cue for f in taken)
    blocked = Occupied(blocked)
    out: list[Found] = []
    heads = head_indices(doc)
    sents = Sentences(doc)
    for s, e, score in joined_contents(contents, cues, _scores(doc, "content"), sents):
        if score < content_floor:
            continue
        around = _around(sents, s, e)
        near = cues.within(*around)
        linked = [c for c in near if governs(c, s, e, heads)]
        cue = nearest((s, e), linked, around) or (None if governed else nearest((s, e), near, around))
        if cue is None:
            continue
        if governed and cut_short(doc, s, e):
            continue
        chars = trim_content(ctx, s, e)
        if chars is None or chars[1] - chars[0] < 2:
            continue
        kind = classify_content(ctx, *chars)
        if kind is None:
            type_, (cs, ce) = "direct", chars
        else:
            cs, ce, type_, _ = kind
        if reports_nothing(cue.root, s):
            continue
        cue_chars = ctx.chars(cue.start, cue.end)
        if contents_found.overlaps((cs, ce)) or cues_found.overlaps(cue_chars) or blocked.overlaps(cue_chars):
            continue
        sent = sents.of(cue.start)
        src = nearest((cue.start, cue.end), [x for x in sources.within(*sent) if x.end <= s or x.start >= e], sent)
        got = _source(ctx, cue, src)
        if got is None or (got[1] is not None and got[1]["start"] < ce and cs < got[1]["end"]):
            continue   # no voice, or the content is its own speaker: a phrase the tagger misread
        cls = ctx.cues.cue_class(cue.root) or LEARNED_CLASS
        # a negated cue ("did not say that ...") denies, as on the rules' path
        out.append(Found((cs, ce), type_, got[0], got[1], cue_chars, cls,
                         cue_polarity(cue.root, cls, (cs, ce)), verb=cue.root.i))
        contents_found.add((cs, ce))
        cues_found.add(cue_chars)
    return out
