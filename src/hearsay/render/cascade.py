"""A traced claim's cascade laid out for the claim page: one lane per outlet, one column per
publication day, one mark per article, and the edges that say how each later article got
the claim (a citation, a copy, or no citation at all).

Pure functions over the claim as the store holds it (``trace.storage.load_claim``), so the
layout is tested without a browser. Nothing here depends on colour: every mark carries a
symbol and a word for its role, and the three kinds of edge differ in their dash pattern and
their label, so the drawing reads the same in greyscale, in print and to a colour-blind reader.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from ..trace.model import ROLE_RANK

#: role → (symbol, short word) drawn on the mark and used in the lists; a repeat's word says
#: how it got the claim (see ``role_key``)
ROLE_MARKS = {
    "origin": ("◆", "origin"),
    "confirmation": ("✓", "confirms"),
    "denial": ("✗", "denies"),
    "correction": ("!", "corrects"),
    "copy": ("≡", "copy"),
    "cited": ("→", "cites"),
    "uncited": ("○", "uncited"),
}

#: edge kind → the SVG dash pattern that tells it apart without colour ("" = solid)
EDGE_DASH = {"citation": "", "copy": "7 4", "uncited": "2 4"}
EDGE_WORDS = {"citation": "cites", "copy": "copies", "uncited": "repeats without citing"}

LANE_HEIGHT = 56
COLUMN_WIDTH = 120
LABEL_WIDTH = 190
TOP = 34
MARK_RADIUS = 12


@dataclass
class Mark:
    """One article on the drawing: where it sits and how it carries the claim."""

    article: str
    outlet: str
    day: str
    role: str
    key: str
    symbol: str
    word: str
    x: float = 0.0
    y: float = 0.0


@dataclass
class Edge:
    """How a later article got the claim from an earlier one."""

    kind: str
    start: Mark
    end: Mark
    dash: str
    words: str

    @property
    def path(self) -> str:
        """An SVG path from the earlier mark to the edge of the later one's circle, bowed
        upward between two marks on one lane so it does not run through the marks between."""
        x1, y1, x2, y2 = self.start.x, self.start.y, self.end.x, self.end.y
        cx, cy = (x1 + x2) / 2, (y1 - LANE_HEIGHT / 2 if y1 == y2 else (y1 + y2) / 2)
        dx, dy = x2 - cx, y2 - cy
        norm = math.hypot(dx, dy) or 1.0
        ex, ey = x2 - dx / norm * (MARK_RADIUS + 2), y2 - dy / norm * (MARK_RADIUS + 2)
        return f"M{x1:.1f},{y1:.1f} Q{cx:.1f},{cy:.1f} {ex:.1f},{ey:.1f}"


@dataclass
class Cascade:
    lanes: list[tuple[str, float]] = field(default_factory=list)
    days: list[tuple[str, float]] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    width: float = 0.0
    height: float = 0.0


def role_key(appearance: dict) -> str:
    """The legend key of an appearance: its role, a repeat split by how it got the claim."""
    role = appearance.get("role") or "repeat"
    if role == "repeat":
        return "uncited" if appearance.get("via_how") in (None, "uncited") else "cited"
    return role


def strongest_per_article(appearances: list[dict]) -> list[dict]:
    """Each article once, with its strongest appearance, in the order first seen."""
    best: dict[str, dict] = {}
    for a in appearances:
        held = best.get(a["article_id"])
        if held is None or ROLE_RANK.index(a["role"]) < ROLE_RANK.index(held["role"]):
            best[a["article_id"]] = a
    return list(best.values())


def day_of(appearance: dict) -> str:
    published = appearance.get("published")
    return str(published)[:10] if published else "undated"


def layout(claim: dict) -> Cascade:
    """The cascade of ``claim`` (a ``load_claim`` dict) on a lane-by-day grid, with its edges."""
    shown = strongest_per_article(claim.get("appearances") or [])
    if not shown:
        return Cascade()
    lanes: list[str] = []
    days = sorted({day_of(a) for a in shown}, key=lambda d: (d == "undated", d))
    marks: dict[str, Mark] = {}
    used: dict[tuple[int, int], int] = {}
    for a in shown:
        outlet = a.get("outlet") or f"article {a['article_id']}"
        if outlet not in lanes:
            lanes.append(outlet)
        key = role_key(a)
        symbol, word = ROLE_MARKS[key]
        lane, col = lanes.index(outlet), days.index(day_of(a))
        nth = used.get((lane, col), 0)  # a second article of one outlet on one day sits beside the first
        used[(lane, col)] = nth + 1
        marks[a["article_id"]] = Mark(
            article=a["article_id"], outlet=outlet, day=day_of(a), role=a["role"], key=key, symbol=symbol, word=word,
            x=LABEL_WIDTH + col * COLUMN_WIDTH + COLUMN_WIDTH / 2 + nth * 26, y=TOP + lane * LANE_HEIGHT + LANE_HEIGHT / 2)
    origin = marks.get(claim.get("origin_article") or "")
    edges, drawn = [], set()
    for a in claim["appearances"]:  # every appearance's edge: a confirming article may also cite
        end = marks[a["article_id"]]
        how = a.get("via_how")
        start = None
        if how in ("citation", "copy"):
            start = marks.get(a.get("via_article") or "") or _first_in_lane(marks, a.get("via_outlet"), end)
        elif how == "uncited" and origin is not None:
            how, start = "uncited", origin
        if start is not None and start is not end and (start.article, end.article, how) not in drawn:
            drawn.add((start.article, end.article, how))
            edges.append(Edge(how, start, end, EDGE_DASH[how], EDGE_WORDS[how]))
    return Cascade(
        lanes=[(name, TOP + n * LANE_HEIGHT + LANE_HEIGHT / 2) for n, name in enumerate(lanes)],
        days=[(d, LABEL_WIDTH + n * COLUMN_WIDTH + COLUMN_WIDTH / 2) for n, d in enumerate(days)],
        marks=list(marks.values()), edges=edges,
        width=LABEL_WIDTH + len(days) * COLUMN_WIDTH + 20, height=TOP + len(lanes) * LANE_HEIGHT + 10)


def _first_in_lane(marks: dict[str, Mark], outlet: str | None, before: Mark) -> Mark | None:
    """A citation to an outlet whose article the trace did not resolve: the cited outlet's
    earliest mark on the drawing, if it has one and it is not the citing article itself."""
    if not outlet:
        return None
    for m in marks.values():
        if m.outlet == outlet and m is not before:
            return m
    return None


def spread(appearances: list[dict]) -> dict:
    """How far a claim went: distinct articles and outlets, and how many articles of each role."""
    shown = strongest_per_article(appearances)
    counts = {key: 0 for key in ROLE_MARKS}
    for a in shown:
        counts[role_key(a)] += 1
    return {"articles": len(shown), "outlets": len({a.get("outlet") or a["article_id"] for a in shown}), "roles": counts}
