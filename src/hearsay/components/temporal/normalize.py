"""Temporal expression -> TIMEX3 value, range and what it was resolved against.

Why pure functions over a word list: every construction ("last December", "two years later",
"the third quarter", "fiscal 2026") is a short pattern over the expression's own words plus a
little context (reference date, tense, narrative anchor, fiscal calendar), so the normalizer
never touches the whole text and each rule can be tested on its own.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Optional

from ...lexicon import load_lexicon
from .calendar import Point, last_day, move, point_for, range_of, shift, value_of
from .names import (
    read_fiscal_year,
    read_half,
    read_holiday,
    read_day_of_month,
    read_month,
    read_quarter,
    read_relative_unit,
    read_season,
    read_weekday,
    read_year,
    read_year_end,
)
from .values import (  # noqa: F401  (Context and Resolved are this module's API too)
    AM_PM_OFFSET,
    CLOCK_RE,
    ORDINAL_RE,
    Context,
    Resolved,
    read_count,
    format_duration,
    resolved_point,
    strip_modifiers,
    words_of,
)


def normalize(texts: list[str], ctx: Context, raw: str = "", L: Optional[dict] = None) -> Optional[Resolved]:
    """The TIMEX3 reading of an expression's tokens, or None when it names no time we can value.
    ``L`` is the time lexicon the stage loaded (the packaged one when omitted)."""
    if L is None:
        L = load_lexicon("time")
    words = words_of(texts)
    while words and words[-1] in ("'s", "'", "s"):
        words.pop()
    if not words:
        return None
    joined = " ".join(words)
    if joined in L["references"]:
        v = L["references"][joined]
        return Resolved("DATE", v) if v else None
    words, mod, _approx = strip_modifiers(words, L)
    if not words:
        return None
    dated = _dated_by_shift(words, ctx, L) or _numeric_date(words)
    if dated is not None:
        return dated
    joined = " ".join(words)
    for fn in (_reference, _set, _clock, _anniversary, read_year_end, read_half, read_quarter, read_fiscal_year, read_relative_unit, _shifted,
               _duration, _neighbour_day, _day_offset, read_weekday, read_holiday, read_season, read_day_of_month, read_month, read_year,
               _bare_unit):
        r = fn(words, joined, ctx, L, mod)
        if r is not None:
            return r
    return None


def _numeric_date(words: list[str]) -> Optional[Resolved]:
    """"2023-05-04" and US-style "10/12/2023" (month first, as American news writes it)."""
    text = "-".join(words) if len(words) == 3 and len(words[0]) == 4 else (words[0] if len(words) == 1 else "")
    m = _ISO_DATE.match(text) or _US_DATE.match(text)
    if not m:
        return None
    if m.re is _ISO_DATE:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        mo, d, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        y += 2000 if y < 100 and y <= 50 else (1900 if y < 100 else 0)
    try:
        day = date(y, mo, d)
    except ValueError:
        return None
    return Resolved("DATE", day.isoformat(), {"start": day.isoformat(), "end": day.isoformat()}, None,
                    Point(day, "D"), False)


_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_US_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})$")


def _dated_by_shift(words, ctx, L) -> Optional[Resolved]:
    """"Valentine's Day two years later", "June 1 a year earlier": the day named, in the year
    the shift from the story's date lands in."""
    if len(words) < 4 or words[-1] not in ("later", "earlier"):
        return None
    for k in range(1, len(words) - 2):
        shift = _shifted(words[k:], " ".join(words[k:]), ctx, L, None)
        if shift is None or shift.point is None:
            continue
        land = shift.point.day
        sub = Context(ref=land, tense=None, anchor=ctx.anchor, anchor_id=ctx.anchor_id, quarter_context=False,
                      fiscal_end=ctx.fiscal_end)
        head = words[:k]
        for fn in (read_holiday, read_month, read_season, read_weekday):
            r = fn(head, " ".join(head), sub, L, None)
            if r is not None and r.point is not None:
                r.anchor, r.uses_ref = shift.anchor, shift.uses_ref
                return r
        return None
    return None


def _reference(words, joined, ctx, L, mod):
    if joined in L["references"]:
        v = L["references"][joined]
        return Resolved("DATE", v) if v else None
    if joined in L["whole_year_phrases"] and ctx.ref:
        if ctx.followed_by in L["year_end_followers"]:
            return Resolved("DURATION", "P1Y")
        return resolved_point(point_for(ctx.ref, "Y"), ctx, "published", True, mod, L=L)
    return None


