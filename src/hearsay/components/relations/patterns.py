"""The constructions news writing states relations with, read off the dependency parse.

Each ``*_evidence`` function looks at one kind of cue word and returns evidence records:
``{"type", "a", "b", "start", "end", "pred", "since", "since_time", "since_how", "couple"}`` where
``a``/``b`` read "a is the <type> of b", ``start``/``end`` are the character span of the words
stating it, ``pred`` is the token index whose modifiers (negation, "alleged") qualify it, and
``couple`` marks a child given as the child of a couple ("their kids", "the couple ... with kids
Aleph and Amalia"). Nothing here decides status; see ``relations.py``. Employment is read in
``titles.py``.
"""

from __future__ import annotations

import re

import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Token

from .._internals.syntax import governing_verb, tokens_chars
from ..ranges import RangeIndex
from .index import PERSON, EntityIndex, acting_subject

SYMMETRIC = ("spouse", "romantic", "met", "sibling")
ORDINAL = re.compile(r"^(\d+)(?:st|nd|rd|th)$")


def evidence(type_: str, a: str, b: str, start: int, end: int, pred: int, **extra) -> dict:
    rec = {"type": type_, "a": a, "b": b, "start": start, "end": end, "pred": pred,
           "since": None, "since_time": None, "since_how": None, "couple": False}
    rec.update(extra)
    return rec


def pair_evidence(type_: str, people: list[str], tokens: list[Token], pred: Token, **extra) -> list[dict]:
    if len(people) != 2 or people[0] == people[1]:
        return []
    start, end = tokens_chars(tokens)
    return [evidence(type_, people[0], people[1], start, end, pred.i, **extra)]


# --- dates ----------------------------------------------------------------------------------

def time_in(times: RangeIndex, start: int, end: int) -> dict | None:
    """The first dated (DATE/TIME) time record inside a character stretch."""
    for t in times.within(start, end):
        if t.get("type") in ("DATE", "TIME") and t.get("value"):
            return t
    return None


def _clause_span(pred: Token) -> tuple[int, int]:
    tokens = [pred]
    todo = list(pred.children)
    while todo:
        t = todo.pop()
        if t.dep_ in ("ccomp", "relcl", "advcl", "conj", "parataxis"):
            continue
        tokens.append(t)
        todo.extend(t.children)
    return tokens_chars(tokens)


def clause_time(times: RangeIndex, pred: Token) -> dict | None:
    """The date of the clause a predicate heads ("married in 2014", "first met on the 2009 set"),
    not looking into clauses embedded under it."""
    start, end = _clause_span(pred)
    return time_in(times, start, end)


def dated_since(times: RangeIndex, pred: Token) -> dict:
    """``since`` fields from the clause's date, or from "for 20 years" counted back from the
    article's date ("have been married for 20 years": since about 2004, year precision)."""
    found = since_fields(clause_time(times, pred))
    if found:
        return found
    start, end = _clause_span(pred)
    doc = pred.doc
    ref = (doc._.hearsay_meta or {}).get("published") or (doc._.hearsay_reference or {}).get("date")
    if any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in pred.children) or pred.tag_ == "VBD":
        return {}  # "were married for a decade" is over: it says how long, not since when
    for t in times.within(start, end):
        m = re.match(r"^P(\d+)Y$", t.get("value") or "")
        if not m or not ref or t.get("type") != "DURATION":
            continue
        span = doc.char_span(t["start"], t["end"], alignment_mode="expand")
        if span is not None and span.start > 0 and doc[span.start - 1].lower_ == "for":
            return {"since": f"{int(ref[:4]) - int(m.group(1)):04d}", "since_time": t["id"], "since_how": "duration"}
    return {}


def since_fields(time: dict | None, how: str = "stated") -> dict:
    if not time:
        return {}
    value = time.get("value") or ""
    if not re.match(r"^\d{4}(-\d{2}){0,2}$", value):
        # "last spring" (2023-SP): the ISO date its range pins down, no finer than the text
        rng = time.get("range") or {}
        start, end = rng.get("start") or "", rng.get("end") or ""
        value = start[:7] if start[:7] == end[:7] else start[:4] if start[:4] == end[:4] else None
        value = value if value and value[:4].isdigit() else None
    if not value:
        return {}
    return {"since": value, "since_time": time["id"], "since_how": how}


