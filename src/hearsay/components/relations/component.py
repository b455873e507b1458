"""Stage `hearsay_relations`: who is married to, the child of, involved with, or working for whom.

Fact-checkers need the relations a story rests on and on whose word each one stands: a marriage
the author states is not an affair "sources" allege. Relations are read from the constructions
news writing uses (see ``patterns.py``); each piece of evidence takes its status from
the claim that carries it — ``asserted`` (narration or a named source, unhedged), ``alleged``
(an allegation hedge or cue: "his alleged affair", "alleges the source"), ``reported`` (it rests
on reports or an anonymous voice), ``denied`` (negated or denied) — and the evidence for one
relation is merged into one record.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from ...extensions import RelationRec, get_list
from ...lexicon import Lexicon, LexiconLoader, load_lexicon
from .._internals.syntax import Sentences
from ..ranges import RangeIndex
from .index import EntityIndex
from .patterns import SYMMETRIC, find_kin_and_couples, lone_anniversaries, trigger_positions, trigger_words
from .titles import find_employment

#: when several statements give one relation, the firmest word on it wins; a denial is news
STATUS_RANK = {"denied": 4, "asserted": 3, "alleged": 2, "reported": 1}
HEARSAY_SOURCES = ("anonymous", "reports", "outlet")
ASIDE_MARKS = ("—", "–", "(", ",", "--")
OWN_CLAUSE = ("advcl", "relcl", "ccomp", "acl", "conj", "parataxis")


def quote_speakers(sources: list[dict], attributions: list[dict]) -> list[tuple[int, int, str]]:
    """(start, end, entity) of each quotation whose speaker is a known entity: "my" inside it is them."""
    entity_of = {s["id"]: s.get("entity") for s in sources}
    out = []
    for a in attributions:
        eid = entity_of.get(a["source"])
        if eid and a.get("type") in ("direct", "mixed"):
            out.append((int(a["content"]["start"]), int(a["content"]["end"]), eid))
    return out


def find_evidence(doc: Doc, entities: list[dict], times: RangeIndex, speakers: list[tuple[int, int, str]], lexicon: dict) -> tuple[list[dict], EntityIndex]:
    """Every statement of a relation, in text order (sentence by sentence, so that "the couple"
    resolves to the pair the story has paired so far)."""
    idx = EntityIndex(doc, entities, speakers, lexicon)
    out: list[dict] = []
    triggers = [doc[i] for i in trigger_positions(doc, trigger_words(lexicon))]
    sentence: list[Token] = []
    sents = Sentences(doc)
    for tok in triggers:
        if sentence and sents.of(tok.i)[0] != sents.of(sentence[0].i)[0]:
            out += find_kin_and_couples(idx, sentence, times)
            sentence = []
        sentence.append(tok)
    if sentence:
        out += find_kin_and_couples(idx, sentence, times)
    out += lone_anniversaries(idx, triggers, times, out)
    out += find_employment(idx, triggers, times)
    return out, idx


# --- status -----------------------------------------------------------------------------------

def _ancestors(token: Token, n: int) -> list[Token]:
    out, t = [], token
    while t.head is not t and len(out) < n:
        t = t.head
        out.append(t)
    return out


def is_aside(pred: Token) -> bool:
    """A non-restrictive relative clause or parenthetical ("the pair — who first met on the 2009
    set —"): background the author supplies, not part of what the source is reported to say."""
    t = pred
    for _ in range(3):
        if t.dep_ in ("relcl", "appos", "parataxis"):
            left = t.left_edge.i
            return left > 0 and t.doc[left - 1].text in ASIDE_MARKS
        if t.head is t:
            return False
        t = t.head
    return False


def is_denied(pred: Token, lexicon: dict) -> bool:
    """Negated ("are not dating", "is not an employee of RT") or under a denial verb ("denied
    dating"); a negated verb governing the words ("couldn't forgive his affair") denies nothing."""
    never = lexicon.get("negating_adverbs", [])
    negated = lambda t: any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in never) for c in t.children)  # noqa: E731
    if negated(pred):
        return True  # "are not dating", "they never married"
    if pred.dep_ in ("attr", "acomp") and negated(pred.head):
        return True
    # "denied dating Mia Torres", "denied that he is dating": the words sit in what is denied,
    # not in the subject ("Jane Doe, the CEO of Acme, denied the report")
    child = pred
    for a in _ancestors(pred, 3):
        if a.lemma_.lower() in lexicon.get("denial_verbs", []):
            return child.dep_ in ("xcomp", "ccomp", "dobj", "pcomp")
        child = a
    return False


