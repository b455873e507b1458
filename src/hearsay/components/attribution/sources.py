"""Who is speaking: turning the words that name a speaker into one source per distinct voice.

A fact-checker needs to know that "a source ... says the source ... alleges the source" is one
unnamed voice, that "police" is the police department named later, and that "he said" is the
manager quoted before, not the nearest name. The mentions stage clusters names, descriptors
and pronouns into entities; this module maps a speaker mention onto those entities and, for the
voices that are no entity (anonymous people, vague reports, documents), keeps their identity by
the noun that names them. When the mentions stage has produced nothing, `fallback_entities`
builds crude entities from spaCy's NER so attribution still names people.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from typing import Optional

from spacy.tokens import Doc, Token

from ...extensions import EntityRec, SourceRec
from .._internals.doc_text import doc_text
from .._internals.entities import pair_named_together
from .._internals.syntax import token_chars
from ..mentions.descriptors import affiliation_words

PRONOUNS_PERSON = {"he": "m", "him": "m", "she": "f", "her": "f", "i": None, "me": None}
#: dependency labels of a subject's children that are not part of how it is named
NOT_NAMING = {"relcl", "appos", "punct", "acl", "advcl", "cc", "conj", "parataxis"}
PERSONISH = {"PERSON"}
ORGISH = {"ORG", "NORP", "GPE", "FAC"}
#: entity types of organisations that may speak together ("Acme and Penfold Dairy ... the two
#: companies said"; spaCy types some company names as places)
ORGISH_NAMED = ("ORG", "GPE")


def naming_span(tok: Token) -> tuple[int, int]:
    """Token range [start, end) of the words naming ``tok``: its subtree without relative
    clauses, appositions and what follows a comma ("Dolores Pike, 81, who lives ..." ->
    "Dolores Pike"); keeps prepositional phrases ("people familiar with the matter")."""
    start = tok.i
    end = tok.i + 1
    for child in tok.lefts:
        if child.dep_ not in NOT_NAMING:
            start = min(start, child.left_edge.i)
    for child in tok.rights:
        if child.dep_ in NOT_NAMING:
            break
        end = max(end, child.right_edge.i + 1)
    doc = tok.doc
    while start < end - 1 and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end - 1 > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return start, end


def fallback_entities(doc: Doc) -> list[EntityRec]:
    """Crude entities from spaCy NER, used only when the mentions stage produced none.

    A single-word PERSON/ORG mention that repeats the last word of an earlier PERSON name
    ("Raman" after "Priya Raman") joins that person; GPE/ORG names cluster by exact text."""
    full = doc_text(doc)
    entities: list[EntityRec] = []
    by_key: dict[str, EntityRec] = {}
    surnames: dict[str, EntityRec] = {}
    for ent in doc.ents:
        if ent.label_ not in PERSONISH | ORGISH:
            continue
        text = ent.text
        if text.lower().startswith("the "):
            text = text[4:]
        if text.endswith("'s") or text.endswith("’s"):
            text = text[:-2]
        if not text.strip():
            continue
        start = ent.start_char + (len(ent.text) - len(ent.text.lstrip()))
        words = text.split()
        rec = by_key.get(text.lower())
        if rec is None and len(words) == 1 and text in surnames:
            rec = surnames[text]
        if rec is None:
            rec = EntityRec(id=f"F{len(entities) + 1}", type="PERSON" if ent.label_ == "PERSON" else "ORG",
                            name=text, mentions=[], age=None, born=None, gender=None)
            entities.append(rec)
            by_key[text.lower()] = rec
        if ent.label_ == "PERSON" and len(words) >= 2:
            surnames.setdefault(words[-1], rec)
            rec["type"] = "PERSON"
            if len(text) > len(rec["name"]):
                rec["name"] = text
        s = full.find(text, start)
        s = start if s < 0 else s
        rec["mentions"].append({"start": s, "end": s + len(text), "kind": "name"})
    return entities


class MentionIndex:
    """Which entity a character range names (from the mentions stage, or the fallback).

    Lookups bisect sorted mention starts, so a long article with thousands of mentions
    stays linear overall."""

    #: mentions are never longer than this many characters (for bisecting by start)
    LONGEST = 300
    #: how many mentions back a pronoun or descriptor looks for its person
    LOOKBACK = 400

    def __init__(self, entities: list[EntityRec], fallback: bool = False):
        self.fallback = fallback   # built from spaCy NER: resolve pronouns/descriptors here
        self.entities = {e["id"]: e for e in entities}
        self.mentions: list[tuple[int, int, str, str]] = sorted(
            (m["start"], m["end"], e["id"], m.get("kind", "name")) for e in entities for m in e.get("mentions", [])
        )
        self.starts = [m[0] for m in self.mentions]
        self.by_entity: dict[str, list[int]] = {}
        self._first_name: dict[str, int] = {}   # entity -> where its name first occurs
        for ms, _, eid, kind in self.mentions:
            self.by_entity.setdefault(eid, []).append(ms)
            if kind == "name":
                self._first_name.setdefault(eid, ms)
        self._word_first: dict[tuple[str, tuple[str, ...]], Optional[str]] = {}
        # role noun / title before a name -> the mentions (start, end, entity) it describes
        self._roles: Optional[dict[str, list[tuple[int, int, str]]]] = None
        self._titles: dict[str, list[tuple[int, int, str]]] = {}

    def at(self, start: int, end: int, kinds: tuple[str, ...] = ("name", "descriptor", "pronoun")) -> Optional[str]:
        """The entity whose mention overlaps [start, end) most (names preferred)."""
        best, best_key = None, None
        i = bisect_left(self.starts, start - self.LONGEST)
        while i < len(self.mentions):
            ms, me, eid, kind = self.mentions[i]
            i += 1
            if ms >= end:
                break
            if me <= start or kind not in kinds:
                continue
            overlap = min(me, end) - max(ms, start)
            key = (kind == "name", overlap)
            if best_key is None or key > best_key:
                best, best_key = eid, key
        return best

    def last_before(self, pos: int, types: set[str], gender: Optional[str] = None,
                    name_word: Optional[str] = None) -> Optional[str]:
        """The entity of the given types mentioned last before ``pos`` (matching gender or a
        word of its name when given)."""
        i = bisect_left(self.starts, pos) - 1
        stop = max(-1, i - self.LOOKBACK)
        while i > stop:
            ms, me, eid, kind = self.mentions[i]
            i -= 1
            ent = self.entities[eid]
            if ent["type"] not in types:
                continue
            if gender and ent.get("gender") and ent["gender"] != gender:
                continue
            if name_word and name_word.lower() not in ent["name"].lower().split():
                continue
            return eid
        return None

    def named_before(self, eid: str, before: int) -> bool:
        """Whether the entity's name (not a descriptor or pronoun) occurs before ``before``:
        its first naming, kept at construction, answers in one lookup what a scan of every
        earlier mention would, so a nested speaker checked all through a long article stays cheap."""
        first = self._first_name.get(eid)
        return first is not None and first < before

    def last_mention(self, eid: str, before: int) -> int:
        starts = self.by_entity.get(eid, [])
        i = bisect_left(starts, before)
        return starts[i - 1] if i else -1

    def described_as(self, role: str, text: str, titles: bool = False,
                     skip: Optional[tuple[int, int]] = None) -> Optional[str]:
        """The one person the text describes by this role noun anywhere ("Her coach, Daniel
        Rotich"), or None when none or several are: how "my coach" inside a quote, or a role
        named only later, finds its person. With ``titles``, a title before a name counts too
        ("Opposition leader Katya Orlen"): only for a bare headline role, since "his lawyer"
        is someone's own and need not be the lawyer the text titles so. A mention inside
        ``skip`` does not count: the words being resolved must not vouch for themselves."""
        if self._roles is None:
            self._roles, self._titles = {}, {}
            for ms, me, eid, kind in self.mentions:
                words = text[ms:me].lower().split()
                if kind == "descriptor" and words and self.entities[eid]["type"] == "PERSON":
                    self._roles.setdefault(words[-1], []).append((ms, me, eid))
                    # a title before the name ("Opposition leader Katya Orlen"): its last word
                    name = set(self.entities[eid]["name"].lower().split())
                    title = [w for w in words if w.strip(",") not in name]
                    if title and len(title) < len(words):
                        self._titles.setdefault(title[-1].strip(","), []).append((ms, me, eid))
        def people(held: list[tuple[int, int, str]]) -> set[str]:
            return {eid for ms, me, eid in held if skip is None or me <= skip[0] or ms >= skip[1]}

        found = people(self._roles.get(role.lower(), [])) or (people(self._titles.get(role.lower(), [])) if titles else set())
        return next(iter(found)) if len(found) == 1 else None

    def first_with_word(self, word: str, types: set[str]) -> Optional[str]:
        key = (word.lower(), tuple(sorted(types)))
        if key not in self._word_first:
            found = None
            for eid, ent in self.entities.items():
                if ent["type"] in types and word.lower() in ent["name"].lower().replace("-", " ").split():
                    if found is None or self.by_entity.get(eid, [0])[0] < self.by_entity.get(found, [0])[0]:
                        found = eid
            self._word_first[key] = found
        return self._word_first[key]


class SourceTable:
    """The sources of one article, one per distinct voice, in order of first mention."""

    def __init__(self, doc: Doc, entities: MentionIndex, lexicon: dict, quotes: list | None = None):
        self.doc = doc
        self.text = doc_text(doc)
        self.quotes = sorted((q for q in (quotes or []) if q["depth"] == 0), key=lambda q: q["content_start"])
        self._quote_starts = [q["content_start"] for q in self.quotes]
        self.entities = entities
        self.lex = lexicon
        self.anonymous = set(lexicon["anonymous"])
        self.modifier_needed = set(lexicon["person_only_with_modifier"])
        #: nouns that say only that the speaker is unnamed ("source", "insider"): one may
        #: re-describe any unnamed voice, and a plural of them is no group by its role
        self.unnamed = set(lexicon.get("unnamed_by_definition", []))
        self.contrastive = set(lexicon.get("contrastive_modifiers", []))
        self._anonymous_keys = {voice_key(w) for w in self.anonymous}
        self._placed: dict[str, bool] = {}
        self.familiar = set(lexicon["familiar_modifiers"])
        self.portfolios = set(lexicon.get("portfolio_words", []))
        self.withheld = tuple(" " + p + " " for p in lexicon.get("withheld_identity_phrases", []))
        self.reports = set(lexicon["reports"])
        self.documents = set(lexicon["document"])
        self.issued = set(lexicon.get("issued_statements", []))
        self.orgs = set(lexicon["organization"])
        self.indefinite = set(lexicon["indefinite_determiners"])
        self.definite = set(lexicon["definite_determiners"])
        self.partitives = set(lexicon["partitive_quantifiers"])
        self.outlet_words = set(lexicon["outlet_words"])
        self.outlet_phrases = tuple(" " + p for p in lexicon.get("outlet_phrases", []))
        self.outlet_names = {n.lower() for n in lexicon["outlets"]}
        #: outlet names as written, longest first (so "E! News" wins over "E!")
        self.outlet_display = sorted(lexicon["outlets"], key=len, reverse=True)
        self.section_labels = set(lexicon.get("section_labels", []))
        self.abbreviations = set(lexicon.get("abbreviations", []))
        self.group_shares = set(lexicon.get("group_shares", []))
        self.vague_groups = set(lexicon.get("vague_groups", []))
        self.representatives = set(lexicon.get("representatives", []))
        state = lexicon.get("state_media", {})
        self.state_media_heads = set(state.get("heads", []))
        self.state_media_modifiers = set(state.get("modifiers", []))
        self.document_authors = set(lexicon.get("document_authors", []))
        self.authored_documents = set(lexicon.get("authored_documents", []))
        self.person_nouns = (set(lexicon.get("person_nouns", [])) | set(lexicon.get("person_roles", []))
                             | self.anonymous | self.representatives)
        self.person_endings = tuple(lexicon.get("person_noun_endings", []))
        self.thing_endings = tuple(lexicon.get("person_noun_endings_not", []))
        self.collective = set(lexicon.get("collective_nouns", []))
        self.pair_nouns = set(lexicon.get("pair_nouns", []))
        self.personal_offices = set(lexicon.get("personal_offices", []))
        self.sources: list[SourceRec] = []
        self.by_entity: dict[str, SourceRec] = {}
        self.by_key: dict[str, SourceRec] = {}
        self.voices: list[tuple[str, SourceRec]] = []   # anonymous (head key, source), in order
        self._plural_voice: dict[str, bool] = {}        # source id -> first named in the plural
        self._held: dict[str, set[tuple[int, int]]] = {}   # see `_mention`
        # the sources holding a mention, and the voices by order and by latest key: `voice`
        # asks both for every anonymous mention, which a scan of all voices makes quadratic
        self._holders: dict[tuple[int, int], list[SourceRec]] = {}
        self._voice_rank: dict[str, int] = {}
        self._latest_voice: dict[str, SourceRec] = {}
        self._ahead: dict[str, SourceRec] = {}   # see `_introduced_here`
        from .component import _headline_end   # the stage's own test of a headline; imported late (cycle)
        self._headline_end = _headline_end(doc)
        self._sorted_starts: dict[str, list[int]] = {}
        self.author = self._new("author", "the author", None)

    # -- records ----------------------------------------------------------------------
    def _new(self, kind: str, label: str, entity: Optional[str], via: Optional[str] = None) -> SourceRec:
        rec = SourceRec(id=f"S{len(self.sources) + 1}", kind=kind, label=label, entity=entity, mentions=[], via=via)
        self.sources.append(rec)
        return rec

    def _mention(self, rec: SourceRec, start: int, end: int) -> None:
        # the mentions already held, as a set per source: a voice named all through a long
        # article would otherwise rescan its list on every mention
        held = self._held.setdefault(rec["id"], {(m["start"], m["end"]) for m in rec["mentions"]})
        if (start, end) not in held:
            held.add((start, end))
            insort(self._starts_of(rec), start)
            rec["mentions"].append({"start": start, "end": end})
            self._holders.setdefault((start, end), []).append(rec)

    def for_entity(self, eid: str, kind: str, start: int, end: int) -> SourceRec:
        rec = self.by_entity.get(eid)
        if rec is None:
            ent = self.entities.entities[eid]
            rec = self._new(kind, ent["name"], eid if not eid.startswith("F") else None)
            self.by_entity[eid] = rec
        self._mention(rec, start, end)
        return rec

    def keyed(self, kind: str, key: str, label: str, start: int, end: int) -> SourceRec:
        rec = self.by_key.get(key)
        if rec is None:
            rec = self._new(kind, label, None)
            self.by_key[key] = rec
        self._mention(rec, start, end)
        return rec

    # -- classification -----------------------------------------------------------------
    def is_outlet_name(self, text: str) -> bool:
        t = text.strip()
        low = t.lower()
        if low.startswith("the "):
            low = low[4:]
        if low in self.outlet_names:
            return True
        words = low.replace("'s", "").split()
        if words and t[:1].isupper() and (words[-1].endswith(("-tv", "-fm", "-am")) or words[-1] in ("tv", "radio")):
            return True   # "WISN-TV", "Fox 6 TV": broadcasters
        if t[:1].isupper() and len(words) >= 3 and (" " + " ".join(words)).endswith(self.outlet_phrases):
            return True   # "the official Kelvaran News Agency": a news agency, not any agency
        return bool(words) and t[:1].isupper() and words[-1] in self.outlet_words and len(words) >= 2

    def outlet(self, start: int, end: int) -> SourceRec:
        """The outlet source named by the characters [start, end)."""
        eid = self.entities.at(start, end, ("name",))
        text = self.text[start:end]
        label = text[4:] if text.lower().startswith("the ") else text
        if eid is not None and self.entities.entities[eid]["type"] in ("OUTLET", "ORG"):
            return self.for_entity(eid, "outlet", start, end)
        return self.keyed("outlet", "outlet:" + label.lower(), label, start, end)

    def resolve(self, head: Token, span: tuple[int, int], joint: bool = True) -> Optional[SourceRec]:
        """The source named by the speaker phrase headed by ``head`` (token range ``span``);
        named speakers joined by "and" speak together (`joint_source`)."""
        if joint:
            together = self.joint_source(head)
            if together is not None:
                return together
        doc = self.doc
        s_tok, e_tok = span
        start, end = token_chars(doc, s_tok, e_tok)
        low = head.lower_
        lemma = head.lemma_.lower()
        # "one of the people" -> the people
        if low in self.partitives and any(
            c.dep_ == "prep" and c.lower_ == "of" for c in head.children
        ):
            for c in head.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    for p in c.children:
                        if p.dep_ == "pobj" and p.pos_ == "PRON":
                            return self.resolve_pronoun(p, start, end)   # "one of them"
                        if p.dep_ == "pobj":
                            return self.resolve_noun(p, start, end, definite=True)
        if _nobody(doc, head, start, end, self.text):
            return None  # "No-one said ...": nobody is a voice
        group = self.resolve_group(head, start, end)
        if group is not None:
            return group
        if head.pos_ == "PRON" or low in PRONOUNS_PERSON:
            return self.resolve_pronoun(head, start, end)
        # an apposition with a name: "Pryce's attorney, Joanna Whitcomb"
        named = self.apposed_name(head)
        if named is not None:
            return self.for_entity(named, "person", start, end)
        if head.pos_ == "NOUN" and (self.names_a_person(lemma) or lemma in self.anonymous) and self.withholds_identity(head):
            # "Three directors, speaking on condition of anonymity, said": whatever their role
            # noun, and whoever coreference took the descriptor for, an unnamed voice
            return self.voice(lemma, head, start, end, None)
        eid = self.entities.at(head.idx, head.idx + len(head))
        if eid is None and head.pos_ == "PROPN":
            eid = self.entities.at(start, end, ("name",))
        if eid is not None:
            etype = self.entities.entities[eid]["type"]
            if etype == "OUTLET" or (etype == "ORG" and self.is_outlet_name(self.entities.entities[eid]["name"])):
                return self.for_entity(eid, "outlet", start, end)
            if etype == "PERSON":
                return self.for_entity(eid, "person", start, end)
            if etype in ("ORG", "GPE", "NORP", "FAC"):
                return self.for_entity(eid, "organization", start, end)
        if (lemma in self.state_media_heads or low in self.state_media_heads) and any(
                c.dep_ in ("compound", "amod") and c.lower_ in self.state_media_modifiers for c in head.children):
            # "state media", "state-run television": a news outlet without a name
            return self.keyed("outlet", "outlet:" + self.text[start:end].lower(), self.text[start:end], start, end)
        if lemma in self.reports or low in self.reports:
            return self.resolve_report(head, start, end)
        return self.representing(self.resolve_noun(head, start, end, definite=None), head)

    def joint_source(self, head: Token) -> Optional[SourceRec]:
        """"replied Burton and Nick", "Mara Lind and Tomas Reed said in a statement": one
        voice of all the named speakers, labelled with every name (not the first alone) and
        mentioned wherever each is named; None unless every conjunct is a named person or
        organisation."""
        conjuncts = [head]
        for tok in head.subtree:
            if tok.dep_ == "conj" and tok.head in conjuncts:
                conjuncts.append(tok)
        if len(conjuncts) < 2 or not all(c.pos_ == "PROPN" for c in conjuncts):
            return None
        members = []
        for c in conjuncts:
            rec = self.resolve(c, naming_span(c), joint=False)
            if rec is None or rec["kind"] not in ("person", "organization") or rec in members:
                return None
            members.append(rec)
        return self.joint(members, *token_chars(self.doc, head.left_edge.i, conjuncts[-1].right_edge.i + 1))

    def joint(self, members: list[SourceRec], start: int, end: int) -> SourceRec:
        """One voice for several sources speaking together, labelled with every name."""
        labels = [m["label"] for m in members]
        label = labels[0] + " and " + labels[1] if len(labels) == 2 else ", ".join(labels[:-1]) + " and " + labels[-1]
        kind = "person" if any(m["kind"] == "person" for m in members) else "organization"
        rec = self.keyed(kind, "joint:" + label.lower(), label, start, end)
        # whom the voice stands for, so a reader of "the couple said" sees both people
        rec["members"] = list(dict.fromkeys(m["entity"] for m in members if m.get("entity")))
        for m in members:
            for mention in m["mentions"]:
                self._mention(rec, mention["start"], mention["end"])
        return rec

    def office_holder(self, poss: Token) -> Optional[str]:
        """The person whose office speaks, when the possessor names them or refers back to
        them ("Navarro's office", "his office"); None for a role ("the governor's office")."""
        eid = self.entities.at(poss.idx, poss.idx + len(poss), ("name", "pronoun"))
        if eid is None and poss.lower_ in ("his", "her"):
            eid = self.entities.last_before(poss.idx, {"PERSON"}, PRONOUNS_PERSON[poss.lower_])
        return eid if eid is not None and self.entities.entities[eid]["type"] == "PERSON" else None

    def office(self, head: Token, start: int, end: int) -> SourceRec:
        """An office speaking. "According to his office", "Navarro's office said": the
        person just named speaks through their staff, and the claim is theirs (as the gold
        format credits it). "The governor's office said", "the district attorney's office":
        an institution named by a role, a voice in its own words (the datasets README's rule
        for groups named by role), marked as the representative of the one person the text
        gives that title ("Mayor Theo Castellanos"), if any. The possessor's own words do not
        vouch for who holds the title: coreference may have tied "the district attorney" to
        the defendant's attorney."""
        poss = next(c for c in head.children if c.dep_ == "poss")
        holder = self.office_holder(poss)
        if holder is not None:
            return self.for_entity(holder, "person", start, end)
        label = self.text[start:end]
        rec = self.keyed("organization", "office:" + " ".join(_descriptor(label, self.definite | self.indefinite)),
                         label, start, end)
        if poss.pos_ in ("NOUN", "PROPN") and not any(c.dep_ in ("compound", "amod") for c in poss.children):
            titled = self.entities.described_as(poss.lemma_, self.text, titles=True,
                                                skip=(poss.left_edge.idx, poss.idx + len(poss)))
            if titled is not None and self.entities.entities[titled]["type"] == "PERSON" and not rec.get("represents"):
                rec["represents"] = {"label": self.entities.entities[titled]["name"],
                                     "entity": titled if not titled.startswith("F") else None}
        return rec

    def named_pair(self, before: int, kinds: tuple[str, ...] = ("PERSON",)) -> Optional[list[SourceRec]]:
        """The two people last named together ("Mara Lind and Tomas Reed married ..."), whom
        "the couple" or "the pair" refers back to, or with ``kinds=ORGISH_NAMED`` the two
        organisations ("Acme and Brill agreed ...", then "the companies said"); None when no
        two are."""
        i = bisect_left(self.entities.starts, before) - 1
        # a couple's name may be typed an organisation by spaCy ("Nadia Holm"): one person will do
        types = self.entities.entities
        allowed = ("PERSON", "ORG") + kinds
        names = [m for m in self.entities.mentions[max(0, i - MentionIndex.LOOKBACK): i + 1]
                 if m[3] == "name" and types[m[2]]["type"] in allowed]
        person = kinds == ("PERSON",)
        hit = pair_named_together(self.text, [m[:3] for m in names], {e: types[e]["type"] for _, _, e, _ in names},
                                  None if person else kinds)
        if hit is None:
            return None
        (s1, e1, a, _), (s2, e2, b, _) = names[hit[0]], names[hit[1]]
        kind = "person" if person else "organization"
        return [self.for_entity(a, kind, s1, e1), self.for_entity(b, kind, s2, e2)]

    def representing(self, rec: Optional[SourceRec], head: Token) -> Optional[SourceRec]:
        """Mark an unnamed representative with whom they speak for: "a spokesperson for Acme",
        "Acme's publicist", "her lawyer" (the possessor resolved to a named entity). They speak
        on the record, so views must not read them as an anonymous voice; they stay unnamed."""
        if rec is None or rec.get("represents") or rec["entity"] or rec["kind"] not in ("anonymous", "person"):
            return rec
        if head.lemma_.lower() not in self.representatives and head.lower_ not in self.representatives:
            return rec
        doc = self.doc
        party = None
        for child in head.children:
            if child.dep_ == "poss":
                party = child
            elif child.dep_ == "prep" and child.lower_ in ("for", "of", "from", "to"):
                party = next((p for p in child.children if p.dep_ == "pobj"), None)
            if party is not None:
                break
        if party is None:
            return rec
        if party.pos_ == "PRON":
            eid = self.entities.at(party.idx, party.idx + len(party))
            if eid is None or (party.lower_ in ("his", "her") and self.entities.entities[eid]["type"] != "PERSON"):
                return rec
            label = self.entities.entities[eid]["name"]
        else:
            s, e = naming_span(party)
            while e > s and doc[e - 1].dep_ == "case":  # "Acme's" -> "Acme"
                e -= 1
            start, end = doc[s].idx, doc[e - 1].idx + len(doc[e - 1])
            label = self.text[start:end]
            eid = self.entities.at(start, end, ("name",)) or self.entities.at(party.idx, party.idx + len(party), ("name",))
        rec["represents"] = {"label": label, "entity": eid if eid and not eid.startswith("F") else None}
        return rec

    def withholds_identity(self, head: Token) -> bool:
        """Whether the text says this speaker's name is withheld, in a clause on the speaker
        or on the verb it speaks with ("Two city employees, speaking on condition that they not
        be named, said"; "a director, who asked not to be named"; "said, on condition of
        anonymity"): the reporter's own word that the voice is anonymous, whatever role noun
        names it. A clause anywhere in the speaker's own phrase counts, also one the parser hangs
        on a noun inside it ("two employees at the shop, who asked not to be named": the clause
        sits on "shop"). What the speaker says (the verb's complement) does not count."""
        clauses = [c for c in head.subtree if c.dep_ in ("acl", "relcl", "advcl", "appos") and c is not head]
        verb = head.head
        if head.dep_.startswith("nsubj") and verb is not head:
            clauses += [c for c in verb.children if c.dep_ in ("advcl", "acl", "prep")]
        for clause in clauses:
            words = " " + " ".join(t.lower_ for t in clause.subtree) + " "
            if any(p in words for p in self.withheld):
                return True
        return False

    def resolve_group(self, head: Token, start: int, end: int) -> Optional[SourceRec]:
        """A share of a group speaking as one, as poll results do ("One in four voters",
        "75 percent of Democrats", "those surveyed"): one voice per phrase; a bare crowd
        ("some say", "critics argue") is an anonymous voice."""
        low, lemma = head.lower_, head.lemma_.lower()
        label = self.text[start:end]
        if low in self.vague_groups and not any(c.dep_ in ("det", "poss", "compound", "amod") for c in head.children):
            return self.voice(low, head, start, end, None)
        share = low in self.group_shares or lemma in self.group_shares
        if not share and head.like_num and head.pos_ in ("NUM", "NOUN", "PRON"):
            # "One in four voters", "More than six in 10", "Those over 60": a count that speaks
            share = head.dep_.startswith("nsubj") or any(
                c.dep_ == "prep" and c.lower_ in ("in", "of", "out") for c in head.children)
        if not share:
            return None
        return self.keyed("person", "group:" + label.lower(), label, start, end)

    def apposed_name(self, head: Token) -> Optional[str]:
        """The person named in apposition to a speaker phrase: "Pryce's attorney, Joanna
        Whitcomb", and "a spokeswoman for the governor, Carla Reyes", where the parser hangs
        the name on the last noun. A name on that inner noun counts only when the text has
        not named that person before: a known name there is who the inner noun refers to
        ("a spokesman for the mayor, Elise Navarro"). Nothing after a colon is in apposition."""
        candidates = [(c, False) for c in head.children if c.dep_ == "appos"]
        for prep in head.children:
            if prep.dep_ == "prep":
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and pobj.pos_ == "NOUN":
                        candidates += [(c, True) for c in pobj.children if c.dep_ == "appos" and c.i > pobj.i]
        for child, inner in candidates:
            if ":" in self.text[head.idx:child.idx]:
                continue   # "Lund: Marta and I ...": a Q&A label, and the answer's first words
            eid = self.entities.at(child.idx, child.idx + len(child), ("name",))
            if eid is None or self.entities.entities[eid]["type"] != "PERSON":
                continue
            if inner and self.entities.named_before(eid, child.left_edge.idx):
                continue
            return eid
        return None

    def resolve_report(self, head: Token, start: int, end: int) -> SourceRec:
        """"reports" -> vague reports, unless they are an outlet's ("a report in the Times");
        a report that someone in particular wrote is a document: "a report by Kestrel Research"
        (a name that is no outlet), "a police report", "an autopsy report", "the firm's report"."""
        doc = self.doc
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in ("by", "from", "in", "on"):
                for p in c.children:
                    named = p.pos_ == "PROPN" or p.ent_type_ in ("ORG",)
                    if p.dep_ != "pobj" or not (named or (c.lower_ in ("by", "from") and p.pos_ == "NOUN")):
                        continue
                    if not named and p.lemma_.lower() in self.reports:
                        break   # "reports from local media": still vague reports
                    # the writer may be named in apposition to a common noun: "a report by
                    # the consulting firm Brightwater Analytics"
                    for cs, ce in self._naming_spans(p):
                        eid = self.entities.at(cs, ce, ("name",))
                        if self.is_outlet_name(self.text[cs:ce]) or (
                                eid is not None and self.entities.entities[eid]["type"] == "OUTLET"):
                            return self.outlet(cs, ce)
                    if c.lower_ in ("in", "on"):
                        return self.outlet(*token_chars(doc, *naming_span(p)))
                    # by or from anyone who is no outlet (a firm, an agency, "the consultants"):
                    # a document that someone in particular wrote
                    return self.document(head, start, end)
        if head.lower_ == "report" and any((c.dep_ == "compound" and c.pos_ == "NOUN") or c.dep_ == "poss"
                                           for c in head.children):
            # "a police report", "the company's quarterly report", "its annual report": one
            # that someone in particular wrote, not word going around
            return self.document(head, start, end)
        return self.keyed("reports", "reports", "reports", start, end)

    def _naming_spans(self, tok: Token) -> list[tuple[int, int]]:
        """Character spans naming ``tok``: its own naming words and any name in apposition
        to it ("the consulting firm Brightwater Analytics", "the magazine Ocean Quarterly")."""
        spans = [token_chars(self.doc, *naming_span(tok))]
        spans += [token_chars(self.doc, *naming_span(c)) for c in tok.children
                  if c.dep_ == "appos" and c.pos_ == "PROPN"]
        return spans

    def document(self, head: Token, start: int, end: int) -> SourceRec:
        """A document source, one per document noun and what it names ("a report by Kestrel
        Research" and "the report" are one; "court documents" another)."""
        s, e = _chunk_of(head)
        chunk = self.text[slice(*token_chars(self.doc, s, e))]
        label = self.text[start:end] if end - start < 120 else chunk
        key = "document:" + head.lemma_.lower()
        rec = self.by_key.get(key)
        if rec is None:
            rec = self._new("document", label, None)
            self.by_key[key] = rec
        self._mention(rec, start, end)
        return rec

    def authoring_document(self, head: Token) -> Optional[SourceRec]:
        """The document whose authors speak: "the report's authors", "the study's researchers",
        or a bare "the authors" after a study or report was cited; they speak for it."""
        if head.lemma_.lower() not in self.document_authors and head.lower_ not in self.document_authors:
            return None
        for c in head.children:
            if c.dep_ == "poss" and (c.lemma_.lower() in self.authored_documents or c.lower_ in self.authored_documents):
                rec = self.by_key.get("document:" + c.lemma_.lower())
                return rec or self.document(c, c.idx, c.idx + len(c))
            if c.dep_ == "prep" and c.lower_ in ("at", "from", "with"):
                return None  # "researchers at the institute": people of an organisation
        if not any(c.dep_ == "det" and c.lower_ in ("the", "its", "their") for c in head.children):
            return None
        # the study or report cited last before these words: sources are resolved in no
        # reading order, so the one made last may be cited further down
        return self._last_mentioned_before(
            [rec for rec in self.sources if rec["kind"] == "document"
             and any(w in rec["label"].lower().split() for w in self.authored_documents)], head.idx)[0]

    def resolve_pronoun(self, head: Token, start: int, end: int) -> Optional[SourceRec]:
        low = {"them": "they"}.get(head.lower_, head.lower_)   # "them" only as in "one of them"
        eid = self.entities.at(head.idx, head.idx + len(head))
        if eid is not None:
            ent = self.entities.entities[eid]
            kind = "person" if ent["type"] == "PERSON" else ("outlet" if ent["type"] == "OUTLET" else "organization")
            return self.for_entity(eid, kind, start, end)
        if low in ("i", "we") and not self.in_quote(head.idx):
            self._mention(self.author, start, end)
            return self.author
        if low in ("he", "she"):
            eid = self.entities.last_before(head.idx, {"PERSON"}, PRONOUNS_PERSON[low]) if self.entities.fallback else None
            if eid is not None:
                return self.for_entity(eid, "person", start, end)
            # a speaker the text never names: still a voice, labelled by the pronoun
            return self._unresolved(self.keyed("person", "pronoun:" + low, head.text, start, end))
        if low in ("it", "they"):
            if low == "they":
                prior = self._previous_subject(head)
                rec = self.resolve(prior, naming_span(prior), joint=False) if prior is not None else None
                if rec is not None and rec["kind"] != "author":
                    self._mention(rec, start, end)
                    return rec
            eid = self.entities.last_before(head.idx, {"ORG"})
            if low == "they":
                # "the people ... they said", "the companies said ... They said": the voice or
                # joint speakers last mentioned before the pronoun, when closer than any name
                rec, at = self._last_group_voice(head.idx)
                if rec is not None and (eid is None or at > self.entities.last_mention(eid, head.idx)):
                    self._mention(rec, start, end)
                    return rec
            if eid is not None:
                return self.for_entity(eid, "organization", start, end)
            if low == "they":
                # a group the text never names as such ("By nearly 2-1, they say"): still a voice
                return self._unresolved(self.keyed("person", "pronoun:they", head.text, start, end))
        return None

    def _previous_subject(self, head: Token) -> Optional[Token]:
        """The plural common noun that a sentence-opening "they" continues: the subject of the
        sentence before it in the same paragraph ("The researchers, led by Dr. Ana Ruiz of
        the Institute, surveyed 200 sites. They found ..."). English carries a subject on to
        the next sentence's subject pronoun; the organisation or place named in between is
        no candidate, however near."""
        sent = head.sent
        if not head.dep_.startswith("nsubj") or sent.start == 0:
            return None
        if any(t.pos_ not in ("PUNCT", "CCONJ", "ADV", "SPACE") for t in self.doc[sent.start:head.i]):
            return None
        prev = self.doc[sent.start - 1].sent
        if "\n" in self.text[prev.end_char:sent.start_char]:
            return None   # a new paragraph
        subjects = [c for c in prev.root.children if c.dep_ in ("nsubj", "nsubjpass")]
        if len(subjects) != 1 or subjects[0].pos_ != "NOUN" or subjects[0].tag_ != "NNS":
            return None
        return subjects[0]

    def _starts_of(self, rec: SourceRec) -> list[int]:
        """The record's mention starts, sorted and kept so as mentions are added: "they said"
        bisects them for the voice's last mention before it instead of rescanning a voice
        named all through a long article."""
        starts = self._sorted_starts.get(rec["id"])
        if starts is None:
            starts = self._sorted_starts[rec["id"]] = sorted(m["start"] for m in rec["mentions"])
        return starts

    def _last_group_voice(self, pos: int) -> tuple[Optional[SourceRec], int]:
        """The anonymous voice or joint speakers mentioned last before ``pos`` (and where):
        what a plural "they" speaking refers back to. Sources are resolved in no reading
        order, so a voice first met later in the text must not be taken."""
        return self._last_mentioned_before(
            [r for _, r in self.voices] + [r for k, r in self.by_key.items() if k.startswith("joint:")], pos)

    def _last_mentioned_before(self, records: list[SourceRec], pos: int) -> tuple[Optional[SourceRec], int]:
        """Of ``records``, the one mentioned last before ``pos``, and where (-1 when none is):
        each record's sorted mention starts are bisected, not rescanned."""
        best, best_at = None, -1
        for rec in records:
            starts = self._starts_of(rec)
            i = bisect_left(starts, pos)
            if i and starts[i - 1] > best_at:
                best, best_at = rec, starts[i - 1]
        return best, best_at

    @staticmethod
    def _unresolved(rec: SourceRec) -> SourceRec:
        """A pronoun speaker with no one to resolve it to: views read it as an unresolved
        speaker, never as a named source."""
        rec["unresolved"] = True
        return rec

    def in_quote(self, pos: int) -> bool:
        i = bisect_left(self._quote_starts, pos + 1) - 1
        return i >= 0 and self.quotes[i]["content_start"] <= pos < self.quotes[i]["content_end"]

    def resolve_noun(self, head: Token, start: int, end: int, definite: Optional[bool]) -> Optional[SourceRec]:
        doc = self.doc
        lemma = head.lemma_.lower()
        low = head.lower_
        dets = {c.lower_ for c in head.children if c.dep_ in ("det", "nummod", "predet", "amod", "quantmod")}
        # words and their lemmas: "briefed on the talks" is lemmatised "brief"
        mods = {w for c in head.subtree if c.i != head.i for w in (c.lemma_.lower(), c.lower_)}
        label = self.text[start:end]
        if lemma in self.documents or low in self.documents:
            # "a statement from the Milwaukee Police Department", "footage of Clinton asking":
            # the one issuing or shown speaks; "a letter from the education department" is a
            # document its reader can ask for
            issued = lemma in self.issued or low in self.issued
            for c in head.children:
                if c.dep_ == "prep" and (c.lower_ == "of" or (issued and c.lower_ in ("from", "by"))):
                    for p in c.children:
                        if p.dep_ == "pobj":
                            s, e = naming_span(p)
                            inner = self.resolve(p, (s, e))
                            if inner is not None and inner["kind"] in ("person", "organization", "outlet"):
                                return inner
            if lemma in ("report",) and not dets & {"the", "this", "that"}:
                return self.resolve_report(head, start, end)
            s, e = _chunk_of(head)
            label = self.text[slice(*token_chars(doc, s, e))]
            if any(c.dep_ == "prep" and c.lower_ in ("from", "by") for c in head.children) and end - start < 120:
                label = self.text[start:end]   # whose it is: "A letter from the state education department"
            # one document per noun, singular and plural apart ("independent analyses" are not
            # "an analysis by Lily Vance")
            key = "document:" + head.lemma_.lower() + (":plural" if head.tag_ == "NNS" and low != lemma else "")
            if any(c.lower_ in self.contrastive for c in head.children if c.dep_ in ("det", "amod")):
                key += f":{start}"   # "other studies have shown": not the study cited before
            return self.keyed("document", key, label, start, end)
        authored = self.authoring_document(head)
        if authored is not None:
            self._mention(authored, start, end)
            return authored
        if head.pos_ == "NOUN" and self.names_a_person(lemma) and self.withholds_identity(head):
            # "three workers at the plant, who asked not to be named": whatever their role, an
            # unnamed voice on purpose
            return self.voice(lemma, head, start, end, definite)
        if lemma in self.anonymous or low in self.anonymous:
            needs = (lemma in self.modifier_needed or low in self.modifier_needed or _located_group(head)
                     or self._classified_group(head, lemma, mods) or self._placed_elsewhere(head, lemma))
            group = self.by_key.get("role:" + lemma) or self.by_key.get("org:" + lemma)
            if group is not None and not mods & self.familiar and not dets & self.indefinite:
                self._mention(group, start, end)  # "Health officials in X ... officials said": the same group
                return group
            if not needs or mods & self.familiar or definite is True or self._voice(lemma):
                return self.voice(lemma, head, start, end, definite)
            # "the family", "fans", "city officials": a group voice named by its role, not an anonymous source
        if lemma in self.personal_offices and any(c.dep_ == "poss" for c in head.children):
            return self.office(head, start, end)   # "according to his office", "the governor's office said"
        if (lemma in self.orgs or low in self.orgs) and head.tag_ == "NNS" and dets & self.definite:
            pair = self.named_pair(start, kinds=ORGISH_NAMED)
            if pair is not None:   # "Acme and Brill agreed ..., the two companies said": both
                return self.joint(pair, start, end)
        if lemma in self.orgs or low in self.orgs:
            eid = self.entities.first_with_word(head.text, {"ORG", "GPE"})
            if eid is None and self.entities.fallback:
                eid = self.entities.last_before(head.idx, {"ORG"})
            if eid is not None and head.pos_ != "PROPN":
                return self.for_entity(eid, "organization", start, end)
            return self.keyed("organization", "org:" + lemma, label, start, end)
        if head.pos_ == "PROPN":
            if self.is_outlet_name(label):
                return self.outlet(start, end)
            kind = "organization" if head.ent_type_ in ORGISH else "person"
            return self.keyed(kind, "name:" + label.lower(), label, start, end)
        if head.pos_ == "NOUN":
            is_def = bool(dets & self.definite) or any(c.dep_ == "poss" for c in head.children)
            if is_def and self.entities.fallback:
                # a descriptor no mentions stage resolved ("the Jackie star"): the person
                # last named, when there is one
                eid = self.entities.last_before(start, {"PERSON"})
                if eid is not None:
                    return self.for_entity(eid, "person", start, end)
            if head.tag_ == "NN" and lemma in self.pair_nouns and is_def:
                pair = self.named_pair(start)
                if pair is not None:   # "the couple said": both of them
                    return self.joint(pair, start, end)
            if head.tag_ == "NN" and lemma not in self.collective:
                if head.is_lower and not self.names_a_person(lemma):
                    return None  # "the smoke from the fires", "a standoff": a thing is no voice
                bare = not (dets or any(c.dep_ == "poss" for c in head.children))
                if is_def and affiliation_words(head, self.portfolios):
                    # "the chief executive of rival Brindle Snacks": an official named by role
                    # at an organisation, whom coreference found no one for; on the record
                    return self.keyed("person", "role:" + label.lower(), label, start, end)
                if is_def or bare:
                    # a bare singular role is headline English ("Opposition leader claims
                    # victory"): it names the one person the text gives that title, as "the" would
                    eid = self.entities.described_as(lemma, self.text, titles=bare)
                    if eid is not None:   # "my coach" in a quote, and "Her coach, Daniel Rotich"
                        return self.for_entity(eid, "person", start, end)
                if self.held_by_a_thing(head) and self._voice(lemma) is None:
                    # "its sponsor", "the bill's author", "the agency's director": an office of a
                    # thing or body, on the record by its role (dev README), not an unnamed voice
                    # -- unless it re-describes one ("a narrator in the ad" ... "the ad's narrator")
                    return self.keyed("person", "role:" + lemma, label, start, end)
                # one unnamed person ("the judge", "her lawyer", "my accountant") whom the text
                # never names: an anonymous voice (the datasets README's rule), one per role
                # noun, a definite mention referring back to an earlier one
                return self.voice(lemma, head, start, end, definite)
            # an unnamed group by its role ("prosecutors", "the researchers"): one voice per
            # role noun, a definite mention referring back to an earlier one
            key = "role:" + lemma
            if key in self.by_key and is_def:
                rec = self.by_key[key]
                self._mention(rec, start, end)
                return rec
            if key in self.by_key:
                key = f"{key}:{start}"
            return self.keyed("person", key, label, start, end)
        return None

    def held_by_a_thing(self, head: Token) -> bool:
        """Whether a role noun's possessor is a thing or a body, not a person: "its sponsor",
        "the bill's author", "the agency's director" (but "her lawyer", "Smith's aide", and any
        named possessor)."""
        poss = next((c for c in head.children if c.dep_ == "poss"), None)
        if poss is None:
            return False
        if poss.pos_ == "PRON":
            return poss.lower_ == "its"
        # a named possessor may be a person the tagger took for a body ("Morrow's lawyer")
        return poss.pos_ == "NOUN" and poss.is_lower and not self.names_a_person(poss.lemma_)

    def names_a_person(self, lemma: str) -> bool:
        """Whether a common noun names a person ("the judge", "a retiree", "the organizer")
        rather than a thing ("the smoke", "a standoff", "the agreement"): the role lexicons,
        else the endings English forms agent and role nouns with."""
        lemma = lemma.lower()
        if lemma in self.person_nouns:
            return True
        return lemma.endswith(self.person_endings) and not lemma.endswith(self.thing_endings)

    def _voice(self, key: str) -> Optional[SourceRec]:
        return self._latest_voice.get(voice_key(key))

    def voice(self, lemma: str, head: Token, start: int, end: int, definite: Optional[bool]) -> SourceRec:
        """An anonymous voice: indefinite mentions start a new one, definite ones refer back.

        Reporters re-describe one unnamed speaker ("a source close to the singer" ... "the
        insider"; "a longtime friend" ... "the friend") and repeat a descriptor word for word,
        so both refer back; a bare plural after a singular ("another source" ... "sources
        say") and anything marked "another"/"other" are new voices, as the gold format counts
        them (datasets README: distinct anonymous voices)."""
        key = voice_key(lemma)
        dets = [c.lower_ for c in head.children if c.dep_ in ("det", "nummod", "predet")]
        is_indef = any(d in self.indefinite for d in dets)
        is_def = definite is True or any(d in self.definite for d in dets) or any(c.dep_ == "poss" for c in head.children)
        plural = head.tag_ in ("NNS", "NNPS") or head.lower_ == "people"
        held_by = [rec for rec in self._holders.get((start, end), ()) if rec["id"] in self._voice_rank]
        if held_by:
            # the same words read again by another construction: the same voice
            return min(held_by, key=lambda rec: self._voice_rank[rec["id"]])
        previous = self._voice(key)
        if previous is not None and not is_def and not is_indef and self._plural_voice.get(previous["id"]) != plural:
            previous = None   # "another source said ..." then "sources say": a crowd, not that one
        if previous is not None and not is_def and not is_indef and self._told_apart(previous, start, end):
            # "officials familiar with the talks" then "officials in the ministry": another
            # voice, unless an earlier one was described in the same words
            previous = self._repeated(key, head, start, end)
        if previous is None and is_def and lemma in self.unnamed:
            previous = self._redescribed(plural)   # "a source close to ..." then "the insider said"
        if previous is not None and is_indef:
            previous = self._repeated(key, head, start, end)
            if previous is not None:
                self._mention(previous, start, end)
                return previous
        if previous is not None and (is_def or not is_indef):
            self._mention(previous, start, end)
            return previous
        label = self.text[start:end]
        if is_indef and key in self._anonymous_keys:
            later = self._introduced_here(start, plural)
            if later is not None:
                # "the insider said" was read first (a quote), "a source close to the singer
                # told ..." introduces that voice earlier in the text: one voice, labelled as
                # first used
                later["label"] = label
                self._mention(later, start, end)
                later["mentions"].sort(key=lambda m: m["start"])
                self.voices.append((key, later))
                self._latest_voice[key] = later
                return later
        rec = self._new("anonymous", label, None)
        self._mention(rec, start, end)
        self.voices.append((key, rec))
        self._plural_voice[rec["id"]] = plural
        self._voice_rank[rec["id"]] = len(self.voices)
        self._latest_voice[key] = rec
        if (is_def and lemma in self.unnamed) or start < self._headline_end:
            # a re-description met before its introduction, or a headline's voice ("…, insider
            # says") that the body introduces properly ("a source close to the singer told …")
            self._ahead[rec["id"]] = rec
        return rec

    def _introduced_here(self, start: int, plural: bool) -> Optional[SourceRec]:
        """A voice first met as a definite re-description ("the insider said") after ``start``
        with no other unnamed voice mentioned between: the indefinite mention at ``start``
        introduces it. Attributions are not read in text order (quotes first), so "the
        insider" can be met before "a source close to the singer" that it refers back to."""
        if start < self._headline_end:
            return None
        best = None
        for rec in self._ahead.values():
            body = [m["start"] for m in rec["mentions"] if m["start"] >= self._headline_end]
            first = min(body) if body else None
            if (first is None or first > start) and self._plural_voice.get(rec["id"]) == plural \
                    and (best is None or (first or 10**9) < (best[0] or 10**9)):
                best = (first, rec)
        if best is None:
            return None
        first, rec = best
        # no other unnamed voice mentioned in the body between the introduction and the voice
        # it introduces (a headline's voice: before the introduction)
        lo = self._headline_end if first is None else start
        hi = start if first is None else first
        between = any(lo <= m["start"] < hi and m["start"] != start for _, other in self.voices
                      if other is not rec for m in other["mentions"])
        if between:
            return None
        del self._ahead[rec["id"]]
        return rec

    def _told_apart(self, previous: SourceRec, start: int, end: int) -> bool:
        """Whether a mention with neither "a" nor "the" describes a voice other than the one
        filed under its head noun: both say more than the noun, and not the same ("Officials
        familiar with the review ..." then "officials at the ministry said"). A bare "officials
        said" says nothing new and refers back."""
        words = _descriptor(self.text[start:end], self.indefinite)
        before = _descriptor(previous["label"], self.indefinite)
        shorter = min(len(words), len(before))
        # one a cut of the other ("people familiar" read again within "people familiar with
        # the matter") is the same words
        return shorter >= 2 and words[:shorter] != before[:shorter]

    def _redescribed(self, plural: bool) -> Optional[SourceRec]:
        """The most recent unnamed voice of the same number that a definite "the insider",
        "the source" can re-describe: one introduced by an anonymous-voice noun, not an
        unnamed role ("the judge") or a crowd ("critics")."""
        for k, rec in reversed(self.voices):
            if k in self._anonymous_keys and self._plural_voice.get(rec["id"]) == plural:
                return rec
        return None

    def _repeated(self, key: str, head: Token, start: int, end: int) -> Optional[SourceRec]:
        """An earlier voice that an indefinite mention repeats word for word with its
        modifiers ("a source close to the singer" twice); "another source", "a source" alone
        (no modifier to tell it by) stay new."""
        if any(c.lower_ in self.contrastive for c in head.children if c.dep_ in ("det", "amod")):
            return None
        words = _descriptor(self.text[start:end], self.indefinite)
        if len(words) < 2:
            return None
        for k, rec in reversed(self.voices):
            if k == key and _descriptor(rec["label"], self.indefinite) == words:
                return rec
        return None

    def _classified_group(self, head: Token, lemma: str, mods: set[str]) -> bool:
        """A plural role noun classified by a modifier ("International observers", "Other
        experts", "Western diplomats"): a group by its role, as "city officials" is, unless a
        modifier marks it as unnamed on purpose ("senior officials") or the noun only says
        the speakers are unnamed ("other sources")."""
        if head.tag_ != "NNS" or lemma in self.unnamed or mods & self.familiar:
            return False
        return any(c.dep_ in ("amod", "compound") and c.pos_ in ("ADJ", "NOUN", "PROPN")
                   and (c.lower_ not in self.indefinite or c.lower_ in self.contrastive)
                   for c in head.children)

    def _placed_elsewhere(self, head: Token, lemma: str) -> bool:
        """A bare plural ("officials say" in a headline) whose article places the same group
        elsewhere ("Health officials in Fairhaven County"): that group, on the record."""
        if head.tag_ != "NNS" or any(c.dep_ in ("det", "amod", "compound", "poss", "nummod") for c in head.children):
            return False
        if lemma not in self._placed:
            self._placed[lemma] = any(t.lemma_.lower() == lemma and _located_group(t) for t in self.doc)
        return self._placed[lemma]


def _nobody(doc: Doc, head: Token, start: int, end: int, text: str) -> bool:
    """"No one", "No-one" (which the tokenizer splits and the parser may cut at "No"), "nobody"."""
    words = text[start:end].lower().replace("-", " ").split()
    if head.lower_ == "no" and head.i + 2 < len(doc) and doc[head.i + 1].text == "-" and doc[head.i + 2].lower_ == "one":
        return True
    if head.lower_ == "one" and head.i >= 2 and doc[head.i - 1].text == "-" and doc[head.i - 2].lower_ == "no":
        return True
    return words in (["no", "one"], ["nobody"], ["noone"], ["none"])


def _located_group(head: Token) -> bool:
    """A plural voice placed in an institution or place ("city officials", "Health officials
    in Fairhaven County", "Union officials at the plant"): the body speaking through its
    people, on the record, unless a modifier marks them as unnamed on purpose ("senior
    officials", "officials familiar with")."""
    if head.tag_ != "NNS":
        return False
    for c in head.children:
        if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN"):
            return True
        if c.dep_ == "prep" and c.lower_ in ("in", "at", "from", "of", "with") and any(
                p.dep_ == "pobj" and (p.pos_ == "PROPN" or p.ent_type_ in ("GPE", "ORG", "FAC", "LOC")
                                      or any(g.pos_ == "PROPN" for g in p.subtree)) for p in c.children):
            return True
    return False


def voice_key(lemma: str) -> str:
    """The key a voice is filed under by its head noun: singular and plural alike ("sources",
    "source"), "people" as "person", so a later mention finds the voice it refers back to."""
    lemma = lemma.lower()
    if lemma in ("people", "person"):
        return "person"
    return lemma.rstrip("s") if lemma.endswith("s") and len(lemma) > 3 else lemma


def _descriptor(label: str, determiners: set[str]) -> list[str]:
    """A voice's descriptor without its leading determiner: "A source close to the singer"
    -> ["source", "close", "to", "the", "singer"]."""
    words = label.lower().replace(",", " ").split()
    return words[1:] if words and words[0] in determiners else words


def _chunk_of(head: Token) -> tuple[int, int]:
    """The noun chunk of ``head``: its left modifiers and itself ("court documents")."""
    start = head.i
    for child in head.lefts:
        if child.dep_ in ("det", "amod", "compound", "nummod", "poss", "nmod", "case"):
            start = min(start, child.left_edge.i)
    return start, head.i + 1
