"""Per-token attributes read once per doc.

Creating a spaCy ``Token`` object costs more than anything this stage does with it, and the
stage scans the doc several times (names, ages, pronouns, descriptors); reading the
attributes into plain lists once, through ``Doc.to_array``, keeps the stage a small fraction of
the model's own time.
"""

from __future__ import annotations

import numpy
from spacy.attrs import DEP, ENT_TYPE, HEAD, LOWER, ORTH, POS, TAG
from spacy.tokens import Doc


class TokenTable:
    __slots__ = ("text", "lower", "pos", "tag", "dep", "head", "ent")

    def __init__(self, doc: Doc):
        n = len(doc)
        if n == 0:
            self.text = self.lower = self.pos = self.tag = self.dep = self.head = self.ent = []
            return
        array = doc.to_array([ORTH, LOWER, POS, TAG, DEP, HEAD, ENT_TYPE])
        offsets = array[:, 5].view(numpy.int64).tolist()  # HEAD is a signed offset stored unsigned
        columns = array.tolist()
        strings = doc.vocab.strings
        cache: dict[int, str] = {}

        def name(value: int) -> str:
            text = cache.get(value)
            if text is None:
                text = strings[value] if value else ""
                cache[value] = text
            return text

        self.text = [strings[row[0]] for row in columns]
        self.lower = [strings[row[1]] for row in columns]
        self.pos = [name(row[2]) for row in columns]
        self.tag = [name(row[3]) for row in columns]
        self.dep = [name(row[4]) for row in columns]
        self.head = [i + offset for i, offset in enumerate(offsets)]
        self.ent = [name(row[6]) for row in columns]
