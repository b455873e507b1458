"""Employment read off titles and verbs: "Chief Executive Priya Raman", "an analyst at Pinegate
Securities", "Acme CEO Jane Doe", "manager Curtis Bellamy" in a story about his team, "joined
Google in 2015".

A title names the employer ("of/at/for/with" it, its possessive, or its name compounded into the
title); only titles that news writing uses for an organisation's own people (chief executive,
manager, shortstop, store owner) may take the organisation the story is about when none is
named, so an analyst or a senator quoted in a company story is never made its employee.
"""

from __future__ import annotations

from spacy.tokens import Token

from .._internals.syntax import tokens_chars
from ..ranges import RangeIndex
from .index import EMPLOYER_TYPES, EVENT_TYPES, ORG_TYPES, PERSON, EntityIndex, acting_subject
from .patterns import dated_since, evidence

EMPLOYERS_NOT_PLACES = tuple(t for t in EMPLOYER_TYPES if t != "GPE")


def is_title_word(t: Token, title_words: frozenset[str] = frozenset()) -> bool:
    """A word that can sit in a title before a name. Read off the surface, not the parse: the
    small model often takes "Shortstop" or "shortstop" for a verb."""
    if t.tag_ == "HYPH" or t.lower_ in title_words:
        return True
    if t.text == "." and t.i > 0:
        abbr = t.doc[t.i - 1]  # "Sgt. Maria Lopez", not "... the manager. Curtis Bellamy said"
        return abbr.lower_ in title_words and abbr.is_title and len(abbr.text) <= 4 and not abbr.whitespace_
    if not t.is_alpha or t.pos_ in ("DET", "ADP", "CCONJ", "SCONJ", "PRON", "AUX", "PART", "NUM"):
        return False
    return t.pos_ != "VERB" or t.is_title


_TITLE_WORDS: dict[int, frozenset[str]] = {}


def title_words(lex: dict) -> frozenset[str]:
    """Every word of every title phrase (cached per lexicon; lexicons are read-only)."""
    cached = _TITLE_WORDS.get(id(lex))
    if cached is None:
        words = {w.rstrip(".") for kind in ("contextual", "explicit") for p in lex["titles"][kind] for w in p.replace("-", " ").split()}
        cached = _TITLE_WORDS[id(lex)] = frozenset(words)
    return cached


def _title_only(idx: EntityIndex, eid: str, words: frozenset[str]) -> bool:
    """A "person" named only by title words and their qualifiers ("Detective Sgt", "star guard")."""
    skip = idx.lexicon.get("title_qualifier_skip", [])
    return idx.type_of(eid) == PERSON and all(w.lower().rstrip(".") in words or w.lower() in skip
                                              for w in idx.entities[eid]["name"].split())


def match_title(words: str, lex: dict) -> tuple[str, str] | None:
    """The longest title phrase ending ``words`` and whether it is contextual or explicit."""
    best = None
    for kind in ("contextual", "explicit"):
        for phrase in lex["titles"][kind]:
            if words == phrase or words.endswith(" " + phrase):
                if best is None or len(phrase) > len(best[0]):
                    best = (phrase, kind)
    return best


def _np_text(tokens: list[Token]) -> str:
    text = ""
    for t in tokens:
        text += t.lower_ + ("" if t.whitespace_ == "" else " ")
    return " ".join(text.split())


