"""Pathological inputs are neutralised without changing a character: quote-mark runs are
tokenized one mark per token (linear, not quadratic), long texts are parsed piece by piece."""

from __future__ import annotations

import hearsay
from hearsay.pipeline import PUNCT_RUN_CHARS, make_doc


def test_punctuation_runs_become_one_token_per_mark_and_keep_the_text(nlp):
    run = '"' * 5000
    text = f"The mayor said {run} and left.\n\n“¡¿" + "—" * 200 + "”"
    doc = make_doc(nlp, text)
    assert doc.text == text
    assert sum(1 for t in doc if t.text == '"') == 5000
    assert sum(1 for t in doc if t.text == "—") == 200
    assert [t.text for t in doc[:3]] == ["The", "mayor", "said"]


def test_short_punctuation_is_tokenized_as_spacy_does(nlp):
    text = 'He said: "No!" -- and then... "Never?!" ' + "-" * (PUNCT_RUN_CHARS - 1)
    assert [t.text for t in make_doc(nlp, text)] == [t.text for t in nlp.make_doc(text)]


def test_a_long_run_of_quote_marks_is_analysed_with_exact_spans(analyze):
    text = "Officials said the bridge would reopen.\n\n" + '"' * 30_000 + "\n\nThe mayor said it was safe."
    ledger = analyze(text, published="2024-03-14")
    assert ledger.document.text == text
    assert any("safe" in c.span.text for c in ledger.claims)


def test_a_long_article_parsed_in_pieces_keeps_every_offset(analyze):
    from hearsay.pipeline import CHUNK_CHARS

    para = 'The council said on Tuesday that the harbor would reopen. "It is safe," the mayor said.\n\n'
    text = para * (2 * CHUNK_CHARS // len(para) + 3)
    ledger = analyze(text, published="2024-03-14")
    assert len(text) > 2 * CHUNK_CHARS and ledger.document.text == text
    said = [a for a in ledger.attributions if a.cue and a.cue.text == "said"]
    assert len(said) >= 2 * (len(text) // len(para))
    assert said[-1].cue.start > 2 * CHUNK_CHARS   # the last piece was analysed too


def test_ledger_size_grows_with_the_article_not_its_square(nlp):
    """The same story twice as long gives about twice the records: no pairwise output (a denial
    of "the report" disputes the latest report so named, not every earlier one)."""
    from hearsay.scaling import make_text

    def size(n):
        ledger = hearsay.analyze(make_text("prose", n), published="2024-03-14", nlp=nlp, on_failure="strict")
        return len(ledger.checks), sum(len(c.disputed_by) for c in ledger.claims), len(ledger.to_json(indent=None))

    small, large = size(20_000), size(40_000)
    for a, b in zip(small, large):
        assert b <= 2.3 * max(a, 1), (small, large)


def test_pieces_are_joined_exactly_as_spacy_joins_them(nlp):
    """``join_docs`` streams the pieces instead of holding them all; what it builds must be the
    Doc ``Doc.from_docs`` builds: same words, spaces, tags, lemmas, parse, sentences and entities."""
    from spacy.tokens import Doc

    from hearsay.pipeline import chunks, join_docs, own_stages

    text = ("Mayor Ana Ruiz said on Monday that the bridge will reopen in May. “It is safe,” "
            "she told reporters in Lisbon.\n\nThe council, which met late, denied the reports. ") * 40
    with nlp.select_pipes(disable=own_stages(nlp)):
        pieces = [nlp(make_doc(nlp, p)) for p in chunks(text, size=900)]
    assert len(pieces) > 5
    expected = Doc.from_docs(pieces, ensure_whitespace=False, exclude=["tensor"])
    joined = join_docs(nlp.vocab, iter(pieces))
    attrs = list(Doc._get_array_attrs())
    assert joined.text == expected.text == text
    assert (joined.to_array(attrs) == expected.to_array(attrs)).all()
    assert [(s.start, s.end) for s in joined.sents] == [(s.start, s.end) for s in expected.sents]
    assert [(e.start, e.end, e.label_) for e in joined.ents] == [
        (e.start, e.end, e.label_) for e in expected.ents]
