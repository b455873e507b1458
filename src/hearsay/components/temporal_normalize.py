"""Temporal expression -> TIMEX3 value, range and what it was resolved against.

Why pure functions over a word list: every construction ("last December", "two years later",
"the third quarter", "fiscal 2026") is a short pattern over the expression's own words plus a
little context (reference date, tense, narrative anchor, fiscal calendar), so the normalizer
never touches the whole text and each rule can be tested on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Optional

from ..lexicon import load_lexicon
from .temporal_calendar import (
    Point,
    add_months,
    last_day,
    month_end,
    move,
    point_for,
    range_of,
    shift,
    value_of,
)

_NUM = re.compile(r"^\d+(\.\d+)?$")
_YEAR = re.compile(r"^(1[0-9]{3}|20[0-9]{2})$")
_SHORT_YEAR = re.compile(r"^['’](\d{2})$")
_DECADE = re.compile(r"^(?:(1[0-9]|20)(\d)0|['’]?(\d)0)['’]?s$")
_CLOCK = re.compile(r"^(\d{1,2})(?::(\d{2}))?$")
_ORD_NUM = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?$")
_AMPM = {"a.m.": 0, "am": 0, "a.m": 0, "p.m.": 12, "pm": 12, "p.m": 12}


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


@dataclass
class Resolved:
    type: str
    value: Optional[str]
    range: Optional[dict] = None
    anchor: Optional[str] = None            # "published" | "T<n>" | None
    point: Optional[Point] = None           # for narrative anchoring of later times
    uses_ref: bool = False                  # depends on the reference date
    tense: Optional[str] = None             # of the clause it sits in (set by the stage)


def lex() -> dict:
    return load_lexicon("time")


def words_of(texts: list[str]) -> list[str]:
    """Lower-case words of an expression with punctuation tokens dropped and abbreviation dots
    removed ("Aug." -> "aug"); a.m./p.m. keep theirs."""
    out = []
    for t in texts:
        w = t.lower().replace("’", "'")
        if w in _AMPM:
            out.append(w)
            continue
        if w in {"-", ",", ".", "—", "–", "(", ")", '"', "“", "”", ":", ";"}:
            continue
        if w.endswith(".") and len(w) > 1:
            w = w[:-1]
        out.extend(p for p in w.split("-") if p)
    return out


def _num(w: str, L: dict) -> Optional[float]:
    if _NUM.match(w):
        return float(w)
    return L["numbers"].get(w)


def _count(words: list[str], i: int, L: dict) -> tuple[Optional[float], int]:
    """A number written in digits or words at ``words[i]`` ("twenty five", "5 1/2"), and the index after it."""
    if i >= len(words):
        return None, i
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
    return n, j


def _fmt_duration(n: Optional[float], unit: str, time_unit: bool) -> str:
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
        amount = str(n)
    return f"PT{amount}{unit}" if time_unit else f"P{amount}{unit}"


def _res(point: Point, ctx: Context, anchor: Optional[str], uses_ref: bool, mod: Optional[str] = None,
         typ: str = "DATE", L: Optional[dict] = None) -> Resolved:
    L = L or lex()
    return Resolved(typ, value_of(point), range_of(point, mod, L["mod_ranges"]), anchor, point, uses_ref)


def _strip(words: list[str], L: dict) -> tuple[list[str], Optional[str], bool]:
    """Leading prepositions/hedges and the early/mid/late modifier."""
    mod = None
    approx = False
    preps = set(L["prepositions"])
    hedges = {"exactly", "just", "only", "about", "around", "nearly", "almost", "some", "roughly", "approximately",
              "more", "less", "than", "over", "up", "least", "at", "barely", "fully", "precisely", "since", "until",
              "as", "late", "early", "mid", "the", "end", "beginning", "start", "middle", "of", "earlier", "later",
              "by", "in", "on", "during", "from", "to", "within", "before", "after", "through", "throughout", "into",
              "for", "a", "an"}
    i = 0
    while i < len(words):
        w = words[i]
        rest = words[i + 1 :]
        if w in ("early", "late", "mid", "middle", "end", "beginning", "start") and rest:
            if w in ("end", "beginning", "start", "middle") and (i == 0 or words[i - 1] != "the") and not rest[:1] == ["of"]:
                break
            if w in ("end", "beginning", "start", "middle") and rest[:1] != ["of"]:
                break
            mod = L["modifiers"][w]
            i += 1
            continue
        if w in ("earlier", "later") and rest and rest[0] in ("this", "that", "last", "next", "in"):
            mod = "START" if w == "earlier" else "END"
            i += 1
            continue
        if w in preps or w in ("exactly", "just", "only", "about", "around", "nearly", "almost", "roughly",
                               "approximately", "barely", "fully", "precisely", "some", "more", "less", "than",
                               "up", "least", "at"):
            if w in ("some",) and rest and rest[0] in ("time",):
                break
            approx = approx or w not in preps
            i += 1
            continue
        if w == "the" and rest and rest[0] in ("end", "beginning", "start", "middle"):
            i += 1
            continue
        break
    del hedges
    return words[i:], mod, approx


def normalize(texts: list[str], ctx: Context, raw: str = "") -> Optional[Resolved]:
    """The TIMEX3 reading of an expression's tokens, or None when it names no time we can value."""
    L = lex()
    words = words_of(texts)
    while words and words[-1] in ("'s", "'", "s"):
        words.pop()
    if not words:
        return None
    joined = " ".join(words)
    if joined in L["references"]:
        v = L["references"][joined]
        return Resolved("DATE", v) if v else None
    words, mod, _approx = _strip(words, L)
    if not words:
        return None
    joined = " ".join(words)
    for fn in (_reference, _set, _clock, _anniversary, _quarter, _fiscal_year, _relative_unit, _shifted,
               _duration, _day_offset, _weekday, _holiday, _season, _month, _year, _bare_unit):
        r = fn(words, joined, ctx, L, mod)
        if r is not None:
            return r
    return None


