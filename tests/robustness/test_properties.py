"""Properties every ledger keeps, whatever the article: analysis never raises (strict failure
policy: a stage that fails fails the test, rather than leaving a warning and an emptier ledger),
every span is exact, the JSON validates against the schema, and the same text gives the same
ledger."""

from __future__ import annotations

import json

import jsonschema
import pytest
from hypothesis import given

import hearsay
from hearsay.ingest import iter_articles
from hearsay.ledger import json_schema

from strategies import articles

SCHEMA = json_schema()
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def check_ledger(ledger) -> None:
    text = ledger.document.text
    for span in ledger.iter_spans():
        assert 0 <= span.start <= span.end <= len(text), span
        assert text[span.start : span.end] == span.text, span
    VALIDATOR.validate(json.loads(ledger.to_json(indent=None)))


@given(articles())
def test_any_article_gives_an_exact_valid_deterministic_ledger(nlp, text):
    first = hearsay.analyze(text, published="2024-03-14", nlp=nlp, on_failure="strict")
    assert first.document.text == text
    check_ledger(first)
    again = hearsay.analyze(text, published="2024-03-14", nlp=nlp, on_failure="strict")
    assert again.to_json(indent=None) == first.to_json(indent=None)


@given(articles(max_pieces=12))
def test_any_article_survives_every_input_format(nlp, text):
    """The same text as a file, a JSON record and a JSONL line: read back exactly (JSONL splits
    only at \\n, which JSON escapes), and analysed without an exception."""
    record = json.dumps({"text": text}, ensure_ascii=False)
    for data, name in ((record.encode(), "a.json"), (((record + "\n") * 2).encode(), "a.jsonl")):
        items = list(iter_articles(data, name))
        assert items and all(item.text == text for item in items), items
    (article,) = list(iter_articles(record.encode(), "a.json"))
    check_ledger(hearsay.analyze_article(article, nlp=nlp, on_failure="strict"))


@pytest.mark.parametrize(
    "text",
    [
        '"' * 5000,
        "“" * 3000 + "”" * 3000,
        "'" * 4000 + " said the mayor.",
        "\x00" * 100 + "The mayor said so.",
        "The mayor said \u202e“it will reopen”\u202c on Tuesday.\r\nPolice\u2028said\u2029no.",
        "x" * 50_000,
    ],
)
def test_pathological_texts(nlp, text):
    ledger = hearsay.analyze(text, published="2024-03-14", nlp=nlp, on_failure="strict")
    assert ledger.document.text == text
    check_ledger(ledger)
