"""Proper names: which spans name someone or something, what type they are, and which names
belong together ("Natalie Portman" / "Natalie" / "Portman").

spaCy's small model finds most names but mislabels many ("Aleph" ORG, "Corvid Analytics"
PERSON, "Bloomberg" GPE) and misses names it saw only in a possessive ("Pryce's"). Types are
therefore decided by votes: spaCy's label is one weak vote, constructions (an age apposition,
a person title, an organisation suffix, an outlet name or cue) are strong ones.

Everything here works on token indices; ``mentions.py`` converts to character offsets.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections import Counter

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from .ages import age_after
from .descriptors import is_group_member_noun

#: spaCy labels kept as entity names, mapped to ledger types
NAME_LABELS = {
    "PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "FAC": "FAC", "EVENT": "EVENT",
    "WORK_OF_ART": "WORK", "PRODUCT": "PRODUCT", "LAW": "LAW", "NORP": "ORG",
}
#: types a name may join an organisation cluster with by a shared word
PLACE_TYPES = {"GPE", "LOC", "FAC"}
STRONG = 10
POSSESSIVE_MARKS = {"'s", "’s", "'", "’"}


def new_cluster() -> dict:
    """One entity under construction: type votes, spans by kind (token indices), gender votes, age."""
    return {
        "votes": Counter(), "names": [], "descriptors": [], "pronouns": [], "gender": None,
        "gender_votes": Counter(), "age": None, "born": None, "org_class": None,
    }


def _trim(doc: Doc, start: int, end: int, titles: dict) -> tuple[int, int, int | None]:
    """Drop a leading "the", titles and trailing possessive marks; return (start, end, title_start)."""
    title_start = None
    while start < end and (doc[start].lower_ == "the" or (doc[start].is_punct and doc[start].text != "&")):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].lower_ in POSSESSIVE_MARKS
                           or (doc[end - 1].is_punct and doc[end - 1].text not in "&.")):
        end -= 1
    while start < end - 1 and doc[start].text in titles:
        title_start = start if title_start is None else title_start
        start += 1
    return start, end, title_start


def _is_role_modifier(doc: Doc, start: int, end: int, roles: dict) -> bool:
    """A name used as a modifier of a role noun: "the Jackie star", "The Oscar winner"."""
    last = doc[end - 1]
    head = last.head
    return (
        last.dep_ in ("compound", "amod", "nmod")
        and head.i >= end
        and head.pos_ == "NOUN"
        and head.lower_ in roles
    )


def _outlet_matches(doc: Doc, lex: dict) -> list[tuple[int, int]]:
    """Token spans of outlet names from the lexicon (exact case; ordinary-word names left out)."""
    outlets = lex["outlets"]
    matcher = outlets.get("_matcher")
    if matcher is None or matcher.vocab is not doc.vocab:
        matcher = PhraseMatcher(doc.vocab, attr="ORTH")
        names = [n for n in outlets["names"] if n not in outlets["common_words_set"]]
        matcher.add("OUTLET", [Doc(doc.vocab, words=name.split()) for name in names])
        outlets["_matcher"] = matcher
    return [(start, end) for _, start, end in matcher(doc)]


def _split_coordination(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """"Aleph and Amalia" is two names: split an entity at its coordinating conjunctions."""
    parts, first = [], start
    for i in range(start, end):
        if doc[i].dep_ == "cc" or doc[i].lower_ in ("and", "or") or doc[i].text == ",":
            if first < i:
                parts.append((first, i))
            first = i + 1
    if first < end:
        parts.append((first, end))
    if len(parts) > 1 and any(doc[i].text == "&" for i in range(start, end)):
        return [(start, end)]
    return parts


class _SpanKeys:
    """Name-span keys (start, end) filed by their first token, in the order the spans dict
    holds them: the spans near a position are then found without a scan of every span (once per
    outlet match and per age, such a scan made this stage quadratic in a long article)."""

    def __init__(self):
        self.at: dict[int, list[tuple[int, int]]] = {}
        self.rank: dict[tuple[int, int], int] = {}
        self.added = 0
        self.longest = 0

    def add(self, key: tuple[int, int]) -> None:
        """Mirror of ``spans[key] = ...``: a key already held keeps its place."""
        if key not in self.rank:
            self.rank[key] = self.added   # a new key (or one deleted and set again) goes last
            self.added += 1
            self.at.setdefault(key[0], []).append(key)
            self.longest = max(self.longest, key[1] - key[0])

    def remove(self, key: tuple[int, int]) -> None:
        del self.rank[key]
        self.at[key[0]].remove(key)

    def starting(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """Keys whose first token is in [lo, hi), in the spans dict's order."""
        found = [k for i in range(max(lo, 0), hi) for k in self.at.get(i, ())]
        return sorted(found, key=self.rank.__getitem__)

    def covering(self, i: int) -> list[tuple[int, int]]:
        """Keys whose span holds token ``i``, in the spans dict's order."""
        return [k for k in self.starting(i - self.longest, i + 1) if i < k[1]]


