"""Stage `hearsay_checks`: contradictions inside the article, and the few facts that hold up.

A story that gives a person two ages, a couple that "first met in 2009" but married in 2007, or
"three years later, in 2016" after 2015 contradicts itself; an editor wants to know before a
reader does. Each check compares facts earlier stages pinned down (ages and birth ranges from
the mentions stage, dated relations, resolved times) and reports ``conflict`` with refs to
what disagrees. Consistent pairs of facts that a reader would want confirmed (an age against a
stated birth date, a wedding against the first meeting, children against when their parents
met) give an ``ok``; nothing else does, so the list stays short.
"""

from __future__ import annotations

import re
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..extensions import CheckRec, get_list
from ..lexicon import LexiconLoader
from ._internals.doc_text import doc_text
from .mentions import born_from_age
from .ranges import RangeIndex
from .relations import EntityIndex, trigger_positions

EXPLICIT_YEAR = re.compile(r"\b(1[5-9]\d\d|2[01]\d\d)\b")


# --- small helpers ----------------------------------------------------------------------------

def _day(value) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10])
    except (TypeError, ValueError):
        return None


def value_range(value: str | None) -> tuple[date, date] | None:
    """First and last day of an ISO date, month or year value."""
    if not value:
        return None
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$", value)
    if not m:
        return None
    y = int(m.group(1))
    if m.group(3):
        d = _day(value)
        return (d, d) if d else None
    if m.group(2):
        mo = int(m.group(2))
        nxt = date(y + (mo == 12), mo % 12 + 1, 1)
        return date(y, mo, 1), date.fromordinal(nxt.toordinal() - 1)
    return date(y, 1, 1), date(y, 12, 31)


def time_range(t: dict) -> tuple[date, date] | None:
    rng = t.get("range") or {}
    a, b = _day(rng.get("start")), _day(rng.get("end"))
    if a and b:
        return a, b
    return value_range(t.get("value"))


def reference_date(doc: Doc) -> str | None:
    ref = doc._.hearsay_reference or {}
    meta = doc._.hearsay_meta or {}
    return meta.get("published") or ref.get("date")


def claims_at(claims: list[dict], *offsets: int) -> list[str]:
    """Ids of the claims holding any of the character offsets, innermost first. ``claims`` may
    be a `RangeIndex` (the checks stage builds one), so a check per age or date does not scan
    every claim of a long article."""
    index = claims if isinstance(claims, RangeIndex) else RangeIndex(claims)
    out = []
    for off in offsets:
        holding = sorted(index.covering(off), key=lambda c: c["end"] - c["start"])
        if holding and holding[0]["id"] not in out:
            out.append(holding[0]["id"])
    return out


def _refs(*groups) -> list[str]:
    out: list[str] = []
    for group in groups:
        for ref in group if isinstance(group, (list, tuple)) else [group]:
            if ref and ref not in out:
                out.append(ref)
    return out


def _check(kind: str, status: str, message: str, refs: list[str]) -> dict:
    return {"kind": kind, "status": status, "message": message, "refs": refs}


# --- ages -------------------------------------------------------------------------------------

def stated_birth(entity: dict, reference: str | None) -> dict | None:
    """The birth range the text states for a person, as opposed to one worked out from their age."""
    born = entity.get("born")
    if not born or entity.get("born_stated") is False:
        return None
    if entity.get("born_stated") or entity.get("age") is None:
        return born
    return None if born == born_from_age(entity["age"], reference) else born


def _different_people(text: str, ent: dict, ages: list[dict]) -> bool:
    """Whether the ages were given after two different full names ("Gary Lindqvist, 58" and
    "Evan Lindqvist, 26" clustered together): a clustering slip, not the story's."""
    full = set()
    names_ending: dict[int, list[dict]] = {}   # by end: one pass over the mentions, not one per age
    for m in ent.get("mentions", []):
        if m.get("kind") == "name":
            names_ending.setdefault(m["end"], []).append(m)
    for a in ages:
        before = [m for gap in range(4) for m in names_ending.get(a["start"] - gap, ())]
        for m in before:
            name = text[m["start"] : m["end"]]
            if len(name.split()) > 1:
                full.add(name)
    return len(full) > 1