def _set(words, joined, ctx, L, mod):
    if len(words) == 1 and words[0] in L["sets"]:
        v = L["sets"][words[0]]
        return Resolved("SET", v) if v else None
    if words[0] in ("every", "each", "per"):
        rest = words[1:]
        if not rest:
            return None
        if rest[0] in ("other",):
            n, rest = 2.0, rest[1:]
        else:
            n, j = read_count(rest, 0, L)
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
            return Resolved("SET", format_duration(n, unit, tu))
    return None


def _clock(words, joined, ctx, L, mod):
    i = width = 0
    day = ctx.ref
    uses_ref = True
    hh = mm = None
    for idx, w in enumerate(words):
        if w in L["fixed_time"]:
            hh, mm = (int(x) for x in L["fixed_time"][w].split(":"))
            i, width = idx, 1
            break
        m = CLOCK_RE.match(w)
        if m and idx + 1 < len(words) and words[idx + 1] in AM_PM_OFFSET:
            hh = int(m.group(1)) % 12 + AM_PM_OFFSET[words[idx + 1]]
            mm = int(m.group(2) or 0)
            i, width = idx, 2
            break
        if m and m.group(2) and int(m.group(1)) < 25:
            hh, mm = int(m.group(1)), int(m.group(2))
            i, width = idx, 1
            break
    if hh is None:
        return None
    other = [w for k, w in enumerate(words) if not i <= k < i + width and w not in AM_PM_OFFSET
             and w not in L["time_zones"] and w not in L["clock_words"]]
    if other:
        sub = normalize(other, ctx, L=L)
        if sub is not None and sub.point is not None and sub.point.gran == "D":
            day = sub.point.day
            uses_ref = sub.uses_ref
    elif ctx.near_anchor is not None and ctx.anchor_id:
        # a bare clock time goes on the day the narrative is on, not the publication day:
        # "on Saturday night ... ran until after midnight"; within a longer period ("last week
        # ... until after midnight") there is no day to put it on
        if ctx.near_anchor.gran != "D":
            return Resolved("TIME", f"XXXX-XX-XXT{hh:02d}:{mm:02d}")
        return Resolved("TIME", f"{ctx.near_anchor.day.isoformat()}T{hh:02d}:{mm:02d}",
                        {"start": ctx.near_anchor.day.isoformat(), "end": ctx.near_anchor.day.isoformat()},
                        ctx.anchor_id, Point(ctx.near_anchor.day, "D"), False)
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
        elif ORDINAL_RE.match(w) and not w.isdigit():
            n = int(ORDINAL_RE.match(w).group(1))
    if n is None or ctx.anchor is None or ctx.anchor.gran != "D":
        return None
    d = ctx.anchor.day
    try:
        origin = d.replace(year=d.year - n)
    except ValueError:
        origin = d.replace(year=d.year - n, day=28)
    return Resolved("DATE", origin.isoformat(), {"start": origin.isoformat(), "end": origin.isoformat()},
                    ctx.anchor_id, Point(origin, "D"), False)


def _shifted(words, joined, ctx, L, mod):
    """N units ago / later / earlier / before / after; vague "days later".

    Long on purpose: the count, the unit, the direction and the base (the reference date or
    the previous expression) are read in one pass, each depending on the ones before."""
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
    n, j = read_count(body, 0, L)
    vague = False
    if n is None:
        if body[0] in L["vague_quantifiers"] or body[0] == "number":
            k = 0
            while k < len(body) and (body[k] in L["vague_quantifiers"] or body[k] == "of"):
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
        return resolved_point(p, ctx, "published", True, None, L=L)
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
        if unit in ("M", "Y", "DE", "CE") and not base_is_anchor:
            # "a few years ago": TimeML's past/future reference, with the span it may cover
            value = "PAST_REF" if sign < 0 else "FUTURE_REF"
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
    return resolved_point(p, ctx, anchor_id, uses_ref, None, L=L)