def anniversary_since(doc: Doc, noun: Token, times: RangeIndex, ordinals: dict[str, int]) -> dict:
    """The wedding date an "Nth wedding anniversary" gives: the temporal stage's value for the
    phrase when it made one, else N years before a full date stated in the same sentence."""
    phrase = [noun] + [c for c in noun.children if c.dep_ in ("amod", "compound", "nummod")]
    start, end = tokens_chars(phrase)
    for t in times.overlapping(start, end):
        if t.get("value"):
            return since_fields(t, "anniversary")
    nth = None
    for c in phrase:
        m = ORDINAL.match(c.lower_)
        nth = int(m.group(1)) if m else ordinals.get(c.lower_, nth)
    if not nth:
        return {}
    sent = noun.sent
    for t in times.overlapping(sent.start_char, sent.end_char):
        value = t.get("value") or ""
        if sent.start_char <= t["start"] and re.match(r"^\d{4}-\d{2}-\d{2}$", value):
            year = int(value[:4]) - nth
            return {"since": f"{year:04d}{value[4:]}", "since_time": t["id"], "since_how": "anniversary"}
    verb = governing_verb(noun)
    own = [t for t in times.overlapping(sent.start_char, sent.end_char) if verb is not None and _governed_by(noun.doc, t, verb)]
    for t in own + list(times):
        # "this week", "last month": the anniversary's year, so the wedding's year; its own
        # clause's date first ("who married him in 2016, marked their fifth anniversary this week")
        value = t.get("value") or ""
        if sent.start_char <= t["start"] < sent.end_char and re.match(r"^\d{4}(-|$)", value):
            return {"since": f"{int(value[:4]) - nth:04d}", "since_time": t["id"], "since_how": "anniversary"}
    return {}


def _governed_by(doc: Doc, time: dict, verb: Token) -> bool:
    """Whether a time expression sits in ``verb``'s own clause (not a clause embedded in it)."""
    span = doc.char_span(time["start"], time["end"], alignment_mode="expand")
    return span is not None and governing_verb(span.root) == verb


# --- kinship nouns ("his son, Evan", "kids Aleph, 12, and Amalia, 6", "Her husband, Walter") ---

def kin_holders(idx: EntityIndex, noun: Token) -> list[str]:
    """Who holds the kin role the noun names."""
    found: list[str] = []
    # the mentions stage may have made "his son" a descriptor mention of Evan
    bare = not any(c.dep_ in ("poss", "det") for c in noun.children)
    if bare and noun.is_title and idx.kinds.get(noun.i, set()) & {"descriptor", "name"}:
        # a kin word used as a name ("Dad does the wiring") the mentions stage clustered with the
        # father's name; an entity named just "Dad" is no one. "his father" alone names nobody:
        # guessing whose father from context is how stories get people wrong.
        found = [e for e in idx.ents(noun) if idx.type_of(e) == PERSON and idx.entities[e]["name"].lower() != noun.lower_]
    if not found and noun.dep_ == "compound" and noun.head.pos_ == "PROPN":
        found = idx.np_entities(noun.head)
    # a holder is named: in "Elian's father, his stepmother" the stepmother is no one named
    if not found:
        for c in noun.children:
            if c.dep_ == "appos":
                found = idx.np_entities(c, names_only=True)
                if found:
                    break
    if not found:
        # "Okoro's daughter from a previous relationship, nine-year-old Amara": the parser hangs
        # the name on the noun inside the prepositional phrase
        preps = [c for c in noun.children if c.dep_ == "prep"]
        # ... or on the verb, when the phrase follows the noun directly ("included X's daughter from ...")
        preps += [c for c in noun.head.children if c.dep_ == "prep" and c.i == noun.right_edge.i + 1]
        for p in (p for c in preps for p in c.children if p.dep_ == "pobj" and p.pos_ == "NOUN"):
            for a in p.children:
                if a.dep_ == "appos" and a.pos_ == "PROPN":
                    found = idx.np_entities(a, names_only=True)
                    break
    if not found and noun.dep_ == "appos" and noun.head.pos_ == "PROPN" and not any(
        c.dep_ == "appos" and c.pos_ == "PROPN" for c in noun.children
    ):
        # "Evan, his son," -- but in "Gov. Jack Dalrymple, his wife, Betsy," the wife is Betsy
        found = idx.np_entities(noun.head)
    if not found and noun.dep_ == "attr":
        subj = acting_subject(noun.head)
        if subj is not None and subj.pos_ == "PROPN":
            found = idx.np_entities(subj)
    if not found:
        # "son Evan" without a comma, mis-attached: the name right after the noun
        nxt = noun.i + 1
        if nxt < len(idx.doc) and idx.doc[nxt].text == ",":
            nxt += 1
        if nxt < len(idx.doc) and idx.doc[nxt].pos_ == "PROPN" and idx.doc[nxt].sent == noun.sent:
            found = idx.np_entities(idx.doc[nxt].head if idx.doc[nxt].dep_ == "compound" else idx.doc[nxt])
    # a first name in apposition to "their two children" is a person whatever the tagger thought
    # ("Sofia" the city); organisations and outlets are not
    return [e for e in found if idx.type_of(e) in (PERSON, "GPE", "LOC", "NORP", "")]