def local_hedge_kinds(doc: Doc, ev: dict, claim: dict | None, hedges: list[dict]) -> set[str]:
    """Hedges that qualify this statement itself: inside its words or modifying its predicate
    ("his alleged affair", "allegedly dated"), plus hedges a claim takes from its cue."""
    pred = doc[ev["pred"]]
    near = {pred.i}
    if pred.dep_ in ("dobj", "attr", "acomp", "xcomp", "pobj", "appos"):
        near.add(pred.head.i)  # "allegedly had an affair", "is reportedly the CEO"
    kinds = set()
    pool = list(hedges)
    if claim is not None:
        pool += [h for h in claim.get("hedges", []) if h["end"] <= claim["start"] or h["start"] >= claim["end"]]
    for h in pool:
        if ev["start"] <= h["start"] and h["end"] <= ev["end"]:
            kinds.add(h["kind"])
            continue
        if claim is not None and (h["end"] <= claim["start"] or h["start"] >= claim["end"]):
            kinds.add(h["kind"])
            continue
        span = doc.char_span(h["start"], h["end"], alignment_mode="expand")
        # a hedge heading a clause of its own ("after they were photographed") qualifies that clause
        if span is not None and any((t.head.i in near and t.dep_ not in OWN_CLAUSE) or t.i in near for t in span):
            kinds.add(h["kind"])
    if ev.get("reportative"):
        kinds.add("reportative")  # "were first linked": the words report a rumour
    return kinds


def evidence_status(doc: Doc, ev: dict, ctx: dict, lexicon: dict) -> tuple[str, list[str]]:
    """Status and the claims holding the evidence."""
    holding = ctx["claims"].containing(ev["start"], ev["end"])
    if not holding:
        holding = ctx["claims"].overlapping(ev["start"], ev["end"])
    holding.sort(key=lambda c: c["end"] - c["start"])
    claim = holding[0] if holding else None
    att = ctx["attributions"].get(claim.get("attribution")) if claim else None
    pred = doc[ev["pred"]]
    ids = [c["id"] for c in holding]
    # an aside inside reported speech is the author's own background, not the source's word
    if att is not None and att.get("type") != "direct" and is_aside(pred):
        att, claim = None, None
    sent = pred.sent
    local = ctx["hedges"].overlapping(sent.start_char, sent.end_char)
    kinds = local_hedge_kinds(doc, ev, claim, local)
    if is_denied(pred, lexicon) or (att and (att.get("polarity") == "denied" or att.get("cue_class") == "denial")):
        return "denied", ids
    if "allegation" in kinds or (att and att.get("cue_class") == "allegation"):
        return "alleged", ids
    if "reportative" in kinds:
        return "reported", ids
    source = ctx["sources"].get(claim.get("source")) if claim else None
    if source and source.get("kind") in HEARSAY_SOURCES:
        return "reported", ids
    if kinds & {"epistemic", "appearance"}:
        return "alleged", ids
    return "asserted", ids


# --- merging ----------------------------------------------------------------------------------

