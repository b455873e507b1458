"""Per-token attributes read once per doc.

Creating a spaCy ``Token`` object costs more than anything this stage does with it, and the
stage scans the doc several times (names, ages, pronouns, descriptors, paragraphs); reading the
attributes into plain lists once keeps the stage a small fraction of the model's own time.
"""

from __future__ import annotations

from spacy.tokens import Doc


class TokenTable:
    __slots__ = ("text", "lower", "pos", "tag", "dep", "head", "ent", "newline")

    def __init__(self, doc: Doc):
        self.text, self.lower, self.pos, self.tag, self.dep, self.head, self.ent, self.newline = (
            [], [], [], [], [], [], [], []
        )
        for t in doc:
            self.text.append(t.text)
            self.lower.append(t.lower_)
            self.pos.append(t.pos_)
            self.tag.append(t.tag_)
            self.dep.append(t.dep_)
            self.head.append(t.head.i)
            self.ent.append(t.ent_type_)
            self.newline.append("\n" in t.text_with_ws)