def org_of_title(idx: EntityIndex, noun: Token, left: list[Token], staff: bool = False,
                 extra: tuple[str, ...] = ()) -> tuple[str | None, list[Token]]:
    """An organisation named with the title: "of/at/for/with" it, its possessive, or a name
    compounded into the title ("Corvid CEO"). A personal staff title ("Navarro's deputy",
    "an aide to the senator") may name a person as the employer; ``extra`` entity types may
    employ too (an event employs its race director)."""
    # personal staff also serve "to" someone ("an aide to Sen. Ruth Delgado", "adviser to the
    # mayor"); other titles "to" a place or body name where, not whom ("ambassador to France")
    preps = idx.lexicon["employment_preps"] + (idx.lexicon["staff_preps"] if staff else [])
    by_owner = EMPLOYERS_NOT_PLACES + ((PERSON,) if staff else ()) + extra

    def types_after(prep: Token) -> tuple[str, ...]:
        # a place employs only "of" it ("Senator Ron Wyden of Oregon", "mayor of New York
        # City"); "a Miami lawyer" or "Tulsa police Chief" says where, not for whom; an event
        # employs "of" it too ("director of the Lakeview Marathon")
        return (EMPLOYER_TYPES + EVENT_TYPES if prep.lower_ == "of" else EMPLOYERS_NOT_PLACES + extra)

    holder = set(idx.ents(noun))
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            # a name among the objects first: in "of the firm Achebe & Lowe" the parser may
            # hang both "firm" and the name on "of", and "the firm" may be clustered elsewhere
            for p in sorted((p for p in c.children if p.dep_ == "pobj"), key=lambda p: not idx.is_name(p.i)):
                # "a spokeswoman for the governor": staff serve the person the title names
                types = types_after(c) + ((PERSON,) if staff else ())
                eid = idx.np_entity(p, types)
                if eid in holder:
                    # "a spokeswoman for the governor, Carla Reyes": the name apposed to the
                    # inner noun is the title holder; the governor is whoever else it names
                    others = [e for e in idx.ents(p) if e not in holder and idx.type_of(e) in types]
                    eid = others[0] if len(others) == 1 else None
                if eid is None:
                    eid = org_by_kind(idx, p)
                if eid:
                    return eid, [c, p]
        if c.dep_ == "poss":
            eid = idx.np_entity(c, by_owner)
            if eid is None or eid in holder:
                # "Her spokeswoman, Ana Solberg": "her" may also sit inside the holder's own
                # descriptor mention; the possessor is the one other entity it stands for
                others = [e for e in idx.ents(c) if e not in holder and idx.type_of(e) in by_owner]
                eid = others[0] if len(others) == 1 else None
            if eid is None and c.lemma_.lower() in idx.lexicon["org_kind_nouns"]:
                eid = idx.topic_org()  # "the company's treasurer" in a story about one company
            if eid:
                return eid, [c]
    nxt = noun.i + 1
    if nxt < noun.sent.end and idx.doc[nxt].lower_ in preps and idx.doc[nxt].pos_ == "ADP":
        for p in idx.doc[nxt].children:
            if p.dep_ == "pobj":
                eid = idx.np_entity(p, types_after(idx.doc[nxt]))
                if eid:
                    return eid, [idx.doc[nxt], p]
    for t in left:
        eid = idx.one(t, EMPLOYERS_NOT_PLACES + extra)
        if eid:
            return eid, [t]
    if left and left[0].i > 0:
        # "Corvid's chief executive", "the Herons' manager", "Acme CEO Jane Doe"
        before = idx.doc[left[0].i - 1]
        owner = idx.doc[before.i - 1] if before.tag_ == "POS" and before.i > 0 else before
        eid = idx.one(owner, by_owner) if idx.is_name(owner.i) else idx.org_with_word(owner)
        if eid:
            return eid, [owner]
    for t in left:
        # a short form the mentions stage did not link: "Herons shortstop" in a Portland Herons
        # story; a title's own word is none ("General manager" is no "Quillon General Hospital")
        if t.lower_ in title_words(idx.lexicon):
            continue
        eid = idx.org_with_word(t)
        if eid:
            return eid, [t]
    return None, []


def _of_title(noun: Token, mods: list[Token], lex: dict) -> tuple[str, str] | None:
    """A title phrase continuing through "of" ("chief of staff", "press secretary of state"
    aside): the noun, "of" and its object's words, when the lexicon lists the whole phrase."""
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for p in c.children:
                if p.dep_ == "pobj" and p.i == c.i + 1:
                    hit = match_title(_np_text(mods + [noun, c, p]), lex)
                    if hit and hit[0].endswith(" of " + p.lower_):
                        return hit
    return None


