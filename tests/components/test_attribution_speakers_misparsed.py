"""Speakers the parser or the cue lexicon gets wrong: a bare surname hung on the verb as a
modifier, and a verb of learning whose subject was told rather than telling."""

from __future__ import annotations


def rows(ledger):
    sources = {s.id: s for s in ledger.sources}
    return [(sources[a.source].kind, sources[a.source].label, a.content.text) for a in ledger.attributions]


def test_a_bare_surname_opening_the_sentence_speaks(analyze):
    led = analyze("Jim Tully runs the junior club. Tully said the season was over.")
    assert rows(led) == [("person", "Jim Tully", "the season was over")]


def test_someone_who_learned_something_is_no_source(analyze):
    assert rows(analyze("Her neighbour learned that the factory would close in May.")) == []


def test_an_outlet_that_learned_something_reports_it(analyze):
    led = analyze("CNN learned that the talks had collapsed.")
    assert rows(led) == [("outlet", "CNN", "the talks had collapsed")]


def test_what_a_speaker_claims_is_the_object_of_claim(analyze):
    led = analyze("Challenger Rosa Velt claimed victory in the mayoral race on Sunday.")
    assert rows(led) == [("person", "Rosa Velt", "victory in the mayoral race on Sunday")]
