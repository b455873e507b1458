"""Descriptors: the words news writing uses for its people and organisations besides their
names.

Three constructions attach a descriptor to a name directly, so they need no guessing:
  - a premodifier:      "manager Curtis Bellamy", "climate change warrior Camille Étienne"
  - an apposition after: "Marcus Oyelaran, an analyst at Pinegate Securities,"
  - an apposition before: "Pryce's attorney, Joanna Whitcomb"
The others ("the choreographer", "her rocker husband", "the company", "police", "a French
activist") are anaphors: ``find_anaphoric_descriptors`` only finds them; ``coref``
resolves them in reading order together with pronouns.

Token indices throughout.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .ages import age_after, year_old_age

PREMODIFIER_DEPS = {"compound", "amod", "nmod", "npadvmod"}
YEAR_OLD_WORDS = {"old", "year-old", "year", "years"}
#: entity types of a name after a role noun that may be the organisation it places the role at
NAMING_TYPES = {"ORG", "PERSON"}


def find_premodifier(doc: Doc, start: int, end: int, lex: dict) -> tuple[int, str | None, bool, int | None] | None:
    """(start of descriptor, gender, names a person role, age) for role words right before a
    name in the same noun phrase: "manager Curtis Bellamy", "42-year-old Dwayne Carter"."""
    roles = lex["descriptors"]["person_roles"]
    titles = lex["descriptors"]["titles"]
    groups = set(lex["descriptors"]["group_nouns"])
    span_tokens = set(range(start, end))
    j = start - 1
    first = None
    has_role = False
    person = False
    age = None
    gender = None
    while j >= 0:
        token = doc[j]
        if token.text == "-" and first is not None:
            j -= 1
            continue
        if token.like_num and token.dep_ == "nummod" and token.head.i in span_tokens:
            span_tokens.add(j)  # the 42 of "42-year-old"
            first = j
            j -= 1
            continue
        # the small model sometimes makes the role word govern the name ("Shortstop Kenji Moreau")
        governs = any(doc[i].head.i == j for i in span_tokens) and (token.lower_ in roles or token.text in titles)
        if not governs and (token.dep_ not in PREMODIFIER_DEPS or token.pos_ not in ("NOUN", "PROPN", "ADJ", "VERB")):
            break
        if not governs and token.head.i not in span_tokens and token.head.i < j:
            break
        if token.tag_ in ("NNS", "NNPS") or token.lower_ in groups:
            break  # "kids Aleph, 12": a list head, not a title
        if token.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL") and token.lower_ not in YEAR_OLD_WORDS:
            break
        word = token.lower_
        if word in ("old", "year-old"):
            age = age or year_old_age(doc, j)
            if age is not None:
                has_role = person = True
        elif word in roles or token.text in titles or (token.pos_ == "NOUN" and token.text.islower()):
            has_role = True
            person = person or word in roles or token.text in titles
            gender = gender or roles.get(word) or titles.get(token.text)
        span_tokens.add(j)
        first = j
        j -= 1
    if first is None or not has_role:
        return None
    while first < start and doc[first].text == "-":
        first += 1
    return first, gender, person, age


def name_head(doc: Doc, start: int, end: int, table=None) -> Token:
    """The token of a name whose head lies outside it (the name's syntactic head)."""
    if table is not None:
        for i in range(start, end):
            head = table.head[i]
            if not (start <= head < end) or head == i:
                return doc[i]
        return doc[end - 1]
    for token in doc[start:end]:
        if not (start <= token.head.i < end) or token.head.i == token.i:
            return token
    return doc[end - 1]


def find_appositions(doc: Doc, start: int, end: int, lex: dict, table=None) -> list[dict]:
    """Descriptors in apposition to the name at [start, end): after it or before it.

    Returns [{"start","end","role": noun lemma, "gender", "org_class", "possessor": token index|None}]."""
    roles = lex["descriptors"]["person_roles"]
    org_nouns = lex["descriptors"]["org_nouns"]
    head = name_head(doc, start, end, table)
    found = []
    for child in head.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN" and child.i >= end:
            left, right = child.left_edge.i, child.right_edge.i + 1
            while right > left and doc[right - 1].is_punct:
                right -= 1
            while left < right and doc[left].is_punct:
                left += 1
            if left >= right or left < end:
                continue
            found.append(_describe(doc, child, left, right, roles, org_nouns))
    if head.dep_ == "appos" and head.head.pos_ == "NOUN" and head.head.i < start and head.head.tag_ == "NN":
        noun = head.head
        right = noun.i + 1
        outer = outer_role(noun, lex["descriptors"].get("speaking_roles", []))
        if outer is not None:
            noun = outer  # "a spokeswoman for the governor, Carla Reyes": she is the spokeswoman
        left = noun.left_edge.i
        found.append(_describe(doc, noun, left, right, roles, org_nouns))
    return found


def outer_role(noun: Token, roles: list[str]) -> Token | None:
    """The role noun a preposition hangs ``noun`` on ("a spokeswoman for the governor"): the
    parser apposes a following name to the inner noun, but the name is the outer role's."""
    prep = noun.head
    if noun.dep_ == "pobj" and prep.dep_ == "prep" and prep.head.pos_ == "NOUN" and prep.head.lower_ in roles:
        return prep.head
    return None


def _role_noun(doc: Doc, noun: Token, right: int, roles: dict) -> Token:
    """The role word of an apposition: its noun, or the word right after it when the parser cut
    a two-word role in the middle ("a shop steward": "shop" the noun, "steward" an adverb)."""
    if noun.lower_ in roles or noun.i + 1 >= right:
        return noun
    nxt = doc[noun.i + 1]
    return nxt if nxt.lower_ in roles and nxt.head.i == noun.i and nxt.is_alpha else noun


def _describe(doc: Doc, noun: Token, left: int, right: int, roles: dict, org_nouns: dict) -> dict:
    noun = _role_noun(doc, noun, right, roles)
    possessor = next((c.i for c in noun.children if c.dep_ == "poss"), None)
    old = next((c for c in noun.children if c.lower_ in ("old", "year-old") and c.i < noun.i), None)
    return {
        "age": year_old_age(doc, old.i) if old is not None else None,
        "start": left, "end": right, "head": noun.i, "role": noun.lower_,
        "gender": roles.get(noun.lower_), "person": noun.lower_ in roles,
        "org_class": org_nouns.get(noun.lower_), "possessor": possessor,
    }


def is_group_member_noun(token: Token) -> bool:
    """A nationality, party or faith word used as a singular noun with an article: "the
    Democrat", "The 27-year-old Kenyan", "a Catholic". It names one person by the group they
    belong to (a role descriptor), never the group itself as an organisation."""
    return (token.ent_type_ == "NORP" and token.tag_ in ("NNP", "NN") and token.dep_ not in ("compound", "amod")
            and any(c.dep_ == "det" and c.lower_ in ("the", "a", "an", "this", "that") for c in token.children))


def affiliation_words(token: Token, portfolios: set[str] | frozenset[str] = frozenset()) -> frozenset[str]:
    """The words of the organisation a role noun places its holder at ("the chief executive
    of rival Brindle Snacks", "the coach at Linden College" -> {"brindle", "snacks"}): such
    a descriptor names whoever holds that role there, so it refers back only to someone the
    text already tied to that organisation, and otherwise introduces an official by role.
    Only names typed as organisations (or people, as company names often are) count: "the
    governor of Texas", "the winner of Monday's debate" stay ordinary descriptors, and so does a title naming a portfolio ("the former
    secretary of State": every word one of ``portfolios``)."""
    words = set()
    for c in token.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "at"):
            for p in c.children:
                if p.dep_ == "pobj":
                    named = {t.lower_ for t in p.subtree if t.pos_ == "PROPN" and t.ent_type_ in NAMING_TYPES}
                    if named - set(portfolios):
                        words |= named
    return frozenset(words)


