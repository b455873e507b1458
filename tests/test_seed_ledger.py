"""The article hearsay is built around, end to end: claims, narration, and the verdict.

Reads the seed from ../shared (never copied into the repository); skipped where it is absent.
Stage-level expectations (attributions, times, people, relations) live in each stage's tests.
"""

from __future__ import annotations


def _kind(ledger, source_id):
    return next(s.kind for s in ledger.sources if s.id == source_id)


def test_every_attribution_is_a_claim_and_narration_goes_to_the_author(seed_ledger):
    attributed = [c for c in seed_ledger.claims if c.attribution]
    assert len(attributed) == len(seed_ledger.attributions) == 13
    narration = [c for c in seed_ledger.claims if not c.attribution]
    assert narration and all(_kind(seed_ledger, c.source) == "author" for c in narration)
    texts = " ".join(c.span.text for c in narration)
    assert "Her ring finger was bare" in texts
    assert "Natalie’s No. 1 concern has always been the welfare of the children." in texts


def test_photo_credit_is_not_a_claim(seed_ledger):
    assert not any("Getty" in c.span.text for c in seed_ledger.claims)


def test_claims_do_not_overlap_their_frames(seed_ledger):
    """Narration never repeats attributed words: no claim holds the cue of an attribution."""
    cues = [(a.cue.start, a.cue.end) for a in seed_ledger.attributions if a.cue]
    for claim in seed_ledger.claims:
        if claim.attribution is None:
            assert not any(claim.span.start <= s and e <= claim.span.end for s, e in cues), claim.span.text


def test_verdict_names_the_one_anonymous_voice_and_its_channel(seed_ledger):
    s = seed_ledger.summary
    assert s.anonymous_sources == 1
    assert s.attributed == 13
    assert s.verdict.startswith("12 of 13 attributed claims rest on anonymous or unnamed sources")
    assert "10 on one anonymous voice" in s.verdict and "Life & Style" in s.verdict
    assert s.by_source_kind["anonymous"] == 10 and s.by_source_kind["reports"] == 2
    assert any("come from one anonymous source" in w for w in s.warnings)


def test_allegations_are_hedged(seed_ledger):
    alleged = [c for c in seed_ledger.claims if any(h.kind == "allegation" for h in c.hedges)]
    cues = {h.text for c in alleged for h in c.hedges if h.kind == "allegation"}
    assert "alleged" in cues and "alleges" in cues
    assert not any(h.text == "could" for c in seed_ledger.claims for h in c.hedges)  # "all she could think about"


def test_timeline_is_sorted_and_dated_by_each_claims_event(seed_ledger):
    dates = [e.date for e in seed_ledger.timeline]
    assert dates == sorted(dates)
    by_claim = {e.claim: e.date for e in seed_ledger.timeline}
    reports = next(c for c in seed_ledger.claims if c.attribution and c.span.text.startswith("the pair"))
    assert by_claim[reports.id] == "2023-08-05"  # "Just days later, reports broke …"
