"""Claim matching: claims in different articles that say the same thing.

The base matcher is lexical: stemmed content terms weighted by inverse document frequency,
compared by weighted overlap (shared weight over the smaller claim's weight), so a short
restatement ("Odalys has asked out") matches the long original, and hedged or hardened forms
("is said to be preparing to shut" / "will close") match on what they share. Negation words are
not content terms, so a denial's restatement matches the claim it denies (its stance is read
separately). Blocking by an inverted index over the rarer terms keeps the cost near-linear:
only claims sharing a rare term are ever compared. ``retrieval.Bm25Index`` is the same idea as a ranked
retriever for `hearsay match` and the CLEF evaluation.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from .identity import EntityNames
from .items import TraceItem
from .words import TermWeights, content_terms, fold, is_negated, lexicon, name_terms, stem, words

#: a pair is the same claim when its weighted overlap reaches this and it shares enough weight.
SAME_CLAIM = 0.5
MIN_SHARED_TERMS = 2
#: the mean similarity two groups' members need to merge
COHESION = 0.3
#: weight of a name term relative to other content terms
NAME_WEIGHT = 0.3
#: a term found in more claims than this is too common to block on (a fixed number, not a
#: share, so that the pairs compared grow linearly with the corpus)
BLOCK_MAX_POSTINGS = 100
#: how many of a claim's rarest terms it is looked up under
BLOCK_KEYS = 6
#: a clause needs this many content terms to be matched on its own; a shorter piece (a list
#: item, an appositive) stays with the clause before it
MIN_CLAUSE_TERMS = 3
#: entity types whose mentions make the participants of a claim's event
EVENT_ENTITY_TYPES = ("PERSON", "ORG")
#: a definite noun phrase that may refer back to an act: "the request", "his trade request"
_DEFINITE = re.compile(r"\b(?:the|this|that|his|her|its|their)\s+(?P<first>[a-z-]+)(?:\s+(?P<second>[a-z]+))?", re.I)
_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*")
_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s+")
#: where a sentence may part into clauses: a comma, semicolon or colon, or a "that" opening a
#: reported clause ("said that ..., that ... and that ...")
_CLAUSE_BREAK = re.compile(r"[,;:]\s+|\s+(?=(?:that|and)\s)")


@dataclass
class Unit:
    """One ledger claim of one article, as claim matching sees it."""

    item: TraceItem
    claim_id: str
    start: int
    end: int
    text: str
    source: str
    terms: frozenset = field(default_factory=frozenset)
    negated: bool = False
    names: frozenset = field(default_factory=frozenset)
    mass: float | None = None
    #: the earlier unit of the same article whose act this one re-tells through a definite
    #: back-reference with a support verb ("delivered the request" after "has asked")
    retells: "Unit | None" = None
    #: ids of the claims of the same article the ledger says this one denies
    denies: tuple = ()
    #: a denial of an earlier report as a whole ("called the report fiction")
    report_denial: bool = False
    #: canonical names of the people and organisations the clause mentions, pronouns and
    #: descriptors included ("he" resolved to "Tomas Odalys" by the ledger)
    entities: frozenset = field(default_factory=frozenset)
    #: whether ``entities`` were read from a sentence further back than the one before
    distant_entities: bool = False
    event_mass: float | None = None

    @property
    def key(self) -> tuple[str, str]:
        return (self.item.id, self.claim_id)


def claim_units(items: list[TraceItem], names: EntityNames | None = None,
                cited: dict[str, list[tuple[int, int]]] | None = None) -> list[Unit]:
    """One unit per clause of a ledger claim. A unit is ``negated`` when it says the opposite
    of its words: a negation in it ("has never asked"), or a denying cue ("rejected the claim
    that he and the coach are not speaking" denies "not speaking"); both at once cancel out.
    Its ``entities`` are who the clause is about, read from the ledger's entity mentions, so
    that "he and Brennick speak every day" is about the same two people as "Odalys and coach
    Ray Brennick have not spoken". A bare definite noun phrase ("the plan", as the whole
    content of "first reported the plan") says nothing of its own and is no unit: matched on
    its one word it would join every claim that word appears in.

    ``cited`` gives each article's citation phrases (``(start, end)`` in its text): their words
    are who said it, not what ("Pitchside Wire had put it at £18m" says only "£18m"), and are
    left out of the clause's terms, as are the framing words of a dismissal ("called the idea
    of ... wrong")."""
    out: list[Unit] = []
    cited = cited or {}
    for item in items:
        first = len(out)
        mentions = _entity_mentions(item, names)
        # a negated speech cue ("has not announced") is denied in the ledger, but its source
        # only withholds the content: it is no appearance of the claim, nor a denial of it
        unsaid = {a.id for a in item.ledger.attributions if a.cue_class != "denial" and _negated_cue(a)}
        denied = {a.id for a in item.ledger.attributions if a.polarity == "denied"} - unsaid
        denies = {a.id: tuple(a.denies) for a in item.ledger.attributions if a.denies}
        for c in item.ledger.claims:
            if is_conditional(c.span.text) or c.attribution in unsaid or is_bare_reference(c.span.text):
                # "If Tomas has really asked out, ...": a supposition restates nothing; "has not
                # announced any closure": its source does not say it
                continue
            whole_negated = is_negated(c.span.text)
            for lo, hi in clauses(c.span.text):
                text = c.span.text[lo:hi]
                start = c.span.start + lo
                terms = frozenset(content_terms(blank_spans(text, start, cited.get(item.id, ()))))
                dismissal = is_dismissal(text)
                if dismissal:
                    terms -= framing_terms()
                if terms:
                    # a negation anywhere in the sentence ("has never asked ..., and ...") governs
                    # its clauses too, except what a report is said to say ("has not been told
                    # of cuts, after a report that 40 jobs would go"): that is the report's
                    governed = whole_negated and not is_report_content(c.span.text, lo)
                    negated = (governed or is_negated(text)) != (c.attribution in denied)
                    report_denial = is_report_denial(text)
                    # "called the report fiction": what it denies is the report's claim, however
                    # the ledger's polarity and the negating noun combine
                    negated = negated or report_denial or dismissal
                    end = c.span.start + hi
                    about, distant = _participants(item, text, start, end, mentions, names)
                    out.append(Unit(item, c.id, start, end, text, c.source,
                                    terms, negated, name_terms(text) & terms, entities=about,
                                    distant_entities=distant,
                                    denies=denies.get(c.attribution, ()), report_denial=report_denial))
        resolve_back_references(out[first:])
        _orient_linked_denials(out[first:])
    return out


