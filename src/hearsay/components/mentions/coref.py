"""Rule-based coreference: pronouns and anaphoric descriptors resolved in reading order.

No neural coreference runs offline here, so this is a salience model in the Lappin-Leass
tradition, cut down to what news text needs: every earlier mention of an entity adds to its
salience (subjects weigh more, weight halves per sentence back and drops across paragraphs and
quote boundaries); candidates must agree in gender, type and number; a non-reflexive object
pronoun cannot be its own clause's subject; a definite descriptor ("the choreographer") is not
someone already mentioned earlier in its own sentence; "her husband" is not "her". Gender is
learnt as the text goes: from titles and role nouns first, then from pronouns resolved without
competition, so "Natalie ... herself" makes Natalie female for every later "she".

An indefinite role noun ("a French activist") opens a provisional entity that later pronouns can
refer to; it merges into the next newly named person a few sentences on, or is dropped unnamed.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .._internals.layout import TokenLayout
from .._internals.syntax import SUBJECT_DEPS, governing_verb, subject_of
from .names import STRONG as STRONG_VOTE, new_cluster
THING_TYPES = ("ORG", "PRODUCT")  # what "it" / "its" may name
PRONOUN_WINDOW = 5       # sentences back a pronoun may reach
DESCRIPTOR_WINDOW = 12   # ... and a definite descriptor
INDEFINITE_WINDOW = 4    # sentences after "a French activist" in which its name may come
PARAGRAPH_DECAY = 0.7
QUOTE_DECAY = 0.5
UNKNOWN_GENDER = 0.7
FIRST_IN_SENTENCE = 1.25
NEAR, NEAR_TOKENS = 1.5, 8
SPEAKER_IN_OWN_QUOTE = 0.05
EMBEDDED = 0.5
SAME_CLAUSE = 2.0        # "Martin's affection for his girlfriends": a possessive's own clause first


def clause_verb(token: Token) -> Token:
    """The head of the clause a token sits in: its nearest verb, else the sentence root."""
    return governing_verb(token, limit=None, or_root=True)


def controlling_subject(verb: Token) -> Token | None:
    """The subject of a clause, or of the clause that controls a subjectless one:
    "Blige sings to Clinton before asking her" - Blige asks."""
    for _ in range(3):
        subject = subject_of(verb)
        if subject is not None or verb.dep_ not in ("xcomp", "advcl", "pcomp", "conj") or verb.head.i == verb.i:
            return subject
        verb = clause_verb(verb)
    return None


class Resolver:
    """Walks the doc in order; keeps the mentions seen so far and resolves each anaphor."""

    def __init__(self, doc: Doc, clusters: list[dict], layout: TokenLayout, lex: dict):
        self.doc = doc
        self.clusters = clusters
        self.layout = layout
        self.lex = lex
        self.pron = lex["pronouns"]["pronouns"]
        self.speech = set(lex["pronouns"]["speech_verbs"])
        self.pleonastic = set(lex["pronouns"]["pleonastic_heads"])
        self.prefs = lex["descriptors"]["org_type_preferences"]
        self.exclusive = [frozenset(g) for g in lex["descriptors"].get("exclusive_roles", {}).get("groups", [])]
        self.seen: list[tuple[int, int]] = []   # (head token, cluster)
        # the clusters of `seen` by the paragraph of their head: "who was talked about in this
        # paragraph or the one before" asked without reading every mention of the article
        self.seen_in_para: dict[int, list[int]] = {}
        self.last_para = -1
        self._name_reading: dict[int, tuple] = {}   # `_named_like_a_person`, by names list
        self.token_cluster: dict[int, int] = {}
        self.kin_links: list[tuple[str, int, int]] = []  # (role, possessor token, cluster)
        self.pending: list[int] = []             # provisional clusters from "a French activist"
        self.named: set[int] = set()
        #: every proper name's tokens -> its cluster, known before the walk (for cataphora)
        self.name_cluster: dict[int, int] = {
            i: index for index, c in enumerate(clusters) for start, end in c["names"] for i in range(start, end)
        }

    # -- bookkeeping -------------------------------------------------------------------------
    def find(self, index: int) -> int:
        while self.clusters[index].get("merged_into") is not None:
            index = self.clusters[index]["merged_into"]
        return index

    def cluster_at(self, token_index: int) -> int | None:
        index = self.token_cluster.get(token_index)
        return None if index is None else self.find(index)

    def note(self, head: int, cluster: int, start: int, end: int) -> None:
        self.seen.append((head, cluster))
        self.seen_in_para.setdefault(self.layout.para[head], []).append(cluster)
        self.last_para = max(self.last_para, self.layout.para[head])
        for i in range(start, end):
            self.token_cluster.setdefault(i, cluster)
        self.token_cluster[head] = cluster

    def type_of(self, index: int) -> str:
        votes = self.clusters[index]["votes"]
        return votes.most_common(1)[0][0] if votes else "PERSON"

    def gender_of(self, index: int) -> str | None:
        cluster = self.clusters[index]
        if cluster["gender"]:
            return cluster["gender"]
        votes = cluster["gender_votes"]
        if votes:
            (top, count), *rest = votes.most_common(2)
            if not rest or count > rest[0][1]:
                return top
        return None

    # -- names -------------------------------------------------------------------------------
    def name(self, index: int, start: int, end: int, head: int) -> None:
        if index not in self.named:
            self.named.add(index)
            cluster = self.clusters[index]
            weak = not cluster["org_class"] and sum(cluster["votes"].values()) <= 2
            if self.type_of(index) == "PERSON" or weak:
                self._claim_pending(index, head)
        self.note(head, index, start, end)

    def _claim_pending(self, index: int, head: int) -> None:
        sent = self.layout.sent[head]
        gender = self.gender_of(index)
        for pc in reversed(self.pending):
            pcl = self.clusters[pc]
            if pcl.get("merged_into") is not None:
                continue
            if not 0 < sent - pcl["opened_sent"] <= INDEFINITE_WINDOW:
                continue
            if gender and pcl["gender"] and gender != pcl["gender"]:
                continue
            self.clusters[index]["votes"]["PERSON"] += 10  # "a 34-year-old man" says what NER could not
            self._merge(pc, index)
            return

    # -- salience ----------------------------------------------------------------------------
    def salience(self, anaphor: int, window: int, same_clause: float = 1.0) -> dict[int, float]:
        lay = self.layout
        s0, p0, q0 = lay.sent[anaphor], lay.para[anaphor], lay.in_quote[anaphor]
        verb = clause_verb(self.doc[anaphor]).i if same_clause != 1.0 else None
        speaker_slot = self._is_speech_subject(self.doc[anaphor])
        scores: dict[int, float] = {}
        seen = self.seen
        for k in range(len(seen) - 1, -1, -1):
            head, cluster = seen[k]
            distance = s0 - lay.sent[head]
            if distance > window:
                break
            if head > anaphor:
                continue  # a speaker resolved ahead of the quote it follows
            token = self.doc[head]
            if token.dep_ == "appos":  # "Her sister, Lucia Delgado, remembers": the subject's role
                token = token.head
            weight = 3.0 if token.dep_ in SUBJECT_DEPS else 1.5 if token.dep_ == "poss" else 1.0
            if k == 0 or lay.sent[seen[k - 1][0]] != lay.sent[head]:
                weight *= FIRST_IN_SENTENCE  # the sentence's first-mentioned entity leads it
            if speaker_slot and token.dep_ in SUBJECT_DEPS and self._is_speech_subject(token):
                weight *= 1.5
            if token.dep_ == "pobj" and token.head.head.pos_ in ("NOUN", "PROPN"):
                weight *= EMBEDDED  # "a daughter of Edmund Beaufort": inside another noun phrase
            if verb is not None and distance == 0 and clause_verb(token).i == verb:
                weight *= same_clause
            if distance == 0 and anaphor - head <= NEAR_TOKENS:
                weight *= NEAR  # in the same sentence, a few words back
            weight *= 0.5 ** distance
            weight *= PARAGRAPH_DECAY ** (p0 - lay.para[head])
            if lay.in_quote[head] and not q0:
                weight *= QUOTE_DECAY
            index = self.find(cluster)
            scores[index] = scores.get(index, 0.0) + weight
        return scores

    def _is_speech_subject(self, token: Token) -> bool:
        return token.dep_ in SUBJECT_DEPS and token.head.lemma_ in self.speech

    @staticmethod
    def _best(scores: dict[int, float]) -> tuple[int | None, bool]:
        if not scores:
            return None, False
        ranked = sorted(scores.items(), key=lambda kv: -kv[1])
        clear = len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]
        return ranked[0][0], clear

    # -- pronouns ----------------------------------------------------------------------------
    def pronoun(self, token: Token) -> int | None:
        info = self.pron.get(token.lower_)
        if info is None:
            return None
        gender = info["gender"]
        if gender == "n":
            return self._it(token, info)
        form = info["form"]
        if token.lower_ == "her":  # the tag tells "her" possessive (PRP$) from object (PRP)
            form = "possessive" if token.tag_ == "PRP$" else "object"
        verb = clause_verb(token)
        subject = controlling_subject(verb)
        subject_cluster = self.cluster_at(subject.i) if subject is not None and subject.i != token.i else None
        cataphor = self._cataphor(token, gender)
        if form == "reflexive" and subject_cluster is not None:
            chosen, clear = subject_cluster, True
        elif cataphor is not None:
            chosen, clear = cataphor, True
        else:
            scores = self.salience(token.i, PRONOUN_WINDOW, SAME_CLAUSE if form == "possessive" else 1.0)
            for index in list(scores):
                known = self.gender_of(index)
                if not self._may_be_person(index) or (known and known != gender):
                    del scores[index]
                    continue
                if known is None:
                    scores[index] *= UNKNOWN_GENDER
                if self.type_of(index) != "PERSON":
                    scores[index] *= UNKNOWN_GENDER
            if form == "object" and subject_cluster is not None:
                scores.pop(subject_cluster, None)
            if self.layout.in_quote[token.i]:
                for index in self._speakers_near(token):
                    if index in scores:
                        scores[index] *= SPEAKER_IN_OWN_QUOTE
            chosen, clear = self._best(scores)
        if chosen is None:
            return None
        cluster = self.clusters[chosen]
        if clear and self.gender_of(chosen) is None:
            cluster["gender_votes"][gender] += 1
        if self.type_of(chosen) != "PERSON":
            cluster["votes"]["PERSON"] += 1  # "he"/"she" is the evidence NER lacked
        cluster["pronouns"].append((token.i, token.i + 1))
        self.note(token.i, chosen, token.i, token.i + 1)
        return chosen

    def _speakers_near(self, token: Token) -> set[int]:
        """Who speaks the quote ``token`` is in: subjects of speech verbs outside quotes in its
        sentence or the one before. A speaker calls themselves "I", so "he" in their quote is
        someone else."""
        lay = self.layout
        sent = lay.sent[token.i]
        found = set()
        for head, cluster in reversed(self.seen):
            if sent - lay.sent[head] > 1:
                break
            if not lay.in_quote[head] and self._is_speech_subject(self.doc[head]):
                found.add(self.find(cluster))
        for i in range(token.i + 1, lay.bounds[sent][1]):
            t = self.doc[i]
            if not lay.in_quote[i] and self._is_speech_subject(t):
                index = self.name_cluster.get(t.i, self.token_cluster.get(t.i))
                if index is not None:
                    found.add(self.find(index))
        return found

    def _may_be_person(self, index: int) -> bool:
        """A person, or a name NER typed otherwise on no stronger evidence ("MacKenzie" ORG,
        "Avril Lavigne" ORG): no organisation word, no construction vote, used as an argument."""
        cluster = self.clusters[index]
        if self.type_of(index) == "PERSON":
            return True
        votes = cluster["votes"]
        return (
            not cluster.get("org_class") and max(votes.values()) < STRONG_VOTE
            and self.type_of(index) in ("ORG", "GPE", "LOC", "FAC", "PRODUCT", "WORK")
            and self._named_like_a_person(cluster)
        )

    def _named_like_a_person(self, cluster: dict) -> bool:
        """Some name of the cluster is an argument, and none follows "the" ("the Starlite
        Drive-In": a person's name takes no article). Read once per cluster and number of
        names, not once per pronoun: a name repeated through a long article would make every
        pronoun read all its repetitions."""
        names = cluster["names"]
        known = self._name_reading.get(id(names))
        if known is None or known[0] != len(names):
            doc = self.doc
            argument = any(doc[end - 1].dep_ in ("nsubj", "nsubjpass", "dobj", "poss", "conj") for _, end in names)
            after_the = any(start > 0 and doc[start - 1].lower_ == "the" for start, _ in names)
            known = (len(names), argument and not after_the, names)   # the list kept: its id stays its own
            self._name_reading[id(names)] = known
        return known[1]

    def _cataphor(self, token: Token, gender: str) -> int | None:
        """"In his list, Robert Christgau named ..." / "Living with her aunt, Kelsey studied":
        a pronoun in a phrase fronted before its sentence's subject refers to that subject."""
        root = self.doc[self.layout.bounds[self.layout.sent[token.i]][2]]
        subject = subject_of(root)
        if subject is None or token.i >= subject.left_edge.i:
            return None  # after the subject, or inside it ("his son" is not the son)
        if self.layout.in_quote[token.i] != self.layout.in_quote[subject.i]:
            return None  # '"He was unbelievable," coach Peter Laviolette said': not the speaker
        index = self.name_cluster.get(subject.i)
        if index is None:
            return None
        index = self.find(index)
        known = self.gender_of(index)
        if not self._may_be_person(index) or (known and known != gender):
            return None
        return index

    def _it(self, token: Token, info: dict) -> int | None:
        if info["form"] != "possessive":
            if token.dep_ not in SUBJECT_DEPS or token.head.lemma_ in self.pleonastic:
                return None
        sent = self.layout.sent[token.i]
        speaking = self._is_speech_subject(token)  # "it said in a statement": an organisation speaks
        subjects = set()
        for h, c in reversed(self.seen):
            if sent - self.layout.sent[h] > 1:
                break
            if speaking or self.doc[h].dep_ in SUBJECT_DEPS:
                subjects.add(self.find(c))
        scores = self.salience(token.i, 1)
        scores = {i: s for i, s in scores.items() if self.type_of(i) in THING_TYPES and i in subjects}
        chosen, _ = self._best(scores)
        if chosen is None:
            return None
        self.clusters[chosen]["pronouns"].append((token.i, token.i + 1))
        self.note(token.i, chosen, token.i, token.i + 1)
        return chosen

    # -- descriptors -------------------------------------------------------------------------
    def descriptor(self, rec: dict) -> int | None:
        if rec["kind"] == "org":
            return self._org_descriptor(rec)
        head = rec["head"]
        if not rec["definite"]:
            return self._open_provisional(rec)
        possessor = None
        if rec.get("possessor") is not None:
            # "her rocker husband": a relative of someone resolved; "its owner", "Pryce's lawyer"
            # name someone the text has not pinned down, so they stay unresolved
            possessor = self.cluster_at(rec["possessor"])
            if possessor is None and rec["kin"]:
                possessor = self._first_person_speaker(rec["possessor"])
            if not rec["kin"] or possessor is None or self.type_of(possessor) != "PERSON":
                return None
        chosen = None
        if rec["kin"] and possessor is not None:
            inverse = self.lex["descriptors"]["kin_inverse"]
            for role, poss_token, cluster in self.kin_links:
                if role == rec["role"] and self.cluster_at(poss_token) == possessor:
                    chosen = self.find(cluster)  # "her husband" again
                    break
                if self.find(cluster) == possessor and rec["role"] in inverse.get(role, ()):
                    chosen = self.cluster_at(poss_token)  # Y's mother X: "her son" is Y
                    if chosen is not None:
                        break
        if chosen is None:
            scores = self.salience(head, DESCRIPTOR_WINDOW)
            sent = self.layout.sent[head]
            same_sentence = set()
            for h, c in reversed(self.seen):
                if self.layout.sent[h] != sent:
                    break
                same_sentence.add(self.find(c))
            if possessor is not None:
                # a relative is someone just talked about, or someone new (named later, if ever)
                para = self.layout.para[head]
                recent = {self.find(c) for p in range(para - 1, max(self.last_para, para) + 1)
                          for c in self.seen_in_para.get(p, ())}
                scores = {i: v for i, v in scores.items() if i in recent}
            for index in list(scores):
                known = self.gender_of(index)
                age = self.clusters[index]["age"]
                if (
                    not self._may_be_person(index)
                    or (known and rec["gender"] and known != rec["gender"])
                    or index in same_sentence
                    or index == possessor
                    or index not in self.named
                    or self._role_clash(index, rec.get("role"))
                    or not self._affiliated(index, rec.get("affiliation"))
                    or (rec.get("age") is not None and age is not None and age != rec["age"])
                ):
                    del scores[index]
                elif rec.get("age") is not None and age == rec["age"]:
                    scores[index] *= 10
                if index in scores and self.type_of(index) != "PERSON":
                    scores[index] *= UNKNOWN_GENDER
            chosen, _ = self._best(scores)
        if chosen is None and possessor is not None:
            chosen = self._new_provisional(rec)  # "my husband": someone the text may name later
        if chosen is None:
            return None
        if chosen != self.find(chosen):
            chosen = self.find(chosen)
        if not self.clusters[chosen].get("provisional"):
            self._attach_descriptor(chosen, rec)
        if rec["kin"] and possessor is not None:
            self.kin_links.append((rec["role"], rec["possessor"], chosen))
        return chosen

    def _role_clash(self, index: int, role: str | None) -> bool:
        """"The suspect" is not someone the text already called the suspect's lawyer."""
        held = {self._unabbreviated(r) for r in self.clusters[index].get("roles") or ()}
        if not role or not held or role in held:
            return False
        return any(role in group and held & set(group) for group in self.exclusive)

    def _unabbreviated(self, word: str) -> str:
        """The role word an abbreviated title shortens ("sen." -> "senator", "gov." ->
        "governor"), so a title and its own role noun never clash; other words as they are."""
        if not word.endswith(".") or len(word) < 3:
            return word
        stem = word[:-1]
        return next((m for group in self.exclusive for m in group if m.startswith(stem)), word)

    def _affiliated(self, index: int, words: frozenset[str] | None) -> bool:
        """Whether a person was mentioned in a sentence naming the organisation a descriptor
        places its role at (`affiliation_words`): "the chief executive of rival Brindle
        Snacks" is not the chief executive of the company the story is about."""
        if not words:
            return True
        return any(self.find(c) == index and any(t.lower_ in words for t in self.doc[h].sent) for h, c in self.seen)

    def _first_person_speaker(self, token_index: int) -> int | None:
        """"My husband" in a quote: the one person speaking it, if the text says who."""
        token = self.doc[token_index]
        if token.lower_ not in ("my", "our") or not self.layout.in_quote[token_index]:
            return None
        speakers = self._speakers_near(token)
        if len(speakers) != 1:
            return None
        speaker = speakers.pop()
        self.token_cluster[token_index] = speaker
        return speaker

    def merge_relatives(self) -> None:
        """A relative met unnamed ("My husband proposed ...") and later named in apposition
        ("Her husband, Walter,") is one person: same kin word, same person they belong to."""
        named: dict[tuple[str, int], int] = {}
        for role, poss_token, cluster in self.kin_links:
            owner = self.cluster_at(poss_token)
            index = self.find(cluster)
            if owner is not None and self.clusters[index]["names"]:
                named.setdefault((role, owner), index)
        for role, poss_token, cluster in self.kin_links:
            owner = self.cluster_at(poss_token)
            index = self.find(cluster)
            target = named.get((role, owner))
            if target is None or index == target or not self.clusters[index].get("provisional"):
                continue
            self._merge(index, target)

    def _merge(self, index: int, target: int) -> None:
        source, dest = self.clusters[index], self.clusters[target]
        source["merged_into"] = target
        dest["descriptors"].extend(source["descriptors"])
        dest["pronouns"].extend(source["pronouns"])
        dest.setdefault("roles", set()).update(source.get("roles", ()))
        dest["gender_votes"].update(source["gender_votes"])
        if source.get("gender"):
            dest["gender_votes"][source["gender"]] += 10
        dest.setdefault("ages", []).extend(source.get("ages", []))
        if dest["age"] is None:
            dest["age"] = source["age"]

    def _attach_descriptor(self, index: int, rec: dict) -> None:
        cluster = self.clusters[index]
        cluster["descriptors"].append((rec["start"], rec["end"]))
        if rec.get("role"):
            cluster.setdefault("roles", set()).add(rec["role"])
        if rec["kind"] == "person":
            cluster["votes"]["PERSON"] += 3  # "the singer" says person where NER said ORG
        if rec.get("age") is not None:  # "the 31-year-old"
            head = self.doc[rec["head"]]
            cluster.setdefault("ages", []).append(
                {"value": rec["age"], "start": self.doc[rec["start"]].idx, "end": head.idx + len(head.text)})
            if cluster["age"] is None:
                cluster["age"] = rec["age"]
        if rec.get("gender"):
            cluster["gender_votes"][rec["gender"]] += 3
        self.note(rec["head"], index, rec["start"], rec["end"])

    def _open_provisional(self, rec: dict) -> int | None:
        if self.layout.in_quote[rec["head"]] or self.doc[rec["head"]].dep_ == "attr":
            return None
        index = self._new_provisional(rec)
        self.pending.append(index)
        return index

    def _new_provisional(self, rec: dict) -> int:
        """An entity known so far only by a description."""
        cluster = new_cluster()
        cluster["votes"]["PERSON"] += 1
        cluster["gender"] = rec.get("gender")
        cluster["provisional"] = True
        cluster["opened_sent"] = self.layout.sent[rec["head"]]
        self.clusters.append(cluster)
        index = len(self.clusters) - 1
        self._attach_descriptor(index, rec)
        return index

    def _org_descriptor(self, rec: dict) -> int | None:
        allowed = set(self.prefs.get(rec["org_class"] or "", []))
        head = rec["head"]

        def fits(index: int) -> bool:
            cluster = self.clusters[index]
            if self.type_of(index) != "ORG" or cluster.get("merged_into") is not None:
                return False
            return cluster["org_class"] is None and rec["org_class"] != "police" or cluster["org_class"] in allowed

        if not rec["definite"] or rec.get("possessor") is not None:
            return None  # "his team" is whichever team he belongs to: the relations stage's question
        if rec["org_class"] == "police" and rec["start"] == rec["head"]:
            # bare "police": the police force the article names, wherever it names it
            candidates = [i for i, c in enumerate(self.clusters) if c["names"] and fits(i)]
            if not candidates:
                return None
            chosen = min(candidates, key=lambda i: min(abs(s - head) for s, _ in self.clusters[i]["names"]))
        else:
            scores = {i: s for i, s in self.salience(head, DESCRIPTOR_WINDOW).items() if fits(i)}
            chosen, _ = self._best(scores)
        if chosen is None:
            return None
        self._attach_descriptor(chosen, rec)
        return chosen