# --- individual constructions ------------------------------------------------------------------

def _reference(words, joined, ctx, L, mod):
    if joined in L["references"]:
        v = L["references"][joined]
        return Resolved("DATE", v) if v else None
    if joined in ("the year", "the current year", "the calendar year", "the fiscal year", "the full year",
                  "the whole year") and ctx.ref:
        if ctx.followed_by in ("ended", "ending", "ends", "to", "through"):
            return Resolved("DURATION", "P1Y")
        return _res(point_for(ctx.ref, "Y"), ctx, "published", True, mod, L=L)
    return None


def _set(words, joined, ctx, L, mod):
    if len(words) == 1 and words[0] in L["sets"]:
        v = L["sets"][words[0]]
        return Resolved("SET", v) if v else None
    if words[0] in ("every", "each", "per") or (len(words) >= 2 and words[0] in ("a", "an") and words[1] in L["units"]
                                                 and len(words) == 2 and False):
        rest = words[1:]
        if not rest:
            return None
        if rest[0] in ("other",):
            n, rest = 2.0, rest[1:]
        else:
            n, j = _count(rest, 0, L)
            rest = rest[j:] if n is not None else rest
            n = n or 1
        if not rest:
            return None
        w = rest[0]
        if w in L["weekdays"]:
            return Resolved("SET", f"XXXX-WXX-{L['weekdays'][w] + 1}")
        if w in L["months"]:
            return Resolved("SET", f"XXXX-{L['months'][w]:02d}")
        if w in L["parts_of_day"]:
            return Resolved("SET", f"XXXX-XX-XXT{L['parts_of_day'][w]}")
        if w in L["units"]:
            unit, tu = L["units"][w]
            if unit == "SEASON":
                unit = "Y"
            return Resolved("SET", _fmt_duration(n, unit, tu))
    return None


def _clock(words, joined, ctx, L, mod):
    i = 0
    day = ctx.ref
    uses_ref = True
    hh = mm = None
    for idx, w in enumerate(words):
        if w in L["fixed_time"]:
            hh, mm = (int(x) for x in L["fixed_time"][w].split(":"))
            i = idx
            break
        m = _CLOCK.match(w)
        if m and idx + 1 < len(words) and words[idx + 1] in _AMPM:
            hh = int(m.group(1)) % 12 + _AMPM[words[idx + 1]]
            mm = int(m.group(2) or 0)
            i = idx
            break
        if m and m.group(2) and int(m.group(1)) < 25:
            hh, mm = int(m.group(1)), int(m.group(2))
            i = idx
            break
    if hh is None:
        return None
    other = [w for k, w in enumerate(words) if k != i and k != i + 1 and w not in _AMPM
             and w not in ("o'clock", "et", "est", "edt", "gmt", "pst", "pdt", "cst", "cdt", "local", "time", "the",
                           "of", "on", "at", "about", "around", "midnight", "noon")]
    if other:
        sub = normalize(other, ctx)
        if sub is not None and sub.point is not None and sub.point.gran == "D":
            day = sub.point.day
            uses_ref = sub.uses_ref
    if day is None:
        return Resolved("TIME", f"XXXX-XX-XXT{hh:02d}:{mm:02d}")
    return Resolved("TIME", f"{day.isoformat()}T{hh:02d}:{mm:02d}", {"start": day.isoformat(), "end": day.isoformat()},
                    "published" if uses_ref else ctx.anchor_id, Point(day, "D"), uses_ref)