def kin_anchors(idx: EntityIndex, noun: Token, holders: list[str]) -> tuple[list[str], bool, list[Token]]:
    """Whose kin the holders are: the possessor, an "of" object, the speaker of a quote, or the
    subject of the clause; the flag says the anchor is a couple."""
    ex = tuple(holders)
    owners = list(noun.children)
    if noun.dep_ == "compound":
        owners += [c for c in noun.head.children if c.dep_ == "poss"]  # "Their son Leo"
    if noun.i > 1 and noun.doc[noun.i - 1].text == "-":
        # "Smith's ex-husband": the parser gives the possessor to "ex"
        owners += [c for c in noun.doc[noun.i - 2].children if c.dep_ == "poss"]
    first = _first_kin_conjunct(idx, noun)
    if first is not None:
        # "Smith's son Peter, 12, and daughter Lily": the daughter is Smith's too
        owners += [c for c in first.children if c.dep_ == "poss"]
    for c in owners:
        if c.dep_ == "poss" and c.tag_ == "WP$":
            # "John Smith, whose wife, Mary, died": whose is the relative clause's antecedent
            antecedent = _relative_antecedent(c)
            if antecedent is not None:
                people = idx.person(antecedent, exclude=ex)
                return people, False, [antecedent]
        if c.dep_ == "poss":
            bound = _relative_clause_subject(idx, c, ex)
            people = [bound] if bound else idx.person(c, exclude=ex)
            if c.pos_ == "PRON" and len(holders) == 1 and not bound:
                kin = idx.namesake(holders[0], noun.i, idx.lexicon["gender_pronouns"].get(c.lower_))
                if kin and kin not in people and len(people) <= 1:
                    # "his wife, Heidi Cruz": the Cruz just named, whoever else "his" might be
                    people = [kin]
            return people, len(people) == 2 and c.lower_ in idx.lexicon.get("plural_pronouns", []) or _is_couple_word(idx, c), [c]
        if c.dep_ == "prep" and c.lower_ == "of":
            for p in c.children:
                if p.dep_ == "pobj":
                    people = idx.person(p, exclude=ex)
                    return people, _is_couple_word(idx, p), [c, p]
    # "Dad does the wiring" inside the son's quote
    if noun.pos_ == "PROPN" or (noun.i > 0 and noun.is_title and noun.sent.start != noun.i):
        spk = idx.speaker_at(noun.idx)
        if spk and spk not in ex:
            return [spk], False, [noun]
    verb = governing_verb(noun)
    listing = verb is not None and verb.lemma_.lower() in idx.lexicon.get("family_listing_verbs", []) \
        and any(c.dep_ == "appos" for c in noun.children)
    if any(c.dep_ == "det" for c in noun.children) and not listing:
        return [], False, []  # "like a spoiled child", "the children": nobody's in particular
    subj = acting_subject(verb) if verb is not None else None
    if listing:
        # "She is survived by a daughter, Grace", "He leaves a son, Mark": the one whose family
        # is listed is the grammatical subject, passive or not
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), subj)
    if subj is not None and subj.i != noun.i and not any(e in ex for e in idx.ents(subj)):
        people = idx.person(subj, exclude=ex)
        if people:
            return people, len(people) == 2 and _is_couple_word(idx, subj), [subj]
    if noun.dep_ == "compound" and not any(c.dep_ in ("det", "poss") for c in noun.children):
        # a kin word used as a title before a name ("thanked wife Sarah Grant", "arrived with
        # son Leo"): the kin of the person last named before it in the sentence, where the
        # parse of such headline-style phrasing gives no subject to read
        anchor = _person_named_before(idx, noun, ex)
        if anchor is not None:
            return [idx.one(anchor, (PERSON,))], False, [anchor]
    return [], False, []


def _first_kin_conjunct(idx: EntityIndex, noun: Token) -> Token | None:
    """For a kin word compounded into a later conjunct ("... son Peter, and daughter Lily"),
    the first conjunct's kin noun ("son"), which carries the possessor."""
    if noun.dep_ != "compound" or noun.head.dep_ != "conj":
        return None
    t = noun.head
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    kin = idx.lexicon["kin_nouns"]
    if t.pos_ == "NOUN" and t.lemma_.lower() in kin:
        return t
    return next((c for c in t.children if c.dep_ == "compound" and c.lemma_.lower() in kin), None)


def _relative_clause_subject(idx: EntityIndex, pron: Token, exclude: tuple[str, ...]) -> str | None:
    """The person "his"/"her" stands for inside a relative clause about a named person: "Frank
    Hollin, who opened the shop with his wife, Rosa" -- his is Frank's, the clause's own
    subject, whoever the story was last about. None when the words are no such clause or
    the gender does not agree."""
    gender = idx.lexicon["gender_pronouns"].get(pron.lower_)
    verb = governing_verb(pron)
    if gender is None or verb is None or verb.dep_ != "relcl":
        return None
    if not any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ == "WP" for c in verb.children):
        return None
    people = [e for e in idx.np_entities(verb.head, (PERSON,)) if e not in exclude]
    if len(people) != 1 or idx.entities[people[0]].get("gender") not in (None, gender):
        return None
    return people[0]


