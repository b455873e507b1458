"""Records with character ranges (times, claims, hedges, quotes) found by position.

Stages often ask "which records overlap this sentence / lie inside this clause / cover this
character" once per item of another kind; a scan of the whole list each time makes a stage
quadratic in the article (a 2 MB article has thousands of each). The index sorts range starts
once and bisects, so a query costs O(log n + k), where k counts the records starting within the
longest record's length of the query, and it answers in the records' own order, exactly as the
scan it replaces did.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Callable, Iterable, Optional


def _start_end(rec: dict) -> tuple[int, int]:
    return rec["start"], rec["end"]


class RangeIndex(list):
    """The records in their own order (it is a list, so code that iterates them still can),
    plus position queries. ``bounds`` gives a record's (start, end), end exclusive."""

    def __init__(self, records: Iterable = (), bounds: Callable[[object], tuple[int, int]] = _start_end):
        super().__init__(records)
        spans = [(*bounds(r), i) for i, r in enumerate(self)]
        spans.sort()
        self._starts = [s for s, _, _ in spans]
        self._spans = spans
        #: every record starts at most this far before any position it reaches
        self._longest = max((e - s for s, e, _ in spans), default=0)

    def _pick(self, lo: int, hi: int, keep: Callable[[int, int], bool]) -> list:
        found = sorted(i for s, e, i in self._spans[lo:hi] if keep(s, e))
        return [self[i] for i in found]

    def overlapping(self, start: int, end: int) -> list:
        """Records sharing at least one character with [start, end)."""
        lo = bisect_left(self._starts, start - self._longest)
        hi = bisect_left(self._starts, end)
        return self._pick(lo, hi, lambda s, e: start < e)

    def within(self, start: int, end: int) -> list:
        """Records lying inside [start, end)."""
        lo = bisect_left(self._starts, start)
        hi = bisect_right(self._starts, end)
        return self._pick(lo, hi, lambda s, e: e <= end)

    def containing(self, start: int, end: int) -> list:
        """Records holding all of [start, end)."""
        lo = bisect_left(self._starts, end - self._longest)
        hi = bisect_right(self._starts, start)
        return self._pick(lo, hi, lambda s, e: end <= e)

    def covering(self, pos: int) -> list:
        """Records holding the character at ``pos``."""
        lo = bisect_left(self._starts, pos + 1 - self._longest)
        hi = bisect_right(self._starts, pos)
        return self._pick(lo, hi, lambda s, e: pos < e)

    def first_covering(self, pos: int) -> Optional[object]:
        found = self.covering(pos)
        return found[0] if found else None


class Occupied:
    """Character ranges added one by one, asked whether any of them overlaps a range (shares a
    character with it, as ``a[0] < b[1] and b[0] < a[1]``). A stage that keeps what it has found
    and checks every new finding against all of it is quadratic in the article when it scans the
    list; here each range is filed under the fixed-size cells of the text it touches, so a query
    reads only the ranges in its own cells. ``None`` ranges are ignored and never overlap."""

    def __init__(self, ranges: Iterable = (), cell: int = 1024):
        self._cell = cell
        self._cells: dict[int, list[tuple[int, int]]] = {}
        for rng in ranges:
            self.add(rng)

    def _keys(self, start: int, end: int) -> range:
        return range(start // self._cell, max(start, end - 1) // self._cell + 1)

    def add(self, rng: Optional[tuple[int, int]]) -> None:
        if rng is not None:
            for k in self._keys(*rng):
                self._cells.setdefault(k, []).append((rng[0], rng[1]))

    def overlaps(self, rng: Optional[tuple[int, int]]) -> bool:
        if rng is None:
            return False
        start, end = rng
        return any(s < end and start < e for k in self._keys(start, end) for s, e in self._cells.get(k, ()))
