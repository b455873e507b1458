"""Reported questions assert nothing, and an aside about the subject of "is said to" is the
article's, not the reports'."""

from __future__ import annotations

import pytest


def contents(ledger):
    return [a.content.text for a in ledger.attributions]


@pytest.mark.parametrize("text", [
    "Residents asked whether the reservoir was safe to swim in.",
    "The auditor asked the treasurer how much the renovation had cost.",
    "Several parents wondered why the school had closed early.",
    "The union would not say how many members had voted.",
    "The novelist spoke with the Herald about what she would write next.",
])
def test_a_question_put_or_left_open_reports_nothing(analyze, text):
    assert contents(analyze(text)) == []


def test_a_question_about_something_still_names_its_topic(analyze):
    assert contents(analyze("The panel asked the coach about the injury.")) == ["about the injury"]


def test_is_said_to_leaves_the_subjects_aside_out(analyze):
    led = analyze("The bakery chain, which did not return calls, is said to be closing four stores.")
    [att] = led.attributions
    assert att.content.text == "be closing four stores"
    assert led.document.text[att.cue.start:att.cue.end] == "is said to"


def test_is_said_to_without_an_aside_keeps_the_whole_clause(analyze):
    led = analyze("The goalkeeper is said to be unhappy with his contract.")
    assert contents(led) == ["The goalkeeper is said to be unhappy with his contract"]
