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
