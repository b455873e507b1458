"""Stage `hearsay_hedging`: words that weaken a statement — reportative ("reportedly"),
allegation ("alleged"), appearance ("appeared to", "were seen kissing"), epistemic ("may").

The claims stage later gives each claim the hedges inside it, plus a hedge for the class of the
cue that introduced it ("alleges the source" is an allegation).
"""

from __future__ import annotations

import numpy
from spacy.attrs import LEMMA, LOWER, POS
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.strings import get_string_id
from spacy.tokens import Doc

from ..extensions import HedgeRec
from .ranges import Occupied

#: kinds in priority order: when two hedges overlap, the earlier kind wins
KINDS = ("allegation", "reportative", "appearance", "epistemic")
NEGATIONS = {"not", "n't", "never", "no"}
SEEN_AUX = {"be", "get"}
#: the parts of speech of a one-word hedge found by its lemma
LEMMA_POS = ("VERB", "ADJ")


class HedgeFinder:
    """Compiled matchers for one vocabulary and one hedge lexicon.

    One-word hedges by lemma ("allege", "appear") are looked up in the Doc's lemma and part of
    speech columns (``Doc.to_array``), not by a token ``Matcher``: spaCy's Matcher builds two
    Token objects for every word of the article and calls a Python predicate per word for each
    ``IN`` set, which made this the costliest lookup of the stage for a handful of hits. The
    multi-word "were seen kissing" pattern still goes to a Matcher, run only on a Doc that has
    one of its perception words."""

    def __init__(self, nlp: Language, lexicon: dict):
        vocab = nlp.vocab
        self.phrases = PhraseMatcher(vocab, attr="LOWER")
        self.seen = Matcher(vocab)
        self.negatable = {w.lower() for w in lexicon.get("epistemic", {}).get("negatable", [])}
        self.ability_verbs = set(lexicon.get("epistemic", {}).get("ability_verbs", []))
        #: (kind, lemma ids) of the one-word hedges, in KINDS order
        self.lemma_ids: list[tuple[str, list[int]]] = []
        self.lemma_pos = [get_string_id(p) for p in LEMMA_POS]
        for kind in KINDS:
            entry = lexicon.get(kind, {})
            self.phrases.add(kind, [nlp.make_doc(p) for p in entry.get("phrases", [])])
            lemmas = entry.get("lemmas", [])
            if lemmas:
                self.lemma_ids.append((kind, [get_string_id(w) for w in lemmas]))
        seen = lexicon.get("appearance", {}).get("seen", [])
        #: the perception words of the "seen" pattern, as LOWER ids: without one the pattern cannot match
        self.seen_ids = sorted({get_string_id(v) for w in seen for v in (w, w.lower())})
        if seen:
            # "were (even) seen kissing": a passive perception verb with a participle complement
            self.seen.add(
                "appearance",
                [[
                    {"LEMMA": {"IN": sorted(SEEN_AUX)}},
                    {"POS": "ADV", "OP": "*"},
                    {"LOWER": {"IN": seen}},
                    {"TAG": "VBG"},
                ]],
            )

    def matches(self, doc: Doc) -> list[tuple[str, int, int]]:
        """(kind, start token, end token) of every phrase, lemma and "seen" hedge candidate:
        what one Matcher holding the lemma patterns ``[{"LEMMA": {"IN": lemmas}, "POS": {"IN":
        ["VERB", "ADJ"]}}]`` and the "seen" pattern finds, plus the phrase matches."""
        strings = doc.vocab.strings
        out = [(strings[m], s, e) for m, s, e in self.phrases(doc)]
        if not len(doc):
            return out
        cols = doc.to_array([LEMMA, POS, LOWER])
        pos_ok = numpy.isin(cols[:, 1], self.lemma_pos)
        for kind, ids in self.lemma_ids:
            out += [(kind, i, i + 1) for i in numpy.flatnonzero(pos_ok & numpy.isin(cols[:, 0], ids)).tolist()]
        if self.seen_ids and numpy.isin(cols[:, 2], self.seen_ids).any():
            out += [(strings[m], s, e) for m, s, e in self.seen(doc)]
        return out

    def find(self, doc: Doc) -> list[HedgeRec]:
        found: list[tuple[int, int, str]] = []
        for kind, start, end in self.matches(doc):
            span = doc[start:end]
            if kind == "epistemic" and len(span) == 1 and span[0].lower_ in self.negatable:
                tok = span[0]
                if tok.tag_ != "MD" or _negated(tok) or tok.head.lemma_ in self.ability_verbs:
                    continue
            if kind == "appearance" and span[0].lemma_ in SEEN_AUX:
                span = doc[start : end - 1]  # the hedge is "were seen", not the action seen
            found.append((span.start_char, span.end_char, kind))
        return _resolve_overlaps(found)


def _negated(token) -> bool:
    head = token.head
    return any(c.dep_ == "neg" or c.lower_ in NEGATIONS for c in head.children) or (
        token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ in NEGATIONS
    )


def _resolve_overlaps(found: list[tuple[int, int, str]]) -> list[HedgeRec]:
    """Longest match first, then kind priority; a hedge inside a kept one is dropped."""
    found.sort(key=lambda f: (-(f[1] - f[0]), KINDS.index(f[2]), f[0]))
    kept: list[tuple[int, int, str]] = []
    taken = Occupied()   # the kept ones by position: a scan of all of them per match is quadratic
    for start, end, kind in found:
        if not taken.overlaps((start, end)):
            kept.append((start, end, kind))
            taken.add((start, end))
    kept.sort()
    return [{"start": s, "end": e, "kind": k} for s, e, k in kept]


def hedges_for_cue(
    cue_class: str | None, cue: dict | None, lexicon: dict, source_kind: str | None = None
) -> list[HedgeRec]:
    """The hedge a cue's lexicon class implies ("alleges" → allegation), spanning the cue."""
    classes = lexicon.get("cue_classes", {})
    kind = classes.get(cue_class or "")
    if not isinstance(kind, str) or not cue or kind not in KINDS:
        return []
    only_for = classes.get("only_for", {}).get(cue_class)
    if only_for and source_kind not in only_for:
        return []
    return [{"start": cue["start"], "end": cue["end"], "kind": kind}]


@Language.factory(
    "hearsay_hedging",
    requires=["token.lemma", "token.tag"],
    assigns=["doc._.hearsay_hedges"],
    default_config={"lexicons": {"@misc": "hearsay.lexicon.v1"}},
)
def make_hearsay_hedging(nlp: Language, name: str, lexicons):
    return HearsayHedging(HedgeFinder(nlp, lexicons("hedges")))


class HearsayHedging:
    def __init__(self, finder: HedgeFinder):
        self.finder = finder

    def __call__(self, doc: Doc) -> Doc:
        doc._.hearsay_hedges = self.finder.find(doc)
        return doc
