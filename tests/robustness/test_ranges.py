"""The range index answers exactly what a scan of the whole list answers, in the same order."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from hearsay.components.ranges import Occupied, RangeIndex

import strategies  # noqa: F401  (the CI / fuzz budget)

ranges = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 25)).map(lambda p: {"start": p[0], "end": p[0] + p[1]}), max_size=30)
query = st.tuples(st.integers(0, 90), st.integers(0, 30)).map(lambda p: (p[0], p[0] + p[1]))


@given(ranges, query)
def test_queries_match_a_scan(records, q):
    a, b = q
    idx = RangeIndex(records)
    assert list(idx) == records
    assert idx.overlapping(a, b) == [r for r in records if r["start"] < b and a < r["end"]]
    assert idx.within(a, b) == [r for r in records if a <= r["start"] and r["end"] <= b]
    assert idx.containing(a, b) == [r for r in records if r["start"] <= a and b <= r["end"]]
    assert idx.covering(a) == [r for r in records if r["start"] <= a < r["end"]]
    assert idx.first_covering(a) == next((r for r in records if r["start"] <= a < r["end"]), None)


def test_custom_bounds_and_an_empty_index():
    quotes = [{"start": 0, "end": 10, "content_start": 1, "content_end": 9}]
    idx = RangeIndex(quotes, lambda q: (q["content_start"], q["content_end"]))
    assert idx.first_covering(0) is None and idx.first_covering(1) is quotes[0] and idx.first_covering(9) is None
    assert RangeIndex().overlapping(0, 100) == [] and not RangeIndex()


@given(st.lists(st.one_of(st.none(), query), max_size=30), st.one_of(st.none(), query), st.integers(1, 40))
def test_occupied_answers_what_a_scan_of_the_added_ranges_answers(added, q, cell):
    """Ranges filed by cell (any cell size, ranges crossing cells, empty ranges, None) overlap a
    query exactly when one of them shares a character with it."""
    occupied = Occupied(added[:10], cell=cell)
    for rng in added[10:]:
        occupied.add(rng)
    scan = q is not None and any(r is not None and r[0] < q[1] and q[0] < r[1] for r in added)
    assert occupied.overlaps(q) == scan