def merge_evidence(evidence: list[dict], idx: EntityIndex) -> list[RelationRec]:
    """One record per (type, a, b); symmetric relations read in order of first mention."""
    groups: dict[tuple[str, str, str], list[dict]] = {}
    for ev in sorted(evidence, key=lambda e: e["start"]):
        a, b = ev["a"], ev["b"]
        if a == b:
            continue
        if ev["type"] in SYMMETRIC and idx.first.get(b, 0) < idx.first.get(a, 0):
            a, b = b, a
        groups.setdefault((ev["type"], a, b), []).append(ev)
    spouses = {frozenset((a, b)) for (t, a, b), evs in groups.items()
               if t == "spouse" and any(e["status"] != "denied" for e in evs)}
    # a marriage subsumes the romance before it ("my husband proposed to me in 1963"); "they
    # never married" does not
    groups = {k: v for k, v in groups.items() if not (k[0] == "romantic" and frozenset(k[1:]) in spouses)}
    relations: list[RelationRec] = []
    for (type_, a, b), evs in sorted(groups.items(), key=lambda kv: kv[1][0]["start"]):
        best = max(evs, key=lambda e: STATUS_RANK[e["status"]])
        dated = [e for e in evs if e.get("since")]
        stated = [e for e in dated if e.get("since_how") == "stated"]
        since = (stated or dated)[0]["since"] if dated else None
        claims = list(dict.fromkeys(c for e in evs for c in e["claims"]))
        relations.append(
            {
                "id": f"R{len(relations) + 1}",
                "type": type_,
                "a": a,
                "b": b,
                "status": best["status"],
                "since": since,
                "claims": claims,
                "evidence": {"start": best["start"], "end": best["end"]},
                "dates": [
                    {"value": e["since"], "time": e.get("since_time"), "how": e.get("since_how"), "start": e["start"], "end": e["end"]}
                    for e in dated
                ],
            }
        )
    return relations


def find_relations(doc: Doc, lexicon: dict) -> list[RelationRec]:
    """The article's relations with status, from the Doc state earlier stages left."""
    entities = get_list(doc, "hearsay_entities")
    if not entities:
        return []
    sources = {s["id"]: s for s in get_list(doc, "hearsay_sources")}
    attributions = get_list(doc, "hearsay_attributions")
    times = RangeIndex(sorted(get_list(doc, "hearsay_times"), key=lambda t: t["start"]))
    evidence, idx = find_evidence(doc, entities, times, quote_speakers(list(sources.values()), attributions), lexicon)
    ctx = {
        "claims": RangeIndex(get_list(doc, "hearsay_claims")),
        "attributions": {a["id"]: a for a in attributions},
        "sources": sources,
        "hedges": RangeIndex(get_list(doc, "hearsay_hedges")),
    }
    for ev in evidence:
        ev["status"], ev["claims"] = evidence_status(doc, ev, ctx, lexicon)
    return merge_evidence(evidence, idx)


@Language.factory(
    "hearsay_relations",
    requires=["doc._.hearsay_claims", "doc._.hearsay_entities", "doc._.hearsay_times", "doc._.hearsay_attributions",
              "doc._.hearsay_sources", "doc._.hearsay_hedges", "doc._.hearsay_reference"],
    assigns=["doc._.hearsay_relations"],
    default_config={"lexicons": {"@misc": "hearsay.lexicon.v1"}},
)
def make_hearsay_relations(nlp: Language, name: str, lexicons: LexiconLoader):
    return HearsayRelations(load_relation_lexicon(lexicons))


def load_relation_lexicon(load: LexiconLoader = load_lexicon) -> dict:
    """The relation cue words, with the two lists the stage shares with others instead of
    keeping its own: ``gender_pronouns`` (pronoun -> f/m, from ``pronouns.json``, for "his
    wife" and "she married him") and ``ordinal_words`` (from ``time.json``, for "their 20th
    wedding anniversary")."""
    relations, pronouns = load("relations"), load("pronouns")["pronouns"]
    return Lexicon({**relations,
                    "gender_pronouns": {w: p["gender"] for w, p in pronouns.items() if p["gender"] in ("f", "m")},
                    "ordinal_words": load("time")["ordinals"]},
                   getattr(relations, "where", "relations") + " (with pronouns and time ordinals)")


class HearsayRelations:
    def __init__(self, lexicon: dict):
        self.lexicon = lexicon

    def __call__(self, doc: Doc) -> Doc:
        doc._.hearsay_relations = find_relations(doc, self.lexicon)
        return doc
