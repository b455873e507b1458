"""A quote inside someone's quote, put in a third voice's mouth, is that voice's, nested under
the outer quote."""

from __future__ import annotations


def by_content(ledger):
    sources = {s.id: s for s in ledger.sources}
    return {a.content.text: (sources[a.source].label, a.parent) for a in ledger.attributions}


def test_inner_quote_is_the_inner_speakers_and_nested(analyze):
    led = analyze("Rosa Imbert finished fourth. “My trainer told me, ‘You will race again,’ and I held on "
                  "to that,” Imbert said.")
    rows = by_content(led)
    outer = next(a for a in led.attributions if a.parent is None)
    assert rows["You will race again"] == ("My trainer", outer.id)
    assert next(s for s in led.sources if s.id == outer.source).label == "Rosa Imbert"


def test_inner_quote_after_a_described_speaker(analyze):
    led = analyze("“When the surgeon said ‘it went well,’ I cried,” Omar Haddad said.")
    assert by_content(led)["it went well"][0] == "the surgeon"


def test_inner_quote_the_speaker_says_himself_stays_his(analyze):
    led = analyze("“I told them, ‘No more delays,’ and they listened,” Omar Haddad said.")
    assert [a.content.text for a in led.attributions] == ["I told them, ‘No more delays,’ and they listened"]


def test_a_role_in_a_quote_is_the_person_the_text_describes_by_it(analyze):
    led = analyze("“At the last turn my trainer told me, ‘You can still win this,’ and I went,” Ada Brook said.\n\n"
                  "Her trainer, Sam Oduya, said the plan had been to wait.")
    assert by_content(led)["You can still win this"][0] == "Sam Oduya"