def _orient_linked_denials(units: list[Unit]) -> None:
    """A clause the ledger links to the claim it denies says the opposite of that claim,
    whatever its own words ("fiction." denies "he had demanded to be moved")."""
    first_of: dict[str, Unit] = {}
    for u in sorted(units, key=lambda u: u.start):
        first_of.setdefault(u.claim_id, u)
    for u in units:
        target = next((first_of[c] for c in u.denies if c in first_of and c != u.claim_id), None)
        if target is not None:
            u.negated = not target.negated


def resolve_back_references(units: list[Unit]) -> None:
    """Definite back-references to an act told earlier in the same article ("the request",
    "the closure", "the sale"), resolved to the nearest earlier unit whose words name that act
    (the noun read as its verb, "request" as "ask"). The referring clause is about the same
    participants as the act, so it takes their entities ("the closure would eliminate 280
    jobs" is about the company that closes). When a support verb governs the noun ("made the
    request", "delivered the request in person", "announced the closure") the clause re-tells
    the act itself rather than saying something new of it, so it is the same claim
    (``retells``); otherwise ("the closure would eliminate 280 jobs") it is a claim of its own."""
    lex = lexicon()
    nouns, same, support = lex["event_nouns"], lex["synonyms"], lex["support_verbs"]
    ordered = sorted(units, key=lambda u: u.start)
    for n, u in enumerate(ordered):
        for m in _DEFINITE.finditer(fold(u.text)):
            heads = [stem(w.lower()) for w in (m.group("first"), m.group("second")) if w]
            noun = next((h for h in heads if h in nouns), None)
            if noun is None:
                continue
            act = same.get(noun, noun)
            antecedent = next((p for p in reversed(ordered[:n]) if act in p.terms and p.claim_id != u.claim_id), None)
            if antecedent is None:
                continue
            u.entities = u.entities | antecedent.entities
            before = fold(u.text)[:m.start()].lower().split()
            if before and (before[-1] in support or " ".join(before[-2:]) in support):
                u.retells = antecedent
            break


