"""Finding temporal expressions: the model's DATE/TIME entities, trimmed to TIMEX3 extents, plus
the calendar and deictic words the small model misses ("now", "recently", "daily", "Friday").

Why both: the English model finds most multi-word dates but misses single deictic words and
often swallows a preposition or a possessive; the lexicon words cost one dict lookup per token.
Ages ("Natalie, 42,") that the model tags DATE are dropped here.
"""

from __future__ import annotations

import re

import numpy
from spacy.attrs import LOWER, SHAPE
from spacy.tokens import Doc, Span



def _time_words(L: dict) -> set[str]:
    words = set(L["months"]) | set(L["weekdays"]) | set(L["units"]) | set(L["parts_of_day"]) | set(L["day_offsets"])
    words |= set(L["sets"]) | set(L["entity_time_words"])
    words |= {s for s in L["seasons"]} | {h.split()[0] for h in L["holidays"]}
    return words


def _is_age(span: Span, L: dict) -> bool:
    """A bare number the model calls a DATE: an age ("Natalie, 42,", "a 6-year-old"), a score or
    a model number ("80486"), not a year."""
    toks = [t for t in span if not t.is_punct]
    if not toks:
        return True
    if any(t.lower_ in L["age_words"] or t.lower_.endswith("-old") for t in toks):
        return True
    first = toks[0]
    if re.match(r"^\d0s$", toks[-1].lower_) and any(
            t.lower_ in L["age_possessives"] for t in span.doc[max(0, first.i - 2) : toks[-1].i]):
        return True  # "in their 30s", "in my early 20s": an age
    if len(toks) != 1:
        return False
    t = toks[0]
    if t.text.isdigit() and not (len(t.text) == 4 and 1000 <= int(t.text) <= 2099):
        return True
    nxt = span.doc[t.i + 1] if t.i + 1 < len(span.doc) else None
    if t.text.isdigit() and nxt is not None and nxt.tag_ == "NNS" and nxt.lower_ not in L["units"]:
        return True  # "2017 points", "1500 people": a count, not a year
    return False


