"""Indexes that stand in for slow spaCy accessors must answer exactly what those accessors do."""

from __future__ import annotations

from hearsay.components._internals.syntax import Sentences

TEXT = ("The council met on Monday. \"We will rebuild the pier,\" the mayor said, adding that funds "
        "were short.\n\nResidents were doubtful. One asked: will it last? Nobody knew.\nA vote follows in June.")


def test_sentences_answer_what_token_sent_does_for_every_token(nlp):
    doc = nlp(TEXT)
    sents = Sentences(doc)
    assert len(sents.starts) == len(list(doc.sents)) > 3
    for tok in doc:
        assert sents.of(tok.i) == (tok.sent.start, tok.sent.end)


def test_sentences_of_an_empty_doc_and_a_one_word_doc(nlp):
    assert Sentences(nlp("")).starts == [0]
    doc = nlp("Hello")
    assert Sentences(doc).of(0) == (0, 1) == (doc[0].sent.start, doc[0].sent.end)
