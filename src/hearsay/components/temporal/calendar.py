"""Calendar arithmetic for time values: a point at a granularity, shifted and rendered as TIMEX3.

Why a module of its own: detection and anchoring both need the same few operations (shift a date
by N units, the interval a month/week/season/quarter covers, the TIMEX3 string of a point), and
keeping them pure makes every rule in the normalizer testable without spaCy.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Optional

@dataclass(frozen=True)
class Point:
    """A calendar interval named by its first day and granularity; ``code`` carries the season or
    part-of-day letters where the granularity needs them, ``fiscal_end`` a fiscal calendar."""

    day: date
    gran: str                      # D | W | M | S | Q | H | Y | DE | CE
    code: str = ""                 # season code (SP SU FA WI) or part of day (MO AF EV NI)
    fiscal_end: Optional[int] = None   # month a fiscal year ends in, for fiscal Q and Y


def add_months(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    year = d.year + y
    month = m + 1
    day = min(d.day, calendar.monthrange(year, month)[1])
    return date(year, month, day)


def shift(d: date, amount: int, unit: str) -> date:
    """``d`` moved by ``amount`` units (D W M Q Y DE CE; H = half year)."""
    if unit == "D":
        return d + timedelta(days=amount)
    if unit in ("W", "WE"):
        return d + timedelta(weeks=amount)
    months = {"M": 1, "Q": 3, "S": 3, "H": 6, "Y": 12, "DE": 120, "CE": 1200}.get(unit)
    if months is None:
        return d
    return add_months(d, amount * months)


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def point_for(d: date, gran: str, code: str = "", fiscal_end: Optional[int] = None) -> Point:
    """The interval of granularity ``gran`` that contains ``d``."""
    if gran == "D":
        return Point(d, "D", code)
    if gran == "W":
        return Point(d - timedelta(days=d.weekday()), "W")
    if gran == "M":
        return Point(date(d.year, d.month, 1), "M")
    if gran == "Q":
        if fiscal_end:
            # fiscal quarters end on fiscal_end, fiscal_end-3, ...
            offset = (d.month - fiscal_end - 1) % 3
            first = add_months(date(d.year, d.month, 1), -offset)
            return Point(first, "Q", fiscal_end=fiscal_end)
        return Point(date(d.year, 3 * ((d.month - 1) // 3) + 1, 1), "Q")
    if gran == "H":
        return Point(date(d.year, 1 if d.month <= 6 else 7, 1), "H")
    if gran == "Y":
        if fiscal_end:
            start_year = d.year if d.month > fiscal_end else d.year - 1
            return Point(date(start_year, fiscal_end % 12 + 1, 1) if fiscal_end != 12 else date(d.year, 1, 1), "Y",
                         fiscal_end=fiscal_end)
        return Point(date(d.year, 1, 1), "Y")
    if gran == "DE":
        return Point(date(d.year - d.year % 10, 1, 1), "DE")
    if gran == "CE":
        return Point(date(d.year - d.year % 100, 1, 1), "CE")
    if gran == "S":
        return Point(d, "S", code)
    return Point(d, gran, code)


def move(p: Point, amount: int) -> Point:
    """The interval ``amount`` steps of its own granularity away."""
    unit = {"S": "Y"}.get(p.gran, p.gran)
    if p.gran == "S":
        return Point(shift(p.day, amount, "Y"), "S", p.code)
    return Point(shift(p.day, amount, unit), p.gran, p.code, p.fiscal_end)


def last_day(p: Point) -> date:
    if p.gran == "D":
        return p.day
    if p.gran == "W":
        return p.day + timedelta(days=6)
    months = {"M": 1, "Q": 3, "S": 3, "H": 6, "Y": 12, "DE": 120, "CE": 1200}[p.gran]
    return add_months(p.day, months) - timedelta(days=1)


def value_of(p: Point) -> str:
    """The TIMEX3 value of ``p``."""
    d = p.day
    if p.gran == "D":
        return d.isoformat() + (f"T{p.code}" if p.code else "")
    if p.gran == "W":
        y, w, _ = d.isocalendar()
        return f"{y}-W{w:02d}"
    if p.gran == "M":
        return f"{d.year}-{d.month:02d}"
    if p.gran == "S":
        return f"{d.year}-{p.code}"
    if p.gran == "Q":
        if p.fiscal_end:
            fy_end = last_day(Point(point_for(d, "Y", fiscal_end=p.fiscal_end).day, "Y", fiscal_end=p.fiscal_end))
            start = point_for(d, "Y", fiscal_end=p.fiscal_end).day
            q = ((d.year - start.year) * 12 + d.month - start.month) // 3 + 1
            return f"FY{fy_end.year}-Q{q}"
        return f"{d.year}-Q{(d.month - 1) // 3 + 1}"
    if p.gran == "H":
        return f"{d.year}-H{1 if d.month <= 6 else 2}"
    if p.gran == "Y":
        if p.fiscal_end and p.fiscal_end != 12:
            return f"FY{last_day(p).year}"
        return f"{d.year}"
    if p.gran == "DE":
        return f"{d.year // 10}"
    if p.gran == "CE":
        return f"{d.year // 100}"
    return d.isoformat()


def range_of(p: Point, mod: Optional[str] = None, fractions: Optional[dict] = None) -> dict:
    """``{"start","end"}`` ISO dates of the interval, narrowed to its early/mid/late part."""
    start, end = p.day, last_day(p)
    if mod and p.gran == "M":
        # early/mid/late month: days 1-10, 11-20, 21-end
        first, last = {"START": (1, 10), "MID": (11, 20), "END": (21, end.day)}.get(mod, (1, end.day))
        return {"start": start.replace(day=first).isoformat(), "end": start.replace(day=last).isoformat()}
    if mod and fractions and mod in fractions and p.gran == "Y":
        # "mid-2026", "early 2025": a part of a year is whole months (May through August), the
        # way writers and readers count it, not a day count that spills into September
        a, b = fractions[mod]
        first, last = round(a * 12), round(b * 12)
        return {"start": add_months(start, first).isoformat(),
                "end": (add_months(start, max(last, first + 1)) - timedelta(days=1)).isoformat()}
    if mod and fractions and mod in fractions and p.gran != "D":
        total = (end - start).days + 1
        a, b = fractions[mod]
        new_start = start + timedelta(days=int(round(total * a)))
        new_end = start + timedelta(days=int(round(total * b)) - 1)
        start, end = new_start, max(new_start, new_end)
    return {"start": start.isoformat(), "end": end.isoformat()}


def parse_iso(value: Optional[str]) -> Optional[date]:
    """The first day named by an ISO date/month/year string, else None."""
    if not value:
        return None
    parts = value[:10].split("-")
    try:
        if len(parts) >= 3:
            return date(int(parts[0]), int(parts[1]), int(parts[2][:2]))
        if len(parts) == 2 and parts[1].isdigit():
            return date(int(parts[0]), int(parts[1]), 1)
        if len(parts) == 1 and len(parts[0]) == 4 and parts[0].isdigit():
            return date(int(parts[0]), 1, 1)
    except ValueError:
        return None
    return None


