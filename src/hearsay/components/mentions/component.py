"""Stage `hearsay_mentions`: people, organisations, outlets and places as entity clusters.

Every mention of an entity (its names, the descriptors news writing uses for it, the pronouns
that point at it) is gathered under one EntityRec, so later stages can ask "who is 'he' in
'"...," he said'?" or "which company is 'the company'?" by looking up which entity's mention
overlaps a span. Ages ("Natalie, 42,") and births ride on the entity.

The work is split by construction:
  names.py                 proper names, their types, short forms
  descriptors.py           premodifiers, appositions, anaphoric role nouns
  coref.py                 salience-based resolution of pronouns and descriptors
  ages.py                  ages, birth dates, birth ranges
"""

from __future__ import annotations

from typing import Callable

from spacy.language import Language
from spacy.tokens import Doc

from ... import extensions
from ...lexicon import load_lexicon
from .._internals.syntax import token_chars
from .ages import age_after, born_from_age, copular_ages, find_birth_statements, turned_ages
from .._internals.layout import TokenLayout
from .coref import Resolver
from .descriptors import name_head, find_anaphoric_descriptors, find_appositions, find_premodifier
from .names import STRONG, cluster_names, find_name_spans
from .tokens import TokenTable

#: events at the same token: names first, then what refers to them
_ORDER = {"name": 0, "direct": 1, "pron": 2, "desc": 3}  # "her husband": "her" before "husband"
#: entity types whose names take titles and appositions
DESCRIBED_TYPES = {"PERSON", "ORG", "OUTLET"}
#: a given name's gender hint counts less than one title or role noun
GIVEN_NAME_VOTE = 2


def load_mention_lexicons(load: Callable[[str], dict] = load_lexicon) -> dict:
    """The three lexicons this stage reads, with the outlet lists as sets for lookups."""
    outlets = dict(load("outlets"))
    outlets["names_set"] = set(outlets["names"])
    outlets["name_words_set"] = set(outlets["name_words"])
    outlets["common_words_set"] = set(outlets.get("common_word_names", []))
    names = load("given_names")
    given = {name: gender for gender in ("f", "m") for name in names[gender]}
    return {"descriptors": load("descriptors"), "pronouns": load("pronouns"), "outlets": outlets, "given_names": given}


def _outlet_cues(doc: Doc, clusters: list[dict], lex: dict) -> None:
    """"told X" / "according to X" make an organisation-like name an outlet."""
    told = {v for v in lex["outlets"]["told_verbs"] if " " not in v}
    for cluster in clusters:
        if cluster["org_class"] not in (None, "outlet"):
            continue
        top = cluster["votes"].most_common(1)[0][0] if cluster["votes"] else None
        if top not in ("ORG", "GPE", "OUTLET") or cluster["votes"]["PERSON"] >= STRONG:
            continue
        for start, end in cluster["names"]:
            head = name_head(doc, start, end)
            if (head.dep_ in ("dobj", "dative") and head.head.lemma_ in told) or (
                head.dep_ == "pobj" and head.head.lower_ == "to" and head.head.head.lower_ == "according"
            ):
                cluster["votes"]["OUTLET"] += STRONG
                cluster["org_class"] = "outlet"
                break


def _kin_listed_names(doc: Doc, clusters: list[dict], lex: dict, table: TokenTable) -> None:
    """Names listed in apposition to a kinship noun are people, whatever NER called them:
    "two sons, Milo and Theo", "Their children, Ava and Cole", "her husband, the architect
    Julian Frey"."""
    kin = set(lex["descriptors"]["kinship"]) | set(lex["descriptors"]["group_nouns"])
    by_token = {i: cluster for cluster in clusters for start, end in cluster["names"] for i in range(start, end)}
    for i, word in enumerate(table.lower):   # the table's columns, not a Token per word
        if word not in kin or table.pos[i] != "NOUN":
            continue
        for child in doc[i].children:
            if child.dep_ != "appos":
                continue
            # "Milo and Theo", and "the architect Julian Frey" (a role before the name)
            names = [child, *child.conjuncts] if child.pos_ == "PROPN" else \
                [t for t in child.subtree if t.pos_ == "PROPN" and t.dep_ in ("compound", "appos", "conj")]
            for cluster in {id(c): c for c in (by_token.get(n.i) for n in names if n.pos_ == "PROPN") if c}.values():
                cluster["votes"]["PERSON"] += STRONG


def _given_name_genders(doc: Doc, clusters: list[dict], lex: dict) -> None:
    """A weak gender hint from a person's given name ("Natalie Portman" -> f)."""
    given = lex["given_names"]
    for cluster in clusters:
        for start, end in cluster["names"]:
            if end - start > 1 and doc[start].text in given:
                cluster["gender_votes"][given[doc[start].text]] += GIVEN_NAME_VOTE
                break


def _add_age(doc: Doc, cluster: dict, value: int, start: int, end: int) -> None:
    """A stated age (the words stating it at token [start, end)) makes the entity a person."""
    cs, ce = token_chars(doc, start, end)
    cluster.setdefault("ages", []).append({"value": value, "start": cs, "end": ce})
    cluster["votes"]["PERSON"] += STRONG
    if cluster["age"] is None:
        cluster["age"] = value