def _relative_antecedent(whose: Token) -> Token | None:
    """The noun a relative clause opened by ``whose`` describes."""
    t = whose
    for _ in range(6):
        if t.dep_ == "relcl":
            return t.head
        if t.head.i == t.i:
            return None
        t = t.head
    return None


def _person_named_before(idx: EntityIndex, noun: Token, exclude: tuple[str, ...]) -> Token | None:
    """The nearest token before ``noun`` in its sentence that names a person not excluded."""
    for t in reversed(idx.doc[noun.sent.start : noun.i]):
        eid = idx.one(t, (PERSON,))
        if eid and eid not in exclude and idx.is_name(t.i, eid):
            return t
    return None


def previous_marriage_partner(idx: EntityIndex, noun: Token, exclude: tuple[str, ...]) -> str | None:
    """The other parent a child is given "from his marriage to Emily Carter" ("has a son, Leo,
    from her relationship with ..."): a person named right after a marriage noun that a
    "from" on the kin noun or on its verb governs."""
    lex = idx.lexicon
    nouns = set(lex["marriage_nouns"]) | set(lex.get("relationship_nouns", []))
    heads = [noun] + ([noun.head] if noun.dep_ in ("dobj", "attr", "appos") else [])
    for h in heads:
        for prep in h.children:
            if prep.dep_ != "prep" or prep.lower_ not in lex.get("place_preps", []):
                continue
            for m in prep.children:
                if m.dep_ == "pobj" and m.lemma_.lower() in nouns:
                    return _partner_after(idx, m, exclude)
    return None


def _partner_after(idx: EntityIndex, noun: Token, exclude: tuple[str, ...]) -> str | None:
    """The person named in "<marriage> to/with [a title] <Name>" ("her divorce from ..."), read off the surface (the
    parse often takes the title for a verb: "to producer Lena Ortiz")."""
    window = idx.doc[noun.i + 1 : min(noun.i + 6, noun.sent.end)]
    if not len(window) or window[0].lower_ not in idx.lexicon.get("marriage_noun_preps", ("to", "with")):
        return None
    for t in window[1:]:
        if t.is_punct:
            return None
        eid = idx.one(t, (PERSON,))
        if eid and eid not in exclude and idx.is_name(t.i, eid):
            return eid
    return None

def _is_couple_word(idx: EntityIndex, token: Token) -> bool:
    return token.lower_ in idx.lexicon.get("plural_pronouns", []) or (
        token.pos_ == "NOUN" and token.lemma_.lower() in idx.lexicon.get("couple_nouns", [])
    ) or (token.lower_ in idx.lexicon.get("couple_numbers", []) and any(c.lower_ == "the" for c in token.children))


def kin_evidence(idx: EntityIndex, noun: Token, times: RangeIndex) -> list[dict]:
    lex = idx.lexicon
    kin = lex["kin_nouns"].get(noun.lemma_.lower()) or lex["kin_nouns"].get(noun.lower_)
    if not kin or noun.pos_ not in ("NOUN", "PROPN"):
        return []
    if noun.dep_ in ("amod", "compound") and noun.head.pos_ == "NOUN":
        return []  # "his baby half-brother", "a family business": the kin word only modifies
    if idx.is_name(noun.i) and any(noun.text in idx.entities[e]["name"].split() for e in idx.ents(noun)):
        return []  # "Beau" in "his son Beau" is a name, not a boyfriend
    allowed = lex.get("qualified_kin_nouns", {}).get(noun.lemma_.lower())
    if allowed is not None and (
        not any(c.dep_ == "poss" for c in noun.children)
        or any(c.dep_ in ("amod", "compound") and c.lower_ not in allowed for c in noun.children)
    ):
        return []  # "her partner, John" -- not "a partner at the firm" or "his business partner"
    holders = kin_holders(idx, noun)
    if not holders:
        return []
    if noun.lemma_.lower() in lex.get("weak_kin_nouns", []) and not any(c.dep_ == "poss" for c in noun.children):
        return []
    anchors, couple, anchor_tokens = kin_anchors(idx, noun, holders)
    if kin == "child" and len(anchors) == 1:
        other = previous_marriage_partner(idx, noun, tuple(holders) + tuple(anchors))
        if other:
            anchors = anchors + [other]
    # "X and Y are siblings": the holders are each other's kin
    if not anchors and len(holders) == 2 and noun.dep_ == "attr" and kin in ("sibling", "spouse", "romantic"):
        anchors, holders = [holders[1]], [holders[0]]
    out = []
    near = [t for t in anchor_tokens if abs(t.i - noun.i) <= 3]
    named = [t for t in noun.sent if abs(t.i - noun.i) <= 6 and idx.is_name(t.i) and any(e in holders for e in idx.tok.get(t.i, ()))]
    start, end = tokens_chars([noun] + near + named)
    for h in holders:
        for a in anchors:
            if h == a:
                continue
            if kin == "child":
                out.append(evidence("child", h, a, start, end, noun.i, couple=couple))
            elif kin == "parent":
                out.append(evidence("child", a, h, start, end, noun.i))
            else:
                out.append(evidence(kin, a, h, start, end, noun.i))
                if kin in ("spouse", "romantic"):
                    idx.add_pair(a, h, kin, start)
    return out


