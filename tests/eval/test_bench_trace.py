"""The trace benchmark's synthetic corpora: worlds that share no story share no renamed word,
and its growth exponent and 1 M extrapolation come from what was measured."""

from __future__ import annotations

import re

import pytest

from hearsay.eval.bench_trace import Pseudonyms, extrapolate, synthetic

TEXT = "Velden Falls Sentinel reports that the Tamarack mill will close, costing about 280 jobs."


def base():
    return [({"id": "101", "published": "2027-03-09T10:00:00Z"},
             {"document": {"text": TEXT, "outlet": "Velden Falls Sentinel"},
              "claims": [{"id": "C1", "span": {"start": 22, "end": len(TEXT) - 1, "text": TEXT[22:-1]}}]})]


def test_renamed_words_keep_length_case_and_spans_and_differ_between_worlds():
    recs = synthetic(base(), 400)
    assert [r["id"] for r in recs[:2]] == ["w0-101", "w1-101"]
    for rec in recs[:3]:
        text = rec["document"]["text"]
        assert len(text) == len(TEXT) and "jobs" not in text and "Tamarack" not in text
        assert [w[0].isupper() for w in text.split()] == [w[0].isupper() for w in TEXT.split()]
        span = rec["claims"][0]["span"]
        assert text[span["start"]:span["end"]] == span["text"]
    kept = set(re.findall(r"[a-z]{4,}", TEXT.lower()))  # stopwords ("that", "will") are not renamed
    vocab = [set(re.findall(r"[A-Za-z]{4,}", r["document"]["text"].lower())) - kept for r in recs]
    assert all(len(words) >= 6 for words in vocab)
    seen: dict[str, int] = {}
    for world, words in enumerate(vocab):
        for w in words:
            assert seen.setdefault(w, world) == world, f"{w!r} is in world {seen[w]} and world {world}"


def test_pseudonyms_are_one_to_one_per_length():
    pseudo = Pseudonyms({"mill", "jobs", "Mill"})
    assert pseudo("Mill", 3) == pseudo("mill", 3).capitalize()
    made = {pseudo(w, k) for w in ("mill", "jobs") for k in range(5000)}
    assert len(made) == 10_000


def test_extrapolation_uses_the_worst_measured_cpu_exponent():
    runs = [{"articles": 1000, "cpu_seconds": 10.0}, {"articles": 4000, "cpu_seconds": 48.0, "growth_exponent": 1.13, "wall_growth_exponent": 1.4}]
    out = extrapolate(runs)
    assert out["max_growth_exponent"] == 1.13 and out["max_wall_growth_exponent"] == 1.4
    assert out["extrapolated_1m_hours"] == pytest.approx(48.0 / 4000 * 1e6 * 250 ** 0.13 / 3600, rel=1e-3)
