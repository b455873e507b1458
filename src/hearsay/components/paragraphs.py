"""Stage `hearsay_paragraphs`, placed before the parser: a sentence never runs across a blank line.

News text puts headlines, datelines and credit lines on lines of their own, without final
punctuation; left alone, the parser glues them to the next sentence ("… people familiar say
Corvid Analytics, the Austin-based maker …"), and a claim would span the headline and the lede.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


def paragraph_starts(doc: Doc) -> list[int]:
    """Indices of the first token after each whitespace token holding a blank line."""
    starts = []
    for tok in doc[:-1]:
        if tok.is_space and tok.text.count("\n") >= 2:
            starts.append(tok.i + 1)
    return starts


@Language.factory("hearsay_paragraphs", assigns=["token.is_sent_start"])
def make_hearsay_paragraphs(nlp: Language, name: str):
    return HearsayParagraphs()


class HearsayParagraphs:
    def __call__(self, doc: Doc) -> Doc:
        for i in paragraph_starts(doc):
            doc[i].is_sent_start = True
        return doc