def _anniversary(words, joined, ctx, L, mod):
    if not any(w in L["anniversary_words"] for w in words):
        return None
    n = None
    for w in words:
        if w in L["ordinals"]:
            n = L["ordinals"][w]
        elif _ORD_NUM.match(w) and not w.isdigit():
            n = int(_ORD_NUM.match(w).group(1))
    if n is None or ctx.anchor is None or ctx.anchor.gran != "D":
        return None
    d = ctx.anchor.day
    try:
        origin = d.replace(year=d.year - n)
    except ValueError:
        origin = d.replace(year=d.year - n, day=28)
    return Resolved("DATE", origin.isoformat(), {"start": origin.isoformat(), "end": origin.isoformat()},
                    ctx.anchor_id, Point(origin, "D"), False)


def _quarter_index(words, L) -> tuple[Optional[int], list[str]]:
    for k, w in enumerate(words):
        if w in L["ordinals"] and L["ordinals"][w] <= 4 and k + 1 < len(words) and words[k + 1] in ("quarter", "period"):
            return L["ordinals"][w], words[:k] + words[k + 1 :]
        if re.match(r"^q[1-4]$", w):
            return int(w[1]), words[:k] + ["quarter"] + words[k + 1 :]
    return None, words


def _quarter(words, joined, ctx, L, mod):
    if "quarter" not in words and "quarters" not in words and not any(re.match(r"^q[1-4]$", w) for w in words):
        if not (ctx.quarter_context and joined in ("the latest period", "the period", "the year-earlier period",
                                                      "the year earlier period", "the year ago period",
                                                      "the year-ago period", "the same period", "year earlier",
                                                      "the comparable period", "the previous period")):
            return None
    if "quarters" in words:
        return None
    q, rest = _quarter_index(words, L)
    fiscal = ctx.fiscal_end if ("fiscal" in rest or ctx.fiscal_end) else None
    year = None
    for w in rest:
        if _YEAR.match(w):
            year = int(w)
    if ctx.ref is None and year is None:
        return None
    ref = ctx.ref or date(year, 12, 31)
    year_back = any(w in ("earlier", "ago") for w in rest) or "year" in rest and "last" in rest
    if year is None and "year" in rest and ctx.ref is not None:
        for w, d in (("next", 1), ("this", 0), ("last", -1)):
            if w in rest:
                year, year_back = ctx.ref.year + d, False
                break
    if q is None and year is not None and ctx.ref is not None:
        latest = move(point_for(ctx.ref, "Q"), -1)
        q = (latest.day.month - 1) // 3 + 1
    if q is not None:
        if year is not None:
            if fiscal:
                fy_start = point_for(date(year, fiscal, 1), "Y", fiscal_end=fiscal).day
                p = Point(add_months(fy_start, 3 * (q - 1)), "Q", fiscal_end=fiscal)
            else:
                p = Point(date(year, 3 * (q - 1) + 1, 1), "Q")
            return _res(p, ctx, None, False, mod, L=L)
        if fiscal:
            cur = point_for(ref, "Y", fiscal_end=fiscal).day
            p = Point(add_months(cur, 3 * (q - 1)), "Q", fiscal_end=fiscal)
        else:
            p = Point(date(ref.year, 3 * (q - 1) + 1, 1), "Q")
        if p.day > ref and not (ctx.tense == "future" or "next" in rest):
            p = move(p, -4)
        if "year" in rest and ("last" in rest or "earlier" in rest or "ago" in rest):
            p = move(p, -4)
        return _res(p, ctx, "published", True, mod, L=L)
    if not any(w in ("the", "this", "last", "next", "latest", "current", "previous", "that", "its", "fiscal", "coming",
                     "past", "prior", "same", "year", "ago", "earlier") for w in rest):
        return None  # "a single quarter", "a rough quarter": no particular quarter
    cur = point_for(ref, "Q", fiscal_end=fiscal)
    latest_done = move(cur, -1)
    if any(w in ("next", "coming", "following") for w in rest):
        p = move(cur, 1)
    elif any(w in ("last", "previous", "past", "latest", "prior", "preceding") for w in rest):
        p = latest_done if "latest" not in rest or ctx.tense == "past" else latest_done
    elif any(w in ("this", "current") for w in rest):
        p = cur
    else:
        p = latest_done if ctx.tense != "future" else cur
    if year_back or any(w in ("year-earlier", "year-ago") for w in rest) or ("year" in rest and "ago" in rest):
        p = move(p, -4)
    return _res(p, ctx, "published", True, mod, L=L)