def find_name_spans(doc: Doc, lex: dict, table) -> list[dict]:
    """Name spans {"start","end","label","title_start","evidence"} from NER plus constructions."""
    roles = lex["descriptors"]["person_roles"]
    titles = lex["descriptors"]["titles"]
    kinship = set(lex["descriptors"]["kinship"])
    spans: dict[tuple[int, int], dict] = {}
    keys = _SpanKeys()   # spans' keys by position
    covered: set[int] = set()
    for ent in doc.ents:
        label = NAME_LABELS.get(ent.label_)
        if label is None:
            continue
        start, end, title_start = _trim(doc, ent.start, ent.end, titles)
        if start >= end:
            continue
        if ent.label_ == "NORP" and (doc[end - 1].pos_ != "PROPN" or doc[end - 1].dep_ == "amod"
                                     or doc[end - 1].tag_ == "NNPS"):
            continue  # "French" in "a French activist" is an adjective, "Americans" a group of people
        if ent.label_ == "NORP" and end - start == 1 and is_group_member_noun(doc[start]):
            continue  # "the Democrat": one person described by party or nationality, a descriptor
        if _is_role_modifier(doc, start, end, roles) and (
            ent.label_ in ("PERSON", "WORK_OF_ART")
            or (end - start == 1 and start > 0 and doc[start - 1].lower_ == "the")
        ):
            continue  # "The Complicated singer": a work or a name describing someone
        if end - start == 1 and (doc[start].lower_ in kinship or doc[start].tag_ == "NNS"):
            continue  # "Dad does the wiring": a relative of the speaker; "Detectives said": a plural noun
        for part_start, part_end in _split_coordination(doc, start, end):
            keys.add((part_start, part_end))
            spans[(part_start, part_end)] = {"start": part_start, "end": part_end, "label": label,
                                             "title_start": title_start if part_start == start else None,
                                             "evidence": []}
        covered.update(range(start, end))
    # outlets NER did not see ("a source tells In Touch")
    for start, end in _outlet_matches(doc, lex):
        inside = [k for k in keys.starting(start, end + 1) if k[1] <= end]
        if any(i in covered for i in range(start, end)) and not inside:
            continue  # part of a longer name
        if any((k[0] < start < k[1]) or (k[0] < end < k[1]) for k in keys.starting(start - keys.longest, end)):
            continue
        for k in inside:  # "Touch" (GPE) inside "In Touch"
            del spans[k]
            keys.remove(k)
        keys.add((start, end))
        spans[(start, end)] = {"start": start, "end": end, "label": "ORG", "title_start": None, "evidence": []}
        covered.update(range(start, end))
    # "Aleph, 12," / "Dolores Pike, 81,": a capitalised name followed by an age is a person
    text, pos = table.text, table.pos
    for i in range(len(text) - 2):
        if text[i + 1] not in (",", "(") or pos[i] != "PROPN" or not text[i][:1].isupper() \
                or table.ent[i] in ("DATE", "TIME"):
            continue
        if age_after(table, i + 1) is None:
            continue
        token = doc[i]
        start = token.i
        # the small model tags some given names as common nouns ("Dolores Pike")
        while start > 0 and doc[start - 1].pos_ in ("PROPN", "NOUN") and doc[start - 1].dep_ == "compound" \
                and doc[start - 1].text[:1].isupper() and doc[start - 1].text not in titles \
                and doc[start - 1].lower_ not in roles:
            start -= 1
        hit = next((spans[k] for k in keys.covering(token.i)), None)
        if hit is not None:
            hit["label"] = "PERSON"
            hit["evidence"].append("age")
            continue
        if start in covered:
            continue
        keys.add((start, token.i + 1))
        spans[(start, token.i + 1)] = {"start": start, "end": token.i + 1, "label": "PERSON",
                                       "title_start": None, "evidence": ["age"]}
    _add_kin_named(doc, table, spans, covered, kinship, titles)
    _add_role_apposed(doc, table, spans, covered, roles, titles)
    return sorted(spans.values(), key=lambda s: s["start"])