def earlier_title_owner(idx: EntityIndex, noun: Token, staff: bool, window: int = 300) -> tuple[str | None, list[Token]]:
    """The employer given to the same title word shortly before: a definite "the chief of
    staff" refers back to "Mayor Elise Navarro's chief of staff"."""
    for t in reversed(idx.doc[max(0, noun.i - window) : noun.i]):
        if t.lower_ == noun.lower_ and t.pos_ == noun.pos_ and not any(c.dep_ == "det" and c.lower_ == "the" for c in t.children):
            org, otoks = org_of_title(idx, t, [t], staff)
            if org is not None:
                return org, otoks
    return None, []


def org_after_name(idx: EntityIndex, name_head: Token) -> tuple[str | None, list[Token]]:
    """An organisation named by a ``place_preps`` word right after a name ("Jo Ross from Acme")."""
    nxt = name_head.i + 1
    doc = idx.doc
    if nxt >= name_head.sent.end or doc[nxt].lower_ not in idx.lexicon.get("place_preps", []) or doc[nxt].pos_ != "ADP":
        return None, []
    for p in doc[nxt].children:
        if p.dep_ == "pobj":
            eid = idx.np_entity(p, EMPLOYERS_NOT_PLACES)
            if eid:
                return eid, [doc[nxt], p]
    return None, []


def org_by_kind(idx: EntityIndex, noun: Token) -> str | None:
    """"a shop steward at the plant", "a nurse at the clinic": a definite common noun for a kind
    of workplace names the organisation the text also calls that, else the one the story is
    about."""
    lemma = noun.lemma_.lower()
    if noun.pos_ != "NOUN" or lemma not in idx.lexicon["org_kind_nouns"]:
        return None
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
        return None
    return idx.org_described_as(lemma) or idx.topic_org()


def contextual_org(idx: EntityIndex, person: str, title: str, qualifiers: list[Token]) -> str | None:
    lex = idx.lexicon
    for q in qualifiers:
        if q.lemma_.lower() in lex["org_kind_nouns"]:
            eid = idx.org_described_as(q.lemma_.lower())
            if eid:
                return eid
    if title in lex["event_titles"]:
        # "race director Helen Ames": the race the story covers, never the company it mentions most
        return idx.topic_event()
    if title in lex.get("eponymous_titles", []):
        eid = idx.org_named_after(person)
        if eid:
            return eid
    if any(q.pos_ in ("NOUN", "PROPN") for q in qualifiers):
        return None  # "campaign manager", "bullpen coach": some other outfit than the story's
    return idx.topic_org()


