"""The shared vocabulary of the time normalizer: the context an expression is resolved in, the
resolved value, and the word-level helpers (numbers, modifiers, TIMEX3 duration strings).

Why apart: the constructions live in two modules (calendar names and units in
``names``, deictic words, shifts and durations in ``normalize``) that both
need these, and neither should import the other's internals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Optional

from .calendar import Point, range_of, value_of

_NUM = re.compile(r"^\d+(\.\d+)?$")
YEAR_RE = re.compile(r"^(1[0-9]{3}|20[0-9]{2})$")
SHORT_YEAR_RE = re.compile(r"^['’](\d{2})$")
DECADE_RE = re.compile(r"^(?:(1[0-9]|20)(\d)0|['’]?(\d)0)['’]?s$")
CLOCK_RE = re.compile(r"^(\d{1,2})(?::(\d{2}))?$")
ORDINAL_RE = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?$")
AM_PM_OFFSET = {"a.m.": 0, "am": 0, "a.m": 0, "p.m.": 12, "pm": 12, "p.m": 12}


@dataclass
class Context:
    """What an expression is resolved against."""

    ref: Optional[date]                     # the reference ("now") for deictic words
    tense: Optional[str] = None             # past | present | future
    anchor: Optional[Point] = None          # the narrative time before this one
    anchor_id: Optional[str] = None
    focus_year: Optional[int] = None        # the year the narrative is in
    quarter_context: bool = False           # the sentence speaks of fiscal quarters
    fiscal_end: Optional[int] = None        # month a fiscal year ends in, when the text says
    near_anchor: Optional[Point] = None     # the anchor when it sits in this or the previous sentence
    followed_by: str = ""                   # the word after the expression ("the year ended ...")
    then_mentions_anniversary: bool = False  # "the night before *their anniversary*"
    anniversary: Optional[date] = None      # the date an anniversary found earlier counts from (the wedding)
    preceded_by: str = ""                   # fine-grained tag of the word before ("NNS" in "flights a week")


@dataclass
class Resolved:
    type: str
    value: Optional[str]
    range: Optional[dict] = None
    anchor: Optional[str] = None            # "published" | "T<n>" | None
    point: Optional[Point] = None           # for narrative anchoring of later times
    uses_ref: bool = False                  # depends on the reference date
    tense: Optional[str] = None             # of the clause it sits in (set by the stage)
    unplaced: bool = False                  # needs a reference date the article does not give


def words_of(texts: list[str]) -> list[str]:
    """Lower-case words of an expression with punctuation tokens dropped and abbreviation dots
    removed ("Aug." -> "aug"); a.m./p.m. keep theirs."""
    out = []
    for t in texts:
        w = t.lower().replace("’", "'")
        if w in AM_PM_OFFSET:
            out.append(w)
            continue
        if w in {"-", ",", ".", "—", "–", "(", ")", '"', "“", "”", ":", ";", "'"}:
            continue
        if w.endswith(".") and len(w) > 1:
            w = w[:-1]
        out.extend(p for p in w.split("-") if p)
    return out


def _num(w: str, L: dict) -> Optional[float]:
    if _NUM.match(w):
        return float(w)
    return L["numbers"].get(w)


def read_count(words: list[str], i: int, L: dict) -> tuple[Optional[float], int]:
    """A number written in digits or words at ``words[i]`` ("twenty five", "5 1/2"), and the index after it."""
    if i >= len(words):
        return None, i
    if words[i] in ("a", "an") and i + 1 < len(words):
        nxt = words[i + 1]
        if nxt in ("few", "several", "number"):
            return None, i
        if nxt == "couple":
            return 2.0, i + 3 if i + 2 < len(words) and words[i + 2] == "of" else i + 2
        if nxt == "dozen":
            return 12.0, i + 2
    n = _num(words[i], L)
    if n is None:
        return None, i
    j = i + 1
    if j < len(words) and words[j] in L["numbers"] and n >= 20 and n % 10 == 0 and L["numbers"][words[j]] < 10:
        n += L["numbers"][words[j]]
        j += 1
    if j < len(words) and words[j] == "1/2":
        n += 0.5
        j += 1
    if j < len(words) and words[j] in ("hundred", "thousand"):
        n *= 100 if words[j] == "hundred" else 1000
        j += 1
    while j < len(words) and words[j] in L["unit_fillers"]:
        j += 1
    return n, j


def format_duration(n: Optional[float], unit: str, time_unit: bool) -> str:
    """TIMEX3 duration ("P3D", "PT90M", "PXY"); fractions carried into the next smaller unit
    ("2 1/2 years" = P2Y6M, "5 1/2 hours" = PT5H30M)."""
    if unit == "DE":
        unit, n = "Y", (n * 10 if n is not None else None)
    elif unit == "CE":
        unit, n = "Y", (n * 100 if n is not None else None)
    elif unit == "WE":
        unit = "WE"
    if n is None:
        amount = "X"
    elif n == int(n):
        amount = str(int(n))
    else:
        if time_unit and unit == "H":
            return f"PT{int(n)}H{int(round((n - int(n)) * 60))}M"
        if not time_unit and unit in ("Y", "M", "D"):
            smaller, per = {"Y": ("M", 12), "M": ("D", 30), "D": ("H", 24)}[unit]
            rest = int(round((n - int(n)) * per))
            whole = f"{int(n)}{unit}" if int(n) else ""
            return f"P{whole}T{rest}H" if smaller == "H" else f"P{whole}{rest}{smaller}"
        amount = str(n)
    return f"PT{amount}{unit}" if time_unit else f"P{amount}{unit}"


def resolved_point(point: Point, ctx: Context, anchor: Optional[str], uses_ref: bool, mod: Optional[str] = None,
         typ: str = "DATE", *, L: dict) -> Resolved:
    """A resolved point, its range narrowed by ``mod`` through the time lexicon's ``mod_ranges``."""
    return Resolved(typ, value_of(point), range_of(point, mod, L["mod_ranges"]), anchor, point, uses_ref)


def strip_modifiers(words: list[str], L: dict) -> tuple[list[str], Optional[str], bool]:
    """Leading prepositions/hedges and the early/mid/late modifier."""
    words = [w for k, w in enumerate(words)
             if not (w == "or" and k + 1 < len(words) and words[k + 1] == "so")
             and not (w == "so" and k > 0 and words[k - 1] == "or")]
    mod = None
    approx = False
    preps = set(L["prepositions"])
    i = 0
    while i < len(words):
        w = words[i]
        rest = words[i + 1 :]
        if w in L["point_modifiers"] and rest:
            if w in ("end", "beginning", "start", "middle") and (i == 0 or words[i - 1] != "the") and not rest[:1] == ["of"]:
                break
            if w in ("end", "beginning", "start", "middle") and rest[:1] != ["of"]:
                break
            mod = L["modifiers"][w]
            i += 1
            continue
        if w in ("earlier", "later") and rest and rest[0] in L["within_period_words"]:
            mod = "START" if w == "earlier" else "END"
            i += 1
            continue
        if w in preps or w in L["approximators"] or w in L["value_hedges"]:
            if w in ("some",) and rest and rest[0] in ("time",):
                break
            approx = approx or w not in preps
            i += 1
            continue
        if w in ("the", "no") and rest and (rest[0] in L["point_modifiers"] or rest[0] in ("more", "less")):
            i += 1
            continue
        break
    return words[i:], mod, approx
