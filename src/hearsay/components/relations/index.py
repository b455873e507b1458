"""Who a token stands for, as the relations stage needs to know it.

The mentions stage clusters names, descriptors and pronouns into entities with character
offsets; relation patterns work on tokens. ``EntityIndex`` bridges the two and adds the little
resolution relation sentences need beyond that: a pronoun the mentions stage left unresolved,
"I"/"my" inside a quote (the speaker), and a couple ("their", "the pair", "the married duo")
read as the two people the story is pairing at that point.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .._internals.entities import TokenEntities, pair_named_together
from .._internals.syntax import subject_of

PERSON = "PERSON"
ORG_TYPES = ("ORG",)
EVENT_TYPES = ("EVENT",)
EMPLOYER_TYPES = ("ORG", "OUTLET", "GPE")


class EntityIndex(TokenEntities):
    """Token -> entity ids and entity facts (``TokenEntities``), plus what relation sentences
    need beyond them: quote speakers for "I"/"my", the pairs seen so far, the story's topic."""

    def __init__(self, doc: Doc, entities: list[dict], speakers: list[tuple[int, int, str]], lexicon: dict):
        super().__init__(doc, entities)
        self.lexicon = lexicon
        self._topic: dict[tuple[str, ...], str | None] = {}  # by entity types: cached per document
        #: (start_char, end_char, entity id) of each direct quote's speaker, for "I"/"my"
        self.speakers = speakers
        #: ((a, b), type, char offset) of each pair stated so far (spouse, romantic, met)
        self.pairs: list[tuple[tuple[str, str], str, int]] = []

    def np_entity(self, token: Token, types: tuple[str, ...] | None = None, names_only: bool = False) -> str | None:
        """The entity a noun phrase headed by ``token`` names: the head itself, a name in
        apposition ("his assistant, Laura Kent"), or a compound name inside it. With
        ``names_only`` a common-noun head counts only through a name inside it ("a son named
        Leo"), not through a descriptor mention the mentions stage hung on it."""
        eid = self.one(token, types) if not names_only or token.pos_ == "PROPN" else None
        if eid:
            return eid
        for child in token.children:
            if child.dep_ in ("appos", "compound") and child.pos_ == "PROPN":
                eid = self.one(child, types)
                if eid:
                    return eid
            if child.dep_ == "acl" and child.lemma_.lower() in ("name", "call"):
                # "a son named Leo"
                for named in child.children:
                    if named.dep_ in ("oprd", "dobj", "attr", "xcomp") and named.pos_ == "PROPN":
                        eid = self.one(named, types)
                        if eid:
                            return eid
        return None

    def np_entities(self, token: Token, types: tuple[str, ...] | None = None, names_only: bool = False) -> list[str]:
        """``np_entity`` for a head and every phrase coordinated with it ("Aleph, 12, and Amalia")."""
        out = []
        for t in coordinated(token):
            eid = self.np_entity(t, types, names_only)
            if eid and eid not in out:
                out.append(eid)
        return out

    def speaker_at(self, char: int) -> str | None:
        for start, end, eid in self.speakers:
            if start <= char < end:
                return eid
        return None

    def pronoun(self, token: Token, exclude: tuple[str, ...] = ()) -> str | None:
        """A singular personal pronoun's entity: the mentions stage's answer, the speaker for
        first person inside a quote, else the nearest preceding person of matching gender in
        this or the previous sentence."""
        low = token.lower_
        if low in self.lexicon.get("first_person", []):
            return self.speaker_at(token.idx)
        found = [e for e in self.ents(token, (PERSON,)) if e not in exclude]
        if len(found) == 1:
            return found[0]
        gender = self.lexicon["gender_pronouns"].get(low)
        if gender is None:
            return None
        sent = token.sent
        start = sent.start
        if start > 0:
            start = self.doc[start - 1].sent.start
        for i in range(token.i - 1, start - 1, -1):
            for eid in self.tok.get(i, ()):
                ent = self.entities[eid]
                if ent.get("type") != PERSON or eid in exclude or "pronoun" in self.kinds.get(i, ()):
                    continue
                if ent.get("gender") in (None, gender):
                    return eid
        return None

    def person(self, token: Token, exclude: tuple[str, ...] = ()) -> list[str]:
        """The person(s) a subject/possessor token stands for: names (with coordination), a
        pronoun, or a couple ("they", "their", "the pair")."""
        low = token.lower_
        if token.pos_ == "PRON" or token.tag_ in ("PRP", "PRP$"):
            if low in self.lexicon.get("plural_pronouns", []):
                return list(self.couple(token))
            eid = self.pronoun(token, exclude)
            if eid is None:
                return []
            # "She and Kale have a son": a pronoun coordinated with a name is both of them
            return [eid] + [e for c in token.children if c.dep_ == "conj" and c.pos_ == "PROPN"
                            for e in self.np_entities(c, (PERSON,)) if e not in exclude and e != eid]
        if token.lemma_.lower() in self.lexicon.get("couple_nouns", []) and token.pos_ == "NOUN":
            return list(self.couple(token))
        if low in self.lexicon.get("couple_numbers", []) and any(c.lower_ == "the" for c in token.children):
            return list(self.couple(token))  # "the two met in college"
        people = [e for e in self.np_entities(token, (PERSON,)) if e not in exclude]
        return people

    # --- couples -------------------------------------------------------------------------
    def add_pair(self, a: str, b: str, type_: str, at: int) -> None:
        pair = tuple(sorted((a, b), key=lambda e: self.first.get(e, 0)))
        self.pairs.append((pair, type_, at))

    def couple(self, token: Token, married: bool = False) -> tuple[str, ...]:
        """The two people "their"/"they"/"the couple" stands for at ``token``: the mentions
        stage's answer, else the pair the story has paired most often before this point (the
        earlier-established one on a tie: the story's couple, not the affair that breaks it; a
        marriage when the words say "married"), else the only two people named before it in the sentence."""
        people = [e for e in self.tok.get(token.i, ()) if self.type_of(e) == PERSON]
        if len(people) >= 2:
            return tuple(people[:2])
        if token.lower_ in self.lexicon.get("couple_numbers", []):
            # "the two" points at the two just named, not at the story's couple: a pair stated
            # in this or the sentence before ("X has been linked to Y. A spokesman denied that
            # the two were ..."), if it is the only one; "the couple", "their" mean the couple
            sent = token.sent
            since = token.doc[sent.start - 1].sent.start_char if sent.start > 0 else sent.start_char
            recent = {pair for pair, type_, at in self.pairs
                      if since <= at < token.idx and (type_ == "spouse" or not married)}
            if len(recent) == 1:
                return recent.pop()
        counts: dict[tuple, list[int]] = {}
        for n, (pair, type_, at) in enumerate(self.pairs):
            if at >= token.idx or (married and type_ != "spouse"):
                continue
            c = counts.setdefault(pair, [0, -n])
            c[0] += 1
        if counts:
            return max(counts, key=lambda p: counts[p])
        if token.pos_ == "NOUN" and token.lemma_.lower() in self.lexicon.get("couple_nouns", []):
            # "X and Y live in Vermont. The couple have two children": the word says they are
            # a couple, so the two last named together are the ones it means
            pair = self.named_together_before(token.idx)
            if pair:
                return pair
        seen: list[str] = []
        for t in token.doc[token.sent.start : token.i]:
            for eid in self.tok.get(t.i, ()):
                if self.type_of(eid) == PERSON and "pronoun" not in self.kinds.get(t.i, ()) and eid not in seen:
                    seen.append(eid)
        return tuple(seen) if len(seen) == 2 else ()

    def named_together_before(self, offset: int) -> tuple[str, ...]:
        """The two people last named as "X and Y" before character ``offset``."""
        names = sorted((m["start"], m["end"], eid) for eid, ent in self.entities.items()
                       if ent.get("type") == PERSON for m in ent.get("mentions", [])
                       if m.get("kind", "name") == "name" and m["end"] <= offset)
        hit = pair_named_together(self.text, names, {eid: self.type_of(eid) for _, _, eid in names})
        return (names[hit[0]][2], names[hit[1]][2]) if hit else ()

    # --- organisations -------------------------------------------------------------------
    def topic_org(self) -> str | None:
        """The organisation the article is about: clearly the most mentioned one."""
        if ORG_TYPES not in self._topic:
            self._topic[ORG_TYPES] = self._find_topic(ORG_TYPES)
        return self._topic[ORG_TYPES]

    def topic_event(self) -> str | None:
        """The event the article is about (a marathon, a festival), found as ``topic_org`` is:
        whom a race director or a festival organiser works for when the story names no one."""
        if EVENT_TYPES not in self._topic:
            self._topic[EVENT_TYPES] = self._find_topic(EVENT_TYPES)
        return self._topic[EVENT_TYPES]

    def _find_topic(self, types: tuple[str, ...]) -> str | None:
        lede_end = first_paragraph_end(self.doc, self.text)
        scores = []
        for eid, ent in self.entities.items():
            if ent.get("type") not in types or not any(m.get("kind") == "name" for m in ent.get("mentions", [])):
                continue
            if self.first.get(eid, 10**9) >= lede_end:
                continue  # a story is about what its headline and lede name
            score = len(ent.get("mentions", [])) + (2 if self.first.get(eid, 10**9) < lede_end else 0)
            scores.append((score, -self.first.get(eid, 0), eid))
        scores.sort(reverse=True)
        if not scores or scores[0][0] < 3 or (len(scores) > 1 and scores[1][0] >= scores[0][0]):
            return None
        return scores[0][2]

    def org_described_as(self, noun: str) -> str | None:
        """The organisation the text also calls "the <noun>" ("the store")."""
        hits = []
        for eid, ent in self.entities.items():
            if ent.get("type") not in ORG_TYPES:
                continue
            for m in ent.get("mentions", []):
                words = self.text[m["start"] : m["end"]].lower().split()
                if m.get("kind") == "descriptor" and noun in words:
                    hits.append(eid)
                    break
        return hits[0] if len(set(hits)) == 1 else None

    def namesake(self, person: str, before: int, gender: str | None = None) -> str | None:
        """The one other person named before token ``before`` who shares this person's surname
        (and the gender of the pronoun that stands for them, when given)."""
        words = self.entities[person]["name"].split()
        if len(words) < 2:
            return None
        hits = []
        for eid, ent in self.entities.items():
            other = ent["name"].split()
            if eid != person and ent.get("type") == PERSON and len(other) >= 2 and other[-1] == words[-1]:
                if self.first.get(eid, before) < before and ent.get("gender") in (None, gender or ent.get("gender")):
                    hits.append(eid)
        return hits[0] if len(hits) == 1 else None

    def org_with_word(self, token: Token) -> str | None:
        """The one organisation whose name holds this capitalised word ("Herons")."""
        if not token.is_title or len(token.text) < 3:
            return None
        hits = [eid for eid, ent in self.entities.items()
                if ent.get("type") in ORG_TYPES and token.text in ent["name"].split()]
        return hits[0] if len(hits) == 1 else None

    def org_named_after(self, person: str) -> str | None:
        """An organisation whose name carries the person's surname ("Halloran & Vetch")."""
        surname = self.entities[person]["name"].split()[-1].lower()
        if len(surname) < 3:
            return None
        hits = [
            eid
            for eid, ent in self.entities.items()
            if ent.get("type") in ORG_TYPES and surname in ent["name"].lower().replace("&", " ").split()
        ]
        return hits[0] if len(hits) == 1 else None


