"""Dependency-tree questions several stages ask, answered once.

Each answer is a pure function of spaCy tokens, so a stage's own rules (who speaks a cue verb,
who is whose spouse) build on the same reading of the parse.
"""

from __future__ import annotations

from typing import Optional

import numpy
from spacy.attrs import HEAD
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
