"""The answers of a Q&A are the interviewee's, never the interviewer's, however often the
introduction names the interviewer."""

from __future__ import annotations

import pytest

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


PUBLICATION_ASKS = (
    "Q&A: Ferryman Olwen Trask on the new timetable\n\n"
    "Olwen Trask has run the Dunmarrow ferry for twenty years. She spoke with the Millhaven Courier about the changes.\n\n"
    "Millhaven Courier: Your harbourmaster, Ivo Pennick, said last week that the night crossing will end. Is that right?\n"
    "Trask: It is, and I fought it. The last boat will leave at nine from March.\n\n"
    "Millhaven Courier: What will passengers do?\n"
    "Trask: Drive round by the bridge, which takes an hour.\n"
)


@pytest.mark.parametrize("paper", ["Millhaven Courier", "Harwick Clarion"])
def test_the_publications_question_turns_are_no_claims_and_relayed_claims_keep_their_speaker(analyze, paper):
    """An outlet-worded name ("Courier") or a name spaCy only calls an organisation: either
    way the publication puts the questions."""
    led = analyze(PUBLICATION_ASKS.replace("Millhaven Courier", paper))
    text = led.document.text
    label = {s.id: s.label for s in led.sources}
    rows = [(label[a.source], a.content.text) for a in led.attributions]
    # no turn of the interviewing publication, and no "Q&A:" headline speaker
    assert not any(paper in who or who == "Q&A" for who, _ in rows), rows
    assert not any(content.startswith(("What will", "Ferryman")) for _, content in rows), rows
    # the claim the question relays is the harbourmaster's, through "said" inside the question
    relayed = [who for who, content in rows if content.startswith("the night crossing will end")]
    assert relayed == ["Ivo Pennick"], rows
    assert any(who == "Olwen Trask" and content.startswith("It is, and I fought it") for who, content in rows), rows
    assert text  # spans checked by the fixture


def test_a_qa_headline_label_is_no_speaker(analyze):
    led = analyze("Q&A: Council member Ines Tallow on her bid for mayor\n\n"
                  "Ines Tallow has sat on the Brackmoor council since 2018. She spoke with the Brackmoor Clarion.\n")
    assert not any(s.label == "Q&A" for s in led.sources), [s.label for s in led.sources]
