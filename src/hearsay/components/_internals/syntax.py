"""Dependency-tree questions several stages ask, answered once.

Each answer is a pure function of spaCy tokens, so a stage's own rules (who speaks a cue verb,
who is whose spouse) build on the same reading of the parse.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Optional

import numpy
from spacy.attrs import HEAD, SENT_START
from spacy.tokens import Doc, Token

VERB_POS = ("VERB", "AUX")
SUBJECT_DEPS = ("nsubj", "nsubjpass")


def subject_of(verb: Token) -> Optional[Token]:
    """The verb's own subject (active or passive), or None: no climbing to other clauses.
    Stages that follow control or coordination ("began dating", "who said") build on this."""
    return next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)


def head_indices(doc: Doc) -> list[int]:
    """Each token's head as a token index, read with ``Doc.to_array``: rules that only compare
    positions then need no Token object per word (each access to ``token.head`` makes two)."""
    if not len(doc):
        return []
    offsets = doc.to_array(HEAD).astype(numpy.uint64).view(numpy.int64)  # a signed offset stored unsigned
    return (numpy.arange(len(doc), dtype=numpy.int64) + offsets).tolist()


class Sentences:
    """A Doc's sentence boundaries as token indices, read once with ``Doc.to_array``.

    ``token.sent`` walks back and forth through the sentence and builds two Spans on every
    access (about 5 µs against 0.2 for the token itself); a rule that asks it for many tokens
    pays that each time. ``of(i)`` answers what ``doc[i].sent`` spans, by bisection."""

    def __init__(self, doc: Doc):
        self.n = len(doc)
        flags = doc.to_array(SENT_START).astype(numpy.uint64).view(numpy.int64) if self.n else []
        self.starts = numpy.flatnonzero(numpy.asarray(flags) == 1).tolist()
        if not self.starts or self.starts[0] != 0:
            self.starts.insert(0, 0)   # the first token begins a sentence whatever its flag says

    def of(self, i: int) -> tuple[int, int]:
        """(start, end) token range of the sentence holding token ``i``."""
        k = bisect_right(self.starts, i) - 1
        return self.starts[k], self.starts[k + 1] if k + 1 < len(self.starts) else self.n


def governing_verb(token: Token, limit: Optional[int] = 8, or_root: bool = False) -> Optional[Token]:
    """The nearest verb above ``token`` (the token itself counts only as the root). Without a
    verb within ``limit`` steps: None, or with ``or_root`` the sentence root whatever it is
    (a verbless headline still has a clause head)."""
    t, steps = token, 0
    while limit is None or steps < limit:
        steps += 1
        if t.pos_ in VERB_POS and t is not token:
            return t
        if t.head.i == t.i:   # the root (``t.head is t`` is never true: each access makes a new Token)
            return t if t.pos_ in VERB_POS or or_root else None
        t = t.head
    return None


def token_chars(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Character range of the tokens [start, end) (``end`` > ``start``), without the last
    token's trailing whitespace."""
    last = doc[end - 1]
    return doc[start].idx, last.idx + len(last)


def tokens_chars(tokens: list[Token]) -> tuple[int, int]:
    """Character range from the first to the end of the last of some tokens, in any order."""
    return min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens)