def _fiscal_year(words, joined, ctx, L, mod):
    if words[0] not in L["fiscal_words"]:
        return None
    rest = words[1:]
    if rest[:1] == ["year"]:
        rest = rest[1:]
    year = None
    if rest and _YEAR.match(rest[0]):
        year = int(rest[0])
    elif rest and _SHORT_YEAR.match(rest[0]):
        year = 1900 + int(rest[0][1:]) if int(rest[0][1:]) > 30 else 2000 + int(rest[0][1:])
    if year is None:
        return None
    if ctx.fiscal_end and ctx.fiscal_end != 12:
        end = month_end(year, ctx.fiscal_end)
        start = add_months(date(year, ctx.fiscal_end, 1), -11)
        p = Point(start, "Y", fiscal_end=ctx.fiscal_end)
        return Resolved("DATE", f"FY{year}", {"start": start.isoformat(), "end": end.isoformat()}, None, p, False)
    p = Point(date(year, 1, 1), "Y")
    return Resolved("DATE", str(year), range_of(p), None, p, False)


def _unit_point(unit: str, ref: date, ctx: Context, code: str = "") -> Optional[Point]:
    if unit in ("D", "W", "M", "Q", "Y", "DE", "CE", "H"):
        return point_for(ref, unit, fiscal_end=ctx.fiscal_end if unit == "Q" else None)
    return None


def _relative_unit(words, joined, ctx, L, mod):
    """this/last/next/the past/the coming + week, month, year, quarter, decade, weekend, season."""
    if len(words) < 2 or len(words) > 3:
        return None
    head, w = words[:-1], words[-1]
    det = " ".join(head)
    if det in ("the past", "the last") and w in ("year",) and False:
        return None
    direction = None
    if det in L["relative_this"] or det in ("this", "that", "the same", "the"):
        direction = 0
    elif det in L["relative_last"] or det in ("a", "the latest", "the most recent"):
        direction = -1
    elif det in L["relative_next"]:
        direction = 1
    if direction is None:
        return None
    if det in ("the", "a") and w not in ("weekend",):
        return None
    if det == "that" or det == "the same":
        base = ctx.anchor
        if base is None:
            return None
    if ctx.ref is None and det not in ("that", "the same"):
        return None
    ref = ctx.ref
    if w in ("season",):
        year = ref.year + direction
        p = Point(date(year, 1, 1), "Y")
        return Resolved("DATE", str(year), None, "published", p, True)
    if w in L["seasons"]:
        code, m1, m2 = L["seasons"][w]
        year = ref.year
        if w == "winter" and ref.month <= 2:
            year -= 1
        p = Point(date(year, m1, 1), "S", code)
        if direction == -1:
            if p.day > ref or (p.day <= ref <= last_day(p)):
                p = move(p, -1)
        elif direction == 1:
            if p.day <= ref:
                p = move(p, 1)
        return _res(p, ctx, "published", True, mod, L=L)
    if w == "weekend":
        monday = ref - timedelta(days=ref.weekday())
        sat = monday + timedelta(days=5 + 7 * direction)
        if direction == 0 and ref.weekday() < 4 and ctx.tense == "past":
            sat -= timedelta(days=7)
        y, wk, _ = sat.isocalendar()
        return Resolved("DATE", f"{y}-W{wk:02d}-WE",
                        {"start": sat.isoformat(), "end": (sat + timedelta(days=1)).isoformat()}, "published",
                        Point(sat, "D"), True)
    if w in L["weekdays"] or w in L["months"]:
        return None
    if w not in L["units"]:
        return None
    unit = L["units"][w][0]
    if unit in ("S", "M") and L["units"][w][1]:
        return None
    p = _unit_point(unit, ref, ctx)
    if p is None:
        return None
    if det in ("that", "the same") and ctx.anchor is not None:
        p = point_for(ctx.anchor.day, unit)
        return _res(p, ctx, ctx.anchor_id, False, mod, L=L)
    p = move(p, direction)
    if unit == "Q" and direction == -1 and ctx.fiscal_end:
        p = move(point_for(ref, "Q", fiscal_end=ctx.fiscal_end), -1)
    r = _res(p, ctx, "published", True, mod, L=L)
    if direction == 0 and mod == "START":
        r.range = {"start": p.day.isoformat(), "end": max(p.day, ref - timedelta(days=1)).isoformat()}
    elif direction == 0 and mod == "END":
        r.range = {"start": ref.isoformat(), "end": last_day(p).isoformat()}
    return r


