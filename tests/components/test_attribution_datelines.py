"""A wire dateline ("PORTLAND, Ore. (AP) —") is where a story was filed: never a speaker, never
part of a claim."""

from __future__ import annotations

import pytest

from hearsay.components._internals.layout import dateline_length


@pytest.mark.parametrize("text, dateline", [
    ("OSLO — The council met.", "OSLO — "),
    ("TULSA, Okla. (AP) — A judge ruled.", "TULSA, Okla. (AP) — "),
    ("ST. PAUL, Minn. (Reuters) - Police said.", "ST. PAUL, Minn. (Reuters) - "),
    ("The council met on Monday - briefly.", ""),
    ("US officials said so.", ""),
])
def test_dateline_length(text, dateline):
    assert text[: dateline_length(text, 0)] == dateline


def test_a_dateline_only_opens_a_paragraph():
    text = "Intro line.\nOSLO — The council met."
    assert dateline_length(text, 4) == 0 and dateline_length(text, 12) == len("OSLO — ")


def test_the_dateline_word_is_not_the_speaker(analyze):
    led = analyze("OSLO — “We are ready,” the minister told reporters.")
    [att] = led.attributions
    assert next(s for s in led.sources if s.id == att.source).label == "the minister"


def test_the_dateline_is_not_part_of_the_content(analyze):
    led = analyze("TULSA, Okla. (AP) — The bridge will reopen on Friday, officials said.")
    assert [a.content.text for a in led.attributions] == ["The bridge will reopen on Friday"]
