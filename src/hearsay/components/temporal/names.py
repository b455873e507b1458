"""Calendar-name constructions: weekdays, months, holidays, seasons, years, quarters and fiscal
years, and "this/last/next" + a calendar unit.

Why apart from the rest of the normalizer: these are the rules that pick *which* calendar
interval a name means (the Tuesday before publication, the nearest March, fiscal 2026 as the
text defines it), each a pure function of the words and the resolution context.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Optional

from .calendar import Point, add_months, last_day, month_end, move, point_for, range_of
from .values import DECADE_RE, ORDINAL_RE, SHORT_YEAR_RE, YEAR_RE, Context, Resolved, resolved_point


def _quarter_index(words, L) -> tuple[Optional[int], list[str]]:
    for k, w in enumerate(words):
        if w in L["ordinals"] and L["ordinals"][w] <= 4 and k + 1 < len(words) and words[k + 1] in ("quarter", "period"):
            return L["ordinals"][w], words[:k] + words[k + 1 :]
        if re.match(r"^(?:q[1-4]|[1-4]q)$", w):  # "Q3", "3Q"
            return int(w.strip("q")), words[:k] + ["quarter"] + words[k + 1 :]
    return None, words


def read_quarter(words, joined, ctx, L, mod):
    if "quarter" not in words and "quarters" not in words and not any(re.match(r"^(?:q[1-4]|[1-4]q)$", w) for w in words):
        if not (ctx.quarter_context and ("period" in words and any(YEAR_RE.match(w) for w in words))) and \
                not (ctx.quarter_context and joined in L["reporting_periods"]):
            return None
    if "quarters" in words:
        return None
    q, rest = _quarter_index(words, L)
    fiscal = ctx.fiscal_end if ("fiscal" in rest or ctx.fiscal_end) else None
    year = None
    for w in rest:
        if YEAR_RE.match(w):
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
            return resolved_point(p, ctx, None, False, mod, L=L)
        if fiscal:
            cur = point_for(ref, "Y", fiscal_end=fiscal).day
            p = Point(add_months(cur, 3 * (q - 1)), "Q", fiscal_end=fiscal)
        else:
            p = Point(date(ref.year, 3 * (q - 1) + 1, 1), "Q")
        if p.day > ref and not (ctx.tense == "future" or "next" in rest):
            p = move(p, -4)
        if "year" in rest and ("last" in rest or "earlier" in rest or "ago" in rest):
            p = move(p, -4)
        return resolved_point(p, ctx, "published", True, mod, L=L)
    if not any(w in L["quarter_pointers"] for w in rest):
        return None  # "a single quarter", "a rough quarter": no particular quarter
    cur = point_for(ref, "Q", fiscal_end=fiscal)
    latest_done = move(cur, -1)
    if any(w in ("next", "coming", "following") for w in rest):
        p = move(cur, 1)
    elif any(w in L["relative_last"] or w == "latest" for w in rest):
        p = latest_done if "latest" not in rest or ctx.tense == "past" else latest_done
    elif any(w in ("this", "current") for w in rest):
        p = cur
    else:
        p = latest_done if ctx.tense != "future" else cur
    if year_back or any(w in ("year-earlier", "year-ago") for w in rest) or ("year" in rest and "ago" in rest):
        p = move(p, -4)
    return resolved_point(p, ctx, "published", True, mod, L=L)


def read_year_end(words, joined, ctx, L, mod):
    """"year-end", "by year's end", "the end of the year": the current year's last stretch
    (the previous one when the clause looks back: "since year-end")."""
    body = [w for w in words if w not in L["year_end_fillers"]]
    if body not in (["year", "end"], ["end", "year"], ["year", "ago"], ["year", "earlier"]) or ctx.ref is None:
        return None
    if body[1] in ("ago", "earlier"):
        if ctx.quarter_context:  # "year-earlier results" in an earnings report: the same quarter a year before
            base = ctx.anchor if ctx.anchor is not None and ctx.anchor.gran == "Q" else \
                move(point_for(ctx.ref, "Q", fiscal_end=ctx.fiscal_end), -1)
            return resolved_point(move(base, -4), ctx, "published", True, None, L=L)
        p = move(point_for(ctx.ref, "Y"), -1)
        return resolved_point(p, ctx, "published", True, None, L=L)
    p = point_for(ctx.ref, "Y")
    if ctx.tense == "past" and ctx.followed_by != "end":
        p = move(p, -1) if ctx.ref.month <= 2 else p
    return resolved_point(p, ctx, "published", True, "END", L=L)


def read_half(words, joined, ctx, L, mod):
    """"the first half", "the last half of 1989", "the second half of the year", "H1 2025"."""
    if words and words[0] in ("h1", "h2", "1h", "2h"):
        words = ["first" if "1" in words[0] else "second", "half"] + words[1:]
    if "half" not in words:
        return None
    k = words.index("half")
    which = words[k - 1] if k else ""
    n = {"first": 1, "second": 2, "last": 2, "latter": 2}.get(which)
    if n is None:
        return None
    rest = words[k + 1 :]
    if rest[:1] == ["of"]:
        rest = rest[1:]
    year = None
    if rest and YEAR_RE.match(rest[-1]):
        year = int(rest[-1])
    elif rest in ([], ["the", "year"], ["this", "year"]) and ctx.ref is not None:
        year = ctx.ref.year
    elif rest == ["next", "year"] and ctx.ref is not None:
        year = ctx.ref.year + 1
    elif rest == ["last", "year"] and ctx.ref is not None:
        year = ctx.ref.year - 1
    if year is None:
        return None
    p = Point(date(year, 1 if n == 1 else 7, 1), "H")
    return resolved_point(p, ctx, None if rest and YEAR_RE.match(rest[-1]) else "published", not (rest and YEAR_RE.match(rest[-1])),
                None, L=L)


def read_fiscal_year(words, joined, ctx, L, mod):
    fy = re.match(r"^fy['’]?(\d{2}|\d{4})$", words[0])
    if fy:  # "FY2024", "FY24"
        digits = fy.group(1)
        words = ["fiscal", digits if len(digits) == 4 else f"'{digits}"] + words[1:]
    if words[0] not in L["fiscal_words"]:
        return None
    rest = words[1:]
    if rest[:1] == ["year"]:
        rest = rest[1:]
    year = None
    if rest and YEAR_RE.match(rest[0]):
        year = int(rest[0])
    elif rest and SHORT_YEAR_RE.match(rest[0]):
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


def _unit_point(unit: str, ref: date, ctx: Context) -> Optional[Point]:
    if unit in ("D", "W", "M", "Q", "Y", "DE", "CE", "H"):
        return point_for(ref, unit, fiscal_end=ctx.fiscal_end if unit == "Q" else None)
    return None


def read_relative_unit(words, joined, ctx, L, mod):
    """this/last/next/the past/the coming + week, month, year, quarter, decade, weekend, season.

    Long on purpose: one reading per unit after a shared normalisation of the determiner;
    the units differ only in their calendar arithmetic, which stays side by side."""
    words = [w for w in words if w not in ("fiscal", "calendar")]
    if words[:2] == ["this", "past"]:
        words = ["last"] + words[2:]  # "this past weekend"
    if len(words) == 3 and words[:2] in (["the", "following"], ["the", "next"], ["the", "previous"]) \
            and words[2] in ("week", "month", "year") and ctx.anchor is not None and ctx.anchor.gran in ("D", "M", "Y"):
        unit = L["units"][words[2]][0]
        p = move(point_for(ctx.anchor.day, unit), -1 if words[1] == "previous" else 1)
        return resolved_point(p, ctx, ctx.anchor_id, False, mod, L=L)
    if len(words) == 3 and words[0] == "the" and words[2] in ("day", "night") or \
            words[:2] == ["the", "day"] or words[:2] == ["the", "night"]:
        return None  # "the next day", "the previous night": a day from the story's day (_neighbour_day)
    if words[:2] in (["the", "current"], ["the", "latest"], ["the", "previous"], ["the", "coming"], ["the", "next"],
                     ["the", "past"], ["the", "last"]):
        words = words[1:] if words[1] != "latest" else ["last"] + words[2:]
    if len(words) < 2 or len(words) > 3:
        return None
    head, w = words[:-1], words[-1]
    det = " ".join(head)
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
        if ctx.anchor is None or w not in L["units"] or L["units"][w][1]:
            return None
        unit = L["units"][w][0]
        if unit not in ("D", "W", "M", "Q", "Y", "DE", "CE", "H"):
            return None
        return resolved_point(point_for(ctx.anchor.day, unit), ctx, ctx.anchor_id, False, mod, L=L)
    if ctx.ref is None:
        return None
    ref = ctx.ref
    if w in ("season",):
        year = ref.year + direction
        if direction == 1 and ref.month <= 6:
            year = ref.year  # early in a year the next season of a sport starts within it (spring or autumn)
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
        return resolved_point(p, ctx, "published", True, mod, L=L)
    if w == "weekend":
        monday = ref - timedelta(days=ref.weekday())
        sat = monday + timedelta(days=5 + 7 * direction)
        if direction == 0 and ref.weekday() < 4 and (ctx.tense == "past" or ctx.preceded_by == "OVER"):
            sat -= timedelta(days=7)  # "over the weekend", early in the week: the one just gone
        y, wk, _ = sat.isocalendar()
        return Resolved("DATE", f"{y}-W{wk:02d}-WE",
                        {"start": sat.isoformat(), "end": (sat + timedelta(days=1)).isoformat()}, "published",
                        Point(sat, "D"), True)
    if w in L["weekdays"] or w in L["months"]:
        return None
    if w not in L["units"] or (w.endswith("s") and w not in ("weekends",)):
        return None  # "the coming years" is a vague span, not next year
    unit = L["units"][w][0]
    if unit in ("S", "M") and L["units"][w][1]:
        return None
    if unit in ("DE", "CE") and direction == -1 and det in ("past", "last", "the past", "the last"):
        # "the past decade": the ten years up to now
        years = 10 if unit == "DE" else 100
        start = ref.replace(year=ref.year - years) if not (ref.month == 2 and ref.day == 29) else \
            ref.replace(year=ref.year - years, day=28)
        return Resolved("DURATION", f"P{years}Y", {"start": start.isoformat(), "end": ref.isoformat()}, "published",
                        None, True)
    p = _unit_point(unit, ref, ctx)
    if p is None:
        return None
    p = move(p, direction)
    if unit == "Q" and direction == -1 and ctx.fiscal_end:
        p = move(point_for(ref, "Q", fiscal_end=ctx.fiscal_end), -1)
    r = resolved_point(p, ctx, "published", True, mod, L=L)
    if direction == 0 and mod == "START":
        r.range = {"start": p.day.isoformat(), "end": max(p.day, ref - timedelta(days=1)).isoformat()}
    elif direction == 0 and mod == "END":
        # "later this month": what is still to come, from the day after writing, as "earlier"
        # runs up to the day before
        r.range = {"start": min(ref + timedelta(days=1), last_day(p)).isoformat(), "end": last_day(p).isoformat()}
    return r


def read_weekday(words, joined, ctx, L, mod):
    idx = [k for k, w in enumerate(words) if w in L["weekdays"] and (len(w) > 3 or len(words) == 1)]
    if not idx:
        return None
    k = idx[0]
    wd = L["weekdays"][words[k]]
    before = words[:k]
    after = [w for w in words[k + 1 :] if w not in L["parts_of_day"]]
    # "Friday, Aug. 7": the explicit date wins
    if after:
        sub = read_month(after, " ".join(after), ctx, L, mod)
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
    elif direction == "near":
        ahead, back = (wd - ref.weekday()) % 7, (ref.weekday() - wd) % 7
        day = ref + timedelta(days=ahead) if ahead < back else ref - timedelta(days=back)
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


def read_holiday(words, joined, ctx, L, mod):
    det = None
    body = words
    if words[0] in ("last", "this", "next", "the"):
        det, body = words[0], words[1:]
    year = None
    if body and YEAR_RE.match(body[-1]):
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
    elif det == "next" or (det is None and ctx.tense in ("future", "present")):
        if d < base:
            d = _holiday_date(spec, base.year + 1)
    else:  # no tense to go by: the nearest one
        d = min((_holiday_date(spec, y) for y in (base.year - 1, base.year, base.year + 1)),
                key=lambda x: abs((x - base).days))
    return Resolved("DATE", d.isoformat(), {"start": d.isoformat(), "end": d.isoformat()}, "published",
                    Point(d, "D"), True)


def read_season(words, joined, ctx, L, mod):
    det = None
    body = words
    if words[0] in L["season_relatives"] or words[0] == "the":
        det, body = words[0], words[1:]
    elif words[0] in L.get("season_spans", []):
        body = words[1:]  # "all summer", "throughout the winter": the season itself, by tense
        if body[:1] == ["the"]:
            body = body[1:]
    if not body or body[0] not in L["seasons"]:
        return None
    code, m1, m2 = L["seasons"][body[0]]
    rest = body[1:]
    if rest and rest[0] == "of":
        rest = rest[1:]
    if rest and (YEAR_RE.match(rest[0]) or spelled_year(rest, L)):
        year = int(rest[0]) if YEAR_RE.match(rest[0]) else spelled_year(rest, L)
        p = Point(date(year, m1, 1), "S", code)
        return resolved_point(p, ctx, None, False, mod, L=L)
    if rest:
        return None
    if det in L["season_relatives"]:
        return read_relative_unit([det, body[0]], "", ctx, L, mod)
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
    return resolved_point(p, ctx, "published", True, mod, L=L)


def read_month(words, joined, ctx, L, mod):
    ks = [k for k, w in enumerate(words) if w in L["months"]]
    if not ks:
        return None
    k = ks[0]
    month = L["months"][words[k]]
    before, after = words[:k], words[k + 1 :]
    day = year = None
    if len(before) >= 2 and before[-1] == "of" and (before[-2] in L["ordinals"] or _day_ordinal(before[-2])):
        before = before[:-1]  # "the 14th of March"
    if after and ORDINAL_RE.match(after[0]) and 1 <= int(ORDINAL_RE.match(after[0]).group(1)) <= 31 and not YEAR_RE.match(after[0]):
        day = int(ORDINAL_RE.match(after[0]).group(1))
        after = after[1:]
    elif before and ORDINAL_RE.match(before[-1]) and 1 <= int(ORDINAL_RE.match(before[-1]).group(1)) <= 31:
        day = int(ORDINAL_RE.match(before[-1]).group(1))
        before = before[:-1]
    elif before and before[-1] in L["ordinals"] and len(before) >= 2 and before[-2] == "the":
        day = L["ordinals"][before[-1]]
        before = before[:-2]
    if after and after[0] == "of":
        after = after[1:]
    if after and YEAR_RE.match(after[0]):
        year = int(after[0])
        after = after[1:]
    elif len(after) >= 2 and after[0] in ("this", "last", "next") and after[1] == "year" and ctx.ref is not None:
        year = ctx.ref.year + {"this": 0, "last": -1, "next": 1}[after[0]]
        after = after[2:]
    elif spelled_year(after, L) is not None:
        year = spelled_year(after, L)
        after = []
    elif after and SHORT_YEAR_RE.match(after[0]):
        yy = int(after[0][1:])
        year = 1900 + yy if yy > 30 else 2000 + yy
        after = after[1:]
    if after and not all(w in ("'s", "s") for w in after):
        return None
    det = before[-1] if before else None
    if before and any(w not in L["season_relatives"] and w not in ("the", "of", "that", "same") for w in before):
        return None
    if year is not None:
        if day is not None:
            try:
                d = date(year, month, day)
            except ValueError:
                return None
            return resolved_point(Point(d, "D"), ctx, None, False, None, L=L)
        return resolved_point(Point(date(year, month, 1), "M"), ctx, None, False, mod, L=L)
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
        year = _nearest_year(ref, month, day, ctx.tense)
    if day is not None:
        try:
            d = date(year, month, day)
        except ValueError:
            return None
        return Resolved("DATE", d.isoformat(), {"start": d.isoformat(), "end": d.isoformat()}, anchor, Point(d, "D"),
                        uses_ref)
    return resolved_point(Point(date(year, month, 1), "M"), ctx, anchor, uses_ref, mod, L=L)


def _day_ordinal(w: str) -> Optional[int]:
    """The day a written ordinal names ("14th", "1st"), None for a bare number or beyond 31."""
    m = ORDINAL_RE.match(w)
    if not m or w.isdigit():
        return None
    n = int(m.group(1))
    return n if 1 <= n <= 31 else None


def read_day_of_month(words, joined, ctx, L, mod):
    """"the 14th", "the 14th of next month": a day of a month the text leaves to the reader —
    the month named by "this/next/last month", else the one the clause's tense points to
    (the coming 14th for a plan, the last one for what happened, the nearer one otherwise)."""
    body = words[1:] if words[:1] == ["the"] else words
    if not body or ctx.ref is None:
        return None
    n = _day_ordinal(body[0])
    rest = body[1:]
    if rest:
        n = n or L["ordinals"].get(body[0])
        if n is None or not 1 <= n <= 31 or len(rest) != 3 or rest[0] != "of" or rest[2] != "month" \
                or rest[1] not in L["month_relatives"]:
            return None
        months = [L["month_relatives"][rest[1]]]
    elif n is None:
        return None
    elif ctx.tense in ("future", "present"):
        months = [0, 1]
    elif ctx.tense == "past":
        months = [0, -1]
    else:
        months = [0, -1, 1]
    first = date(ctx.ref.year, ctx.ref.month, 1)
    days = []
    for k in months:
        m1 = add_months(first, k)
        if n <= last_day(Point(m1, "M")).day:
            days.append(m1.replace(day=n))
    if not days:
        return None
    if rest:
        day = days[0]
    elif ctx.tense in ("future", "present"):
        day = min(d for d in days if d >= ctx.ref) if any(d >= ctx.ref for d in days) else days[-1]
    elif ctx.tense == "past":
        day = max(d for d in days if d <= ctx.ref) if any(d <= ctx.ref for d in days) else days[-1]
    else:  # news mostly reports what has happened: a later day must be nearer to win
        day = min(days, key=lambda d: (d - ctx.ref).days * 1.5 if d > ctx.ref else (ctx.ref - d).days)
    return Resolved("DATE", day.isoformat(), {"start": day.isoformat(), "end": day.isoformat()}, "published",
                    Point(day, "D"), True)


def _nearest_year(ref: date, month: int, day: Optional[int], tense: Optional[str]) -> int:
    """The year of the month nearest the reference: the latest one not after it for past
    tense (a whole month: the current one or before), the next one not before it for future
    tense and for a present-tense schedule ("the tour ends in December"), else whichever is
    closer."""
    if day is None:
        if tense == "past":
            return ref.year if month <= ref.month else ref.year - 1
        if tense in ("future", "present"):
            return ref.year if month >= ref.month else ref.year + 1
        day = 15
    this = (month, day)
    now = (ref.month, ref.day)
    if tense == "past":
        if this <= now:
            return ref.year
        try:
            ahead = (date(ref.year, month, min(day, 28)) - ref).days
        except ValueError:
            ahead = 365
        return ref.year if ahead <= 7 else ref.year - 1  # a week's slack for a late publication date
    if tense in ("future", "present"):
        try:
            behind = (ref - date(ref.year, month, day)).days
        except ValueError:
            behind = 365
        return ref.year if this >= now or behind <= 7 else ref.year + 1  # the week's slack, as for the past
    candidates = [ref.year - 1, ref.year, ref.year + 1]
    def distance(y):
        try:
            days = (date(y, month, min(day, 28)) - ref).days
            return days * 1.5 if days > 0 else -days  # news mostly reports what has happened
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


def read_year(words, joined, ctx, L, mod):
    sy = spelled_year([w for w in words if w not in ("the", "year")], L)
    if sy is not None:
        return resolved_point(Point(date(sy, 1, 1), "Y"), ctx, None, False, mod, L=L)
    body = [w for w in words if w != "the"]
    if len(body) == 1 and body[0] in L["decade_words"] and ctx.ref is not None:
        y = (ctx.ref.year // 100) * 100 + 10 * L["decade_words"][body[0]]
        if y > ctx.ref.year:
            y -= 100
        return resolved_point(Point(date(y, 1, 1), "DE"), ctx, "published", True, mod, L=L)
    if len(body) == 2 and body[1] in ("century", "centuries") and (body[0] in L["ordinals"] or ORDINAL_RE.match(body[0])):
        n = L["ordinals"].get(body[0]) or int(ORDINAL_RE.match(body[0]).group(1))
        return Resolved("DATE", f"{n - 1:02d}", None, None, None, False)
    body = [w for w in words if w not in L["year_fillers"]]
    if len(body) != 1:
        return None
    w = body[0]
    if YEAR_RE.match(w):
        p = Point(date(int(w), 1, 1), "Y")
        return resolved_point(p, ctx, None, False, mod, L=L)
    m = DECADE_RE.match(w)
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
        return resolved_point(p, ctx, None, False, mod, L=L)
    m = SHORT_YEAR_RE.match(w)
    if m:
        yy = int(m.group(1))
        y = 1900 + yy if yy > 30 else 2000 + yy
        return resolved_point(Point(date(y, 1, 1), "Y"), ctx, None, False, mod, L=L)
    return None