def _add_role_apposed(doc: Doc, table, spans: dict, covered: set[int], roles: dict, titles: dict) -> None:
    """"Tobi Adeyemi, a winger for Harrow Athletic,": a full name (two or more capitalised
    proper nouns) with a person's role in apposition after it is a person, though NER, which
    knows few names from outside its training news, found none."""
    texts = table.text
    for i, pos in enumerate(table.pos):
        if pos != "PROPN" or i in covered or not texts[i][:1].isupper():
            continue
        token = doc[i]
        if token.dep_ == "compound" or not any(
                c.dep_ == "appos" and c.pos_ == "NOUN" and c.i > i and c.lemma_.lower() in roles for c in token.children):
            continue
        start = i
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound" \
                and doc[start - 1].head.i == i and (start - 1) not in covered and doc[start - 1].text[:1].isupper() \
                and doc[start - 1].text not in titles:
            start -= 1
        if start == i:
            continue  # a lone capitalised word may be a place or a team ("Portland, the favourite")
        spans[(start, i + 1)] = {"start": start, "end": i + 1, "label": "PERSON", "title_start": None, "evidence": ["role"]}
        covered.update(range(start, i + 1))


def _add_kin_named(doc: Doc, table, spans: dict, covered: set[int], kinship: set[str], titles: dict) -> None:
    """"Holloway's daughter, Ivy,", "their children, Anna and Peter": a capitalised proper noun
    in apposition to a kin noun (or coordinated with one so apposed) is a person, though NER,
    which rarely sees a lone first name, found none."""
    texts = table.text
    for i, pos in enumerate(table.pos):   # the table's columns, not a Token per word
        if pos != "PROPN" or not texts[i][:1].isupper() or i in covered or texts[i] in titles:
            continue
        token = doc[i]
        if token.dep_ == "compound":
            continue  # the given name of a longer name: taken with its head below
        head = token
        while head.dep_ == "conj" and head.head.i != head.i and head.head.pos_ == "PROPN":
            head = head.head
        kin = head.head
        if head.dep_ not in ("appos", "conj") or kin.pos_ != "NOUN" or kin.lemma_.lower() not in kinship:
            continue
        start = token.i
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound" \
                and doc[start - 1].head.i == token.i and (start - 1) not in covered:
            start -= 1
        spans[(start, token.i + 1)] = {"start": start, "end": token.i + 1, "label": "PERSON",
                                       "title_start": None, "evidence": ["kin"]}
        covered.update(range(start, token.i + 1))


def _words(table, start: int, end: int) -> list[str]:
    """The words of a name, punctuation other than "&" left out."""
    text, pos = table.text, table.pos
    return [text[i] for i in range(start, end) if pos[i] != "PUNCT" or text[i] == "&"]


def cluster_names(doc: Doc, spans: list[dict], lex: dict, table) -> list[dict]:
    """Group name spans into clusters: equal names, and short forms of a fuller name."""
    clusters: list[dict] = []
    by_text: dict[str, int] = {}
    by_word: dict[str, list] = {}
    full_names: list[tuple[int, int, list[str]]] = []
    order = sorted(spans, key=lambda s: (-len(_words(table, s["start"], s["end"])), s["start"]))
    for span in order:
        words = _words(table, span["start"], span["end"])
        if not words:
            continue
        key = " ".join(words)
        index = by_text.get(key)
        if index is None and len(words) == 1:
            index = _match_acronym(clusters, words[0], span, full_names)
        if index is None:
            index = _match_short_form(table, clusters, words, span, by_word, lex)
        if index is None:
            clusters.append(new_cluster())
            index = len(clusters) - 1
        by_text.setdefault(key, index)
        cluster = clusters[index]
        cluster["names"].append((span["start"], span["end"]))
        if len(words) > 1:
            full_names.append((index, span["start"], words))
            for word in set(words):
                by_word.setdefault(word, []).append((index, span["start"], words))
        weight = 2 if len(words) > 1 else 1
        cluster["votes"][span["label"]] += weight
        if "age" in span["evidence"] or "kin" in span["evidence"]:
            cluster["votes"]["PERSON"] += STRONG
        # "People familiar with ..." opening a sentence is not the magazine
        initial = len(words) == 1 and words[0] in lex["outlets"]["common_words_set"] \
            and bool(doc[span["start"]].is_sent_start)
        _vote_by_name_words(cluster, words, lex, initial)
        if span.get("title_start") is not None:
            cluster["votes"]["PERSON"] += STRONG
            cluster["descriptors"].append((span["title_start"], span["end"]))
            title = doc[span["title_start"]].text
            gender = lex["descriptors"]["titles"].get(title)
            if gender:
                cluster["gender_votes"][gender] += STRONG
    _add_possessive_and_bare_names(doc, clusters, spans, table)
    for cluster in clusters:
        cluster["names"].sort()
    return clusters