def births_stated_of(doc: Doc, entities: list[dict]) -> set[str]:
    """Entities the text itself says were born on a date: "born" whose subject, or the noun it
    describes, is a mention of them ("Jane Doe was born ...", "Born March 9, 1990, Doe ...",
    "Doe (born 1990)"). "her first child, a girl born Sept. 26, 2014" is the child's birth."""
    found: set[str] = set()
    if not any(e.get("born") for e in entities):
        return found
    idx = EntityIndex(doc, entities, [], {})
    for i in trigger_positions(doc, {"born"}):
        tok = doc[i]
        who = None
        if tok.dep_ in ("acl", "amod", "appos"):
            who = tok.head
        else:
            who = next((c for c in tok.children if c.dep_ in ("nsubjpass", "nsubj")), None)
            if who is None and tok.dep_ == "advcl":
                who = next((c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if who is not None:
            found.update(idx.ents(who, ("PERSON",)))
    return found


def check_ages(entities: list[dict], claims: list[dict], reference: str | None, text: str = "",
               births: set[str] | None = None) -> list[dict]:
    """The same person given two ages; an age against a stated birth date (only for people the
    text says were born then, when ``births`` is given)."""
    out = []
    for ent in entities:
        ages = ent.get("ages") or []
        values = sorted({a["value"] for a in ages})
        if len(values) > 1 and not _different_people(text, ent, ages):
            out.append(_check(
                "age", "conflict",
                f"{ent['name']} is given two ages: " + " and ".join(str(v) for v in values) + ".",
                _refs(ent["id"], claims_at(claims, *[a["start"] for a in ages])),
            ))
        born = stated_birth(ent, reference)
        if born is None or ent.get("age") is None or not reference or (births is not None and ent["id"] not in births):
            continue
        implied = born_from_age(ent["age"], reference)
        if implied is None:
            continue
        first = [a["start"] for a in ages[:1]]
        refs = _refs(ent["id"], claims_at(claims, *first))
        if born["latest"] < implied["earliest"] or born["earliest"] > implied["latest"]:
            out.append(_check(
                "age_vs_birth", "conflict",
                f"{ent['name']} is said to be {ent['age']}, but a birth date of {_born_text(born)} makes them "
                f"{_age_text(born, reference)} on {reference}.",
                refs,
            ))
        else:
            out.append(_check(
                "age_vs_birth", "ok",
                f"{ent['name']}'s age ({ent['age']}) agrees with the stated birth date ({_born_text(born)}).",
                refs,
            ))
    return out


def _born_text(born: dict) -> str:
    a, b = born["earliest"], born["latest"]
    if a == b:
        return a
    if a[:4] == b[:4] and a[5:] == "01-01" and b[5:] == "12-31":
        return a[:4]
    if a[:7] == b[:7]:
        return a[:7]
    return f"{a} to {b}"


def _age_text(born: dict, reference: str) -> str:
    ref = _day(reference)
    lo, hi = _day(born["latest"]), _day(born["earliest"])
    if not (ref and lo and hi):
        return "a different age"

    def age(b: date) -> int:
        return ref.year - b.year - ((ref.month, ref.day) < (b.month, b.day))

    young, old = age(lo), age(hi)
    return str(young) if young == old else f"{young} or {old}"


# --- couples: wedding, first meeting, children -------------------------------------------------

def _year(value: str | None) -> int | None:
    return int(value[:4]) if value and value[:4].isdigit() else None


def check_couples(relations: list[dict], entities: list[dict], claims: list[dict], reference: str | None) -> list[dict]:
    """An anniversary against a stated wedding year, a wedding before the first meeting, and a
    couple's child older than the couple's first meeting."""
    names = {e["id"]: e["name"] for e in entities}
    by_id = {e["id"]: e for e in entities}
    out = []
    met = {frozenset((r["a"], r["b"])): r for r in relations if r["type"] == "met" and r.get("since")}
    for r in relations:
        if r["type"] != "spouse":
            continue
        couple = f"{names.get(r['a'], r['a'])} and {names.get(r['b'], r['b'])}"
        dates = r.get("dates") or []
        times = [d.get("time") for d in dates]
        years = {}
        for d in dates:
            y = _year(d.get("value"))
            if y is not None:
                years.setdefault(d.get("how") or "stated", []).append(y)
        ann, stated = set(years.get("anniversary", [])), set(years.get("stated", []))
        if ann and stated and not (ann & stated):
            out.append(_check(
                "anniversary_vs_wedding", "conflict",
                f"The anniversary puts {couple}'s wedding in {min(ann)}, but the text says they married in {min(stated)}.",
                _refs(r["id"], times, r.get("claims", [])),
            ))
        elif ann and stated:
            out.append(_check(
                "anniversary_vs_wedding", "ok",
                f"The anniversary agrees with {couple}'s stated wedding year ({min(ann & stated)}).",
                _refs(r["id"], times, r.get("claims", [])),
            ))
        elif len(stated) > 1:
            out.append(_check(
                "wedding_date", "conflict",
                f"{couple} are said to have married in " + " and in ".join(str(y) for y in sorted(stated)) + ".",
                _refs(r["id"], times, r.get("claims", [])),
            ))
        m = met.get(frozenset((r["a"], r["b"])))
        wed = sorted(stated or ann)
        met_year = _year(m["since"]) if m else None
        if m and wed and met_year is not None:
            met_times = [d.get("time") for d in m.get("dates") or []]
            refs = _refs(r["id"], m["id"], times, met_times, r.get("claims", []), m.get("claims", []))
            if wed[0] < met_year:
                out.append(_check(
                    "wedding_vs_meeting", "conflict",
                    f"{couple} are said to have married in {wed[0]}, before they first met in {met_year}.",
                    refs,
                ))
            else:
                out.append(_check(
                    "wedding_vs_meeting", "ok",
                    f"{couple}'s wedding ({wed[0]}) comes after they first met ({met_year}).",
                    refs,
                ))
    out += _children_vs_meeting(relations, met, by_id, names, reference)
    out += _parents_older_than_children(relations, by_id)
    return out


#: the smallest believable age gap between a parent and a child
MIN_PARENT_GAP = 12


def _parents_older_than_children(relations: list[dict], by_id: dict) -> list[dict]:
    """A parent given an age too close to (or below) their child's: "his son, Evan, 26" beside
    "Gary Lindqvist, 22". Consistent ages are no news, so they give no check."""
    out = []
    for r in relations:
        if r["type"] != "child":
            continue
        child, parent = by_id.get(r["a"]), by_id.get(r["b"])
        if not child or not parent or child.get("age") is None or parent.get("age") is None:
            continue
        if parent["age"] - child["age"] < MIN_PARENT_GAP:
            out.append(_check(
                "parent_vs_child_age", "conflict",
                f"{parent['name']} ({parent['age']}) is given as the parent of {child['name']} ({child['age']}).",
                _refs(parent["id"], child["id"], r["id"], r.get("claims", [])),
            ))
    return out


def _children_vs_meeting(relations, met, by_id, names, reference) -> list[dict]:
    parents: dict[str, set[str]] = {}
    child_rels: dict[str, list[str]] = {}
    for r in relations:
        if r["type"] == "child":
            parents.setdefault(r["a"], set()).add(r["b"])
            child_rels.setdefault(r["a"], []).append(r["id"])
    out = []
    for pair, m in met.items():
        met_range = value_range(m["since"])
        if met_range is None:
            continue
        fine, bad = [], []
        for child, ps in parents.items():
            ent = by_id.get(child)
            if not pair <= ps or ent is None or ent.get("age") is None:
                continue
            born = ent.get("born") or born_from_age(ent["age"], reference)
            latest = _day(born["latest"]) if born else None
            if latest is None:
                continue
            (bad if latest < met_range[0] else fine).append(child)
        a, b = sorted(pair, key=lambda e: names.get(e, e))
        couple = f"{names.get(m['a'], a)} and {names.get(m['b'], b)}"
        met_times = [d.get("time") for d in m.get("dates") or []]
        for child in bad:
            ent = by_id[child]
            out.append(_check(
                "child_vs_meeting", "conflict",
                f"{ent['name']} ({ent['age']}) is presented as the child of {couple}, but was born before they "
                f"first met in {m['since'][:4]}.",
                _refs(child, m["id"], child_rels.get(child, []), met_times, m.get("claims", [])),
            ))
        if fine and not bad:
            kids = " and ".join(f"{by_id[c]['name']} ({by_id[c]['age']})" for c in fine)
            out.append(_check(
                "child_vs_meeting", "ok",
                f"{kids}: born after {couple} first met ({m['since'][:4]}).",
                _refs(fine, m["id"], met_times),
            ))
    return out


# --- the order of events -------------------------------------------------------------------------

def explicit_times(doc: Doc, text: str, times: list[dict]) -> dict[int, dict]:
    """Token index -> the time covering it, for times that state their own year (only those
    can contradict the text's stated order)."""
    out: dict[int, dict] = {}
    for t in times:
        if t.get("type") not in ("DATE", "TIME") or not EXPLICIT_YEAR.search(text[t["start"] : t["end"]]):
            continue
        if time_range(t) is None:
            continue
        span = doc.char_span(t["start"], t["end"], alignment_mode="expand")
        for tok in span if span is not None else []:
            out.setdefault(tok.i, t)
    return out


def _times_in(at_token: dict[int, dict], tokens) -> list[dict]:
    found: list[dict] = []
    for tok in sorted(tokens, key=lambda t: t.i):
        t = at_token.get(tok.i)
        if t is not None and all(t is not f for f in found):
            found.append(t)
    return found


#: clauses inside a clause that date something else ("The firm, founded in 2010, collapsed ...")
EMBEDDED = ("ccomp", "conj", "parataxis", "relcl", "acl", "appos", "advcl", "csubj")


def _clause_tokens(head: Token, skip: set[int]) -> list[Token]:
    """The clause a verb heads, without the clauses embedded in it, nearest words first."""
    out, todo = [], [head]
    while todo:
        t = todo.pop(0)
        if t.i in skip:
            continue
        out.append(t)
        todo.extend(c for c in t.children if c.dep_ not in EMBEDDED and c.i not in skip)
    return out


def _is_flashback(verb: Token) -> bool:
    """Past perfect ("had worked") steps back from the narrative: no order is stated."""
    return any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in verb.children)


def _nearest(at_token: dict[int, dict], clause: list[Token]) -> list[dict]:
    """Times of a clause, the one nearest its head (in the tree) first."""
    found: list[dict] = []
    for tok in clause:
        t = at_token.get(tok.i)
        if t is not None and all(t is not f for f in found):
            found.append(t)
    return found


def _order_conflict(first: dict, second: dict) -> bool:
    """Whether ``second``, stated to come after ``first``, is dated wholly before it."""
    a, b = time_range(first), time_range(second)
    return bool(a and b and b[1] < a[0])


def check_event_order(doc: Doc, times: list[dict], claims: list[dict], lexicon: dict) -> list[dict]:
    """Events whose stated order disagrees with their dates.

    Long on purpose: three passes (numbered below: a relative time beside a date of its own,
    "after"/"before" joining dated clauses, "then"/"later" after a dated sentence) share one
    index of explicit dates and one conflict builder, and read best as one list of the ways a
    story states order."""
    out = []
    text = doc_text(doc)
    by_id = {t["id"]: t for t in times}
    at_token = explicit_times(doc, text, times)
    explicit = {id(t) for t in at_token.values()}

    def conflict(earlier: dict, later: dict, word: str) -> dict:
        return _check(
            "event_order", "conflict",
            f"“{word}” puts the event of {text[later['start']:later['end']]} after that of "
            f"{text[earlier['start']:earlier['end']]}, but its date ({later.get('value')}) is earlier.",
            _refs(earlier["id"], later["id"], claims_at(claims, earlier["start"], later["start"])),
        )

    # 1. a relative time next to a date of its own: "Three years later, in 2016"
    for n, t in enumerate(times):
        anchor = by_id.get(t.get("anchor") or "")
        if anchor is None or id(t) in explicit:
            continue
        for other in times[max(0, n - 1) : n + 2]:
            if other is t or id(other) not in explicit or other is anchor:
                continue
            gap = text[t["end"] : other["start"]] if other["start"] >= t["end"] else text[other["end"] : t["start"]]
            if len(gap) > 6 or not re.fullmatch(r"[\s,(—–-]*(?:in|on|of)?[\s,(—–-]*", gap):
                continue
            a, b = time_range(t), time_range(other)
            if a and b and (b[1] < a[0] or b[0] > a[1]):
                out.append(_check(
                    "event_order", "conflict",
                    f"“{text[t['start']:t['end']]}” counted from {anchor.get('value')} gives {t.get('value')}, "
                    f"but the text dates it {other.get('value')}.",
                    _refs(anchor["id"], t["id"], other["id"], claims_at(claims, t["start"])),
                ))
    # 2. "after"/"before" joining two dated clauses: "joined in 2019, after graduating in 2021"
    after, before = set(lexicon.get("after", [])), set(lexicon.get("before", []))
    later = set(lexicon.get("later", []))
    if not at_token:
        return out
    cues = [doc[i] for i in trigger_positions(doc, after | before | later)]
    for tok in cues:
        word = tok.lower_
        if word not in after and word not in before or tok.dep_ not in ("mark", "prep"):
            continue
        sub_head = tok.head if tok.dep_ == "mark" else tok
        main_head = sub_head.head if tok.dep_ == "mark" else tok.head
        if main_head is sub_head:
            continue
        sub = list(sub_head.subtree)
        main = _clause_tokens(main_head, {t.i for t in sub})
        sub_times, main_times = _times_in(at_token, sub), _nearest(at_token, main)
        if not sub_times or not main_times:
            continue
        s, m = sub_times[0], main_times[0]
        if word in after and _order_conflict(s, m):
            out.append(conflict(s, m, tok.text))
        elif word in before and _order_conflict(m, s):
            out.append(conflict(m, s, tok.text))
    # 3. "then"/"later" after a dated sentence: "In 2018 she joined Acme. She then left in 2016."
    back = int(lexicon.get("max_sentences_back", 2))
    timed = RangeIndex(times)
    for tok in cues:
        if tok.lower_ not in later or tok.dep_ != "advmod" or tok.head.pos_ not in ("VERB", "AUX"):
            continue
        if timed.covering(tok.idx):
            continue  # "two years later" is a time of its own, anchored by the temporal stage
        here = _nearest(at_token, _clause_tokens(tok.head, set()))
        if not here or _is_flashback(tok.head):
            continue
        sent = tok.sent
        prev = None
        start = sent.start
        for _ in range(back):
            if start == 0 or "\n\n" in text[doc[max(0, start - 2)].idx : doc[min(start + 1, len(doc) - 1)].idx]:
                break
            earlier = doc[start - 1].sent
            found = _times_in(at_token, earlier)
            if found:
                prev = found[-1]
                break
            start = earlier.start
        if prev is not None and _order_conflict(prev, here[0]):
            out.append(conflict(prev, here[0], tok.text))
    return out


# --- denials ----------------------------------------------------------------------------------

def check_denials(claims: list[dict], sources: list[dict], text: str) -> list[dict]:
    """Every claim a denial in the article denies: "claim C4 is denied by a spokesperson for
    Hart (C9)", so a reader of the checks sees the story disputed before reading it."""
    labels = {s["id"]: s["label"] for s in sources}
    of_attribution: dict[str, dict] = {c["attribution"]: c for c in claims if c.get("attribution")}
    out = []
    for claim in claims:
        for att_id in claim.get("disputed_by", []):
            denial = of_attribution.get(att_id)
            if denial is None:
                continue
            who = labels.get(denial["source"], "a source")
            if who.split(" ", 1)[0] in ("A", "An", "The"):  # mid-sentence: "denied by a spokesperson"
                who = who[0].lower() + who[1:]
            words = " ".join(text[denial["start"] : denial["end"]].split()[:8])
            out.append(
                _check(
                    "denial",
                    "conflict",
                    f"claim {claim['id']} is denied by {who} ({denial['id']}: “{words}”)",
                    _refs(claim["id"], denial["id"], denial["source"]),
                )
            )
    return out


# --- the stage ---------------------------------------------------------------------------------

def find_checks(doc: Doc, lexicon: dict) -> list[CheckRec]:
    entities = get_list(doc, "hearsay_entities")
    relations = get_list(doc, "hearsay_relations")
    claims = RangeIndex(get_list(doc, "hearsay_claims"))   # found by position, see `claims_at`
    times = sorted(get_list(doc, "hearsay_times"), key=lambda t: t["start"])
    reference = reference_date(doc)
    text = doc_text(doc)   # one copy of the article text per Doc
    found = check_ages(entities, claims, reference, text, births_stated_of(doc, entities))
    found += check_couples(relations, entities, claims, reference)
    found += check_event_order(doc, times, claims, lexicon)
    found += check_denials(claims, get_list(doc, "hearsay_sources"), text)
    seen, out = set(), []
    for c in sorted(found, key=lambda c: c["status"] != "conflict"):
        key = (c["kind"], c["message"])
        if key in seen:
            continue
        seen.add(key)
        out.append({"id": f"K{len(out) + 1}", **c})
    return out


@Language.factory(
    "hearsay_checks",
    requires=["doc._.hearsay_claims", "doc._.hearsay_relations", "doc._.hearsay_times", "doc._.hearsay_reference",
              "doc._.hearsay_entities", "doc._.hearsay_sources"],
    assigns=["doc._.hearsay_checks"],
    default_config={"lexicons": {"@misc": "hearsay.lexicon.v1"}},
)
def make_hearsay_checks(nlp: Language, name: str, lexicons: LexiconLoader):
    return HearsayChecks(lexicons("checks"))


class HearsayChecks:
    def __init__(self, lexicon: dict):
        self.lexicon = lexicon

    def __call__(self, doc: Doc) -> Doc:
        doc._.hearsay_checks = find_checks(doc, self.lexicon)
        return doc
