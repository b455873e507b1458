"""Polarity of reported content (LEDGER-SPEC: asserted | denied): a negated speech cue does
not assert its content, so it is not recorded as asserted."""

from __future__ import annotations

import pytest


def polarities(ledger):
    return [(a.content.text, a.polarity) for a in ledger.attributions]


@pytest.mark.parametrize("text, content", [
    ("The governor did not say that the bridge would reopen.", "the bridge would reopen"),
    ("Marta Quill never claimed that she had won the race.", "she had won the race"),
    ("The airline has not confirmed that flights will resume on Monday.", "flights will resume on Monday"),
    ("Officials didn't say the reservoir was contaminated.", "the reservoir was contaminated"),
])
def test_a_negated_cue_does_not_assert_its_content(analyze, text, content):
    got = polarities(analyze(text))
    assert (content, "denied") in got
    assert all(p == "denied" for _, p in got)


def test_a_plain_cue_asserts_and_a_denial_denies(analyze):
    led = analyze("The governor said that the bridge would reopen. Her office denied that tolls would rise.")
    assert polarities(led) == [("the bridge would reopen", "asserted"), ("tolls would rise", "denied")]


def test_not_only_is_no_negation(analyze):
    led = analyze("The coach not only said that the team was tired, he benched three starters.")
    assert polarities(led) and all(p == "asserted" for _, p in polarities(led))


def test_a_negation_inside_the_content_is_the_content_s(analyze):
    led = analyze("The rebels are not thought to have any long-range missiles.")
    assert polarities(led) and all(p == "asserted" for _, p in polarities(led))
