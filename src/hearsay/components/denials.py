"""What a denial denies, and the constructions that make a statement a denial.

"A spokesperson denied the reports" is only news to a fact-checker once it is tied to the
claims it answers. Two readings, decided by the parse of the denial's content:

- the content is a telling noun on its own ("the reports", "the story", "these claims"): it
  points back at what the article has already put on unnamed reports, anonymous voices, outlets
  or documents, so it denies those earlier claims;
- the content says something ("denied that the couple had split", "denied reports that the
  deal had collapsed"): it denies the claims that say the same thing, judged by the content
  words and entities they share.

Beyond denial verbs (deny, dismiss, refute …), a speaker denies by giving a telling a falsity
complement ("called the story fiction", "branded the reports false", "dismissed the claims as
nonsense") or by saying it is false ("said the rumours were untrue"). Word lists live in
``lexicons/en/denials.json``.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Span, Token

#: source kinds whose claims "the reports" can stand for
UNNAMED_TELLERS = ("anonymous", "reports", "outlet", "document")
CONTENT_POS = ("NOUN", "PROPN", "VERB", "ADJ", "NUM")
CLAUSE_DEPS = ("acl", "relcl", "ccomp")
COMPLEMENT_DEPS = ("dobj", "oprd", "xcomp", "ccomp", "prep", "attr", "acomp", "advcl", "appos", "pobj", "amod", "compound", "npadvmod")


def _lex_has(token: Token, words) -> bool:
    return token.lower_ in words or token.lemma_.lower() in words


def _roots(span: Span) -> list[Token]:
    return [t for t in span if t.head.i < span.start or t.head.i >= span.end or t.head.i == t.i]


def falsity_frame(verb: Token, lexicon: dict) -> bool:
    """A verb giving what it is about a falsity complement: "called the story fiction",
    "branded the reports false", "dismissed the claims as nonsense", "labelled it a lie"."""
    if verb.lemma_.lower() not in lexicon.get("frame_verbs", []):
        return False
    falsity, nouns = set(lexicon.get("falsity", [])), set(lexicon.get("report_nouns", []))
    parts = [c for c in verb.children if c.dep_ in COMPLEMENT_DEPS]
    words = [t for c in parts for t in c.subtree]
    # what is called false must be a telling ("the story", "the allegations") or stand for one
    # ("called it a lie"): "called the plan absurd" judges a plan, it denies nothing
    about_telling = any(_lex_has(t, nouns) or (t.dep_ == "dobj" and t.pos_ == "PRON") for t in words)
    return about_telling and any(_lex_has(t, falsity) for t in words)


def frame_content(verb: Token, lexicon: dict) -> tuple[int, int] | None:
    """The token range a falsity frame is about, with its complement: "branded [the allegations
    baseless]", "called [the story fiction]"; None when the verb gives nothing a falsity complement."""
    if not falsity_frame(verb, lexicon):
        return None
    parts = [c for c in verb.children if c.i > verb.i and c.dep_ in COMPLEMENT_DEPS]
    if not parts:
        return None
    start = min(c.left_edge.i for c in parts)
    end = max(c.right_edge.i for c in parts) + 1
    while end > start and verb.doc[end - 1].is_punct:
        end -= 1
    return (start, end) if end > start else None


def denies_by_wording(doc: Doc, verb: int | None, content: tuple[int, int], lexicon: dict) -> bool:
    """Whether an attribution found on a non-denial cue is a denial by its wording: its verb
    gives a falsity complement, or its content says a telling is false."""
    if verb is not None and falsity_frame(doc[verb], lexicon):
        return True
    span = doc.char_span(content[0], content[1], alignment_mode="expand")
    return span is not None and says_telling_is_false(span, lexicon)


def says_telling_is_false(content: Span, lexicon: dict) -> bool:
    """Content that calls a telling false: "the rumours were untrue", "the report is a lie"."""
    nouns, falsity = set(lexicon.get("report_nouns", [])), set(lexicon.get("falsity", []))
    for tok in content:
        if tok.dep_ in ("nsubj", "nsubjpass") and _lex_has(tok, nouns):
            for sib in tok.head.children:
                if sib.dep_ in ("acomp", "attr", "oprd") and any(_lex_has(t, falsity) for t in sib.subtree):
                    return True
    return False


def _content_span(doc: Doc, rec: dict) -> Span | None:
    return doc.char_span(rec["start"], rec["end"], alignment_mode="expand")