def find_anaphoric_descriptors(doc: Doc, lex: dict, taken: set[int], table) -> list[dict]:
    """Role nouns that refer back (or, indefinite, forward) to a person or organisation.

    [{"start","end","head": token index, "kind": "person"|"org", "definite": bool, "gender",
      "org_class", "kin": bool, "possessor": token index|None, "age": int|None}]"""
    d = lex["descriptors"]
    roles, org_nouns = d["person_roles"], d["org_nouns"]
    kinship = set(d["kinship"])
    bare = set(d["org_nouns_bare"])
    skip = set(d["not_descriptors"])
    portfolios = set(d.get("portfolio_words", []))
    found = []
    for i, word in enumerate(table.lower):
        if i in taken:
            continue
        if word not in roles and word not in org_nouns and word not in ("old", "year-old"):
            # the table's entity column first: a Token object for every other word costs more
            if table.ent[i] != "NORP" or not is_group_member_noun(doc[i]):
                continue
            roles = {**roles, word: None}  # "the Democrat", "a 27-year-old Kenyan": a person
        if table.pos[i] not in ("NOUN", "PROPN", "ADJ"):
            continue
        if i + 2 < len(table.text) and table.text[i + 1] == "-" and not table.ent[i + 1]:
            continue  # "ex" in "ex-wife": the last part heads the word
        token = doc[i]
        age = year_old_age(doc, token.i) if word in ("old", "year-old") else None
        if word in skip or (word not in roles and word not in org_nouns and age is None):
            continue
        if token.tag_ in ("NNS", "NNPS") and word not in bare:
            continue
        if token.dep_ in ("compound", "amod") and token.head.pos_ in ("NOUN", "PROPN"):
            continue  # a modifier: "the company's advisers" keeps company; "a company spokesperson" does not
        det = next((c for c in token.children if c.dep_ == "det"), None)
        poss = next((c for c in token.children if c.dep_ == "poss"), None)
        if word in bare and det is None and poss is None:
            found.append({"start": token.i, "end": token.i + 1, "head": token.i, "kind": "org", "definite": True,
                          "gender": None, "org_class": org_nouns.get(word), "kin": False, "possessor": None,
                          "age": None})
            continue
        if det is None and poss is None:
            continue
        definite = poss is not None or (det is not None and det.lower_ in ("the", "this", "that"))
        indefinite = det is not None and det.lower_ in ("a", "an")
        if not (definite or indefinite):
            continue
        left = min(c.left_edge.i for c in token.children if c.i < token.i)
        if any(i in taken for i in range(left, token.i)) or any(doc[i].text in (",", "(") for i in range(left, token.i)):
            left = (det or poss).i
        kind = "person" if (word in roles or age is not None) else "org"
        if kind == "person" and age is None:
            stated = age_after(table, token.i + 1)  # "The singer, 54, was seen ..."
            age = stated[0] if stated else None
        if kind == "person" and age is None:  # "a 34-year-old man"
            old = next((c for c in token.children if c.lower_ in ("old", "year-old") and c.i < token.i), None)
            age = year_old_age(doc, old.i) if old is not None else None
        found.append({
            "start": left, "end": token.i + 1, "head": token.i, "kind": kind, "definite": definite,
            "gender": roles.get(word), "org_class": org_nouns.get(word), "kin": word in kinship,
            "possessor": poss.i if poss is not None else None, "age": age,
            "role": word, "affiliation": None if word in kinship else affiliation_words(token, portfolios),
        })
    return found
