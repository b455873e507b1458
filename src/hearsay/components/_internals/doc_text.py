"""The text of a Doc, joined once per Doc.

``Doc.text`` is not stored: spaCy joins every token's text on each access, which costs as much
as a pass over the article. Every stage works in character offsets into that text, so each used
to rebuild it (a dozen times per article). A Doc's text never changes after tokenisation (a
retokenizer merge or split keeps it), so one copy per Doc, dropped with the Doc, serves them all.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from spacy.tokens import Doc

_TEXTS: "WeakKeyDictionary[Doc, str]" = WeakKeyDictionary()


def doc_text(doc: Doc) -> str:
    """``doc.text``, built on the first call for this Doc and kept while the Doc lives."""
    text = _TEXTS.get(doc)
    if text is None:
        text = _TEXTS[doc] = doc.text
    return text