def is_report_denial(text: str) -> bool:
    """Whether a clause denies a report as a whole and says nothing else ("called the report
    'fiction'", "described the original story as false"): a negation, a report noun, and no
    other content."""
    lex = lexicon()
    ws = words(text)
    if not is_negated(text) or not any(w in lex["report_nouns"] or w in ("report", "reports") for w in ws):
        return False
    rest = {w for w in ws if w not in lex["stopwords"] and w not in lex["negations"] and w not in lex["report_nouns"]
            and w not in lex["report_qualifiers"] and w not in lex["told_verbs"] and len(w) > 1}
    return not (rest - lex["describing_verbs"])   # verbs that only frame a characterisation ("called it")


def is_dismissal(text: str) -> bool:
    """Whether a clause dismisses a proposition it names ("called the idea of moving it to the
    hub simply wrong", "described the suggestion that he will quit as nonsense"): a describing
    verb, a proposition noun and a dismissive judgement. What the proposition says is the
    claim's content, told to be denied, though no negation word is in it. A judgement of an
    act ("called the closure wrong") is an opinion of something that happens, not a denial that
    it does, so the proposition noun is required."""
    lex = lexicon()
    ws = set(words(text))
    return bool(ws & lex["describing_verbs"]) and bool(ws & lex["proposition_nouns"]) \
        and bool(ws & lex["dismissive_words"])


@lru_cache(maxsize=1)
def framing_terms() -> frozenset:
    """The terms of a dismissal's frame (describing verbs, proposition nouns, dismissive words)."""
    lex = lexicon()
    return frozenset(content_terms(" ".join(sorted(lex["describing_verbs"] | lex["proposition_nouns"]
                                                   | lex["dismissive_words"]))))


def blank_spans(text: str, start: int, spans) -> str:
    """``text`` (which starts at ``start`` in its article) with the parts inside ``spans``
    blanked out, offsets kept."""
    end = start + len(text)
    for lo, hi in spans:
        if lo < end and hi > start:
            a, b = max(lo, start) - start, min(hi, end) - start
            text = text[:a] + " " * (b - a) + text[b:]
    return text


def is_report_content(sentence: str, at: int) -> bool:
    """Whether the clause of ``sentence`` starting at ``at`` is what a report says: a "that"
    clause right after a report noun ("after the Post's report that ...")."""
    if not re.match(r"\s*that\b", sentence[at:], re.I):
        return False
    before = words(sentence[:at])
    return bool(before) and before[-1] in lexicon()["report_nouns"]


def is_bare_reference(text: str) -> bool:
    """Whether a claim is only a definite noun phrase ("the plan", "this decision"): a
    reference to something told elsewhere, not a claim."""
    m = _DEFINITE.fullmatch(fold(text).strip(" .,;:\"'"))
    return m is not None


def _negated_cue(attribution) -> bool:
    """Whether an attribution's cue is negated ("has not announced", "would not confirm")."""
    cue = getattr(attribution, "cue", None)
    return bool(cue) and any(w in lexicon()["negating_particles"] for w in words(cue.text))


def is_conditional(text: str) -> bool:
    """Whether a claim opens with a conditional ("If it's true, that's 280 families")."""
    first = words(text[:40])
    return bool(first) and first[0] in lexicon()["conditionals"]