def _words(span: Span, skip: set) -> set[str]:
    return {
        t.lemma_.lower()
        for t in span
        if t.is_alpha and not t.is_stop and t.pos_ in CONTENT_POS and not _lex_has(t, skip)
    }


def denial_target(content: Span, lexicon: dict, cue: Span | None = None) -> tuple[str, Span | Token | None]:
    """("reports", noun) when the content is a telling noun on its own; ("content", span) with
    the words to match otherwise — a telling noun's own clause ("reports that they split") or
    the whole content. A quoted complement alone ("called the report “fiction”") points at
    the cue verb's object."""
    nouns = set(lexicon.get("report_nouns", []))
    if says_telling_is_false(content, lexicon):
        noun = next((t for t in content if t.dep_ in ("nsubj", "nsubjpass") and _lex_has(t, nouns)), None)
        topic = telling_topic(noun, lexicon) if noun is not None else None
        return ("content", topic) if topic is not None else ("reports", noun)
    for root in _roots(content):
        if root.pos_ in ("NOUN", "PROPN") and _lex_has(root, nouns):
            clause = next((c for c in root.children if c.dep_ in CLAUSE_DEPS and c.i < content.end), None)
            topic = telling_topic(root, lexicon)
            if clause is None and topic is not None:
                return "content", topic
            if clause is None:
                return "reports", root
            sub = list(clause.subtree)
            return "content", content.doc[sub[0].i : min(sub[-1].i + 1, content.end)]
    if cue is not None and not _words(content, set(lexicon.get("falsity", []))):
        objects = (t for c in cue.root.children if c.dep_ not in ("nsubj", "nsubjpass") for t in c.subtree)
        noun = next((t for t in objects if t.pos_ == "NOUN" and _lex_has(t, nouns)), None)
        if noun is not None:
            return "reports", noun
    return "content", content


def telling_topic(noun: Token, lexicon: dict) -> Span | None:
    """What a telling noun says it is about: "reports [of a romance]", "rumours [about the
    deal]". A denial of such reports answers the claims that say the same thing, not every
    unnamed report in view ("the split", told by a friend, is no "report of a romance").
    "reports of the Daily Lantern" names a teller, not a topic."""
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in lexicon.get("topic_preps", []):
            objects = [p for p in c.children if p.dep_ == "pobj" and p.pos_ != "PROPN"]
            if objects:
                return noun.doc[c.i + 1 : c.right_edge.i + 1]
    return None


def _lemmas(doc: Doc, recs) -> set[str]:
    out: set[str] = set()
    for rec in recs:
        if rec:
            span = doc.char_span(rec["start"], rec["end"], alignment_mode="expand")
            out.update(t.lemma_.lower() for t in span or ())
    return out


def telling_words(doc: Doc, claim: dict, attributions: dict, sources: dict, cache: dict | None = None) -> set[str]:
    """Lemmas of the words that name how a claim was told: its cue and its source's mentions
    ("reports surfaced", "a source told"). ``cache`` keeps each source's and attribution's
    lemmas across calls: a source is mentioned throughout a long article, and reading all its
    mentions again for every claim would grow with the square of the article."""
    cache = {} if cache is None else cache
    att_id, source_id = claim.get("attribution") or "", claim["source"]
    if ("att", att_id) not in cache:
        att = attributions.get(att_id, {})
        cache[("att", att_id)] = _lemmas(doc, (att.get("cue"), att.get("source_mention")))
    if ("source", source_id) not in cache:
        cache[("source", source_id)] = _lemmas(doc, sources.get(source_id, {}).get("mentions", []))
    return cache[("att", att_id)] | cache[("source", source_id)]


def _reading(doc: Doc, att: dict, lexicon: dict) -> tuple[str, Span | Token | None] | None:
    """`denial_target` of one denial attribution; None when its content has no tokens."""
    content = _content_span(doc, att["content"])
    if content is None:
        return None
    cue = doc.char_span(att["cue"]["start"], att["cue"]["end"], alignment_mode="expand") if att.get("cue") else None
    return denial_target(content, lexicon, cue)