def title_evidence(idx: EntityIndex, person: str, name_start: Token, name_head: Token) -> list[dict]:
    """Employment stated by a title before a name or in apposition to it."""
    lex = idx.lexicon
    out: list[dict] = []
    # 1. a title right before the name: "general manager Dana Whitfield"
    left: list[Token] = []
    i = name_start.i - 1
    while i >= 0:  # not bounded by the sentence: the small model ends one at "Sgt."
        t = idx.doc[i]
        if t.is_space:
            break
        # stop at another person's words, or at a name (the mentions stage may have folded the
        # title into a descriptor mention of this very person: "manager Curtis Bellamy"); a
        # "person" named only by title words ("Detective Sgt") is a title taken for a name
        words = title_words(lex)
        others = [e for e in idx.ents(t) if e != person and not _title_only(idx, e, words)]
        if len(left) < 6 and is_title_word(t, words) and not others:
            left.insert(0, t)
            i -= 1
            continue
        break
    candidates: list[tuple[Token, list[Token], str, str]] = []
    if left:
        words = _np_text(left)
        hit = match_title(words, lex)
        if hit:
            candidates.append((left[-1], left, hit[0], hit[1]))
    # 2. a title in apposition: "Marcus Oyelaran, an analyst at Pinegate Securities"
    appos = [c for c in name_head.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
    if name_head.dep_ == "appos" and name_head.head.pos_ == "NOUN":
        inner = name_head.head
        prep = inner.head
        if inner.dep_ == "pobj" and prep.dep_ == "prep" and prep.head.pos_ == "NOUN" and prep.head.i < inner.i:
            # "a spokeswoman for the governor, Carla Reyes": the name is apposed to the inner
            # noun by the parser but holds the outer title
            appos.append(prep.head)
        appos.append(inner)
    # "Ross is a nurse at ...", and "His mother, Lisa Ross, is a nurse at ...": the name is the
    # subject, or in apposition to it
    subj = name_head if name_head.dep_ == "nsubj" else name_head.head if name_head.dep_ == "appos" and name_head.head.dep_ == "nsubj" else None
    if subj is not None and subj.head.lemma_ == "be":
        appos += [c for c in subj.head.children if c.dep_ == "attr" and c.pos_ == "NOUN"]
    for noun in appos:
        mods = [c for c in noun.lefts if c.dep_ in ("compound", "amod", "nmod") or c.tag_ == "HYPH"]
        hit = match_title(_np_text(mods + [noun]), lex)
        of_title = _of_title(noun, mods, lex)
        if of_title and (hit is None or len(of_title[0]) > len(hit[0])):
            hit = of_title  # "chief of staff", "head of sales": the title runs through "of"
        nxt = idx.doc[noun.i + 1] if noun.i + 1 < noun.sent.end else None
        if nxt is not None and nxt.head.i == noun.i and nxt.is_alpha and nxt.pos_ not in ("ADP", "DET", "CCONJ", "VERB", "AUX"):
            # a two-word title the parser cut in the middle ("a shop steward": steward an adverb)
            longer = match_title(_np_text(mods + [noun, nxt]), lex)
            if longer and (hit is None or len(longer[0]) > len(hit[0])):
                noun, mods, hit = nxt, mods + [noun], longer
        if hit:
            candidates.append((noun, mods + [noun], hit[0], hit[1]))
    for noun, phrase, title, kind in candidates:
        skip = set(lex.get("title_qualifier_skip", []))
        n_title = len(title.replace("-", " - ").split())
        qualifiers = [t for t in phrase[: max(0, len(phrase) - n_title)] if t.lower_ not in skip]
        staff = title in lex.get("staff_titles", [])
        extra = EVENT_TYPES if title in lex["event_titles"] else ()
        org, otoks = org_of_title(idx, noun, phrase, staff, extra)
        if org is None and noun is phrase[-1] and noun.i < name_start.i:
            # a title before the name, the employer after it: "Sen. Ron Wyden of Oregon"
            org, otoks = org_of_title(idx, name_head, [])
        if org is None and noun.i < name_start.i:
            # "signing winger Tobi Adeyemi from Harrow Athletic": where the titled person comes from
            org, otoks = org_after_name(idx, name_head)
        if org is None and any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
            # "The chief of staff, Ray Dunleavy" after "Mayor Elise Navarro's chief of staff"
            org, otoks = earlier_title_owner(idx, noun, staff)
        if org is None and kind == "contextual" and not any(c.dep_ == "poss" for c in noun.children):
            # a possessor we could not resolve ("Its owner", "her lawyer") names someone else's
            # outfit, never simply the one the story is about
            org = contextual_org(idx, person, title, qualifiers)
        if org is None or org == person:
            continue
        # an event employs only where the title says so: named with it, or an event title
        employers = (EMPLOYER_TYPES + EVENT_TYPES + ((PERSON,) if staff else ())) if otoks else ORG_TYPES + extra
        if org not in [e for e in idx.entities if idx.type_of(e) in employers]:
            continue
        start, end = tokens_chars(phrase + otoks + [name_start, name_head])
        out.append(evidence("employee", person, org, start, end, noun.i))
        if staff and idx.type_of(org) == PERSON and noun.i < name_start.i:
            # "Price's agent, Ysolde Prackett of Crestline Athlete Group": she serves Price and
            # works for the firm named after her name
            firm, ftoks = org_of_title(idx, name_head, [])
            if firm is not None and firm != person and idx.type_of(firm) in EMPLOYERS_NOT_PLACES:
                start, end = tokens_chars(phrase + ftoks + [name_start, name_head])
                out.append(evidence("employee", person, firm, start, end, noun.i))
    return out


def employment_verb_evidence(idx: EntityIndex, tok: Token, times: RangeIndex) -> list[dict]:
    """"works for Acme", "joined Acme", "signed a one-year deal with Portland"."""
    spec = idx.lexicon["employment_verbs"].get(tok.lemma_.lower())
    if not spec or tok.pos_ != "VERB":
        return []
    subj = acting_subject(tok)
    if subj is None:
        return []
    people = idx.person(subj)
    if len(people) != 1:
        return []
    orgs: list[tuple[str, Token]] = []
    # a name in or beside the object: "Acme", "the Acme team", "his club, Yarrow Athletic"
    named = lambda t: idx.is_name(t.i) or any(idx.is_name(c.i) for c in t.children if c.dep_ in ("compound", "appos"))  # noqa: E731
    for c in tok.children:
        if "dobj" in spec and c.dep_ == "dobj":
            eid = idx.np_entity(c, ORG_TYPES)
            if eid:
                orgs.append((eid, c))
        if c.dep_ == "prep" and c.lower_ in spec:
            # one works "for" a person as for a firm ("works for Rep. Dario Feldane"); "at" names a place of work
            # ... but "worked hard for Clinton" is an effort for a cause, no job
            effort = any(a.dep_ == "advmod" and a.lower_ in idx.lexicon.get("effort_adverbs", []) for a in tok.children)
            types = ORG_TYPES + ((PERSON,) if c.lower_ in idx.lexicon.get("person_employer_preps", []) and not effort else ())
            orgs += [(e, p) for p in c.children if p.dep_ == "pobj" for e in [idx.np_entity(p, types)] if e and e != people[0]]
        if c.dep_ == "dobj" and any(p in spec for p in ("with", "for", "at")):
            # "signed a deal with X", "leads the research team at X": the preposition hangs on the object
            for g in c.children:
                if g.dep_ == "prep" and g.lower_ in spec:
                    orgs += [(e, p) for p in g.children if p.dep_ == "pobj" for e in [idx.np_entity(p, ORG_TYPES)] if e]
    out = []
    orgs = [(org, otok) for org, otok in orgs if named(otok)]  # "leads its design team" names no employer
    # the first organisation and the first person: "worked for Clinton at the State Department"
    firsts = [next((o for o in orgs if (idx.type_of(o[0]) == PERSON) == is_person), None) for is_person in (False, True)]
    for org, otok in [o for o in firsts if o is not None]:
        start, end = tokens_chars([subj, tok, otok])
        out.append(evidence("employee", people[0], org, start, end, tok.i, **dated_since(times, tok)))
    return out


def _appointed(tok: Token) -> list[tuple[Token, Token]]:
    """(person token, title noun) pairs an appointment verb joins: "named Jo Ross as its chief
    executive", "appointed Jo Ross chief executive" (the parser hangs the name on the title),
    "Jo Ross was named chief executive", "was hired as coach"."""
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass") or (c.dep_ == "oprd" and c.pos_ == "PROPN")]
    # "as its chief executive"; "promoted Jo Ross to chief operating officer"
    titles = [p for c in tok.children if c.dep_ == "prep" and c.lower_ in ("as", "to") for p in c.children if p.dep_ == "pobj"]
    titles += [c for c in tok.children if c.dep_ in ("oprd", "attr", "xcomp") and c.pos_ == "NOUN"]
    out = []
    for o in objs:
        if o.pos_ == "PROPN":
            out += [(o, t) for t in titles]
        elif o.pos_ == "NOUN":
            # "appointed Karen Lewis chief executive": Lewis <- nmod/compound of the title
            out += [(c, o) for c in o.children if c.dep_ in ("nmod", "compound", "appos") and c.pos_ == "PROPN"]
    return out


def appointment_evidence(idx: EntityIndex, tok: Token, times: RangeIndex) -> list[dict]:
    """Employment given by an appointment: the person appointed holds the title, with the
    title's own organisation ("as chief executive of Acme") or else the one appointing them
    ("Acme named Jo Ross as its chief executive")."""
    lex = idx.lexicon
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in lex.get("appointment_verbs", []):
        return []
    out = []
    for person_tok, noun in _appointed(tok):
        people = idx.np_entities(person_tok, (PERSON,))
        mods = [c for c in noun.lefts if c.dep_ in ("compound", "amod", "nmod") and c.i != person_tok.i]
        title = match_title(_np_text(mods + [noun]), lex)
        if len(people) != 1 or title is None:
            continue
        staff = title[0] in lex.get("staff_titles", [])
        org, otoks = org_of_title(idx, noun, [], staff)
        if org is None and person_tok.dep_ != "nsubjpass":
            # the appointer: the verb's subject, or the noun it describes ("Acme, the cafe
            # chain, named ...": named <- acl of chain)
            subj = tok.head if tok.dep_ == "acl" else acting_subject(tok)
            org = idx.np_entity(subj, EMPLOYERS_NOT_PLACES) if subj is not None else None
            otoks = [subj] if org else []
        if org is None or org == people[0]:
            continue
        start, end = tokens_chars([tok, person_tok, noun] + otoks)
        out.append(evidence("employee", people[0], org, start, end, tok.i, appointed=True, **dated_since(times, tok)))
    return out


def succession_evidence(idx: EntityIndex, verbs: list[Token], found: list[dict]) -> list[dict]:
    """"She replaces Dean Hollis", "Ross succeeds Jo Park as coach": the one replaced held the
    post at the employer the successor is given."""
    lex = idx.lexicon
    out = []
    for tok in verbs:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in lex.get("succession_verbs", []):
            continue
        subj = acting_subject(tok)
        successor = idx.person(subj) if subj is not None else []
        replaced = [e for c in tok.children if c.dep_ == "dobj" for e in idx.np_entities(c, (PERSON,))]
        if len(successor) != 1 or len(replaced) != 1 or successor == replaced:
            continue
        held = [ev for ev in found if ev["type"] == "employee" and ev["a"] == successor[0] and idx.type_of(ev["b"]) != PERSON]
        # the post they were appointed to is the one taken over, not a past employer's
        held = [ev for ev in held if ev.get("appointed")] or held
        employers = list(dict.fromkeys(ev["b"] for ev in held))
        if len(employers) != 1:
            continue
        start, end = tokens_chars([subj, tok] + [c for c in tok.children if c.dep_ == "dobj"])
        out.append(evidence("employee", replaced[0], employers[0], start, end, tok.i))
    return out


def employer_noun_evidence(idx: EntityIndex, org: str, name_head: Token) -> list[dict]:
    """"his club, Yarrow Athletic", "her employer, Acme Corp.": a person's employer noun in
    apposition to an organisation's name. Only nouns that name whom one works for
    (``employer_nouns``): "his company, Acme" may be his own."""
    noun = name_head.head
    if name_head.dep_ != "appos" or noun.pos_ != "NOUN" or noun.lemma_.lower() not in idx.lexicon.get("employer_nouns", []):
        return []
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    people = idx.person(owner) if owner is not None else []
    if len(people) != 1 or people[0] == org:
        return []
    start, end = tokens_chars([owner, noun, name_head])
    return [evidence("employee", people[0], org, start, end, noun.i)]


def find_employment(idx: EntityIndex, verbs: list[Token], times: RangeIndex) -> list[dict]:
    """Titles at every proper-name mention of a person, employer nouns apposed to an
    organisation's name, and employment verbs among ``verbs``."""
    out: list[dict] = []
    doc = idx.doc
    for eid, ent in idx.entities.items():
        if ent.get("type") in ORG_TYPES:
            for m in ent.get("mentions", []):
                span = doc.char_span(int(m["start"]), int(m["end"]), alignment_mode="expand") if m.get("kind") == "name" else None
                if span is not None and len(span):
                    out += employer_noun_evidence(idx, eid, span.root)
            continue
        if ent.get("type") != PERSON:
            continue
        for m in ent.get("mentions", []):
            if m.get("kind") != "name":
                continue
            span = doc.char_span(int(m["start"]), int(m["end"]), alignment_mode="expand")
            if span is None or not len(span):
                continue
            out += title_evidence(idx, eid, span[0], span.root)
    for tok in verbs:
        if tok.lemma_.lower() in idx.lexicon["employment_verbs"]:
            out += employment_verb_evidence(idx, tok, times)
        out += appointment_evidence(idx, tok, times)
    return out + succession_evidence(idx, verbs, out)
