"""The answers of a Q&A are the interviewee's, never the interviewer's, however often the
introduction names the interviewer."""

from __future__ import annotations

INTERVIEW = (
    "Talking bees with beekeeper Ana Duarte\n\nBy Piet Brugman\n\n"
    "Piet Brugman, our features editor, visited Ana Duarte at her farm. Brugman asked about the hard winter, "
    "and Brugman asked about the hives.\n\n"
    "Q: How many hives did you lose?\nA: About a third of them, which is the worst year since I started.\n"
)


def test_answers_go_to_the_interviewee_not_the_byline_or_the_asker(analyze):
    led = analyze(INTERVIEW)
    answers = [a for a in led.attributions if led.document.text[a.cue.start:a.cue.end] == "A:"]
    assert len(answers) == 1
    assert next(s for s in led.sources if s.id == answers[0].source).label == "Ana Duarte"


TRANSCRIPT = (
    "Partial transcript as follows:\n\n"
    "\"HOST: Let us begin with the news about the debate. Will the guest sit in the front row?\n\n"
    "\"GOVERNOR: Well, the guest will not be attending the debate tomorrow night. The tweet was a joke.\"\n"
)


def test_transcript_turns_printed_as_quoted_paragraphs_are_the_labelled_speakers(analyze):
    led = analyze(TRANSCRIPT)
    text = led.document.text
    rows = [(next(s for s in led.sources if s.id == a.source).label, text[a.cue.start:a.cue.end], a.type, a.content.text)
            for a in led.attributions]
    assert rows == [
        ("HOST", ":", "direct", "Let us begin with the news about the debate. Will the guest sit in the front row?"),
        ("GOVERNOR", ":", "direct", "Well, the guest will not be attending the debate tomorrow night. The tweet was a joke."),
    ]