def _participants(item: TraceItem, text: str, start: int, end: int, mentions,
                  names: EntityNames | None) -> tuple[frozenset, bool]:
    """Who a clause is about: the entities the ledger finds in it, plus any capitalised word
    that is a person's or organisation's name elsewhere in the corpus (a second "Odalys" the
    article's coreference missed). A clause that names nobody ("The two have not spoken
    since", "They haven't said a word") continues the sentences before it, so it is about
    whoever the nearest of them in its paragraph names (a quoted aside between, "It got loud
    in there.", names nobody either). The flag says whether they were found further back than
    the sentence before."""
    found = {n for s, e, n in mentions if s < end and e > start}
    if names is not None:
        found |= {k for m in _CAPITALISED.finditer(text) if (k := names.known(m.group(0)))}
    if found:
        return frozenset(found), False
    at, steps = start, 0
    while True:
        lo = _previous_sentence_start(item.text, at)
        earlier = frozenset(n for s, e, n in mentions if lo <= s < at)
        if earlier or lo >= at:
            return earlier, steps > 0
        at, steps = lo, steps + 1


def _previous_sentence_start(text: str, at: int) -> int:
    """Where the sentence before the one holding ``at`` begins (within the paragraph)."""
    para = text.rfind("\n\n", 0, at)
    para = para + 2 if para >= 0 else 0
    ends = [m.end() for m in _SENTENCE_END.finditer(text, para, at)]
    return ends[-2] if len(ends) >= 2 else para


def _entity_mentions(item: TraceItem, names: EntityNames | None) -> list[tuple[int, int, str]]:
    """``(start, end, canonical name)`` of every mention of a person or organisation."""
    out = []
    for e in item.ledger.entities:
        if e.type not in EVENT_ENTITY_TYPES:
            continue
        name = names.canonical(e.name) if names else e.name
        out.extend((m.start, m.end, name) for m in e.mentions)
    return out


def clauses(text: str) -> list[tuple[int, int]]:
    """The clauses of a claim sentence as ``(start, end)`` offsets into it.

    A ledger claim is a whole sentence, and one sentence often carries several claims ("plans
    to close its mill by June, a decision that would eliminate 280 jobs"; "said that he asked
    for a trade, that the two are not speaking and that ..."). Each clause is matched on its
    own, so that each claim finds its restatements elsewhere; a piece with fewer than
    ``MIN_CLAUSE_TERMS`` content terms is no clause of its own and stays with the one before.
    """
    cuts = [0] + [m.end() for m in _CLAUSE_BREAK.finditer(text)] + [len(text)]
    pieces: list[list[int]] = []
    for lo, hi in zip(cuts, cuts[1:]):
        if lo >= hi:
            continue
        if pieces and len(content_terms(text[pieces[-1][0]:pieces[-1][1]])) < MIN_CLAUSE_TERMS:
            pieces[-1][1] = hi
        elif pieces and len(content_terms(text[lo:hi])) < MIN_CLAUSE_TERMS:
            pieces[-1][1] = hi
        else:
            pieces.append([lo, hi])
    return [trim_edges(text, lo, hi) for lo, hi in pieces]


_LEADING_WORD = re.compile(r"\s*(\w+)\b[\s,]*")
_TRAILING_WORD = re.compile(r"[\s,;:]*\b(\w+)[\s,;:]*$")
_SEAM = " ,;:\t\n"


def trim_edges(text: str, lo: int, hi: int) -> tuple[int, int]:
    """``(lo, hi)`` without the seams a clause was cut at: separating punctuation at its end and
    a conjunction that only joined it to its neighbour ("and declined to comment"; "... with job
    searches, and"). The ledger cuts claims at such joints too, and the trace shows a clause's
    text as the claim, so the reader should see the claim, not the seam."""
    joints = lexicon()["edge_conjunctions"]
    m = _LEADING_WORD.match(text, lo, hi)
    if m and m.group(1).lower() in joints and m.end() < hi:
        lo = m.end()
    hi = lo + len(text[lo:hi].rstrip(_SEAM))
    m = _TRAILING_WORD.search(text, lo, hi)
    if m and m.group(1).lower() in joints and m.start() > lo:
        hi = lo + len(text[lo:m.start()].rstrip(_SEAM))
    return lo, hi


def similarity(a: Unit, b: Unit, weights: TermWeights) -> float:
    """The better of the lexical and the event similarity of two units."""
    return max(lexical_similarity(a, b, weights), event_similarity(a, b, weights))


