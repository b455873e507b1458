"""Stage `hearsay_summary` — placeholder until the stage lands."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401


@Language.factory("hearsay_summary", requires=["doc._.hearsay_claims"], assigns=["doc._.hearsay_summary"])
def make_hearsay_summary(nlp: Language, name: str):
    return HearsaySummary()


class HearsaySummary:
    def __call__(self, doc: Doc) -> Doc:
        doc._.hearsay_summary = {}
        return doc