def first_paragraph_end(doc: Doc, text: str) -> int:
    """Token index where the first paragraph after a title line ends (the lede counts as topic)."""
    cut = text.find("\n\n")
    if cut != -1 and cut < 200:  # a title line, then the lede
        nxt = text.find("\n\n", cut + 2)
        cut = nxt if nxt != -1 else len(text)
    elif cut == -1:
        cut = len(text)
    span = doc.char_span(0, cut, alignment_mode="expand")
    return span.end if span is not None else len(doc)


def coordinated(token: Token) -> list[Token]:
    """A head and the heads coordinated with it, in order."""
    out, todo = [], [token]
    while todo:
        t = todo.pop(0)
        out.append(t)
        # names only: in "his daughter Ivanka and her husband, Jared" the husband is no daughter
        todo.extend(c for c in t.children if c.dep_ == "conj" and c.pos_ == "PROPN")
    return out


def _first_conjunct(token: Token) -> Token:
    """"X and Y, who married in 2010": the relative clause hangs on Y but is about both."""
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    return token


def acting_subject(verb: Token) -> Token | None:
    """The subject of a verb, following control and coordination up the tree: "Smith and Jones
    began dating" (dating -> began -> Smith), "the pair — who first met ..." (met -> pair)."""
    seen = 0
    while verb is not None and seen < 6:
        seen += 1
        child = subject_of(verb)
        if child is None:
            # the small model sometimes hangs the subject on the auxiliary ("Carter and Wilson
            # were married": Carter <- were)
            child = next((s for a in verb.children if a.dep_ in ("aux", "auxpass") for s in [subject_of(a)] if s is not None), None)
        if child is not None:
            if child.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
                return _first_conjunct(verb.head)
            return child
        if verb.dep_ == "relcl":
            return _first_conjunct(verb.head)
        if verb.dep_ in ("xcomp", "conj", "advcl", "acomp", "ccomp") and verb.head is not verb:
            if verb.dep_ == "ccomp":
                return None
            verb = verb.head
            continue
        return None
    return None