#: two figures within this share of each other are the same figure restated ("about 280 jobs" /
#: "284 employees"): news rounds figures, and a source's count and a filing's differ a little
FIGURE_TOLERANCE = 0.03


def shared_terms(a: Unit, b: Unit) -> set:
    """The terms two units share, a figure counting as shared with one within
    ``FIGURE_TOLERANCE`` of it. Years and small numbers must match exactly: 2024 is not 2023,
    and 11 is not 12."""
    shared = set(a.terms & b.terms)
    mine, theirs = _figures(a.terms - shared), _figures(b.terms - shared)
    for term, x in mine.items():
        if any(abs(x - y) <= FIGURE_TOLERANCE * max(x, y) for y in theirs.values()):
            shared.add(term)
    # "hundreds of jobs" restates "300 jobs": a vague plural shares with a figure in its range
    vague = lexicon()["vague_ranges"]
    for u, v in ((a, b), (b, a)):
        for term in u.terms & vague.keys():
            lo, hi = vague[term]
            if term not in shared and any(lo <= x <= hi for x in _figures(v.terms).values()):
                shared.add(term)
    return shared


def _figures(terms) -> dict[str, float]:
    out = {}
    for t in terms:
        if t[:1].isdigit():
            try:
                x = float(t.replace(",", ""))
            except ValueError:
                continue
            if x >= 20 and not (1800 <= x <= 2100 and "," not in t and "." not in t):
                out[t] = x
    return out


def common_names(a: Unit, b: Unit) -> set:
    """The terms that count as names between two units: capitalised in both. A word one
    capitalises and the other does not is a title or a sentence opening on one side and a
    common word on the other ("Deputy Mayor Ana Ruiz will resign" / "the city's deputy mayor
    is expected to step down"): what it says is content, not who is spoken of."""
    return (a.names & b.names) | (a.names - b.terms) | (b.names - a.terms)


def lexical_similarity(a: Unit, b: Unit, weights: TermWeights) -> float:
    """Shared weight over the smaller claim's weight, names counting for ``NAME_WEIGHT``;
    0 unless the two share at least ``MIN_SHARED_TERMS`` words that are not names."""
    shared = shared_terms(a, b)
    names = common_names(a, b)
    if len(shared - names) < MIN_SHARED_TERMS:
        return 0.0
    small = min(_mass(a, weights), _mass(b, weights)) or 1.0
    return sum(weights.idf(t) * (NAME_WEIGHT if t in names else 1.0) for t in shared) / small


def event_similarity(a: Unit, b: Unit, weights: TermWeights) -> float:
    """Whether two clauses tell the same event about the same participants: they must be
    about a common person or organisation (by the ledger's entities, pronouns resolved), and
    then what they say of them (their words other than names) is compared by shared weight
    over the smaller side's. A short restatement ("Odalys has asked out") shares only its
    predicate with the original ("Tomas Odalys has asked the Portside Gulls to trade him"),
    too little for the lexical measure, but it is the same act by the same person; and a
    contradiction ("he and Brennick speak every day") is about the same act by the same two
    people as the claim it denies. Without a common participant this is 0, so two claims that
    merely share a common verb never meet."""
    if not (a.entities & b.entities):
        return 0.0
    for u, other in ((a, b), (b, a)):
        if u.distant_entities and len(u.terms - u.names) == 1 and not u.entities <= other.entities:
            # a clause that names nobody and tells its event in one word ("They haven't said a
            # word") is about whom a sentence further back names, which is weak evidence, and
            # matches on its one word alone: it must be about every one of the same people (a
            # denial of talks with another club, about one of the two, is no restatement of it)
            return 0.0
    names = a.names | b.names  # (one shared word may carry this match: a capitalised one must not)
    shared = shared_terms(a, b) - names
    if not shared:
        return 0.0
    small = min(_event_mass(a, weights), _event_mass(b, weights)) or 1.0
    return sum(weights.idf(t) for t in shared) / small


def _event_mass(u: Unit, weights: TermWeights) -> float:
    if u.event_mass is None:
        u.event_mass = sum(weights.idf(t) for t in u.terms - u.names)
    return u.event_mass


