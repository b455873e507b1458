"""Stage `hearsay_claims` — placeholder until the stage lands: assigns empty results."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401


@Language.factory(
    "hearsay_claims",
    requires=['doc._.hearsay_attributions', 'doc._.hearsay_hedges', 'doc._.hearsay_times', 'doc._.hearsay_entities'],
    assigns=['doc._.hearsay_claims'],
)
def make_hearsay_claims(nlp: Language, name: str):
    return HearsayClaims()


class HearsayClaims:
    def __call__(self, doc: Doc) -> Doc:
        doc._.hearsay_claims = []
        return doc
