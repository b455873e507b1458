"""Who an unnamed speaker is: one unnamed person is an anonymous voice (the gold format's rule),
a group by its role stays a group, and a thing that "says" is a document or no voice at all."""

from __future__ import annotations


def rows(ledger):
    sources = {s.id: s for s in ledger.sources}
    return [(sources[a.source].kind, sources[a.source].label, a.content.text) for a in ledger.attributions]


def test_an_unnamed_person_by_role_or_possessor_is_an_anonymous_voice(analyze):
    led = analyze("Rhee lost the appeal on Friday. Rhee's lawyer said the ruling "
                  "would be appealed. “You will have to sell the boat,” my accountant said.")
    assert [(k, label) for k, label, _ in rows(led)] == [("anonymous", "Rhee's lawyer"), ("anonymous", "my accountant")]


def test_a_definite_role_refers_back_to_the_same_voice(analyze):
    led = analyze("The inspector said the wiring was unsafe. The inspector added that the landlord had been warned.")
    kinds = rows(led)
    assert {k for k, _, _ in kinds} == {"anonymous"}
    assert len({a.source for a in led.attributions}) == 1


def test_a_role_the_text_names_is_the_person(analyze):
    led = analyze("Prime Minister Olga Varen spoke on Monday. The minister said the tariffs would stay.")
    assert rows(led) == [("person", "Olga Varen", "the tariffs would stay")]


def test_a_group_by_its_role_is_not_an_anonymous_voice(analyze):
    led = analyze("Prosecutors said the scheme ran for six years.")
    assert rows(led)[0][0] != "anonymous"


def test_a_thing_is_no_voice(analyze):
    led = analyze("The haze from the burning peat said little about the wind. "
                  "The chemist said the samples were clean.")
    assert [(k, label) for k, label, _ in rows(led)] == [("anonymous", "The chemist")]


def test_a_text_or_recording_speaks_as_a_document(analyze):
    led = analyze("The campaign released a new clip on Sunday. The clip says the senator voted to cut pensions.")
    assert rows(led) == [("document", "The clip", "the senator voted to cut pensions")]


def test_a_persons_office_speaks_for_the_person(analyze):
    led = analyze("Sen. Rita Moreau will not seek a fourth term, according to her office.")
    assert rows(led) == [("person", "Rita Moreau", "Sen. Rita Moreau will not seek a fourth term")]


def test_one_of_them_is_the_group_just_cited(analyze):
    led = analyze("People close to the mayor have said for weeks that she is tired. "
                  "One of them said the mayor “wants her evenings back.”")
    assert len({a.source for a in led.attributions if a.parent is None}) == 1
    assert [k for k, _, _ in rows(led)][-1] == "anonymous"
