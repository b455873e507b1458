"""Stage `hearsay_mentions` — placeholder until the stage lands: assigns empty results."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401


@Language.factory(
    "hearsay_mentions",
    requires=[],
    assigns=['doc._.hearsay_entities'],
)
def make_hearsay_mentions(nlp: Language, name: str):
    return HearsayMentions()


class HearsayMentions:
    def __call__(self, doc: Doc) -> Doc:
        doc._.hearsay_entities = []
        return doc
