"""A joint voice lists whom it speaks for (``sources[].members``), so "the couple said" is read
as both people, not as an unnamed descriptor."""

from __future__ import annotations


def _joint(ledger):
    return [s for s in ledger.sources if s.members]


def test_the_couple_speaks_for_both_people_named_before(analyze):
    ledger = analyze('Nadia Voss and Piet Aalders are expecting their first child. "We are thrilled," the couple said.')
    (joint,) = _joint(ledger)
    names = {e.id: e.name for e in ledger.entities}
    assert sorted(names[m] for m in joint.members) == ["Nadia Voss", "Piet Aalders"]
    assert any(a.source == joint.id for a in ledger.attributions)


def test_named_speakers_together_are_one_voice_with_members(analyze):
    ledger = analyze("Nadia Voss and Piet Aalders said in a statement that they had separated.")
    (joint,) = _joint(ledger)
    assert len(joint.members) == 2


def test_a_single_speaker_has_no_members(analyze):
    ledger = analyze('"We are thrilled," Nadia Voss said.')
    assert _joint(ledger) == []
