"""Hedges: reportative, allegation, appearance, epistemic — and what is not a hedge."""

from __future__ import annotations

import pytest

from hearsay.components.hedging import HedgeFinder, hedges_for_cue
from hearsay.lexicon import load_lexicon


@pytest.fixture(scope="module")
def hedges(nlp):
    finder = HedgeFinder(nlp, load_lexicon("hedges"))

    def run(text: str) -> list[tuple[str, str]]:
        doc = nlp(text)
        return [(doc.text[h["start"] : h["end"]], h["kind"]) for h in finder.find(doc)]

    return run


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Pryce allegedly carried the merchandise to the truck.", ("allegedly", "allegation")),
        ("She could not forgive his alleged affair with a colleague.", ("alleged", "allegation")),
        ("The minister reportedly resigned on Friday.", ("reportedly", "reportative")),
        ("The singer is said to be furious with her label.", ("is said to", "reportative")),
        ("They were caught having what appeared to be a tearful conversation.", ("appeared to", "appearance")),
        ("The couple were even seen kissing during a dinner in Rome.", ("were even seen", "appearance")),
        ("A buyer could value the company at $3 billion.", ("could", "epistemic")),
        ("It may have been the final start of his career.", ("may", "epistemic")),
        ("The data suggests a slowdown in hiring.", ("suggests", "epistemic")),
    ],
)
def test_finds_hedge(hedges, text, expected):
    assert expected in hedges(text)


@pytest.mark.parametrize(
    "text",
    [
        "Natalie couldn't forgive him.",                      # negated ability, not doubt
        "Her children were all she could think about.",       # ability
        "The market reopened in May after the storm.",        # the month, not the modal
        "The senator said the bill passed on Tuesday.",
    ],
)
def test_no_false_hedge(hedges, text):
    assert hedges(text) == []


def test_cue_class_becomes_a_hedge_on_the_cue():
    lex = load_lexicon("hedges")
    cue = {"start": 10, "end": 17}
    assert hedges_for_cue("allegation", cue, lex) == [{"start": 10, "end": 17, "kind": "allegation"}]
    assert hedges_for_cue("cognition", cue, lex)[0]["kind"] == "epistemic"
    assert hedges_for_cue("neutral", cue, lex) == []
    assert hedges_for_cue("allegation", None, lex) == []
    # "reports broke that" hedges; a company that "reported" its own revenue does not
    assert hedges_for_cue("reportative", cue, lex, "reports")[0]["kind"] == "reportative"
    assert hedges_for_cue("reportative", cue, lex, "organization") == []