def _who_clause(doc: Doc, head) -> bool:
    """Whether a name is described by a "who" clause with a singular verb ("Nina Park, who
    heads Harlow Bank,", "Park, who has led it since 2019"): one person where NER took the name
    for a place or a thing. A plural verb may be a team's ("Harrow Athletic, who have insisted
    ...")."""
    for clause in head.children:
        if clause.dep_ != "relcl" or not any(c.dep_ == "nsubj" and c.lower_ == "who" for c in clause.children):
            continue
        auxes = [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
        verb = auxes[0] if auxes else clause
        if verb.tag_ == "VBZ" or verb.lower_ == "was":
            return True
    return False


def _person_apposed(doc: Doc, cluster: dict, lex: dict, table: TokenTable, top: str) -> bool:
    """Whether a name NER took for a product or a work has a person's role in apposition ("Ines
    Moll, the race director,"): the role says what NER could not. Places keep theirs ("Austin,
    the capital")."""
    if top in ("GPE", "LOC"):
        return False
    return any(rec["person"] for start, end in cluster["names"] for rec in find_appositions(doc, start, end, lex, table))


def _direct_descriptors(doc: Doc, clusters: list[dict], lex: dict, table: TokenTable) -> tuple[list[tuple], set[int]]:
    """Premodifiers, appositions and ages attached to each name; the tokens they take."""
    events = []
    taken: set[int] = set()
    for index, cluster in enumerate(clusters):
        for start, end in cluster["names"]:
            taken.update(range(start, end))
    for index, cluster in enumerate(clusters):
        top = cluster["votes"].most_common(1)[0][0] if cluster["votes"] else "PERSON"
        if top not in ("PERSON", "ORG", "OUTLET", "NORP") and not cluster["org_class"] and any(
                _who_clause(doc, name_head(doc, start, end, table)) for start, end in cluster["names"]):
            cluster["votes"]["PERSON"] += STRONG  # organisations are "who" too ("the Sierra Club, who ...")
            top = "PERSON"
        if top not in DESCRIBED_TYPES and not _person_apposed(doc, cluster, lex, table, top):
            continue  # places and works: "Austin, Texas" is not a description of Austin
        for start, end in list(cluster["names"]):
            head = name_head(doc, start, end, table).i
            premodifier = find_premodifier(doc, start, end, lex)
            if premodifier is not None:
                first, gender, person, age = premodifier
                if age is not None:
                    _add_age(doc, cluster, age, first, start)
                cluster["descriptors"].append((first, end))
                cluster.setdefault("roles", set()).update(t.lower_ for t in doc[first:start])
                events.append((first, "direct", index, first, end, head, None))
                taken.update(range(first, start))
                if person:
                    cluster["votes"]["PERSON"] += STRONG
                if gender:
                    cluster["gender_votes"][gender] += STRONG
            for rec in find_appositions(doc, start, end, lex, table):
                if (rec["start"], rec["end"]) in cluster["descriptors"]:
                    continue
                cluster["descriptors"].append((rec["start"], rec["end"]))
                cluster.setdefault("roles", set()).add(rec["role"])
                # the role's own words; what follows its noun ("at the observatory") may name others
                taken.update(i for i in range(rec["start"], min(rec["end"], rec["head"] + 1)) if doc[i].pos_ != "PROPN")
                events.append((rec["start"], "direct", index, rec["start"], rec["end"], head, rec))
                if rec["age"] is not None:
                    _add_age(doc, cluster, rec["age"], rec["start"], rec["end"])
                if rec["person"]:
                    cluster["votes"]["PERSON"] += STRONG
                    if rec["gender"]:
                        cluster["gender_votes"][rec["gender"]] += STRONG
                elif rec["org_class"]:
                    cluster["votes"]["ORG"] += STRONG
                    cluster["org_class"] = cluster["org_class"] or rec["org_class"]
            age = age_after(table, end)
            if age is not None:
                value, number = age
                _add_age(doc, cluster, value, number, number + 1)
    return events, taken


def find_entities(doc: Doc, lex: dict, published: str | None = None) -> list[dict]:
    """Entity clusters (EntityRec) for every person, organisation, outlet and place in ``doc``."""
    table = TokenTable(doc)
    spans = find_name_spans(doc, lex, table)
    clusters = cluster_names(doc, spans, lex, table)
    direct_events, taken = _direct_descriptors(doc, clusters, lex, table)
    _outlet_cues(doc, clusters, lex)
    _kin_listed_names(doc, clusters, lex, table)
    _given_name_genders(doc, clusters, lex)
    events = list(direct_events)
    for index, cluster in enumerate(clusters):
        for start, end in cluster["names"]:
            events.append((start, "name", index, start, end, name_head(doc, start, end, table).i, None))
    for rec in find_anaphoric_descriptors(doc, lex, taken, table):
        events.append((rec["start"], "desc", None, rec["start"], rec["end"], rec["head"], rec))
    pronouns = lex["pronouns"]["pronouns"]
    for i, word in enumerate(table.lower):
        if word in pronouns and table.pos[i] == "PRON":
            events.append((i, "pron", None, i, i + 1, i, None))
    layout = TokenLayout(doc, extensions.get_list(doc, "hearsay_quotes"))
    speech = set(lex["pronouns"]["speech_verbs"])

    def order(event: tuple) -> tuple:
        position, kind = event[0], event[1]
        if kind == "pron" and not layout.in_quote[position] and table.dep[position] in ("nsubj", "nsubjpass"):
            # '"She argued," she said': the speaker is resolved before the words she speaks
            token = doc[position]
            if token.head.lemma_ in speech:
                first = layout.bounds[layout.sent[position]][0]
                quoted = [i for i in range(first, position) if layout.in_quote[i]]
                if quoted:
                    return (quoted[0], -1)
        return (position, _ORDER[kind])

    events.sort(key=order)

    resolver = Resolver(doc, clusters, layout, lex)
    for position, kind, index, start, end, head, rec in events:
        if kind == "name":
            resolver.name(index, start, end, head)
        elif kind == "direct":
            resolver.note(head, index, start, end)
            if rec is not None and rec.get("possessor") is not None and rec["role"] in lex["descriptors"]["kinship"]:
                resolver.kin_links.append((rec["role"], rec["possessor"], index))
        elif kind == "desc":
            resolver.descriptor(rec)
        else:
            resolver.pronoun(doc[head])

    resolver.merge_relatives()
    for born_token, born in find_birth_statements(doc, table):
        token = doc[born_token]
        target = resolver.cluster_at(token.head.i) if token.head.pos_ == "PROPN" else None
        if target is None:
            root = token.sent.root
            subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            target = resolver.cluster_at(subject.i) if subject is not None else None
        if target is None or resolver.type_of(target) != "PERSON":
            # "Born March 9, 1986, in Dayton, Priya Raman joined ...": the sentence's first person
            people = (resolver.cluster_at(t.i) for t in token.sent)
            target = next((c for c in people if c is not None and resolver.type_of(c) == "PERSON"), None)
        if target is not None:
            clusters[target]["born"] = born
            clusters[target]["born_stated"] = True
    for subject, value, number in copular_ages(doc) + turned_ages(doc, published):
        target = resolver.cluster_at(subject)
        if target is not None and resolver.type_of(target) == "PERSON":
            _add_age(doc, clusters[target], value, number, number + 1)

    return _records(doc, clusters, resolver, published)


def _records(doc: Doc, clusters: list[dict], resolver: Resolver, published: str | None) -> list[dict]:
    records = []
    for index, cluster in enumerate(clusters):
        if cluster.get("merged_into") is not None or not cluster["names"]:
            continue
        votes = cluster["votes"]
        etype = votes.most_common(1)[0][0] if votes else "PERSON"
        best = max(cluster["names"], key=lambda se: (se[1] - se[0], token_chars(doc, *se)[1] - doc[se[0]].idx, -se[0]))
        mentions = {}
        for kind, spans in (("name", cluster["names"]), ("descriptor", cluster["descriptors"]),
                            ("pronoun", cluster["pronouns"])):
            for start, end in spans:
                if end <= start:
                    continue
                cs, ce = token_chars(doc, start, end)
                mentions.setdefault((cs, ce), {"start": cs, "end": ce, "kind": kind})
        born = cluster["born"]
        if born is None and cluster["age"] is not None:
            born = born_from_age(cluster["age"], published)
        records.append({
            "type": etype,
            "name": doc[best[0]:best[1]].text,
            "mentions": sorted(mentions.values(), key=lambda m: (m["start"], m["end"])),
            "age": cluster["age"],
            "born": born,
            "gender": resolver.gender_of(index) if etype == "PERSON" else None,
            "ages": cluster.get("ages", []),
            "born_stated": bool(cluster.get("born_stated")),
        })
    records.sort(key=lambda r: r["mentions"][0]["start"])
    for number, rec in enumerate(records, 1):
        rec["id"] = f"E{number}"
    return [{"id": r["id"], **{k: v for k, v in r.items() if k != "id"}} for r in records]


@Language.factory(
    "hearsay_mentions",
    requires=["doc._.hearsay_quotes"],
    assigns=["doc._.hearsay_entities"],
    default_config={"lexicons": {"@misc": "hearsay.lexicon.v1"}},
)
def make_hearsay_mentions(nlp: Language, name: str, lexicons: Callable[[str], dict]):
    return HearsayMentions(load_mention_lexicons(lexicons))


class HearsayMentions:
    def __init__(self, lex: dict):
        self.lex = lex

    def __call__(self, doc: Doc) -> Doc:
        meta = doc._.hearsay_meta or {}
        doc._.hearsay_entities = find_entities(doc, self.lex, meta.get("published"))
        return doc


def resolve_pronoun_at(doc: Doc, offset: int) -> dict | None:
    """The entity a pronoun starting at character ``offset`` was resolved to, or None."""
    for entity in extensions.get_list(doc, "hearsay_entities"):
        for mention in entity["mentions"]:
            if mention["kind"] == "pronoun" and mention["start"] == offset:
                return entity
    return None