def _mass(u: Unit, weights: TermWeights) -> float:
    if u.mass is None:
        u.mass = sum(weights.idf(t) * (NAME_WEIGHT if t in u.names else 1.0) for t in u.terms)
    return u.mass


def candidate_pairs(units: list[Unit]):
    """Pairs of units in different articles worth comparing (prefix filtering): each unit is
    looked up under its ``BLOCK_KEYS`` rarest terms only, and a term found in more than
    ``BLOCK_MAX_POSTINGS`` claims is no key at all. Two claims that say the same thing
    share their rare words, so this loses little, and the work grows with the corpus instead
    of with its square."""
    postings: dict[str, list[int]] = defaultdict(list)
    for n, u in enumerate(units):
        for t in u.terms:
            postings[t].append(n)
    cap = BLOCK_MAX_POSTINGS
    seen = set()
    for a, u in enumerate(units):
        keys = sorted((t for t in u.terms if len(postings[t]) <= cap), key=lambda t: (len(postings[t]), t))[:BLOCK_KEYS]
        for t in keys:
            for b in postings[t]:
                if b == a or units[b].item.id == u.item.id:
                    continue
                pair = (a, b) if a < b else (b, a)
                if pair not in seen:
                    seen.add(pair)
                    yield pair


def cluster_units(units: list[Unit], weights: TermWeights, threshold: float = SAME_CLAIM,
                  cohesion: float = COHESION, semantic=None) -> list[list[Unit]]:
    """Groups of units that make the same claim, each in publication order; a group is kept
    only when it spans two or more articles.

    ``semantic``, when given, scores the candidate pairs a second way (``embedding_scores``:
    sentence embeddings); a pair counts by the better of the two.

    Matching pairs are joined strongest first, and two groups merge only when they match on
    average article by article (``cohesion``): for each pair of articles, one from each
    group, the best similarity between their clauses, pairs never compared counting 0. One
    sentence that restates two claims at once ("that he asked for a trade, that the two are
    not speaking") then joins one of them instead of fusing both into one claim; and an
    article that tells a claim in two clauses ("has requested a trade ... made the request in
    person") counts once, by its better clause, instead of diluting the average.
    """
    sims: dict[tuple[int, int], float] = {}
    pairs = list(candidate_pairs(units))
    meaning = semantic(units, pairs) if semantic is not None else {}
    for a, b in pairs:
        s = max(similarity(units[a], units[b], weights), meaning.get((a, b), 0.0))
        if s > 0:
            sims[(a, b)] = s
    members: dict[int, list[int]] = {n: [n] for n in range(len(units))}
    owner = list(range(len(units)))

    def join(keep: int, gone: int) -> None:
        for x in members[gone]:
            owner[x] = keep
        members[keep].extend(members.pop(gone))

    # a clause that re-tells an earlier clause's act ("delivered the request") starts in its group
    index = {id(u): n for n, u in enumerate(units)}
    for n, u in enumerate(units):
        if u.retells is not None and id(u.retells) in index:
            keep, gone = owner[index[id(u.retells)]], owner[n]
            if keep != gone:
                join(keep, gone)
    # a denial the ledger links to the claim it denies, or a denial of "the report" as a whole,
    # starts in the group of the claim it denies
    for n, target in _denied_targets(units, sims, threshold):
        keep, gone = owner[target], owner[n]
        if keep != gone:
            join(keep, gone)
    for (a, b), s in sorted(sims.items(), key=lambda kv: -kv[1]):
        if s < threshold:
            break
        ra, rb = owner[a], owner[b]
        if ra == rb:
            continue
        if _article_linkage(members[ra], members[rb], units, sims) < cohesion:
            continue
        keep, gone = (ra, rb) if len(members[ra]) >= len(members[rb]) else (rb, ra)
        join(keep, gone)
    out = []
    for group in members.values():
        g = [units[n] for n in group]
        if len({u.item.id for u in g}) >= 2:
            out.append(sorted(g, key=lambda u: (u.item.order, u.start)))
    return sorted(out, key=lambda g: (g[0].item.order, g[0].start))