def _trim(doc: Doc, start: int, end: int, L: dict) -> tuple[int, int]:
    """The TIMEX3 extent of a model entity: prepositions and comparison words cut, approximators
    kept as TimeBank keeps them ("about three years", "just days later")."""
    preps = set(L["prepositions"])
    while start < end and (doc[start].lower_ in preps or doc[start].is_punct or doc[start].lower_ in
                           ("than", "more", "less", "least")):
        if doc[start].lower_ in L["approximators"] or doc[start].lower_ == "around":
            break
        start += 1
    while start < end and doc[start].pos_ in ("VERB", "AUX"):
        start += 1  # "expected to last six weeks": the verb is not part of the time
    for k in range(start + 1, min(end - 1, start + 3)):
        if doc[k].lower_ in L["clause_determiners"] and \
                all(doc[m].pos_ in ("NOUN", "ADJ") for m in range(start, k)):
            start = k  # "season this year": the head noun before belongs to the clause
            break
    while end > start and (doc[end - 1].lower_ in L["trailing_drop"] or doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return start, end


def _is_count(tok, L: dict) -> bool:
    low = tok.lower_
    return tok.like_num or low in L["numbers"] or low in L["vague_counts"] or low in ("several", "few", "many")


#: entity types whose words are names, never calendar words ("Jan Kavan", "the March for Life")
NAMED_THINGS = {"PERSON", "ORG", "EVENT", "WORK_OF_ART", "FAC", "LAW", "PRODUCT"}

def _counted(doc: Doc, k: int, L: dict) -> bool:
    """Is the count at ``k`` really measuring time? "a" only when something around says so
    ("for a week", "a year ago"), not "ending a season in which ..."."""
    if doc[k].lower_ not in ("a", "an"):
        return True
    before = doc[k - 1].lower_ if k > 0 else ""
    after = doc[k + 2].lower_ if k + 2 < len(doc) else ""
    if k > 0 and (doc[k - 1].tag_ in ("NNS", "CD") or before in L["rate_markers"]):
        return True  # a rate: "four flights a week", "$1 billion a year"
    return before in L["count_openers"] or after in L["count_closers"]


def _modifies_a_thing(tok, L: dict) -> bool:
    """"Christmas trees", "Thanksgiving turkey": the holiday names a kind of thing, not a day."""
    head = tok.head
    return tok.dep_ == "compound" and head is not tok and head.pos_ == "NOUN" and head.lower_ not in L["units"] \
        and head.lower_ not in L["parts_of_day"] and head.lower_ not in L["holiday_heads"]


def _month_in_name(doc: Doc, i: int) -> bool:
    """"the March for Life", "March of the Combatant Mothers": a name, not a month."""
    return i + 2 < len(doc) and doc[i + 1].lower_ in ("for", "of") and doc[i + 2].text[:1].isupper() \
        and not doc[i + 2].like_num


def _count_span(doc: Doc, i: int, L: dict, taken: list[bool]) -> tuple[int, int] | None:
    """A duration or shift the model left out: "two more weeks", "at least 20 more years",
    "over a week", "three days later"."""
    s = i - 1
    while s > 0 and not taken[s - 1] and (_is_count(doc[s - 1], L) or doc[s - 1].lower_ in L["count_fillers"]
                                          or doc[s - 1].lower_ in L["approximators"]
                                          or doc[s - 1].lower_ in L["count_span_words"]):
        s -= 1
    while s < i and doc[s].lower_ in L["count_span_trimmed"]:
        s += 1
    if any(taken[k] for k in range(s, i + 1)):
        return None
    e = i + 1
    if e < len(doc) and doc[e].lower_ in L["count_after"] and not taken[e]:
        if doc[e].lower_ == "old":
            return None  # an age
        e += 1
    if e < len(doc) and doc[e].text == "-" and e + 1 < len(doc) and doc[e + 1].lower_ == "old":
        return None
    return (s, e)


_NUMERIC_TIME = re.compile(r"^(?:\d{1,2}:\d{2}|['’]?\d{2,4}['’]?s|\d{4})$")


def _mentions_time(span: Span, words: set[str]) -> bool:
    """Does the model's DATE/TIME entity contain a word of time (not just "86-76" or "the 1st")?"""
    for t in span:
        low = t.lower_
        if low in words or low.rstrip(".") in words or t.like_num or _NUMERIC_TIME.match(low):
            return True
        if "-" in low and any(p in words or _NUMERIC_TIME.match(p) for p in low.split("-")):
            return True
    return False


_DAY_ORDINAL = re.compile(r"^(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)$")


def _day_of_month(doc: Doc, start: int, end: int, L: dict) -> bool | None:
    """"(due on) the 14th": an ordinal alone is a day of the month when a preposition of time
    opens it and no noun follows (not "the 14th amendment", "the 14th hole"). None when the
    span is not "the" and an ordinal."""
    toks = [t.lower_ for t in doc[start:end]]
    if toks[:1] != ["the"] or len(toks) != 2 or not _DAY_ORDINAL.match(toks[1]):
        return None
    if start == 0 or doc[start - 1].lower_ not in L["day_ordinal_openers"]:
        return False
    return end >= len(doc) or doc[end].pos_ not in ("NOUN", "PROPN", "ADJ", "NUM")


def find_time_spans(doc: Doc, L: dict) -> list[tuple[int, int]]:
    """Token extents (start, end) of the temporal expressions in ``doc``, in text order; ``L``
    is the time lexicon."""
    words = _time_words(L)
    never_alone = set(L["never_alone"])
    idioms = set(L["idioms"])
    taken = [False] * (len(doc) + 1)
    spans: list[tuple[int, int]] = []
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        if _is_age(ent, L):
            continue
        start, end = _trim(doc, ent.start, ent.end, L)
        if start > 0 and doc[start - 1].lower_ in ("every", "each"):
            start -= 1
        while start > 0 and doc[start - 1].lower_ in L["approximators"] and _is_count(doc[start], L):
            start -= 1
        if end < len(doc) and doc[end].lower_ == "period" and end - start == 1 and doc[start].like_num:
            start, end = (start - 1 if start > 0 and doc[start - 1].lower_ == "the" else start), end + 1
        if end < len(doc) and doc[end].lower_ in L["parts_of_day"] and \
                (doc[end - 1].lower_ in L["weekdays"] or doc[end - 1].lower_ in L["day_offsets"]):
            end += 1
        day_of_month = _day_of_month(doc, start, end, L)
        if start >= end or day_of_month is False or not (day_of_month or _mentions_time(doc[start:end], words)):
            continue
        if doc[start:end].text.lower() in never_alone or _is_age(doc[start:end], L):
            continue
        if doc[start:end].text.lower() in idioms:
            continue
        if end - start == 1 and (_month_in_name(doc, start) or
                                 (doc[start].lower_ in L["holidays"] and _modifies_a_thing(doc[start], L))):
            continue
        for piece in _split_ranges(doc, start, end, L):
            spans.append(piece)
            for i in range(piece[0], piece[1]):
                taken[i] = True
    triggers = [doc.vocab.strings.add(w) for w in _triggers(L)]
    lowers = doc.to_array([LOWER]) if len(doc) else numpy.zeros(0, dtype="uint64")
    candidates = numpy.flatnonzero(numpy.isin(lowers, triggers)).tolist()
    if len(doc):
        shapes = doc.to_array([SHAPE])
        wanted = [doc.vocab.strings.add(w) for w in ("XXdddd", "XXdd", "dd:dd", "d:dd", "dddd", "ddx", "ddddx",
                                                     "dd/dd/dddd",
                                                     "d/dd/dddd", "dd/d/dddd", "d/d/dddd", "dd/dd/dd", "d/d/dd")]
        candidates += numpy.flatnonzero(numpy.isin(shapes, wanted)).tolist()
    for i in sorted(set(candidates)):
        if taken[i]:
            continue
        ext = _lexical_span(doc, i, L, taken)
        if ext is None:
            continue
        s, e = ext
        spans.append((s, e))
        for k in range(s, e):
            taken[k] = True
    spans.sort()
    return _merge_clock_and_day(doc, spans, L)


_SLASH_DATE = re.compile(r"^\d{1,2}/\d{1,2}/(?:\d{2}|\d{4})$")
_DECADE_TOKEN = re.compile(r"^(?:1[89]|20)?\d0s$")
_ISO_PART = re.compile(r"^\d{2}$")
_PERIOD_CODE = re.compile(r"^(?:q[1-4]|[1-4]q|h[12]|fy(?:\d{2}|\d{4}))$")
_YEAR_TOKEN = re.compile(r"^(?:1[89]\d\d|20\d\d)$")
_CLOCK_TOKEN = re.compile(r"^(?:[01]?\d|2[0-3]):[0-5]\d$")


def _is_clock(span: Span, L: dict) -> bool:
    return any(t.lower_ in L["clock_marks"] or (":" in t.text and t.text[0].isdigit())
               for t in span)


def _is_day(span: Span, L: dict) -> bool:
    return any(t.lower_ in L["weekdays"] or t.lower_ in L["day_offsets"] for t in span) or \
        (any(t.lower_.rstrip(".") in L["months"] for t in span) and any(t.like_num for t in span))


def _merge_clock_and_day(doc: Doc, spans: list[tuple[int, int]], L: dict) -> list[tuple[int, int]]:
    """"5 p.m. EST Nov. 9", "noon Thursday", "mid-afternoon yesterday", "the spring of 2022": one
    time, as TimeBank marks it."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out:
            ps, pe = out[-1]
            gap = doc[pe:s]
            if not gap and doc[pe - 1].lower_ == "of" and any(t.like_num for t in doc[s:e]):
                out[-1] = (ps, e)  # "the spring of" + "2022": one season of that year
                continue
            if len(gap) <= 3 and all(t.lower_ in L["time_zones"] for t in gap):
                a, b = doc[ps:pe], doc[s:e]
                if (_is_clock(a, L) and _is_day(b, L)) or (_is_clock(b, L) and _is_day(a, L)) or \
                        (len(a) == 1 and a[0].lower_ in L["weekdays"] and _is_day(b, L) and len(b) > 1) or \
                        (not gap and b[-1].lower_ in ("later", "earlier") and not any(t.like_num and len(t) == 4
                                                                                    for t in a)) or \
                        (b.text.lower() in ("yesterday", "today") and a[-1].lower_ in L["parts_of_day"]):
                    out[-1] = (ps, e)
                    continue
        out.append((s, e))
    return out


def _split_ranges(doc: Doc, start: int, end: int, L: dict) -> list[tuple[int, int]]:
    """"1990 to 1995", "Monday and Tuesday": TimeBank marks each end of a range on its own."""
    for k in range(start + 1, end - 1):
        if doc[k].lower_ in ("ended", "ending", "ends", "end") and k > start and doc[k].pos_ == "VERB":
            right = doc[k + 1 : end]
            if _standalone(right, L):
                return [(start, k), (k + 1, end)]
        if doc[k].lower_ == "," and not (k - start == 1 and doc[start].text.isdigit()):
            continue  # "Aug. 7, 1998" is one date; "1994, 1995 and 1997" are three
        if doc[k].lower_ in L["range_connectors"]:
            left = doc[start:k]
            right = doc[k + 1 : end]
            if _standalone(left, L) and _standalone(right, L):
                return [(start, k), (k + 1, end)]
    return [(start, end)]


def _standalone(span: Span, L: dict) -> bool:
    toks = [t.lower_.rstrip(".") for t in span if not t.is_punct]
    if not toks:
        return False
    if len(toks) == 1 and (toks[0].isdigit() and len(toks[0]) == 4 or toks[0] in L["weekdays"] or toks[0] in L["months"]
                           or toks[0] in L["day_offsets"] or toks[0] in L["fixed_time"]):
        return True
    if len(toks) == 2 and toks[1] in ("a.m", "p.m", "am", "pm") and toks[0].isdigit():
        return True  # "midnight to 6 a.m."
    return any(t in L["months"] for t in toks) and any(t.isdigit() for t in toks)


_TRIGGERS: dict[int, set] = {}


def _triggers(L: dict) -> set[str]:
    """Every lower-case token that can start or head a lexical time expression (one set lookup
    per token keeps detection linear and cheap)."""
    key = id(L)
    if key not in _TRIGGERS:
        words = set(L["detect_alone"]) | set(L["sets"]) | set(L["units"]) | set(L["day_offsets"]) | set(L["seasons"])
        words |= set(L["weekdays"]) | set(L["months"]) | {m + "." for m in L["months"]}
        words |= set(L["trigger_words"])
        words |= {h.split()[0].replace("'s", "") for h in L["holidays"]} | {h.split()[0] for h in L["holidays"]}
        _TRIGGERS[key] = words
    return _TRIGGERS[key]


def _lexical_span(doc: Doc, i: int, L: dict, taken: list[bool]) -> tuple[int, int] | None:
    """The token range of a time expression starting at token ``i`` that spaCy's NER missed.

    Long on purpose: a decision list (slash dates, decades, clock times, weekdays, months,
    relative units ...) tried in order, the first match wins; the order is the logic."""
    tok = doc[i]
    low = tok.lower_
    if "/" in low and _SLASH_DATE.match(low):
        return (i, i + 1)  # "10/12/2023"
    if _DECADE_TOKEN.match(low):
        s = i - 1 if i > 0 and doc[i - 1].text in ("'", "’") else i
        if (s > 0 and doc[s - 1].lower_ in L["decade_openers"] or low.startswith(("1", "2"))) \
                and not _is_age(doc[s : i + 1], L):
            return (s, i + 1)  # "the '90s", "the 1990s"
        return None
    if _PERIOD_CODE.match(low):
        # "Q3 2024", "3Q results", "H1", "FY2024": only where a year or results are in view
        e = i + 1
        if e < len(doc) and _YEAR_TOKEN.match(doc[e].text):
            e += 1
        if e > i + 1 or low.startswith("fy") or (e < len(doc) and doc[e].lower_ in L["report_nouns"]):
            return (i, e)
        return None
    if _YEAR_TOKEN.match(low) and i + 4 < len(doc) and doc[i + 1].text == "-" and doc[i + 3].text == "-" \
            and _ISO_PART.match(doc[i + 2].text) and _ISO_PART.match(doc[i + 4].text):
        return (i, i + 5)  # "2023-05-04"
    if _YEAR_TOKEN.match(low):
        # a year the model left out ("from 2009 to 2017"): only after a word that introduces one
        if i > 0 and doc[i - 1].lower_ in L["year_introducers"] and not (i + 1 < len(doc) and doc[i + 1].like_num):
            return (i, i + 1)
        return None
    if _CLOCK_TOKEN.match(low):
        e = i + 1
        while e < len(doc) and not taken[e] and (doc[e].lower_ in ("a.m.", "p.m.", "am", "pm") or doc[e].lower_ in L["time_zones"]
                                                 and doc[e].lower_ not in (",", "on", "(", ")")):
            e += 1
        if e == i + 1 and not (i > 0 and doc[i - 1].lower_ in L["clock_prepositions"]):
            return None  # "3:1" in a score, "10:30" as a ratio: only a clock when it reads like one
        return (i, e)
    if low in ("current", "recent") and tok.pos_ == "ADJ" and i + 1 < len(doc) and \
            doc[i + 1].lower_ in ("years", "months", "weeks", "days"):
        return (i, i + 2)
    if low in L["detect_alone"]:
        if low == "now" and i + 1 < len(doc) and doc[i + 1].lower_ in ("that",):
            return None
        if low == "current" and tok.pos_ != "ADJ":
            return None
        return (i, i + 1)
    if low in ("future", "past", "term") and tok.pos_ == "NOUN" and i > 0:
        # "the future", "the near future", "the short term", "the past" (not "the past two years")
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        if nxt is not None and (nxt.lower_ in L["units"] or nxt.like_num or nxt.pos_ == "NOUN"):
            return None
        s = i - 1
        if doc[s].lower_ in L["horizon_words"] and s > 0:
            s -= 1
        if doc[s].lower_ != "the" or (low == "term" and s == i - 1):
            return None
        phrase = doc[s : i + 1].text.lower()
        return (s, i + 1) if phrase in L["references"] else None
    if low == "days" and i > 0 and doc[i - 1].lower_ == "these":
        return (i - 1, i + 1)
    if low in L["sets"] and L["sets"][low] and tok.pos_ in ("ADV", "ADJ") and low not in L["never_alone"]:
        return (i, i + 1)
    if low in ("every", "each") and i + 1 < len(doc):
        nxt = doc[i + 1].lower_
        if nxt in L["units"] or nxt in L["weekdays"] or nxt in L["months"]:
            return (i, i + 2)
        if nxt == "other" and i + 2 < len(doc) and doc[i + 2].lower_ in L["units"]:
            return (i, i + 3)
    if low in ("year-ago", "year-earlier") or (low == "year" and i + 2 < len(doc) and doc[i + 1].text == "-"
                                                and doc[i + 2].lower_ in ("ago", "earlier")):
        e = i + 1 if "-" in low else i + 3
        if e < len(doc) and doc[e].lower_ in ("period", "quarter"):
            return None if taken[e] else (i - 1 if i > 0 and doc[i - 1].lower_ == "the" else i, e + 1)
        if e < len(doc) and doc[e].pos_ == "NOUN":
            return (i, e)
    if low == "period" and i > 0 and doc[i - 1].lower_ in L["period_modifiers"]:
        s = i - 1
        while s > 0 and doc[s - 1].lower_ in L["period_openers"]:
            s -= 1
        return (s, i + 1)
    if low in L["day_offsets"]:
        return _extend_left(doc, i, i + 1, taken, L)
    if low in L["weekdays"] and len(low) > 3 and tok.text[:1].isupper():
        e = i + 1
        if e < len(doc) and doc[e].lower_ in L["parts_of_day"]:
            e += 1
        return _extend_left(doc, i, e, taken, L)
    if low.rstrip(".") in L["months"] and tok.text[:1].isupper() and tok.pos_ in ("PROPN", "NOUN") and \
            (low not in ("may", "march") or tok.pos_ == "PROPN"):
        if low == "may" and tok.tag_ == "MD":
            return None
        if _month_in_name(doc, i):
            return None
        if tok.ent_type_ in NAMED_THINGS or (low not in L["month_names"] and not tok.text.endswith(".")
                                             and not (i + 1 < len(doc) and doc[i + 1].like_num)):
            return None
        e = i + 1
        if e < len(doc) and doc[e].like_num and len(doc[e].text) <= 2:
            e += 1
        if e + 1 < len(doc) and doc[e].text == "," and doc[e + 1].like_num and len(doc[e + 1].text) == 4:
            e += 2
        elif e < len(doc) and doc[e].like_num and len(doc[e].text) == 4:
            e += 1
        return _extend_left(doc, i, e, taken, L)
    if low in L["seasons"] and i > 0 and doc[i - 1].lower_ in L["season_determiners"]:
        return _extend_left(doc, i, i + 1, taken, L)
    if low in L["units"] and i > 0 and _is_count(doc[i - 1], L) and _counted(doc, i - 1, L) or (
            low in L["units"] and i > 1 and doc[i - 1].lower_ in L["count_fillers"] and _is_count(doc[i - 2], L)):
        return _count_span(doc, i, L, taken)
    if low in L["units"] and not L["units"][low][1] and i > 0 and \
            doc[i - 1].lower_ in L["unit_determiners"]:
        if tok.dep_ == "compound" and tok.head.i > i and tok.head.pos_ == "NOUN":
            return None  # "the following day care centres": the unit names a kind of thing
        s = i - 1
        if s > 0 and doc[s].lower_ == "past" and doc[s - 1].lower_ in ("this", "the"):
            s -= 1
        if s > 0 and doc[s].lower_ in ("following", "previous") and doc[s - 1].lower_ == "the":
            s -= 1  # "the following day", "the previous week": counted from the story's day, not today
        if s > 0 and doc[s - 1].lower_ in ("earlier", "later", "early", "late"):
            s -= 1
        return (s, i + 1)
    if low in ("anniversary",):
        s = i
        while s > 0 and (doc[s - 1].lower_ in L["wedding_words"] or doc[s - 1].lower_ in L["ordinals"]):
            s -= 1
        if s < i and any(doc[k].lower_ in L["ordinals"] for k in range(s, i)):
            return (s, i + 1)
        return None
    if low in L["day_parts"] and i > 0 and doc[i - 1].lower_ == "the" and \
            i + 1 < len(doc) and doc[i + 1].lower_ in ("before", "after") and not taken[i - 1] and not taken[i + 1] \
            and any(t.lower_ in L["dated_occasions"] for t in doc[i + 2 : i + 6]):
        return (i - 1, i + 2)  # "the night before their anniversary"
    if low in ("night", "day") and i > 0:
        for s in (i - 1, i - 2):
            if s >= 0 and doc[s : i + 1].text.lower() in L["event_days"] and not any(taken[k] for k in range(s, i + 1)):
                return (s, i + 1)
    if tok.text[:1].isupper():
        best = None
        for k in range(1, 6):  # longest holiday name first wins ("Christmas Eve" over "Christmas")
            if i + k > len(doc):
                break
            if doc[i : i + k].text.lower().replace("’", "'") in L["holidays"]:
                best = k
        if best and not any(taken[k] for k in range(i, i + best)) and not _modifies_a_thing(doc[i + best - 1], L):
            return _extend_left(doc, i, i + best, taken, L)
    return None


def _extend_left(doc: Doc, s: int, e: int, taken: list[bool], L: dict) -> tuple[int, int]:
    """The expression widened over the ``left_modifiers`` before it ("early last week")."""
    while s > 0 and not taken[s - 1] and doc[s - 1].lower_ in L["left_modifiers"] and doc[s - 1].lower_ not in ("the",):
        s -= 1
    return (s, e)
