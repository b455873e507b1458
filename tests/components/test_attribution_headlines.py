"""A headline's attribution counts once: dropped when the body credits the same voice, kept
when the body states the claim as plain narration."""

from __future__ import annotations


def test_a_headline_voice_the_body_never_cites_is_kept(analyze):
    led = analyze("Singer Cole Avery to leave the band, sources say\n\nCole Avery is leaving the band after ten years.")
    [att] = led.attributions
    assert att.content.text == "Singer Cole Avery to leave the band"
    assert next(s for s in led.sources if s.id == att.source).kind == "anonymous"


def test_a_headline_voice_the_body_names_by_its_head_noun_is_dropped(analyze):
    led = analyze("Bridge to close for repairs, officials say\n\n"
                  "Transport officials in Linden County said the bridge would close on Monday.")
    assert [a.content.text for a in led.attributions] == ["the bridge would close on Monday"]
