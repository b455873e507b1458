"""The verdict's wording: number agreement, warnings that name their claims, and readings the
source kind alone would misstate."""

from __future__ import annotations


def test_one_attributed_claim_reads_in_the_singular(analyze):
    ledger = analyze("Mayor Ana Ruiz said that the bridge would reopen on Monday.", published="2024-05-08")
    assert ledger.summary.attributed == 1
    verdict = ledger.summary.verdict
    assert "All 1" not in verdict and "claims" not in verdict
    assert verdict == "The one attributed claim rests on a named source."


def test_one_narrated_claim_reads_in_the_singular(analyze):
    ledger = analyze("The bridge over the Tamar reopened to traffic on Monday.", published="2024-05-08")
    assert len(ledger.claims) == 1
    assert "None of the 1" not in ledger.summary.verdict
    assert ledger.summary.verdict.startswith("The one claim is not attributed")


def test_allegation_warning_lists_its_claims(analyze):
    text = (
        "Prosecutors allege that the treasurer moved club funds into a private account. "
        "The treasurer resigned in March."
    )
    ledger = analyze(text, published="2024-05-08")
    s = ledger.summary
    i = next(i for i, w in enumerate(s.warnings) if "allegation" in w)
    alleged = [c.id for c in ledger.claims if any(h.kind == "allegation" for h in c.hedges)]
    assert s.warning_claims[i] == alleged
    assert s.warnings[i] == ("1 claim rests on allegations" if len(alleged) == 1 else f"{len(alleged)} claims rest on allegations")


def test_an_unresolved_he_said_is_an_unresolved_speaker_not_a_named_source(analyze):
    ledger = analyze('The bridge will close for repairs in May. "We expect long delays," he said.', published="2024-03-12")
    he = next(s for s in ledger.sources if s.label == "he")
    assert he.unresolved and he.entity is None
    assert "unresolved speaker" in ledger.summary.verdict
    assert "named source" not in ledger.summary.verdict


def test_a_spokesperson_for_someone_is_their_unnamed_representative(analyze):
    text = (
        "A spokesperson for the Harbour Authority said the pier would reopen in July. "
        "The pier has been closed since a storm in January."
    )
    ledger = analyze(text, published="2024-03-12")
    rep = next(s for s in ledger.sources if s.label.startswith("A spokesperson"))
    assert rep.represents is not None and rep.represents.label == "the Harbour Authority"
    assert rep.entity is None, "the representative stays unnamed"
    verdict = ledger.summary.verdict
    assert "unnamed representative of the Harbour Authority" in verdict
    assert verdict.startswith("Of 1 attributed claim, none rests on an anonymous source")


def test_a_possessive_representative_names_whom_they_speak_for(analyze):
    ledger = analyze("Dana Whitlock's lawyer said the contract was never signed.", published="2024-03-12")
    rep = next(s for s in ledger.sources if "lawyer" in s.label)
    assert rep.represents is not None and rep.represents.label == "Dana Whitlock"
