"""Claims: every statement becomes one, credited to its source or to the author; credit lines don't."""

from __future__ import annotations

import pytest

from hearsay.components.claims import is_credit_line
from hearsay.lexicon import load_lexicon


def _texts(ledger):
    return [c.span.text for c in ledger.claims]


def test_narration_is_credited_to_the_author(analyze):
    ledger = analyze("The bridge reopened on Monday after two years of repairs. Traffic was light.", published="2024-05-08")
    author = next(s for s in ledger.sources if s.kind == "author")
    assert _texts(ledger) == ["The bridge reopened on Monday after two years of repairs.", "Traffic was light."]
    assert all(c.source == author.id and c.attribution is None for c in ledger.claims)


def test_photo_credit_line_is_not_a_claim(analyze):
    text = "The mayor opened the new library on Saturday.\n\nGetty Images\n\nHundreds of residents attended the ceremony."
    ledger = analyze(text, published="2024-05-08")
    assert not any("Getty" in t for t in _texts(ledger))
    assert len(ledger.claims) == 2


@pytest.mark.parametrize("line", ["Getty Images", "AP Photo/Jane Doe", "Photo: Jane Doe", "Reuters", "Courtesy of the family"])
def test_credit_lines(line):
    assert is_credit_line(line, load_lexicon("claims"))


@pytest.mark.parametrize("line", ["Reuters reported the deal on Friday.", "The photo went viral."])
def test_statements_are_not_credit_lines(line):
    assert not is_credit_line(line, load_lexicon("claims"))


def test_claim_carries_its_hedges_entities_and_times(analyze):
    ledger = analyze("Pryce allegedly carried the merchandise to a truck in Wauwatosa on Saturday.", published="2025-04-16")
    claim = ledger.claims[0]
    assert [(h.text, h.kind) for h in claim.hedges] == [("allegedly", "allegation")]
    for tid in claim.times:
        time = next(t for t in ledger.times if t.id == tid)
        assert claim.span.start <= time.span.start < claim.span.end


def test_every_claim_points_to_a_known_source(analyze):
    text = '"We owe residents a clean process," Mayor Daniel Osei said. The council meets on Monday.'
    ledger = analyze(text, published="2024-03-14")
    ids = {s.id for s in ledger.sources}
    attributions = {a.id for a in ledger.attributions}
    assert ledger.claims and all(c.source in ids for c in ledger.claims)
    assert all(c.attribution is None or c.attribution in attributions for c in ledger.claims)