def _shifted(words, joined, ctx, L, mod):
    """N units ago / later / earlier / before / after; vague "days later"."""
    last = words[-1]
    if last not in L["narrative"] or len(words) < 2:
        if not (len(words) >= 3 and words[-2:] == ["from", "now"]):
            return None
        last, body, sign, base_is_anchor = "now", words[:-2], 1, False
    else:
        body = words[:-1]
        sign = L["narrative"][last]
        base_is_anchor = last not in ("ago",)
    if last in ("on", "before", "after", "prior"):
        return None
    if not body:
        return None
    n, j = _count(body, 0, L)
    vague = False
    if n is None:
        if body[0] in ("several", "few", "a", "many", "some", "couple"):
            k = 0
            while k < len(body) and body[k] in ("several", "few", "a", "many", "some", "couple", "of"):
                k += 1
            n, j, vague = None, k, True
        elif body[0] in L["vague_counts"]:
            n, j, vague = None, 0, True
        else:
            return None
    if j >= len(body):
        return None
    unit_word = body[j]
    if unit_word not in L["units"] or j + 1 != len(body):
        return None
    unit, time_unit = L["units"][unit_word]
    if unit == "SEASON":
        unit = "Y"
    if unit == "Y" and ctx.quarter_context and not time_unit and n is not None and ctx.ref is not None:
        # earnings reports: "a year ago" is the same quarter a year before
        base_q = ctx.anchor if ctx.anchor is not None and ctx.anchor.gran == "Q" else \
            move(point_for(ctx.ref, "Q", fiscal_end=ctx.fiscal_end), -1)
        p = move(base_q, -4 * int(n) if sign < 0 else 4 * int(n))
        return _res(p, ctx, "published", True, None, L=L)
    if last == "earlier" and ctx.near_anchor is None:
        base_is_anchor = False
    if base_is_anchor and ctx.anchor is not None:
        base, anchor_id, uses_ref = ctx.anchor, ctx.anchor_id, False
    elif ctx.ref is not None:
        base, anchor_id, uses_ref = Point(ctx.ref, "D"), "published", True
    else:
        return None
    if time_unit:
        if n is None:
            return Resolved("DATE", base.day.isoformat() if base.gran == "D" else value_of(base),
                            range_of(base), anchor_id, base, uses_ref)
        day = base.day
        return Resolved("TIME", day.isoformat(), {"start": day.isoformat(), "end": day.isoformat()}, anchor_id,
                        Point(day, "D"), uses_ref)
    if vague:
        spec = L["vague_counts"].get(unit_word if unit_word.endswith("s") else unit_word + "s")
        lo, hi = (spec[0], spec[1]) if spec else (1, 7)
        a = shift(base.day if sign > 0 else base.day, sign * lo, unit)
        b = shift(base.day, sign * hi, unit)
        if base.gran != "D" and sign > 0:
            a = shift(last_day(base), lo, unit)
            b = shift(last_day(base), hi, unit)
        start, end = min(a, b), max(a, b)
        if unit != "D":
            # the interval in the unit's own granularity
            gran = unit if unit in ("W", "M", "Y", "DE") else "D"
            p = point_for(start, gran)
            value = value_of(p) if gran == "Y" else _common_value(start, end)
        else:
            value = _common_value(start, end)
        return Resolved("DATE", value, {"start": start.isoformat(), "end": end.isoformat()}, anchor_id,
                        Point(start, "D"), uses_ref)
    amount = int(n)
    gran = unit
    if unit == "Y" and ctx.quarter_context and base.gran != "D":
        gran = "Q"
    if unit in ("Y", "DE", "CE") and base.gran in ("M", "Q", "S", "H") and gran != "Q":
        gran = base.gran if base.gran != "H" else "Y"
    if base.gran == "D" and base_is_anchor:
        gran = "D" if unit in ("D", "W", "M", "Y") else unit
    if unit == "Y" and ctx.quarter_context:
        gran = "Q"
    day = shift(base.day, sign * amount, unit)
    if gran == "S":
        p = Point(shift(base.day, sign * amount, unit), "S", base.code)
    else:
        p = point_for(day, gran if gran in ("D", "W", "M", "Q", "Y", "DE", "CE", "H") else "D")
    return _res(p, ctx, anchor_id, uses_ref, None, L=L)


def _common_value(a: date, b: date) -> str:
    if a == b:
        return a.isoformat()
    if (a.year, a.month) == (b.year, b.month):
        return f"{a.year}-{a.month:02d}"
    if a.year == b.year:
        return str(a.year)
    return f"{a.year // 10}"


