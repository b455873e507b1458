"""A sentence never runs across a blank line: headlines stay apart from the lede."""

from __future__ import annotations


def test_headline_without_punctuation_is_its_own_sentence(nlp):
    doc = nlp("Mayor quits after ferry scandal, officials say\n\nThe mayor of Eastport resigned on Tuesday.")
    sents = [s.text.strip() for s in doc.sents]
    assert sents[0] == "Mayor quits after ferry scandal, officials say"
    assert sents[-1] == "The mayor of Eastport resigned on Tuesday."


def test_single_line_breaks_inside_a_paragraph_are_left_to_the_parser(nlp):
    doc = nlp("The council met on Monday\nand voted to close the harbor.")
    assert len(list(doc.sents)) == 1