def _common_value(a: date, b: date) -> str:
    """The most precise calendar value covering both days (the year most of the span falls in
    when it crosses a new year)."""
    if a == b:
        return a.isoformat()
    if (a.year, a.month) == (b.year, b.month):
        return f"{a.year}-{a.month:02d}"
    if a.year == b.year:
        return str(a.year)
    new_year = date(b.year, 1, 1)
    return str(a.year if (new_year - a).days >= (b - new_year).days else b.year)


def _duration(words, joined, ctx, L, mod):
    k = 0
    lead = None
    while k < len(words) and words[k] in L["duration_leads"]:
        lead = words[k] if words[k] != "the" else lead
        k += 1
    body = words[k:]
    if not body:
        return None
    n, j = read_count(body, 0, L)
    vague = False
    if n is None:
        m = 0
        while m < len(body) and (body[m] in L["vague_quantifiers"] or body[m] in ("of", "numerous")):
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
    if tail and not (tail[0] in L["duration_tails"]):
        if tail[0] not in ("of",) :
            return None
    unit, time_unit = L["units"][unit_word]
    if unit == "SEASON":
        unit = "Y"
    singular = not unit_word.endswith("s")
    if k == 0 and body[:j] in (["a"], ["an"]) and singular and not tail and ctx.preceded_by in ("NNS", "CD", "RATE"):
        return Resolved("SET", format_duration(1, unit, time_unit))  # "four flights a week": a rate
    if vague and not body[:j] and not singular:
        n = None
    elif vague:
        n = 1 if body[:j] in (["a"], ["an"]) and singular else None
    if lead in ("last", "past") and n == 1 and singular and k >= 1 and words[0] == "the" and not time_unit:
        # "the past year": the year-long stretch ending now, valued as the previous year in TimeBank
        if ctx.ref is not None and unit in ("Y", "M", "W", "Q"):
            p = move(point_for(ctx.ref, unit), -1)
            return resolved_point(p, ctx, "published", True, None, L=L)
    value = format_duration(n, unit, time_unit)
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


def _neighbour_day(words, joined, ctx, L, mod):
    """"the next morning", "the following day", "the day before", "the previous night": one day
    from the day the story is at (the anchor), else from the reference."""
    if len(words) == 3 and words[0] == "the" and words[1] in ("next", "following", "previous", "preceding") \
            and (words[2] == "day" or words[2] in L["parts_of_day"]):
        step = 1 if words[1] in ("next", "following") else -1
    elif len(words) == 3 and words[0] == "the" and (words[1] == "day" or words[1] in L["parts_of_day"]) \
            and words[2] in ("before", "after"):
        step = 1 if words[2] == "after" else -1
    else:
        return None
    if ctx.then_mentions_anniversary and ctx.anniversary is not None and ctx.anchor is not None:
        # "the night before their anniversary": that year's anniversary of the wedding found earlier
        year = ctx.anchor.day.year
        try:
            base = ctx.anniversary.replace(year=year)
        except ValueError:
            base = ctx.anniversary.replace(year=year, day=28)
        day = base + timedelta(days=step)
        return Resolved("DATE", day.isoformat(), {"start": day.isoformat(), "end": day.isoformat()}, ctx.anchor_id,
                        Point(day, "D"), False)
    if ctx.near_anchor is not None and ctx.near_anchor.gran == "D":
        base, anchor, uses_ref = ctx.near_anchor.day, ctx.anchor_id, False
    elif ctx.ref is not None:
        base, anchor, uses_ref = ctx.ref, "published", True
    else:
        return None
    day = base + timedelta(days=step)
    return Resolved("DATE", day.isoformat(), {"start": day.isoformat(), "end": day.isoformat()}, anchor,
                    Point(day, "D"), uses_ref)


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


def _bare_unit(words, joined, ctx, L, mod):
    """Plural units alone ("years", "weeks") are vague durations; "the week"/"the day" the current one."""
    if len(words) == 1 and words[0] in L["units"] and words[0].endswith("s"):
        unit, tu = L["units"][words[0]]
        if unit == "SEASON":
            unit = "Y"
        return Resolved("DURATION", format_duration(None, unit, tu))
    if len(words) == 2 and words[0] == "the" and words[1] in ("day", "week", "month", "year") and ctx.ref is not None:
        unit = L["units"][words[1]][0]
        return resolved_point(point_for(ctx.ref, unit), ctx, "published", True, mod, L=L)
    return None
