"""Stage `hearsay_quotes` — placeholder until the stage lands: assigns empty results."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401


@Language.factory(
    "hearsay_quotes",
    requires=[],
    assigns=['doc._.hearsay_quotes'],
)
def make_hearsay_quotes(nlp: Language, name: str):
    return HearsayQuotes()


class HearsayQuotes:
    def __call__(self, doc: Doc) -> Doc:
        doc._.hearsay_quotes = []
        return doc
