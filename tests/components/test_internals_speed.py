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


def _matcher_reference(nlp, doc):
    """What the hedge stage's former single token Matcher (lemma and "seen" patterns) plus its
    phrase matcher found: the reference the column lookup must reproduce."""
    from spacy.matcher import Matcher

    from hearsay.components.hedging import KINDS, SEEN_AUX
    from hearsay.lexicon import load_lexicon

    lexicon = load_lexicon("hedges")
    matcher = Matcher(nlp.vocab)
    for kind in KINDS:
        lemmas = lexicon.get(kind, {}).get("lemmas", [])
        if lemmas:
            matcher.add(kind, [[{"LEMMA": {"IN": lemmas}, "POS": {"IN": ["VERB", "ADJ"]}}]])
    seen = lexicon.get("appearance", {}).get("seen", [])
    matcher.add("appearance", [[{"LEMMA": {"IN": sorted(SEEN_AUX)}}, {"POS": "ADV", "OP": "*"},
                                {"LOWER": {"IN": seen}}, {"TAG": "VBG"}]])
    finder = nlp.get_pipe("hearsay_hedging").finder
    found = [(nlp.vocab.strings[m], s, e) for m, s, e in matcher(doc)]
    found += [(nlp.vocab.strings[m], s, e) for m, s, e in finder.phrases(doc)]
    return sorted(found)


def test_hedge_candidates_from_token_columns_equal_the_matcher_s(nlp):
    texts = [
        "Prosecutors allege that the treasurer moved the funds, and the alleged transfers were large.",
        "The pair were even seen kissing outside the cafe; later she was spotted leaving alone.",
        "He reportedly may resign, officials said, though it appears unlikely and nobody was seen.",
        "The allegation was denied. Allegedly, the mayor had been photographed dining with donors.",
        "",
    ]
    finder = nlp.get_pipe("hearsay_hedging").finder
    for text in texts:
        doc = nlp(text)
        assert sorted(finder.matches(doc)) == _matcher_reference(nlp, doc), text
    doc = nlp(texts[0] + " " + texts[1])
    assert any(k == "allegation" and e - s == 1 for k, s, e in finder.matches(doc))
    assert any(k == "appearance" and e - s >= 3 for k, s, e in finder.matches(doc))


def test_turned_ages_found_from_the_lemma_column(nlp):
    """turned_ages picks its candidates from the lemma column; it still finds a birthday
    reached and nothing in another use of the verb (the group-member descriptors' column
    check is covered by test_attribution's "the Democrat" speaker)."""
    from hearsay.components.mentions.ages import turned_ages

    doc = nlp("Ms. Okafor, who turned 52 on Sunday, thanked the Democrat who had introduced her.")
    [(subj, age, num)] = turned_ages(doc, "2025-05-01")
    assert age == 52 and doc[num].text == "52"
    assert turned_ages(nlp("The crowd turned away."), None) == []
    assert turned_ages(nlp(""), None) == []
