"""Stage `hearsay_relations` — placeholder until the stage lands: assigns empty results."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401


@Language.factory(
    "hearsay_relations",
    requires=['doc._.hearsay_claims', 'doc._.hearsay_entities'],
    assigns=['doc._.hearsay_relations'],
)
def make_hearsay_relations(nlp: Language, name: str):
    return HearsayRelations()


class HearsayRelations:
    def __call__(self, doc: Doc) -> Doc:
        doc._.hearsay_relations = []
        return doc
