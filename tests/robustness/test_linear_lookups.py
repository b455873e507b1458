"""The position lookups that replaced per-item scans (so a long article costs its length, not
its square) answer exactly what the scans answered, in the same order."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from hearsay.components.checks import _different_people, claims_at
from hearsay.components.hedging import _resolve_overlaps
from hearsay.components.mentions.names import _SpanKeys, _distance_before
from hearsay.components.ranges import RangeIndex

import strategies  # noqa: F401  (the CI / fuzz budget)

spans = st.lists(st.tuples(st.integers(0, 40), st.integers(1, 6)).map(lambda p: (p[0], p[0] + p[1])), max_size=25)
KINDS = ("epistemic", "appearance", "allegation", "reportative")


@given(spans, st.lists(st.integers(0, 24), max_size=8), st.integers(0, 50))
def test_name_span_keys_find_what_a_scan_of_the_spans_dict_finds(added, removed, pos):
    spans_dict: dict = {}
    keys = _SpanKeys()
    for key in added:
        keys.add(key)
        spans_dict[key] = key
    for n in removed:
        if n < len(spans_dict):
            key = list(spans_dict)[n]
            del spans_dict[key]
            keys.remove(key)
    assert keys.covering(pos) == [k for k in spans_dict if k[0] <= pos < k[1]]
    assert keys.starting(pos, pos + 5) == [k for k in spans_dict if pos <= k[0] < pos + 5]


@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 20)), max_size=20), st.lists(st.integers(0, 80), max_size=5))
def test_claims_at_through_the_index_is_the_scan(ranges, offsets):
    claims = [{"id": f"C{n}", "start": s, "end": s + w} for n, (s, w) in enumerate(ranges)]
    expected = []
    for off in offsets:
        holding = sorted((c for c in claims if c["start"] <= off < c["end"]), key=lambda c: c["end"] - c["start"])
        if holding and holding[0]["id"] not in expected:
            expected.append(holding[0]["id"])
    assert claims_at(claims, *offsets) == claims_at(RangeIndex(claims), *offsets) == expected


@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 15), st.sampled_from(KINDS)).map(lambda p: (p[0], p[0] + p[1], p[2])), max_size=30))
def test_hedges_keep_the_longest_and_drop_what_overlaps_a_kept_one(found):
    kept = _resolve_overlaps(list(found))
    ranges = [(h["start"], h["end"]) for h in kept]
    assert ranges == sorted(ranges) and all(a[1] <= b[0] for a, b in zip(ranges, ranges[1:]))
    for s, e, kind in found:   # everything dropped overlaps a kept hedge at least as long
        if {"start": s, "end": e, "kind": kind} not in kept:
            assert any(h["start"] < e and s < h["end"] and h["end"] - h["start"] >= e - s for h in kept)


def test_ages_after_two_different_full_names_are_a_clustering_slip():
    text = "Gary Lindqvist, 58, and Evan Lindqvist, 26, and Lindqvist, 40"
    ent = {"mentions": [{"start": 0, "end": 14, "kind": "name"}, {"start": 24, "end": 38, "kind": "name"},
                        {"start": 48, "end": 57, "kind": "name"}]}
    ages = [{"start": 16}, {"start": 40}, {"start": 59}]
    assert _different_people(text, ent, ages)
    assert not _different_people(text, ent, ages[:1] + ages[2:])   # one full name, one surname


@given(st.lists(st.integers(0, 50), min_size=1, max_size=20), st.integers(0, 60))
def test_distance_to_the_nearest_name_before_is_the_scan(starts, pos):
    before = [pos - s for s in starts if s < pos]
    expected = min(before) if before else 100_000 + min(s - pos for s in starts)
    assert _distance_before(sorted(starts), pos) == expected


def test_the_token_table_holds_what_the_tokens_say(nlp):
    """Each distinct string decoded once and shared (memory per token stays a few pointers)."""
    from hearsay.components.mentions.tokens import TokenTable
    from hearsay.pipeline import parse

    doc = parse(nlp, "Rosalind Achebe, 57, resigned on Tuesday. “I have done nothing wrong,” she said.\n\nThe mayor said so.")
    table = TokenTable(doc)
    assert table.text == [t.text for t in doc] and table.lower == [t.lower_ for t in doc]
    assert table.pos == [t.pos_ for t in doc] and table.tag == [t.tag_ for t in doc]
    assert table.dep == [t.dep_ for t in doc] and table.ent == [t.ent_type_ for t in doc]
    assert table.head == [t.head.i for t in doc]
    assert table.text[1] is not None and table.pos.count("PROPN") >= 2 and len({id(p) for p in table.pos}) == len(set(table.pos))
