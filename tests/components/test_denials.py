"""Denials tied to the claims they deny, on short original articles through the real pipeline."""

from __future__ import annotations

from hearsay.render import render

RUMOUR = (
    "Harbor Chef Said to Be Leaving\n\n"
    "Ravi Kessler, the head chef at the Pier House, is leaving the restaurant, according to reports. "
    '"He has already signed with a rival," a former colleague told the Coast Gazette. '
    "A spokesperson for the Pier House denied the reports on Monday."
)


def _claim_with(ledger, words):
    return next(c for c in ledger.claims if words in c.span.text)


def test_denying_the_reports_disputes_the_earlier_unnamed_claims(analyze):
    ledger = analyze(RUMOUR, published="2024-04-09")
    denial = next(a for a in ledger.attributions if a.polarity == "denied")
    leaving = _claim_with(ledger, "is leaving the restaurant")
    signed = _claim_with(ledger, "signed with a rival")
    assert set(denial.denies) == {leaving.id, signed.id}
    assert leaving.disputed and leaving.disputed_by == [denial.id]
    denial_claim = next(c for c in ledger.claims if c.attribution == denial.id)
    assert not denial_claim.disputed
    messages = [k.message for k in ledger.checks if k.kind == "denial"]
    assert any(m.startswith(f"claim {leaving.id} is denied by a spokesperson for the Pier House") for m in messages)
    denial_check = next(k for k in ledger.checks if k.kind == "denial" and leaving.id in k.refs)
    assert set(denial_check.claims) == {leaving.id, denial_claim.id}


def test_denial_warning_lists_the_denial_and_the_claims_it_denies(analyze):
    ledger = analyze(RUMOUR, published="2024-04-09")
    denial = next(a for a in ledger.attributions if a.polarity == "denied")
    denial_claim = next(c for c in ledger.claims if c.attribution == denial.id)
    s = ledger.summary
    assert len(s.warning_claims) == len(s.warnings)
    i = next(i for i, w in enumerate(s.warnings) if "denies" in w)
    assert s.warning_claims[i] == [denial_claim.id, *denial.denies]


def test_a_denial_with_content_denies_only_the_claims_saying_it(analyze):
    text = (
        "The Riverside mill will close in June, workers were told, according to a union newsletter. "
        "The mill's owner bought a second site in Ohio last year, records show. "
        "The owner, Dana Whitlock, denied that the mill will close."
    )
    ledger = analyze(text, published="2024-02-01")
    denial = next(a for a in ledger.attributions if a.polarity == "denied")
    close = _claim_with(ledger, "mill will close in June")
    assert close.id in denial.denies
    assert all("second site" not in c.span.text for c in ledger.claims if c.id in denial.denies)


def test_dismissing_a_story_as_fiction_is_a_denial(analyze):
    text = (
        "The striker is set to move to Lisbon, sources told the Daily Ball. "
        'His agent dismissed the story as "pure fiction" on Friday.'
    )
    ledger = analyze(text, published="2024-08-03")
    denial = next(a for a in ledger.attributions if a.polarity == "denied")
    assert denial.cue.text == "dismissed"
    assert _claim_with(ledger, "move to Lisbon").id in denial.denies


def test_terminal_and_markdown_mark_disputed_claims(analyze):
    from hearsay.render.terminal import to_text

    ledger = analyze(RUMOUR, published="2024-04-09")
    leaving = _claim_with(ledger, "is leaving the restaurant")
    denial = next(a for a in ledger.attributions if a.polarity == "denied")
    denial_claim = next(c for c in ledger.claims if c.attribution == denial.id)
    for out in (render(ledger, "md"), to_text(ledger, color=False, width=300)):
        row = next(line for line in out.splitlines() if leaving.id in line and "leaving" in line)
        assert f"disputed: denied in {denial_claim.id}" in row
        assert f"denies {leaving.id}" in out


def test_a_falsity_complement_makes_a_denial(analyze):
    for sentence in (
        "She labelled the report a lie.",
        "Officials said the rumours were untrue.",
        "The club dismissed the claims as nonsense.",
    ):
        ledger = analyze("The coach will be fired, reports say. " + sentence, published="2024-03-12")
        denial = [a for a in ledger.attributions if a.polarity == "denied"]
        assert denial, sentence
        assert denial[0].cue_class == "denial"


def test_calling_something_that_is_no_telling_absurd_denies_nothing(analyze):
    ledger = analyze("The council will sell the old library, officials said. The senator called the plan absurd.", published="2024-03-12")
    assert not any(a.polarity == "denied" for a in ledger.attributions)
    assert not any(c.disputed for c in ledger.claims)


def test_denying_the_report_points_at_the_telling_named_a_report(analyze):
    text = (
        "Reports surfaced on Monday that the orchestra had cancelled its spring tour. "
        '"The players are furious," a musician told the Evening Star. '
        "The orchestra's board denied the report."
    )
    ledger = analyze(text, published="2024-04-09")
    denial = next(a for a in ledger.attributions if a.polarity == "denied")
    cancelled = _claim_with(ledger, "cancelled its spring tour")
    furious = _claim_with(ledger, "players are furious")
    assert denial.denies == [cancelled.id]
    assert not furious.disputed


def test_reports_about_one_thing_deny_only_claims_saying_it(analyze):
    text = (
        "Singer Parts Ways With Drummer\n\n"
        "Singer Tara Quinn and drummer Leo Marsh have split after three years, a friend of the couple told "
        "the Coast Gazette. Marsh has since been seen with his trainer, Ana Holt. A spokesman for the band "
        'said reports of a romance between Marsh and Holt were "completely false."'
    )
    ledger = analyze(text, published="2024-04-09")
    split = _claim_with(ledger, "have split")
    assert not split.disputed
    assert not [k for k in ledger.checks if k.kind == "denial" and split.id in k.refs]


def test_reports_of_the_same_thing_are_still_denied(analyze):
    text = (
        "Chef Said to Be Leaving\n\n"
        "Ravi Kessler is leaving the Pier House for a rival kitchen, according to reports. "
        'A spokesperson for the Pier House said reports of Kessler leaving the Pier House were "untrue."'
    )
    ledger = analyze(text, published="2024-04-09")
    assert _claim_with(ledger, "is leaving the Pier House").disputed