def _duration(words, joined, ctx, L, mod):
    k = 0
    lead = None
    while k < len(words) and words[k] in ("the", "past", "last", "next", "first", "coming", "previous", "following",
                                          "final", "latest", "recent", "preceding", "prior", "full", "entire",
                                          "whole", "another", "additional", "other", "same"):
        lead = words[k] if words[k] != "the" else lead
        k += 1
    body = words[k:]
    if not body:
        return None
    n, j = _count(body, 0, L)
    vague = False
    if n is None:
        m = 0
        while m < len(body) and body[m] in ("several", "few", "a", "many", "some", "couple", "of", "numerous"):
            m += 1
        if m or (body and body[0] in L["units"] and body[0].endswith("s")):
            vague, j = True, m
        else:
            return None
    if j >= len(body):
        return None
    rest = body[j:]
    unit_word = rest[0]
    if unit_word not in L["units"]:
        return None
    tail = rest[1:]
    if tail and tail[0] in ("old",):
        return None
    if tail and not (tail[0] in ("long", "period", "old", "stretch", "span", "run", "time", "period's", "'s")):
        if tail[0] not in ("of",) :
            return None
    unit, time_unit = L["units"][unit_word]
    if unit == "SEASON":
        unit = "Y"
    singular = not unit_word.endswith("s")
    if vague and not body[:j] and not singular:
        n = None
    elif vague:
        n = 1 if body[:j] in (["a"], ["an"]) and singular else None
    if (lead is None and k == 0 and n == 1 and body[0] in ("a", "an", "one") and not time_unit
            and unit in ("Y", "M", "W", "D")):
        pass
    if lead in ("last", "past") and n == 1 and singular and k >= 1 and words[0] == "the" and not time_unit:
        # "the past year": the year-long stretch ending now, valued as the previous year in TimeBank
        if ctx.ref is not None and unit in ("Y", "M", "W", "Q"):
            p = move(point_for(ctx.ref, unit), -1)
            return _res(p, ctx, "published", True, None, L=L)
    value = _fmt_duration(n, unit, time_unit)
    rng = None
    if ctx.ref is not None and n and lead in ("past", "last", "previous") and not time_unit:
        start = shift(ctx.ref, -int(n), unit) if n == int(n) else None
        if start:
            rng = {"start": start.isoformat(), "end": ctx.ref.isoformat()}
    elif ctx.ref is not None and n and lead in ("next", "coming") and not time_unit:
        end = shift(ctx.ref, int(n), unit) if n == int(n) else None
        if end:
            rng = {"start": ctx.ref.isoformat(), "end": end.isoformat()}
    return Resolved("DURATION", value, rng, "published" if rng else None, None, bool(rng))


def _day_offset(words, joined, ctx, L, mod):
    w0 = words[0]
    code = ""
    if w0 in L["day_offsets"]:
        off = L["day_offsets"][w0]
        if w0 == "tonight":
            code = ""
        rest = words[1:]
    elif len(words) == 2 and w0 in ("this", "last") and words[1] in L["parts_of_day"]:
        off = 0 if w0 == "this" else -1
        if w0 == "last" and words[1] not in ("night",):
            return None
        code = L["parts_of_day"][words[1]] if w0 == "this" else ""
        rest = []
    else:
        return None
    if rest and not all(w in L["parts_of_day"] for w in rest):
        return None
    if ctx.ref is None:
        return None
    day = ctx.ref + timedelta(days=off)
    typ = "TIME" if code else "DATE"
    return Resolved(typ, day.isoformat() + (f"T{code}" if code else ""), {"start": day.isoformat(), "end": day.isoformat()},
                    "published", Point(day, "D"), True)


def _weekday(words, joined, ctx, L, mod):
    idx = [k for k, w in enumerate(words) if w in L["weekdays"] and (len(w) > 3 or len(words) == 1)]
    if not idx:
        return None
    k = idx[0]
    wd = L["weekdays"][words[k]]
    before = words[:k]
    after = [w for w in words[k + 1 :] if w not in L["parts_of_day"]]
    # "Friday, Aug. 7": the explicit date wins
    if after:
        sub = _month(after, " ".join(after), ctx, L, mod)
        if sub is not None:
            return sub
        if not all(w in ("'s", "s") for w in after):
            return None
    if ctx.ref is None:
        return None
    ref = ctx.ref
    direction = ctx.tense
    if before and before[-1] in ("last", "past", "previous"):
        direction = "past"
        back = (ref.weekday() - wd) % 7 or 7
        day = ref - timedelta(days=back)
    elif before and before[-1] in ("next", "coming"):
        fwd = (wd - ref.weekday()) % 7 or 7
        day = ref + timedelta(days=fwd)
    elif before and before[-1] == "this":
        day = ref - timedelta(days=ref.weekday()) + timedelta(days=wd)
    elif direction in ("future", "present"):
        day = ref + timedelta(days=(wd - ref.weekday()) % 7)
    else:
        day = ref - timedelta(days=(ref.weekday() - wd) % 7)
    return Resolved("DATE", day.isoformat(), {"start": day.isoformat(), "end": day.isoformat()}, "published",
                    Point(day, "D"), True)


def _holiday_date(spec, year: int) -> Optional[date]:
    if isinstance(spec[0], int):
        return date(year, spec[0], spec[1])
    kind = spec[0]
    month = spec[1]
    weekday = spec[2]
    if kind == "nth":
        first = date(year, month, 1)
        offset = (weekday - first.weekday()) % 7
        return first + timedelta(days=offset + 7 * (spec[3] - 1))
    if kind == "last":
        end = month_end(year, month)
        return end - timedelta(days=(end.weekday() - weekday) % 7)
    return None