# --- marriage, anniversaries, meeting, romance -----------------------------------------------

def participants(idx: EntityIndex, pred: Token, object_preps: tuple[str, ...], use_dobj: bool) -> tuple[list[str], list[Token]]:
    """Both people a symmetric predicate joins: subject plus object ("Smith married Jones"),
    a coordinated subject ("Smith and Jones married"), or a couple ("they", "the pair")."""
    subj = acting_subject(pred)
    people: list[str] = []
    toks: list[Token] = [pred]
    if subj is not None:
        people = idx.person(subj)
        toks.append(subj)
    others: list[Token] = []
    for c in pred.children:
        if use_dobj and c.dep_ == "dobj":
            others.append(c)
        if c.dep_ in ("prep", "dative") and c.lower_ in object_preps:
            others.extend(p for p in c.children if p.dep_ == "pobj")
    if object_preps and not others:
        # the preposition hung on a neighbour ("grew close to X", "affair with X" under the verb)
        for t in idx.doc[pred.i + 1 : min(pred.i + 4, pred.sent.end)]:
            if t.lower_ in object_preps and t.pos_ == "ADP":
                others.extend(p for p in t.children if p.dep_ == "pobj")
                break
    for o in others:
        for eid in idx.person(o, exclude=tuple(people)):
            if eid not in people:
                people.append(eid)
                toks.append(o)
    if object_preps and len(people) < 2:
        # a name the parse hung elsewhere: "an affair with his co-star, Mia Torres"
        for prep in (o.head for o in others if o.head.lower_ in object_preps):
            name = name_after(idx, prep, exclude=tuple(people))
            if name is not None:
                people.append(idx.one(name, (PERSON,)))
                toks.append(name)
                break
    if use_dobj and len(people) < 2:
        # "who has since married a dentist, Anselm Torvik,": the parser may hang the name on the
        # subject; an object that is a bare role noun takes the name right after it
        for o in others:
            if o.dep_ == "dobj" and o.pos_ == "NOUN" and not idx.ents(o):
                name = name_after(idx, o, exclude=tuple(people))
                if name is not None:
                    people.append(idx.one(name, (PERSON,)))
                    toks.append(name)
                    break
    return people[:2] if len(people) >= 2 else people, toks


def name_after(idx: EntityIndex, prep: Token, exclude: tuple[str, ...]) -> Token | None:
    """The first person named within a few words after a preposition, before any verb."""
    for t in idx.doc[prep.i + 1 : min(prep.i + 8, prep.sent.end)]:
        if t.pos_ in ("VERB", "AUX", "ADP") and t.i > prep.i + 1:
            return None
        eid = idx.one(t, (PERSON,))
        if eid and idx.is_name(t.i, eid) and eid not in exclude:
            return t
    return None


def marriage_evidence(idx: EntityIndex, tok: Token, times: RangeIndex) -> list[dict]:
    lex = idx.lexicon
    lemma = tok.lemma_.lower()
    out: list[dict] = []
    if (lemma in lex["marriage_verbs"] or tok.lower_ in lex["spouse_adjectives"]) and not (
            tok.pos_ == "NOUN" and lemma in lex["marriage_nouns"]):   # "her divorce from ...": the noun's reading below
        # "the married duo", "the married couple"
        if tok.dep_ == "amod" and _is_couple_word(idx, tok.head):
            people = list(idx.couple(tok.head, married=True))
            return pair_evidence("spouse", people, [tok, tok.head], tok)
        if tok.pos_ in ("VERB", "ADJ", "AUX") and tok.dep_ != "amod":
            people, toks = participants(idx, tok, ("to",), use_dobj=lemma in lex["marriage_verbs"])
            divorce = lemma in lex.get("divorce_verbs", [])
            subj = acting_subject(tok)
            if divorce and subj is not None and _is_couple_word(idx, subj):
                # "they divorced in 2019": the couple who married, not the one dating now
                people = list(idx.couple(subj, married=True))
            # a divorce says they were married, not since when
            dated = dated_since(times, tok) if not divorce else {}
            out = pair_evidence("spouse", people, toks, tok, **dated)
    elif lemma in lex.get("marriage_phrases", {}) and tok.pos_ == "VERB" and any(
        c.dep_ == "dobj" and c.lemma_.lower() == lex["marriage_phrases"][lemma] for c in tok.children
    ):
        # "tied the knot in 2012"
        people, toks = participants(idx, tok, ("with", "to"), use_dobj=False)
        out = pair_evidence("spouse", people, toks, tok, **dated_since(times, tok))
    elif lemma in lex["marriage_nouns"] and tok.pos_ == "NOUN" and not is_wedding_anniversary(idx, tok):
        # "his marriage to producer Lena Ortiz", "her marriage with Ben Cole"
        owners = [idx.person(c) for c in tok.children if c.dep_ == "poss"]
        partner = _partner_after(idx, tok, tuple(owners[0]) if owners else ())
        if owners and len(owners[0]) == 1 and partner:
            out = pair_evidence("spouse", owners[0] + [partner], [tok], tok)
    elif is_wedding_anniversary(idx, tok):
        people, toks = anniversary_owners(idx, tok)
        out = pair_evidence("spouse", people, toks, tok, **anniversary_since(idx.doc, tok, times, idx.lexicon["ordinal_words"]))
    for ev in out:
        idx.add_pair(ev["a"], ev["b"], "spouse", ev["start"])
    return out


