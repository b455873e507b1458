"""Stage `hearsay_attribution` — placeholder until the stage lands: assigns empty results."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401


@Language.factory(
    "hearsay_attribution",
    requires=['doc._.hearsay_quotes', 'doc._.hearsay_entities'],
    assigns=['doc._.hearsay_sources', 'doc._.hearsay_attributions', 'doc._.hearsay_no_comment'],
)
def make_hearsay_attribution(nlp: Language, name: str):
    return HearsayAttribution()


class HearsayAttribution:
    def __call__(self, doc: Doc) -> Doc:
        doc._.hearsay_sources = []
        doc._.hearsay_attributions = []
        doc._.hearsay_no_comment = []
        return doc