def _holiday(words, joined, ctx, L, mod):
    det = None
    body = words
    if words[0] in ("last", "this", "next", "the"):
        det, body = words[0], words[1:]
    year = None
    if body and _YEAR.match(body[-1]):
        year, body = int(body[-1]), body[:-1]
    name = " ".join(body).replace(" 's", "'s")
    spec = L["holidays"].get(name)
    if spec is None:
        return None
    if year is not None:
        d = _holiday_date(spec, year)
        return Resolved("DATE", d.isoformat(), {"start": d.isoformat(), "end": d.isoformat()}, None, Point(d, "D"), False)
    base = ctx.ref
    if base is None:
        return None
    d = _holiday_date(spec, base.year)
    if det == "last" or (det is None and ctx.tense == "past"):
        if d >= base:
            d = _holiday_date(spec, base.year - 1)
    elif det == "next" or (det is None and ctx.tense in ("future", "present", None)):
        if d < base:
            d = _holiday_date(spec, base.year + 1)
    return Resolved("DATE", d.isoformat(), {"start": d.isoformat(), "end": d.isoformat()}, "published",
                    Point(d, "D"), True)


def _season(words, joined, ctx, L, mod):
    det = None
    body = words
    if words[0] in ("last", "this", "next", "the", "past", "coming"):
        det, body = words[0], words[1:]
    if not body or body[0] not in L["seasons"]:
        return None
    code, m1, m2 = L["seasons"][body[0]]
    rest = body[1:]
    if rest and rest[0] == "of":
        rest = rest[1:]
    if rest and _YEAR.match(rest[0]):
        p = Point(date(int(rest[0]), m1, 1), "S", code)
        return _res(p, ctx, None, False, mod, L=L)
    if rest:
        return None
    if det in ("last", "this", "next", "past", "coming"):
        return _relative_unit([det, body[0]], "", ctx, L, mod)
    ref = ctx.ref
    if ref is None:
        return None
    year = ctx.focus_year or ref.year
    p = Point(date(year, m1, 1), "S", code)
    if code == "WI" and ref.month <= 2 and year == ref.year:
        p = move(p, -1)
    if ctx.tense == "past" and p.day > ref:
        p = move(p, -1)
    elif ctx.tense == "future" and last_day(p) < ref:
        p = move(p, 1)
    elif ctx.tense != "past" and det == "the" and last_day(p) < ref:
        pass
    return _res(p, ctx, "published", True, mod, L=L)


def _month(words, joined, ctx, L, mod):
    ks = [k for k, w in enumerate(words) if w in L["months"]]
    if not ks:
        return None
    k = ks[0]
    month = L["months"][words[k]]
    before, after = words[:k], words[k + 1 :]
    day = year = None
    if after and _ORD_NUM.match(after[0]) and 1 <= int(_ORD_NUM.match(after[0]).group(1)) <= 31 and not _YEAR.match(after[0]):
        day = int(_ORD_NUM.match(after[0]).group(1))
        after = after[1:]
    elif before and _ORD_NUM.match(before[-1]) and 1 <= int(_ORD_NUM.match(before[-1]).group(1)) <= 31:
        day = int(_ORD_NUM.match(before[-1]).group(1))
        before = before[:-1]
    elif before and before[-1] in L["ordinals"] and len(before) >= 2 and before[-2] == "the":
        day = L["ordinals"][before[-1]]
        before = before[:-2]
    if after and after[0] == "of":
        after = after[1:]
    if after and _YEAR.match(after[0]):
        year = int(after[0])
        after = after[1:]
    elif len(after) >= 2 and after[0] in ("this", "last", "next") and after[1] == "year" and ctx.ref is not None:
        year = ctx.ref.year + {"this": 0, "last": -1, "next": 1}[after[0]]
        after = after[2:]
    elif spelled_year(after, L) is not None:
        year = spelled_year(after, L)
        after = []
    elif after and _SHORT_YEAR.match(after[0]):
        yy = int(after[0][1:])
        year = 1900 + yy if yy > 30 else 2000 + yy
        after = after[1:]
    if after and not all(w in ("'s", "s") for w in after):
        return None
    det = before[-1] if before else None
    if before and any(w not in ("last", "this", "next", "the", "past", "coming", "of", "that", "same") for w in before):
        return None
    if year is not None:
        if day is not None:
            try:
                d = date(year, month, day)
            except ValueError:
                return None
            return _res(Point(d, "D"), ctx, None, False, None, L=L)
        return _res(Point(date(year, month, 1), "M"), ctx, None, False, mod, L=L)
    ref = ctx.ref
    if ref is None and ctx.focus_year is None:
        return None
    base_year = ctx.focus_year or ref.year
    anchor = "published"
    uses_ref = ctx.focus_year is None
    if det == "last":
        ref_ = ref or date(base_year, 12, 31)
        year = ref_.year if month < ref_.month else ref_.year - 1
        uses_ref = True
    elif det == "next":
        ref_ = ref or date(base_year, 1, 1)
        year = ref_.year if month > ref_.month else ref_.year + 1
        uses_ref = True
    elif det == "this":
        year = (ref or date(base_year, 1, 1)).year
        uses_ref = True
    elif ctx.focus_year is not None:
        year = ctx.focus_year
    else:
        year = _nearest_year(ref, month, day or 15, ctx.tense)
    if day is not None:
        try:
            d = date(year, month, day)
        except ValueError:
            return None
        return Resolved("DATE", d.isoformat(), {"start": d.isoformat(), "end": d.isoformat()}, anchor, Point(d, "D"),
                        uses_ref)
    return _res(Point(date(year, month, 1), "M"), ctx, anchor, uses_ref, mod, L=L)


