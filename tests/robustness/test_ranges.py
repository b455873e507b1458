"""The range index answers exactly what a scan of the whole list answers, in the same order."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from hearsay.components.ranges import RangeIndex

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
