"""Stage `hearsay_checks` — placeholder until the stage lands: assigns empty results."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401


@Language.factory(
    "hearsay_checks",
    requires=['doc._.hearsay_claims', 'doc._.hearsay_relations', 'doc._.hearsay_times'],
    assigns=['doc._.hearsay_checks'],
)
def make_hearsay_checks(nlp: Language, name: str):
    return HearsayChecks()


class HearsayChecks:
    def __call__(self, doc: Doc) -> Doc:
        doc._.hearsay_checks = []
        return doc