def _vote_by_name_words(cluster: dict, words: list[str], lex: dict, sentence_initial: bool = False) -> None:
    """Organisation suffixes ("Analytics", "Police Department") and outlet names decide types."""
    outlets = lex["outlets"]
    org_words = lex["descriptors"]["org_name_words"]
    text = " ".join(words)
    if (text in outlets["names_set"] and not sentence_initial) or (len(words) > 1 and words[-1] in outlets["name_words_set"]):
        cluster["votes"]["OUTLET"] += 2 * STRONG
        cluster["org_class"] = "outlet"
        return
    if len(words) > 1 and words[-1] in lex["descriptors"]["event_name_words"]:
        cluster["votes"]["EVENT"] += STRONG  # "the Angel City Equity Summit"
        return
    org_class = next((org_words[w] for w in words if w in org_words), None) if len(words) > 1 else None
    if org_class:
        cluster["votes"]["ORG"] += STRONG
        cluster["org_class"] = cluster["org_class"] or org_class


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w[:1].isupper())


def _match_acronym(clusters: list[dict], word: str, span: dict, full_names: list) -> int | None:
    """"U.N." / "MPD" for "United Nations" / "Milwaukee Police Department": the capitals of the
    full name's capitalised words, nearest full name before it if several."""
    letters = word.replace(".", "")
    if len(letters) < 2 or not letters.isalpha() or not letters.isupper():
        return None
    matches = [
        (index, start)
        for index, start, full in full_names
        if _initials(full) == letters and clusters[index]["votes"]["PERSON"] < STRONG
    ]
    return _nearest_before(matches, span["start"])


def _nearest_before(matches: list[tuple[int, int]], at: int) -> int | None:
    """The cluster of the (cluster, start) match nearest before ``at``; one after counts as far away."""
    best, best_rank = None, None
    for index, start in matches:
        distance = at - start
        rank = distance if distance > 0 else 100_000 - distance
        if best_rank is None or rank < best_rank:
            best, best_rank = index, rank
    return best


def _match_short_form(table, clusters: list[dict], words: list[str], span: dict, by_word: dict,
                      lex: dict) -> int | None:
    """The cluster whose fuller name contains this shorter one, nearest before it if several.

    ``by_word`` maps each word of every multi-word name seen so far to (cluster, start, words)."""
    n = len(words)
    matches = []
    for index, start, full in by_word.get(words[0], ()):
        if len(full) <= n:
            continue
        cluster = clusters[index]
        person = cluster["votes"]["PERSON"] >= max(cluster["votes"].values())
        if person:
            # "Raman" for "Priya Raman"; a hyphenated surname whole: "Lee-Barker" for "Anna Lee-Barker"
            hyphenated = any(table.text[i] == "-" for i in range(span["start"], span["end"]))
            ok = (n == 1 and words[0] in (full[0], full[-1])) or (hyphenated and full[-n:] == words)
        else:
            ok = span["label"] not in PLACE_TYPES and (
                full[-n:] == words
                # "Corvid" for "Corvid Analytics", but not "Dayton" for "Dayton Police Department"
                or (full[:n] == words and cluster["org_class"] not in lex["descriptors"]["place_named_orgs"])
            )
        if ok:
            matches.append((index, start))
    return _nearest_before(matches, span["start"])


def _add_possessive_and_bare_names(doc: Doc, clusters: list[dict], spans: list[dict], table) -> None:
    """Proper nouns NER missed ("Pryce's attorney", "Pryce allegedly carried") that repeat a
    word of a known person's or organisation's name."""
    covered = {i for s in spans for i in range(s["start"], s["end"])}
    keys: dict[str, list[int]] = {}
    for index, cluster in enumerate(clusters):
        for start, end in cluster["names"]:
            words = _words(table, start, end)
            for word in {words[0], words[-1]} if len(words) > 1 else {words[0]}:
                keys.setdefault(word, [])
                if index not in keys[word]:
                    keys[word].append(index)
    name_starts: dict[int, list[int]] = {}   # each cluster's name starts, sorted, once asked

    def starts_of(index: int) -> list[int]:
        if index not in name_starts:
            name_starts[index] = sorted(s for s, _ in clusters[index]["names"])
        return name_starts[index]

    for i, word in enumerate(table.text):
        if word not in keys or i in covered or table.pos[i] != "PROPN":
            continue
        if table.ent[i] in ("DATE", "TIME", "CARDINAL", "MONEY"):
            continue
        index = min(keys[word], key=lambda c: _distance_before(starts_of(c), i))
        start = i
        # "Artemi Panarin scored" where NER saw no name: take the given name along
        while start > 0 and table.pos[start - 1] == "PROPN" and table.dep[start - 1] == "compound" \
                and table.head[start - 1] == i and (start - 1) not in covered and table.text[start - 1][:1].isupper():
            start -= 1
        clusters[index]["names"].append((start, i + 1))
        insort(starts_of(index), start)


def _distance_before(starts: list[int], position: int) -> int:
    """How far before ``position`` the nearest of a cluster's name ``starts`` (sorted) lies;
    one only after it counts as far away. Bisected: a scan of every name of the cluster for
    every bare name would grow with the square of a long article."""
    k = bisect_left(starts, position)
    return position - starts[k - 1] if k else 100_000 + starts[0] - position
