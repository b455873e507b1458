"""Stage `hearsay_temporal` — placeholder until the stage lands: assigns empty results."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401


@Language.factory(
    "hearsay_temporal",
    requires=[],
    assigns=['doc._.hearsay_times', 'doc._.hearsay_reference'],
)
def make_hearsay_temporal(nlp: Language, name: str):
    return HearsayTemporal()


class HearsayTemporal:
    def __call__(self, doc: Doc) -> Doc:
        doc._.hearsay_times = []
        doc._.hearsay_reference = {}
        return doc
