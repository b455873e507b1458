"""Ages and births: "Natalie, 42," / "Dolores Pike, 81," / "kids Aleph, 12, and Amalia, 6" /
"Born March 9, 1986" / "the 42-year-old".

An age is only useful against a date: ``born_from_age`` turns "42 on 2023-08-16" into the
range of birth dates that make it true, so the checks stage can hold it against a stated
birth date or a stated event.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

import numpy
from spacy.attrs import LEMMA
from spacy.strings import get_string_id
from spacy.tokens import Doc

from ...lexicon import load_lexicon

MAX_AGE = 119
#: what may follow "Name, 42" for the number to be an age: the closing comma, sentence end, ...
AGE_FOLLOWERS = {",", ".", ")", ";", "—", "–", ":"}
AGE_FOLLOWER_WORDS = {"and", "or", "who", "whose"}

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_DATE_RE = re.compile(r"(?:(?P<month>[A-Za-z]+)\.?\s+(?:(?P<day>\d{1,2}),?\s+)?)?(?P<year>\d{4})")


def _small_int(text: str) -> int | None:
    if not text.isdigit():
        return None
    value = int(text)
    return value if 0 < value <= MAX_AGE else None


def _number_word(word: str) -> int | None:
    """A whole number word an age may be written in ("nine", "twenty"); not "a" or "dozen"."""
    value = load_lexicon("time")["numbers"].get(word.lower())
    return int(value) if value is not None and value == int(value) and (1 <= value < 20 or value in _TENS) \
        and word.lower() not in ("a", "an", "single", "couple", "dozen") else None


_TENS = {20, 30, 40, 50, 60, 70, 80, 90}


def number_at(words: list[str], i: int) -> tuple[int, int] | None:
    """(value, index of its last word) for an age starting at ``words[i]``: digits ("42"), a
    number word ("nine"), or tens and units with a hyphen between ("forty", "-", "two")."""
    if i >= len(words):
        return None
    value = _small_int(words[i])
    if value is not None:
        return value, i
    value = _number_word(words[i])
    if value is None:
        return None
    if value in _TENS and i + 2 < len(words) and words[i + 1] == "-":
        unit = _number_word(words[i + 2])
        if unit is not None and unit < 10:
            return value + unit, i + 2
    return value, i


def age_after(table, position: int) -> tuple[int, int] | None:
    """(age, token index) for ", 42," / ", 42." / " (42)" starting at ``position``, else None.

    ``table`` is the doc's TokenTable (tokens.py)."""
    text = table.text
    n = len(text)
    if position + 1 >= n:
        return None
    first = text[position]
    if first == "," and table.lower[position + 1] in ("aged", "now"):  # "Joe Lieberman, aged 82,", "Ann Lee, now 42,"
        position += 1
    if first == "," or first == "(":
        read = number_at(text, position + 1)
        if read is None:
            return None
        value, last = read
        after = text[last + 1] if last + 1 < n else None
        if first == "(":
            return (value, last) if after == ")" else None
        if after is None or after in AGE_FOLLOWERS or table.lower[last + 1] in AGE_FOLLOWER_WORDS:
            return value, last
    return None


def copular_ages(doc: Doc) -> list[tuple[int, int, int]]:
    """(subject token, age, number token) for an age stated as the whole predicate: "She was
    87." / "He is 42 years old." (the closing line of an obituary or a profile). Whether the
    subject is a person is for the caller, who knows what it refers to."""
    out = []
    for sent in doc.sents:
        root = sent.root
        if root.lemma_ != "be":
            continue
        subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
        rest = [c for c in root.children if c.dep_ not in ("nsubj", "punct", "advmod")]
        if subj is None or len(rest) != 1:
            continue  # "was not 50", "was 87 when she died": more than an age
        pred = rest[0]
        number = pred
        if pred.lower_ in ("old", "year-old") or pred.lemma_ == "year":
            # "42 years old": the number hangs below "years"
            number = next((t for t in pred.subtree if t.like_num), None)
            if number is None:
                continue
        elif pred.dep_ != "attr" or any(True for _ in pred.children):
            continue
        value = _small_int(number.text)
        if value is not None:
            out.append((subj.i, value, number.i))
    return out