#: cosine two clauses' MiniLM embeddings need to count as the same claim. On cascades-dev the
#: paraphrases lexical and event matching miss ("wants a trade" / "has requested a trade")
#: measure 0.70-0.75, but different claims about the same company or player measure up to 0.79
#: (a bridge story's "headed to or from the Greaves & Vane mill" / "the mill will close"), so
#: no cut separates them: at 0.6 or 0.7 a distractor article is attached and an origin lost.
#: 0.8 keeps only near-restatements, which the other signals find anyway: which is why the
#: trace does not use embeddings by default.
EMBED_SAME = 0.8


def embedding_scores(units: list[Unit], pairs: list[tuple[int, int]]) -> dict[tuple[int, int], float]:
    """Cosine of the sentence embeddings of candidate pairs about a common participant (the
    optional ``[embed]`` signal): the cosine itself when it reaches ``EMBED_SAME``. Only pairs
    the lexical blocking already proposes are compared, so the cost stays linear, and a pair
    with no common participant never counts: embeddings of two claims about different people
    in the same kind of story are close too."""
    from . import embed

    wanted = [(a, b) for a, b in pairs if units[a].entities & units[b].entities]
    if not wanted:
        return {}
    needed = sorted({n for pair in wanted for n in pair})
    row = {n: i for i, n in enumerate(needed)}
    vecs = embed.encode([units[n].text for n in needed])
    out = {}
    for a, b in wanted:
        cos = float(vecs[row[a]] @ vecs[row[b]])
        if cos >= EMBED_SAME:
            out[(a, b)] = cos
    return out


def _denied_targets(units: list[Unit], sims: dict, threshold: float):
    """``(denial, denied)`` unit indices within one article. The ledger's ``denies`` link wins;
    a denial of the report as a whole ("called the report fiction") denies the report's lead
    claim, which is the first clause of the article that restates a claim published earlier
    elsewhere."""
    by_article: dict[str, list[int]] = defaultdict(list)
    for n, u in enumerate(units):
        by_article[u.item.id].append(n)
    restates: set[int] = set()
    for (a, b), s in sims.items():
        if s >= threshold and units[a].item.order != units[b].item.order:
            restates.add(a if units[a].item.order > units[b].item.order else b)
    for n, u in enumerate(units):
        if not (u.denies or u.report_denial):
            continue
        own = sorted(by_article[u.item.id], key=lambda m: units[m].start)
        target = next((m for m in own if units[m].claim_id in u.denies and m != n), None)
        if target is None and u.report_denial:
            target = next((m for m in own if m in restates and m != n and not units[m].report_denial), None)
        if target is not None:
            yield n, target


def _article_linkage(g: list[int], h: list[int], units: list[Unit], sims: dict) -> float:
    """Mean over article pairs (one article from each group) of their clauses' best match.

    Two clauses of one article are never compared, so such a pair counts 0: an article that
    tells two claims is in both their groups, and that keeps them apart. Except where the
    article restates a claim in one group and denies the claim of the other (says the opposite
    of that group's first telling): a story that reports a claim and its denial ("about 300
    workers would lose their jobs ... 'There are no layoffs planned'") can leave the two
    halves of one claim in two groups, one holding the denial, and a 0 there would keep them
    apart; such an article pair is left out."""
    best: dict[tuple[str, str], float] = {}
    opposed: set[str] = set()
    g_neg = units[min(g, key=lambda n: (units[n].item.order, units[n].start))].negated
    h_neg = units[min(h, key=lambda n: (units[n].item.order, units[n].start))].negated
    for a in g:
        for b in h:
            key = (units[a].item.id, units[b].item.id)
            if key[0] == key[1] and (units[a].negated != g_neg) != (units[b].negated != h_neg):
                opposed.add(key[0])
            s = sims.get((a, b) if a < b else (b, a), 0.0)
            if s > best.get(key, -1.0):
                best[key] = s
    kept = [s for (x, y), s in best.items() if x != y or x not in opposed]
    return sum(kept) / len(kept) if kept else 0.0