def is_wedding_anniversary(idx: EntityIndex, tok: Token) -> bool:
    lex = idx.lexicon
    if tok.lemma_.lower() not in lex["anniversary_nouns"]:
        return False
    if any(c.lemma_.lower() in lex["marriage_nouns"] for c in tok.children if c.dep_ in ("compound", "amod")):
        return True
    return is_couple_anniversary(idx, tok)


def is_couple_anniversary(idx: EntityIndex, tok: Token) -> bool:
    """"marked their fifth anniversary": a bare anniversary of a couple the story has already
    said are married is their wedding's (not "the company's 50th anniversary", not a couple
    only dating)."""
    mods = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod")]
    if any(not (ORDINAL.match(c.lower_) or c.lower_ in idx.lexicon["ordinal_words"]) for c in mods):
        return False
    owner = next((c for c in tok.children if c.dep_ == "poss"), None)
    if owner is None or not _is_couple_word(idx, owner):
        return False
    pair = idx.couple(owner, married=True)
    return len(pair) == 2 and any(p == tuple(pair) and t == "spouse" for p, t, _ in idx.pairs)


def anniversary_owners(idx: EntityIndex, tok: Token) -> tuple[list[str], list[Token]]:
    """Whose wedding anniversary: "their", "the couple's", or one person and a partner "with" them."""
    people, toks = noun_owners(idx, tok, accept=lambda subj: _is_couple_word(idx, subj), keep_subject=False)
    if len(people) == 1:
        # "her wedding anniversary with Ben Cole"
        partner, ptoks = participants(idx, tok, ("with",), use_dobj=False)
        people += [e for e in partner if e not in people][:1]
        toks += ptoks[1:]
    return people, toks


def lone_anniversaries(idx: EntityIndex, triggers: list[Token], times: list[dict], found: list[dict]) -> list[dict]:
    """"She celebrated her tenth wedding anniversary": one owner named, the other is the one
    spouse the story gives her anywhere (often stated later: "Calloway, who married Frey in
    2017"). Read after every other statement, so the anniversary's wedding year can be checked
    against the stated one."""
    out: list[dict] = []
    for tok in triggers:
        if not is_wedding_anniversary(idx, tok):
            continue
        people, toks = anniversary_owners(idx, tok)
        if len(people) != 1:
            continue
        partners = {ev["b"] if ev["a"] == people[0] else ev["a"] for ev in found
                    if ev["type"] == "spouse" and people[0] in (ev["a"], ev["b"])}
        if len(partners) == 1:
            out += pair_evidence("spouse", people + list(partners), toks, tok, **anniversary_since(idx.doc, tok, times, idx.lexicon["ordinal_words"]))
    return out


def noun_owners(idx: EntityIndex, tok: Token, accept=lambda subj: True, keep_subject: bool = True):
    """The people a relation noun belongs to and the tokens saying so: its possessor ("her
    affair"), else the subject of the verb governing it ("he had an affair") when ``accept``
    takes that subject."""
    people: list[str] = []
    toks = [tok]
    for c in tok.children:
        if c.dep_ == "poss":
            people = idx.person(c)
            toks.append(c)
    if not people:
        verb = governing_verb(tok)
        subj = acting_subject(verb) if verb is not None else None
        if subj is not None and accept(subj):
            people = idx.person(subj)
            if keep_subject:
                toks.append(subj)
    return people, toks


