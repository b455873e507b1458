"""Stage `hearsay_hedging` — placeholder until the stage lands: assigns empty results."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401


@Language.factory(
    "hearsay_hedging",
    requires=[],
    assigns=['doc._.hearsay_hedges'],
)
def make_hearsay_hedging(nlp: Language, name: str):
    return HearsayHedging()


class HearsayHedging:
    def __call__(self, doc: Doc) -> Doc:
        doc._.hearsay_hedges = []
        return doc
