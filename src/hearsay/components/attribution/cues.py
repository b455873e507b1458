"""What counts as a cue, and what a cue verb's content is, read off the dependency parse.

The words of a speech verb's clause are what a reader holds the speaker responsible for:
"The minister said [the government would ...]", "[Two men have been charged ...], police
said", "Bloomberg reported [the talks]". These functions find the speaker token of a cue
verb (through conjunctions, relative clauses and passives) and the character range of its
content, so `attribution.py` can pair them with sources and quote marks.
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
class CueLexicon:
    """cues.json compiled for lookups."""

    def __init__(self, data: dict):
        self.verb_class: dict[str, str] = {}
        for cls in ("speech_act", "neutral", "emotive", "cognition", "allegation", "reportative", "denial"):
            for lemma in data["classes"].get(cls, []):
                self.verb_class[lemma] = cls   # later classes win: "admit" emotive < "claim" allegation
        self.object_content = set(data["object_content"])
        self.clause_only = set(data["clause_only"])
        self.document_verbs = set(data["document_verbs"])
        self.document_verb_class = dict(data["document_verb_class"])
        self.reports_verbs = set(data["reports_verbs"])
        self.passive_reportative = set(data["passive_reportative"])
        self.according_to = [tuple(p) for p in data["according_to"]]
        self.no_comment = data["no_comment"]
        self.particles = {"point": "out", "open": "up", "spill": None}
        #: verbs that are cues only in one frame: "called the charges baseless", "called on X to"
        self.needs_frame = {k: set(v) for k, v in data.get("needs_frame", {}).items()}
        #: verbs naming who was told; their clause may be misparsed as a relative clause of it
        self.recipient_verbs = set(data.get("recipient_verbs", []))
        #: verbs whose infinitive is the undertaking reported ("vowed to fight the charges")
        self.commissive = set(data.get("commissive", []))
        #: verbs whose infinitive is a stance of their subject ("wants to cut taxes"), no cue otherwise
        self.volition = set(data.get("volition", []))
        #: prepositions before a speech participle that was said ("criticized for saying ...")
        self.said_preps = set(data.get("said_preps", []))
        #: verbs whose object and preposition are the charge ("accused Cruz of opposing ...")
        self.object_with_prep = {k: set(v) for k, v in data.get("object_with_prep", {}).items()}
        #: "In a Des Moines Register poll, ...": documents whose findings the clause reports
        self.in_document = set(data.get("in_document", []))
        #: verbs that put a question ("asked the senator if he would run", "asked about the tweet")
        self.question_verbs = set(data.get("question_verbs", []))
        #: verbs whose direct object is what was said ("he said Ryan", "tweeted a warning")
        self.object_speech = set(data.get("object_speech", []))
        #: verbs whose object, or the name right after them, is the outlet spoken to ("told ESPN")
        self.outlet_verbs = set(data["outlet_verbs"])
        #: words that open an open question ("did not say how long ..."): a negated cue before one withholds
        self.wh_openers = set(data["wh_openers"])
        #: verbs that report only with a news outlet as subject ("The Times has learned that ...")
        self.outlet_only = set(data.get("outlet_only", []))
        #: verbs whose direct object names what was reported ("described the meeting")
        self.object_topic = set(data.get("object_topic", []))
        #: nouns whose that-clause is a statement ("his claim that ..."), by class
        self.noun_cues: dict[str, str] = dict(data.get("noun_cues", {}))
        self.noun_cue_verbs = set(data.get("noun_cue_verbs", []))
        #: nouns whose infinitive or "for" phrase is proposed or demanded ("his proposal to ban ...")
        self.noun_proposals: dict[str, str] = dict(data.get("noun_proposals", {}))
        #: verbs reporting the object of a preposition ("argued against intervention")
        self.prep_content = {k: set(v) for k, v in data.get("prep_content", {}).items()}
        #: predicative adjectives whose that-clause ("is adamant that ...") or infinitive ("is
        #: determined to ...") is a stance of their subject
        self.adjective_cues: dict[str, str] = dict(data.get("adjective_cues", {}))
        self.adjective_stances = set(data.get("adjective_stances", []))
        self.adjective_linking = frozenset(data.get("adjective_linking_verbs", []))
        #: every verb lemma a cue list names, for mending misread lemmas (`lemma`)
        self.known_verbs = set(self.verb_class) | self.volition | self.commissive | self.document_verbs | self.reports_verbs

    def lemma(self, tok: Token) -> str:
        """A verb's lemma, mended where the lemmatizer strips an "e" it should keep and reads
        "hopes", "hoped", "hoping" as forms of "hop": a lemma no cue list names, whose surface
        form less its ending is a verb one does name, is read as that verb. Bounded by the
        lexicon, so it can only turn a non-cue into a cue the lists already hold."""
        lemma = tok.lemma_.lower()
        if lemma in self.known_verbs:
            return lemma
        low, tag = tok.lower_, tok.tag_
        if tag in ("VBZ", "VBD", "VBN") and low.endswith(("es", "ed")):
            stem = low[:-1]
        elif tag == "VBG" and low.endswith("ing"):
            stem = low[:-3] + "e"
        else:
            return lemma
        return stem if stem in self.known_verbs else lemma

    def loose_class(self, tok: Token) -> Optional[str]:
        """A cue right after a quote that the tagger took for a plural noun ("the insider
        dishes", "the source adds")."""
        if tok.tag_.startswith("VB"):
            return self.cue_class(tok)
        low = tok.lower_
        if tok.tag_ in ("NNS", "NN") and low.endswith("s"):
            for stem in (low[:-1], low[:-2]):
                if stem in self.verb_class and stem not in self.particles and stem not in self.needs_frame:
                    return self.verb_class[stem]
        return None

    def cue_class(self, tok: Token) -> Optional[str]:
        if not tok.tag_.startswith("VB"):
            return None
        lemma = self.lemma(tok)
        cls = self.verb_class.get(lemma)
        if cls is None:
            return None
        particle = self.particles.get(lemma, "")
        if particle and not any(c.dep_ == "prt" and c.lower_ == particle for c in tok.children):
            return None
        frames = self.needs_frame.get(lemma)
        if frames and not any(c.dep_ in frames or (c.dep_ in ("prep", "prt") and c.lower_ in frames)
                              or ("dobj>appos" in frames and c.dep_ == "dobj" and any(a.dep_ == "appos" for a in c.children))
                              for c in tok.children) \
                and not any(_has_all(tok, f) for f in frames if "=" in f):
            return None
        return cls


def _has_all(tok: Token, frame: str) -> bool:
    """Whether a verb has every dependent a compound frame names, as "dep=word" parts joined
    by "+": "mark=as+dobj=it" is "as X put it", where "put" alone is no cue."""
    return all(any(c.dep_ == dep and c.lower_ == word for c in tok.children)
               for dep, word in (part.split("=", 1) for part in frame.split("+")))


def cue_polarity(verb: Token, cue_class: str, content: tuple[int, int]) -> str:
    """The ledger polarity of content reported on ``verb``: a denial cue denies it, and so
    does a negated speech cue ("did not say that ...", "never claimed ...", "has not
    confirmed ..."): its source does not assert the content, and the ledger's values are
    only asserted and denied. A negated denial ("did not deny") is left a denial, since not
    denying asserts nothing either; "not only said" is no negation, and nor is one inside the
    content span ("North Korea is not thought to be capable ...": the content says it)."""
    if cue_class == "denial":
        return "denied"
    doc = verb.doc
    negated = any(c.dep_ == "neg" and not (c.i + 1 < len(doc) and doc[c.i + 1].lower_ == "only")
                  and not content[0] <= c.idx < content[1] for c in verb.children)
    return "denied" if negated else "asserted"


def is_passive(verb: Token) -> bool:
    return any(c.dep_ == "auxpass" for c in verb.children) or any(c.dep_ == "nsubjpass" for c in verb.children)


def speaker_of(verb: Token, passive: bool = False, lex: Optional["CueLexicon"] = None) -> Optional[Token]:
    """The speaker token of a cue verb (a reading of the verb's subject particular to speech):
    its subject, the agent of a passive, the subject of the
    verb it is coordinated with ("... but said in a text message"), the noun a relative
    clause hangs on ("Smith, who said ..."), or the subject of the clause a participle
    modifies ("..., saying ..."); with ``lex``, also the one a preposition's clause is about
    ("was criticized for saying ...", lexicon 'said_preps')."""
    seen = 0
    tok = verb
    while tok is not None and seen < 4:
        seen += 1
        for c in tok.children:
            if c.dep_ == "agent":
                for p in c.children:
                    if p.dep_ == "pobj":
                        return p
        # the subject nearest the verb first: "LONDON — “…,” the minister told reporters" gives
        # the verb two subjects, the dateline word and the speaker
        for c in sorted(tok.children, key=lambda c: abs(c.i - tok.i)):
            if c.dep_ in ("nsubj", "csubj") or (passive and c.dep_ == "nsubjpass"):
                if c.lower_ in ("who", "which", "that") and tok.dep_ == "relcl":
                    return tok.head
                if c.tag_ == "VBG" and c.i < tok.i:
                    # "Jane Hale, writing in Vogue, said ...": the aside's participle taken for
                    # the subject; the name it hangs on speaks
                    inner = next((g for g in c.children if g.dep_ == "nsubj" and g.i < c.i), None)
                    if inner is not None:
                        return inner
                return c
        if tok is verb and not any(c.dep_ in ("nsubjpass", "expl") for c in tok.children):
            # "Tully said the season was over": a bare surname opening the sentence, which the
            # parser may hang on the verb as a modifier instead of its subject
            named = next((c for c in tok.children if c.dep_ in ("advmod", "npadvmod", "dep", "compound")
                          and c.pos_ == "PROPN" and c.i < tok.i and c.right_edge.i == tok.i - 1), None)
            if named is not None:
                return named
            # "Jane Hale, writing in Vogue, said ...", parsed with the name as the subject of
            # the aside: the name speaks, not the outlet the aside names
            aside = next((c for c in tok.children if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i < tok.i), None)
            inner = next((g for g in aside.children if g.dep_ == "nsubj" and g.i < aside.i), None) if aside is not None else None
            if inner is not None:
                return inner
        if tok.dep_ == "relcl" and tok.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return tok.head
        if tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return tok.head   # "one saying that ...", "a statement saying ..."
        if tok.dep_ == "pcomp" and tok.tag_ == "VBG" and tok.head.dep_ == "prep" and tok.head.head.pos_ in ("VERB", "AUX") \
                and lex is not None and tok.head.lower_ in lex.said_preps:
            # "was criticized for saying that ...", "after saying that ..., the governor left": the
            # one the clause around the preposition is about said it, even as a passive subject
            up = tok.head.head
            subj = next((c for c in up.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None:
                return up.head if subj.lower_ in ("who", "which", "that") and up.dep_ == "relcl" else subj
            tok = up
            continue
        if tok.dep_ == "xcomp":
            # "urged Smith to say": the object speaks; "declined to say": the subject does
            obj = next((c for c in tok.head.children if c.dep_ in ("dobj", "dative") and c.i < tok.i), None)
            if obj is not None:
                return obj
        if tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.head.i < tok.i:
            # "a strategist said Clinton will have to choose, saying, “...”": the participle
            # goes on with the report, so it is the reporter's
            up = tok.head
            while up.dep_ in ("xcomp", "conj") and up.head.i != up.i:
                up = up.head
            if up.dep_ == "ccomp" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.head.children if tok.head.i != up.i):
                tok = up.head
                continue
        if tok.dep_ in ("conj", "xcomp") or (tok.dep_ == "advcl" and tok.tag_ == "VBG"):
            tok = tok.head
            continue
        if tok.dep_ == "ccomp" and tok.i != verb.i:
            # "Clark said there are two ... but said the outcome was open": a cue verb the
            # parser coordinated into a subjectless reported clause is the outer speaker's
            tok = tok.head
            continue
        return None
    return None


def content_of(verb: Token, cls: str, lex: CueLexicon, allow_object: bool) -> Optional[tuple[int, int, str]]:
    """Token range [start, end) of what ``verb`` reports, and how it was found:
    "clause" (a that-clause, before or after), "object" (reportative/denial objects),
    "frame" (the verb sits in a trailing frame ", police said").

    Long on purpose: a decision list. The constructions are tried in a fixed order of
    precedence (clausal complement, recipient and passive readings, "as" clauses, questions,
    prepositional and commissive objects, plain objects, a "that" the parser misattached, the
    trailing frame) and the first that fits wins; one function keeps that order in one place."""
    doc = verb.doc
    comps = [c for c in verb.children if c.dep_ == "ccomp"]
    if comps:
        after = [c for c in comps if c.i > verb.i]
        c = after[0] if after else comps[-1]
        start, end = c.left_edge.i, c.right_edge.i + 1
        end = _before_coordinated_cue(c, end, lex)
        if c.i > verb.i:
            end = _through_coordinated_clauses(verb, end, lex)
            start = max(start, verb.i + 1)
        else:
            end = min(end, verb.left_edge.i if verb.left_edge.i > start else end)
        return start, end, "clause"
    if verb.lemma_.lower() in lex.recipient_verbs:
        # "told officers he had been drinking", parsed as a relative clause of "officers"
        for obj in verb.children:
            if obj.dep_ in ("dobj", "dative") and obj.i > verb.i:
                for rel in obj.rights:
                    if rel.dep_ == "relcl" and any(
                        c.dep_.startswith("nsubj") and c.lower_ not in ("who", "that", "which", "whom") and c.i > obj.i
                        for c in rel.children
                    ):
                        return rel.left_edge.i, rel.right_edge.i + 1, "clause"
    for prep in verb.children:
        # "told E! News in a statement that the couple ...": the clause hangs on the noun
        if prep.dep_ == "prep" and prep.i > verb.i:
            for noun in prep.children:
                if noun.dep_ == "pobj":
                    for acl in noun.children:
                        if acl.dep_ in ("acl", "relcl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "that" for m in acl.children):
                            return acl.left_edge.i, _through_coordinated_clauses(verb, acl.right_edge.i + 1, lex, True), "clause"
    if allow_object and is_passive(verb) and any(c.dep_ == "agent" for c in verb.children):
        # "The deal was first reported by the Journal": the passive subject is what was reported
        subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if subj is not None:
            return subj.left_edge.i, subj.right_edge.i + 1, "object"
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        # "As first reported by TMZ, the singer was hospitalized": the main clause
        head = verb.head
        if verb.i < head.i:
            return verb.right_edge.i + 1, head.right_edge.i + 1, "clause"
        return head.left_edge.i, verb.left_edge.i, "clause"
    if verb.lemma_.lower() in lex.question_verbs:
        got = _question_of(verb)
        if got is not None:
            return got
    about = lex.prep_content.get(verb.lemma_.lower())
    if about and not any(c.dep_ in ("dobj", "ccomp") for c in verb.children):
        prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in about and c.i > verb.i), None)
        pobj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
        if pobj is not None:
            return pobj.left_edge.i, pobj.right_edge.i + 1, "object"
    preps = lex.object_with_prep.get(verb.lemma_.lower())
    if preps:
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
        prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in preps and obj is not None and c.i > obj.i), None)
        if obj is not None and prep is not None:
            return obj.left_edge.i, prep.right_edge.i + 1, "object"
    if (lex.lemma(verb) in lex.commissive or lex.lemma(verb) in lex.volition) \
            and not any(c.dep_ in ("dobj", "dative") for c in verb.children):
        xcomp = infinitive_of(verb)
        if xcomp is not None:
            return xcomp.left_edge.i, xcomp.right_edge.i + 1, "clause"
    if not allow_object and cls in ("neutral", "speech_act"):
        # "told his advisers to figure out ...", "asked voters to stay home": an object with
        # an infinitive reports a request
        objs = [c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i > verb.i]
        xcomps = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.i > verb.i]
        if objs and xcomps and xcomps[0].i > objs[0].i:
            return objs[0].left_edge.i, xcomps[0].right_edge.i + 1, "object"
    if not allow_object and verb.lemma_.lower() in lex.object_speech:
        obj = next((c for c in verb.children if c.i > verb.i and (
            (c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN", "NUM", "ADJ"))
            or (c.dep_ in ("intj", "dobj") and c.lower_ in ("yes", "no")))), None)
        if obj is not None:
            return obj.left_edge.i, obj.right_edge.i + 1, "object"
    if allow_object and verb.lemma_.lower() in lex.object_topic:
        ger = next((c for c in verb.children if c.dep_ in ("xcomp", "dobj") and c.tag_ == "VBG" and c.i > verb.i), None)
        if ger is not None:
            # "had proposed paying for the tax cuts by raising taxes"
            return ger.left_edge.i, ger.right_edge.i + 1, "object"
    if allow_object:
        objs = [c for c in verb.children if c.dep_ in ("dobj", "attr") and c.i > verb.i]
        if objs:
            start = objs[0].left_edge.i
            end = verb.right_edge.i + 1
            for c in verb.rights:
                if c.i > objs[0].i and (c.dep_ in ("conj", "cc", "advcl") or (c.dep_ in ("prep", "dative") and c.lower_ in ("to", "with"))
                                        or (c.dep_ == "punct" and c.text in (",", ";", "\u2014", "--"))):
                    end = min(end, c.left_edge.i)
            return start, end, "object"
        preps = [c for c in verb.children if c.dep_ in ("prep", "prt") and c.lower_ in ("on", "upon", "for", "about") and c.i > verb.i]
        if preps and cls == "speech_act":
            # "called on Trump to stop", "called for an inquiry"
            first = preps[0].i + 1
            if first <= verb.right_edge.i:
                return first, verb.right_edge.i + 1, "object"
    nxt = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    if nxt is not None and nxt.lower_ == "that" and nxt.head.i == verb.i and nxt.dep_ in ("prep", "dobj", "det", "nsubj", "mark") \
            and verb.right_edge.i > nxt.i + 2:
        # "who noted that during the years ... the price had cratered": a that-clause the
        # parser broke into pieces still runs to the end of the cue's phrase
        return nxt.i + 1, verb.right_edge.i + 1, "clause"
    return frame_content(verb)


def _through_coordinated_clauses(verb: Token, end: int, lex: CueLexicon, marked: bool = False) -> int:
    """End of a reported clause taken on through the clauses coordinated with it: "said he did
    not plan ..., but he expected ..." (a clause with its own subject goes on with the report;
    "... and declined to comment", with none, does not; nor does another cue verb). With
    ``marked`` (the clause hung on a noun: "said in a statement that ..."), only a clause
    opening with its own "that" continues it: "..., but that passenger traffic would wait"."""
    for sib in verb.rights:
        if sib.dep_ == "conj" and sib.i > end - 1 and lex.cue_class(sib) is None and sib.tag_.startswith("VB") \
                and any(x.dep_ in ("nsubj", "nsubjpass") for x in sib.children) \
                and (not marked or any(m.dep_ == "mark" and m.lower_ == "that" for m in sib.children)):
            end = sib.right_edge.i + 1
    return end


def infinitive_of(verb: Token) -> Optional[Token]:
    """The to-infinitive after ``verb`` ("vowed [to fight]", "wants [to cut taxes]"), if any."""
    return next((c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i
                 and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)


def _question_of(verb: Token) -> Optional[tuple[int, int, str]]:
    """The question put: an "if"/"whether" clause ("asked the contender if he had ..."), or
    the "about" phrase ("asked the frontrunner about the kerfuffle")."""
    for c in verb.children:
        if c.i > verb.i and c.dep_ in ("advcl", "ccomp") and any(
                m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in c.children):
            return c.left_edge.i, c.right_edge.i + 1, "clause"
    holders = [verb] + [c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i > verb.i]
    for h in holders:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ == "about" and c.i > verb.i:
                return c.left_edge.i, c.right_edge.i + 1, "object"
    return None


def _reports_apart(verb: Token, lex: CueLexicon) -> bool:
    """Whether a cue verb inside a reported clause is a report of its own, which ends the outer
    content: one with no subject of its own or a pronoun for one (the speaker going on: "said
    the road would close, though they did not say for how long"), or one that reports something
    itself ("... and the union said it would appeal"). A cue word with another subject and
    nothing reported is something the report tells of them, and stays in it: "said a deal was
    close, though the clubs were still arguing over the fee"."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.pos_ == "PRON":
        return True
    # what it reports, read from its dependents alone (the whole `content_of` is no cheap question)
    about = lex.prep_content.get(lex.lemma(verb), ())
    return any(c.dep_ in ("ccomp", "xcomp", "dobj", "parataxis") or (c.dep_ == "prep" and c.lower_ in about)
               for c in verb.children if c.i > verb.i)


def _before_coordinated_cue(clause: Token, end: int, lex: CueLexicon) -> int:
    """End of a reported clause before a cue verb coordinated into it: "said she regretted
    her remarks [and promised to stay out of it]" reports two things, each with its cue."""
    for conj in clause.subtree:
        if conj.dep_ in ("conj", "advcl") and conj.i > clause.i and conj.i < end and conj.tag_.startswith("VB") \
                and lex.cue_class(conj) is not None and _reports_apart(conj, lex):
            cut = conj.left_edge.i
            prev = [t for t in conj.head.children if t.i < cut and t.i > clause.i and t.dep_ in ("cc", "punct")]
            while prev and prev[-1].i == cut - 1:
                cut = prev.pop().i
            return min(end, cut)
    doc = clause.doc
    for t in doc[clause.i + 1: end]:
        if t.text in ("\u2014", "--", "\u2013") and t.i + 1 < end:
            # "said he was “encouraged” by the plan — a modest boost for Obama": an aside on
            # the report, not part of it
            nxt = doc[t.i + 1]
            if any(a.dep_ == "appos" and a.i > t.i for a in [nxt, *nxt.ancestors] if a.i >= clause.i) \
                    and not any(a.i == clause.i for a in [nxt] if a.dep_ == "appos"):
                return min(end, t.i)
    return end


def frame_content(verb: Token) -> Optional[tuple[int, int, str]]:
    """", police said." / ", the source says, “...": the clause before a trailing frame."""
    doc = verb.doc
    subj = speaker_of(verb)
    if subj is None:
        return None
    frame_start = min(subj.left_edge.i, verb.i)
    sep = frame_start - 1
    if sep > 0 and doc[sep].text in ("\u201d", '"', "''") and doc[sep - 1].text == ",":
        sep -= 1   # 'has been “leaning on her friends,” says the insider': the comma is inside the marks
    if frame_start == 0 or sep < 0 or doc[sep].text not in (",", "\u2014"):
        return None
    frame_end = max(verb.i, subj.right_edge.i) + 1
    while frame_end < len(doc) and doc[frame_end].head.i == verb.i and not doc[frame_end].is_punct:
        frame_end = doc[frame_end].right_edge.i + 1
    if frame_end < len(doc) - 1 and doc[frame_end].text == "," and verb.dep_ == "parataxis" and \
            not doc[frame_end + 1].text in ("\u201c", '"'):
        # "But to prevent problems, he said, local officials should be vigilant": the
        # sentence around a parenthetical frame
        sent = verb.sent
        return sent.start, sent.end, "frame"
    # the frame must run to the end of its sentence (or to a quote / colon)
    j = max(verb.i, subj.right_edge.i) + 1
    while j < len(doc) and not doc[j].is_sent_start:
        t = doc[j]
        if t.text in (".", "!", "?", ":", "\u201c", '"') or t.is_space:
            break
        if t.text == "," and j + 1 < len(doc) and doc[j + 1].text in ("\u201c", '"'):
            break
        if t.tag_ in FINITE_TAGS and t.head.i != verb.i and t.i != verb.i:
            return None
        j += 1
    sent_start = verb.sent.start
    start = sent_start
    # after a closing quote mark or a sentence end inside the same parse sentence
    for k in range(sep - 1, sent_start - 1, -1):
        if doc[k].text in (".", "!", "?") or doc[k].is_space or (
            doc[k].text in ("\u201d", '"') and k > 0 and doc[k - 1].text in (".", ",", "!", "?")
        ):
            start = k + 1
            break
    end = frame_start - 1
    if end - start < 3 and sep == end:
        return None
    if not any(t.tag_ in FINITE_TAGS for t in doc[start:end]):
        return None
    return start, end, "frame"
