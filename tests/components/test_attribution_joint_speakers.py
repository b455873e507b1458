"""Named speakers joined by "and" speak together: the attribution is all of theirs."""

from __future__ import annotations


def speaker(ledger):
    [att] = ledger.attributions
    return next(s for s in ledger.sources if s.id == att.source)


def test_inverted_joint_speakers_are_all_credited(analyze):
    led = analyze("Ola Brandt and Piet Kuyper own the ferry. “We are not selling,” replied Brandt and Kuyper.")
    src = speaker(led)
    assert (src.kind, src.label) == ("person", "Ola Brandt and Piet Kuyper")
    named = {led.document.text[m.start:m.end] for m in src.mentions}
    assert {"Brandt", "Kuyper"} <= named


def test_a_joint_statement_by_two_named_people(analyze):
    src = speaker(analyze("Mara Lind and Tomas Reed said in a statement that they had parted ways."))
    assert (src.kind, src.label) == ("person", "Mara Lind and Tomas Reed")


def test_one_named_speaker_stays_alone(analyze):
    assert speaker(analyze("Lena Ortiz said the film was finished.")).label == "Lena Ortiz"


def test_the_couple_are_the_two_people_last_named_together(analyze):
    src = speaker(analyze("Nadia Holm and Eric Vance married in 2012. “We remain close,” the couple said on Friday."))
    assert (src.kind, src.label) == ("person", "Nadia Holm and Eric Vance")


def test_a_couple_never_named_stays_one_unnamed_voice(analyze):
    src = speaker(analyze("The baker and her husband have separated. “We remain close,” the couple said."))
    assert src.label == "the couple"