def link_denials(doc: Doc, claims: list[dict], attributions: list[dict], sources: list[dict], lexicon: dict) -> None:
    """Set ``disputed_by`` (denial attribution ids) on every claim a denial in the article denies.

    How far a denial reaches is bounded on principle, which also bounds the cost: a denial
    answers what the reader has in view, the claims within ``reach_chars`` of it (longer than
    nearly every news story, so within one story nothing changes; a text many times longer is a
    collection of stories, and a denial in one does not answer the same words in another). A
    vague denial ("denied the reports") answers the unnamed reports since its denier last denied
    them all. Candidates are found by position (claims sorted by offset, a window cut
    with bisect), so the work per denial is bounded by the window, not the article."""
    denials = [a for a in attributions if a.get("polarity") == "denied"]
    if not denials:
        return
    kind_of = {s["id"]: s["kind"] for s in sources}
    by_att = {a["id"]: a for a in attributions}
    by_source = {s["id"]: s for s in sources}
    polarity = {a["id"]: a.get("polarity") for a in attributions}
    skip = set(lexicon.get("report_nouns", [])) | set(lexicon.get("falsity", []))
    min_shared, min_share = int(lexicon.get("min_shared", 2)), float(lexicon.get("min_share", 0.5))
    reach = int(lexicon.get("reach_chars", 40_000))
    words: dict[str, set[str]] = {}
    told: dict = {}   # telling_words' cache
    ordered = sorted(claims, key=lambda c: c["start"])
    starts = [c["start"] for c in ordered]
    own_claims: dict[str, list[dict]] = {}
    for c in claims:
        if c.get("attribution"):
            own_claims.setdefault(c["attribution"], []).append(c)

    def claim_words(c: dict) -> set[str]:
        if c["id"] not in words:
            span = _content_span(doc, c)
            words[c["id"]] = (_words(span, skip) if span is not None else set()) | set(c.get("entities", []))
        return words[c["id"]]

    # where each denier last denied every report in view (see below)
    answered: dict[str, int] = {}
    found: dict[str, list[dict]] = {}
    for att in sorted(denials, key=lambda a: a["content"]["start"]):
        got = _reading(doc, att, lexicon)
        if got is None:
            continue
        reading, target = got
        own = own_claims.get(att["id"], [])
        own_entities = {e for c in own for e in c.get("entities", [])}
        lo, hi = att["content"]["start"], att["content"]["end"]
        # the claims starting within reach: before a vague denial, on either side of one with
        # content of its own ("denied that …" may come first)
        window = ordered[bisect_left(starts, lo - reach) : bisect_left(starts, lo if reading == "reports" else hi + reach)]
        candidates = [
            c
            for c in window
            if (reading != "reports" or c["end"] <= lo)
            and c.get("attribution") != att["id"]
            and c["source"] != att["source"]
            and polarity.get(c.get("attribution")) != "denied"
            and not (lo <= c["start"] and c["end"] <= hi)
        ]
        if reading == "reports":
            told_by = [c for c in candidates if c.get("attribution") and kind_of.get(c["source"]) in UNNAMED_TELLERS]
            named = []
            if target is not None and target.tag_ in ("NN", "NNP"):
                # "denied the report": one telling, the one the article named with that word
                # ("reports surfaced that …"), when it did; otherwise every earlier one. When
                # several were named so, the singular means the latest before the denial, not all
                # of them (which would also grow with the square of a long article)
                named = [c for c in told_by if target.lemma_.lower() in telling_words(doc, c, by_att, by_source, told)]
                if named:
                    latest = max(named, key=lambda c: c["end"])["attribution"]
                    named = [c for c in named if c["attribution"] == latest]
            if not named:
                # every report in view: those since the denier last denied them all (which
                # answered everything before it), so a voice that keeps denying "the reports"
                # in a long text is linked to the new ones each time, not all of them again
                since = answered.get(att["source"], lo - reach)
                told_by = [c for c in told_by if c["start"] >= since]
                answered[att["source"]] = lo
            hits = named or told_by
        else:
            span = target
            denied = _words(span, skip) | (own_entities & {e for c in candidates for e in c.get("entities", [])})
            hits = []
            for c in candidates:
                common = denied & claim_words(c)
                said = {w for w in common if w not in own_entities}  # not the same people alone
                if denied and said and len(common) >= min_shared and len(common) / len(denied) >= min_share:
                    hits.append(c)
        found[att["id"]] = hits
    for att in denials:   # in the attributions' order, which orders each claim's disputed_by
        for c in found.get(att["id"], []):
            by = c.setdefault("disputed_by", [])
            if att["id"] not in by:
                by.append(att["id"])
