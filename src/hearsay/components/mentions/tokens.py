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
        strings = doc.vocab.strings

        def column(k: int, empty_for_zero: bool = True) -> list[str]:
            # each distinct value decoded once and shared: a list of one Python row (or one new
            # str) per token would cost some 300 bytes a token, 70 MB for each MB of article
            values, inverse = numpy.unique(array[:, k], return_inverse=True)
            names = [strings[v] if v or not empty_for_zero else "" for v in values.tolist()]
            return [names[j] for j in inverse.tolist()]

        self.text = column(0, empty_for_zero=False)
        self.lower = column(1, empty_for_zero=False)
        self.pos = column(2)
        self.tag = column(3)
        self.dep = column(4)
        offsets = array[:, 5].view(numpy.int64)  # HEAD is a signed offset stored unsigned
        self.head = (numpy.arange(n, dtype=numpy.int64) + offsets).tolist()
        self.ent = column(6)