def _nearest_year(ref: date, month: int, day: int, tense: Optional[str]) -> int:
    """The year of the month nearest the reference: the latest one not after it for past
    tense, the next one not before it for future tense, else whichever is closer."""
    this = (month, day)
    now = (ref.month, ref.day)
    if tense == "past":
        if this <= now:
            return ref.year
        try:
            ahead = (date(ref.year, month, min(day, 28)) - ref).days
        except ValueError:
            ahead = 365
        return ref.year if ahead <= 62 else ref.year - 1
    if tense == "future":
        return ref.year if this >= now else ref.year + 1
    candidates = [ref.year - 1, ref.year, ref.year + 1]
    def distance(y):
        try:
            return abs((date(y, month, min(day, 28)) - ref).days) + (0.5 if y > ref.year else 0)
        except ValueError:
            return 10**6
    return min(candidates, key=distance)


def spelled_year(words: list[str], L: dict) -> Optional[int]:
    """"nineteen ninety-six" (broadcast transcripts), "the year two thousand"."""
    nums = L["numbers"]
    if not words or any(w not in nums for w in words):
        return None
    if words[:2] == ["two", "thousand"]:
        rest = sum(nums[w] for w in words[2:] if w != "and")
        return 2000 + int(rest)
    if words[0] in ("nineteen", "eighteen", "twenty") and len(words) >= 2:
        century = nums[words[0]]
        tail = sum(nums[w] for w in words[1:])
        if tail < 100:
            return int(century * 100 + tail)
    return None


def _year(words, joined, ctx, L, mod):
    sy = spelled_year([w for w in words if w not in ("the", "year")], L)
    if sy is not None:
        return _res(Point(date(sy, 1, 1), "Y"), ctx, None, False, mod, L=L)
    body = [w for w in words if w not in ("the", "year", "of", "calendar", "'s", "s")]
    if len(body) != 1:
        if len(body) == 2 and body[0] in ("nineteen", "twenty"):
            pass
        return None
    w = body[0]
    if _YEAR.match(w):
        p = Point(date(int(w), 1, 1), "Y")
        return _res(p, ctx, None, False, mod, L=L)
    m = _DECADE.match(w)
    if m:
        if m.group(1):
            y = int(m.group(1) + m.group(2) + "0")
        else:
            y = 1900 + int(m.group(3)) * 10
            if y + 100 <= (ctx.ref.year if ctx.ref else 2000):
                y += 100
            if ctx.ref and y > ctx.ref.year:
                y -= 100
        p = Point(date(y, 1, 1), "DE")
        return _res(p, ctx, None, False, mod, L=L)
    m = _SHORT_YEAR.match(w)
    if m:
        yy = int(m.group(1))
        y = 1900 + yy if yy > 30 else 2000 + yy
        return _res(Point(date(y, 1, 1), "Y"), ctx, None, False, mod, L=L)
    return None


def _bare_unit(words, joined, ctx, L, mod):
    """Plural units alone ("years", "weeks") are vague durations; "the week"/"the day" the current one."""
    if len(words) == 1 and words[0] in L["units"] and words[0].endswith("s"):
        unit, tu = L["units"][words[0]]
        if unit == "SEASON":
            unit = "Y"
        return Resolved("DURATION", _fmt_duration(None, unit, tu))
    if len(words) == 2 and words[0] == "the" and words[1] in ("day", "week", "month", "year") and ctx.ref is not None:
        unit = L["units"][words[1]][0]
        return _res(point_for(ctx.ref, unit), ctx, "published", True, mod, L=L)
    return None