def meet_evidence(idx: EntityIndex, tok: Token, times: RangeIndex) -> list[dict]:
    lex = idx.lexicon
    if tok.lemma_.lower() not in lex["meet_verbs"] or tok.pos_ != "VERB":
        return []
    people, toks = participants(idx, tok, ("with",), use_dobj=True)
    if len(people) != 2:
        return []
    first = any(c.lower_ in lex["meet_markers"] for c in tok.children if c.dep_ == "advmod")
    known = tuple(sorted(people, key=lambda e: idx.first.get(e, 0))) in [p for p, _, _ in idx.pairs]
    if not (first or known):
        return []
    toks += [c for c in tok.children if c.dep_ == "advmod" and c.lower_ in lex["meet_markers"]]
    out = pair_evidence("met", people, toks, tok, **dated_since(times, tok))
    for ev in out:
        idx.add_pair(ev["a"], ev["b"], "met", ev["start"])
    return out


def romance_evidence(idx: EntityIndex, tok: Token, times: RangeIndex) -> list[dict]:
    lex = idx.lexicon
    lemma = tok.lemma_.lower()
    out: list[dict] = []
    if tok.pos_ == "NOUN" and lemma in lex["romantic_nouns"]:
        preps = tuple(lex["romantic_nouns"][lemma])
        people, toks = noun_owners(idx, tok)
        partner, ptoks = participants(idx, tok, preps, use_dobj=False)
        for eid in partner:
            if eid not in people:
                people.append(eid)
        out = pair_evidence("romantic", people[:2], toks + ptoks, tok, **dated_since(times, tok))
    elif tok.pos_ in ("VERB", "ADJ") and lemma in lex["romantic_verbs"]:
        spec = lex["romantic_verbs"][lemma]
        people, toks = participants(idx, tok, tuple(p for p in spec if p != "dobj"), use_dobj="dobj" in spec)
        if lemma == "date" and len(people) == 2 and not any(c.dep_ in ("dobj",) for c in tok.children) and tok.tag_ != "VBG":
            people = []  # "dated May 5" is a document's date, not romance
        out = pair_evidence("romantic", people, toks, tok, **dated_since(times, tok))
    elif tok.pos_ == "NOUN" and lemma in lex.get("relationship_nouns", []):
        out = relationship_evidence(idx, tok, times)
    elif tok.pos_ == "VERB" and breakup_preps(tok, lex) is not None:
        out = breakup_evidence(idx, tok, breakup_preps(tok, lex))
    elif tok.pos_ == "VERB" and lemma in lex.get("linking_verbs", []) and not any(
            c.lower_ in lex.get("romantic_adverbs", []) for c in tok.children):
        out = linked_evidence(idx, tok, times)
    elif tok.pos_ == "VERB":
        for phrase, preps in lex["romantic_phrases"].items():
            words = phrase.split()
            if words[0] != lemma:
                continue
            rest = [t.lemma_.lower() for t in idx.doc[tok.i + 1 : min(tok.i + 1 + len(words) + 1, tok.sent.end)]]
            if not all(w in rest for w in words[1:]):
                continue
            people, toks = participants(idx, tok, tuple(p for p in preps if p != "pobj") or ("for",), use_dobj=False)
            out = pair_evidence("romantic", people, toks, tok, **dated_since(times, tok))
            break
        else:
            # "romantically linked to", "romantically involved with": the adverb carries the phrase
            if any(c.lower_ in lex.get("romantic_adverbs", []) for c in tok.children):
                people, toks = participants(idx, tok, ("to", "with"), use_dobj=False)
                out = pair_evidence("romantic", people, toks, tok)
    for ev in out:
        idx.add_pair(ev["a"], ev["b"], "romantic", ev["start"])
    return out


def relationship_evidence(idx: EntityIndex, noun: Token, times: RangeIndex) -> list[dict]:
    """"X and Y have ended their relationship", "she confirmed her relationship with Y": a
    relationship is a romance when a verb of a romance's course governs it and two people own
    it; "their working relationship" or a relationship a story merely describes is not."""
    lex = idx.lexicon
    verb = noun.head if noun.dep_ in ("dobj", "nsubjpass", "nsubj") else None
    in_one = noun.dep_ == "pobj" and noun.head.lower_ == "in"  # "has been in a relationship with"
    if in_one:
        verb = noun.head.head
    elif verb is None or verb.lemma_.lower() not in lex.get("relationship_verbs", []):
        return []
    if any(c.dep_ in ("amod", "compound") for c in noun.children):
        return []  # "their business relationship", "a close working relationship"
    people, toks = noun_owners(idx, noun)
    if in_one and not people:
        subj = acting_subject(verb)
        people, toks = (idx.person(subj), [noun, subj]) if subj is not None else ([], [noun])
    partner, ptoks = participants(idx, noun, ("with",), use_dobj=False)
    people += [e for e in partner if e not in people]
    return pair_evidence("romantic", people[:2], toks + ptoks, noun, **dated_since(times, verb))


def breakup_preps(tok: Token, lex: dict) -> tuple[str, ...] | None:
    """The prepositions naming the other party of a breakup verb ("split from", "broke up
    with"), or None when the token is no breakup verb (a phrasal one needs its particle)."""
    lemma = tok.lemma_.lower()
    for phrase, preps in lex.get("breakup_verbs", {}).items():
        words = phrase.split()
        if words[0] != lemma:
            continue
        if len(words) == 1 or any(c.dep_ == "prt" and c.lower_ == words[1] for c in tok.children):
            return tuple(preps)
    return None