def turned_ages(doc: Doc, reference: str | None) -> list[tuple[int, int, int]]:
    """(subject token, age, number token) for a birthday already reached: "She turned 40 in
    March", "Haller, who turned 62 on Sunday". The age holds on the article's date unless the
    birthday is dated to an earlier year ("turned 40 in 2019", "turned 40 last year", "two
    years ago"), where it says nothing about today's age; "turns 40 next week" is not yet true."""
    out = []
    year = (reference or "")[:4]
    # candidates from the lemma column (Doc.to_array): a Token object per word costs more
    turns = numpy.flatnonzero(doc.to_array(LEMMA) == get_string_id("turn")).tolist() if len(doc) else []
    for tok in (doc[i] for i in turns):
        if tok.tag_ not in ("VBD", "VBN"):
            continue
        number = next((c for c in tok.children if c.dep_ in ("dobj", "attr", "oprd", "npadvmod") and c.like_num), None)
        if number is None or any(c.dep_ == "prt" for c in tok.children):
            continue  # "turned over 40 documents" has a particle
        value = _small_int(number.text)
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.tag_ == "WP" and tok.dep_ == "relcl":
            subj = tok.head  # "Haller, who turned 62": the relative clause's antecedent
        if value is None or subj is None or any(c.lower_ == "when" for c in tok.children):
            continue  # "when he turned 18": a past age, not today's
        clause = [t for t in tok.subtree if t.i != number.i]
        dated = [t for t in clause if t.ent_type_ == "DATE"]
        earlier = any(t.like_num and len(t.text) == 4 and t.text != year for t in dated) or any(
            t.lower_ in ("last", "ago", "earlier") for t in dated)
        if not earlier:
            out.append((subj.i, value, number.i))
    return out


def year_old_age(doc: Doc, token_index: int) -> int | None:
    """The age in "the 42-year-old" / "a 42-year-old actress" when ``token_index`` is "old"."""
    token = doc[token_index]
    if token.lower_ not in ("old", "year-old"):
        return None
    i = token_index - 1
    words = []
    while i >= 0 and len(words) < 4 and (doc[i].text in ("-",) or doc[i].lower_ in ("year", "years") or doc[i].like_num):
        words.append(doc[i])
        if doc[i].like_num:
            if i >= 2 and doc[i - 1].text == "-":  # "forty-two-year-old"
                read = number_at([t.text for t in doc[i - 2 : i + 1]], 0)
                if read is not None and read[1] == 2:
                    return read[0]
            read = number_at([doc[i].text.split("-")[0]], 0)
            return read[0] if read else None
        i -= 1
    if token.lower_ == "year-old" and i >= 0:
        return _small_int(doc[token_index - 1].text)
    return None


def born_from_age(age: int, reference: str | None) -> dict | None:
    """Birth dates consistent with being ``age`` on the reference date (ISO day)."""
    ref = _parse_iso_day(reference)
    if ref is None:
        return None
    latest = _years_before(ref, age)
    earliest = _years_before(ref, age + 1) + timedelta(days=1)
    return {"earliest": earliest.isoformat(), "latest": latest.isoformat()}


def _parse_iso_day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a year without one
        return day.replace(year=day.year - years, day=28)


def parse_birth_date(text: str) -> dict | None:
    """{"earliest","latest"} for "March 9, 1986" / "March 1986" / "1986"."""
    match = _DATE_RE.search(text)
    if not match:
        return None
    year = int(match.group("year"))
    month = _MONTHS.get((match.group("month") or "").lower().rstrip("."))
    day = match.group("day")
    if month and day:
        try:
            iso = date(year, month, int(day)).isoformat()
        except ValueError:
            return None
        return {"earliest": iso, "latest": iso}
    if month:
        last = calendar.monthrange(year, month)[1]
        return {"earliest": date(year, month, 1).isoformat(), "latest": date(year, month, last).isoformat()}
    return {"earliest": f"{year}-01-01", "latest": f"{year}-12-31"}


def find_birth_statements(doc: Doc, table) -> list[tuple[int, dict]]:
    """(token index of "born", birth range) for "born March 9, 1986" / "Born in 1986"."""
    found = []
    if "born" not in table.lower:
        return found
    for i, word in enumerate(table.lower):
        if word != "born":
            continue
        token = doc[i]
        for nxt in doc[token.i + 1 : token.i + 4]:
            if nxt.ent_type_ == "DATE":
                ent = next(e for e in doc.ents if e.start <= nxt.i < e.end)
                born = parse_birth_date(ent.text)
                if born:
                    found.append((token.i, born))
                break
    return found