def breakup_evidence(idx: EntityIndex, tok: Token, preps: tuple[str, ...]) -> list[dict]:
    """"X and Y split last month", "X broke up with Y": the end of a romance is evidence of it.
    A breakup verb with an object ("split the prize") is none; between spouses the merge keeps
    the marriage only."""
    if any(c.dep_ in ("dobj", "attr", "oprd") for c in tok.children):
        return []
    people, toks = participants(idx, tok, preps, use_dobj=False)
    return pair_evidence("romantic", people, toks, tok)


def linked_evidence(idx: EntityIndex, tok: Token, times: RangeIndex) -> list[dict]:
    """"X and Y were first linked in 2021", "X has been linked to Y": two people linked in the
    passive are a rumoured couple, reported rather than asserted; linked "to the fraud" or "by
    DNA" they are not."""
    if not any(c.dep_ == "auxpass" for c in tok.children) and tok.tag_ != "VBN":
        return []
    objects = [p for c in tok.children if c.dep_ in ("prep", "agent") and c.lower_ in ("to", "with", "by")
               for p in c.children if p.dep_ == "pobj"]
    if any(not idx.person(p) for p in objects):
        return []
    people, toks = participants(idx, tok, ("to", "with"), use_dobj=False)
    # linked by whom? by the press: the words themselves report a rumour
    return pair_evidence("romantic", people, toks, tok, reportative=True, **dated_since(times, tok))


def trigger_words(lex: dict) -> set[str]:
    """Every word that can start a relation statement (lemmas and lower-case forms)."""
    words = set(lex["kin_nouns"]) | set(lex["marriage_verbs"]) | set(lex["spouse_adjectives"]) | set(lex.get("marriage_phrases", {}))
    words |= set(lex["anniversary_nouns"]) | set(lex["romantic_nouns"]) | set(lex["romantic_verbs"])
    words |= {p.split()[0] for p in lex["romantic_phrases"]} | set(lex["meet_verbs"]) | set(lex.get("romantic_adverbs", []))
    words |= set(lex.get("relationship_nouns", [])) | {p.split()[0] for p in lex.get("breakup_verbs", {})}
    words |= set(lex.get("linking_verbs", [])) | set(lex.get("appointment_verbs", [])) | set(lex["marriage_nouns"])
    words |= set(lex.get("succession_verbs", []))
    return words | set(lex["employment_verbs"])


def trigger_positions(doc: Doc, words: set[str]) -> list[int]:
    """Indices of tokens whose lemma or lower-case form is one of ``words``, found on the Doc's
    arrays without building a Token per word (this runs on every document)."""
    strings = doc.vocab.strings
    hashes = numpy.array([strings[w] for w in words], dtype="uint64")
    if not len(doc):
        return []
    arr = doc.to_array([LEMMA, LOWER])
    mask = numpy.isin(arr[:, 0], hashes) | numpy.isin(arr[:, 1], hashes)
    return numpy.nonzero(mask)[0].tolist()


def find_kin_and_couples(idx: EntityIndex, tokens: list[Token], times: RangeIndex) -> list[dict]:
    """Spouse, child, sibling, romantic and met evidence among one sentence's trigger words,
    pairs first so that "their"/"the couple" later in the sentence can resolve to them."""
    lex = idx.lexicon
    out: list[dict] = []
    for tok in tokens:
        lemma = tok.lemma_.lower()
        if (lemma in lex["marriage_verbs"] or tok.lower_ in lex["spouse_adjectives"] or lemma in lex["anniversary_nouns"]
                or lemma in lex.get("marriage_phrases", {}) or lemma in lex["marriage_nouns"]):
            out += marriage_evidence(idx, tok, times)
        elif lemma in lex["romantic_nouns"] or lemma in lex.get("relationship_nouns", []) or tok.pos_ == "VERB":
            out += romance_evidence(idx, tok, times)
        elif tok.lower_ in lex.get("romantic_adverbs", []) and tok.head.pos_ in ("VERB", "ADJ") and tok.head.i != tok.i \
                and tok.head.lemma_.lower() not in lex.get("romantic_verbs", {}) and tok.head.lemma_.lower() not in lex.get("linking_verbs", []):
            out += romance_evidence(idx, tok.head, times)  # "romantically involved with": the adverb's verb
    for tok in tokens:
        if tok.lemma_.lower() in lex["meet_verbs"]:
            out += meet_evidence(idx, tok, times)
        elif tok.lemma_.lower() in lex["kin_nouns"] or tok.lower_ in lex["kin_nouns"]:
            out += kin_evidence(idx, tok, times)
    return out
