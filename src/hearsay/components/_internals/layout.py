"""Where each token sits: its sentence, its paragraph, and the quote around it.

Stages ask these questions of every token many times (salience decays per sentence and
paragraph, a speaker never speaks inside their own quote), so ``TokenLayout`` answers them
once per doc from the parse and the quotes stage's records.

Paragraphs: news text separates them by blank lines, or, where a text has no blank line at
all, by single line breaks (``separates_by_blank_lines``). For salience ``TokenLayout`` counts
every line break as a step, which keeps a headline or dateline line apart from the lede.
"""

from __future__ import annotations

import re

from spacy.attrs import IDX, ORTH
from spacy.tokens import Doc

#: a wire dateline opening a paragraph: "LONDON —", "PORTLAND, Ore. (AP) —", "NAIROBI, Kenya (Reuters) -"
_DATELINE = re.compile(r"[A-Z][A-Z.'\- ]*[A-Z.](?:, [A-Z][\w.'\- ]*)*(?: \([^()\n]{1,40}\))? ?(?:\u2014|\u2013|--|-) ?")


def dateline_length(text: str, start: int) -> int:
    """Characters of the dateline that opens a paragraph at ``start`` ("PORTLAND, Ore. (AP) —
    "), 0 when there is none: the place of filing, never a speaker or part of a claim."""
    if start > 0 and text[start - 1] != "\n":
        return 0
    m = _DATELINE.match(text, start, min(len(text), start + 80))
    return m.end() - start if m else 0


def separates_by_blank_lines(text: str) -> bool:
    """Whether the text's paragraphs are separated by blank lines (else by line breaks)."""
    return "\n\n" in text or "\n\r\n" in text


class TokenLayout:
    """Sentence, paragraph and quote position of every token (computed once per doc);
    ``in_quote`` marks tokens inside any quote's content."""

    def __init__(self, doc: Doc, quotes: list[dict] | None):
        n = len(doc)
        self.sent = [0] * n
        self.para = [0] * n
        self.in_quote = [False] * n
        #: per sentence: (first token, end token, root token)
        self.bounds: list[tuple[int, int, int]] = []
        for s_index, sent in enumerate(doc.sents):
            self.bounds.append((sent.start, sent.end, sent.root.i))
            for i in range(sent.start, sent.end):
                self.sent[i] = s_index
        # words as numbers (``Doc.to_array``), each distinct one decoded once: iterating the
        # Doc would build a Token object per word
        orths = doc.to_array(ORTH).tolist() if n else []
        breaks = {o for o in set(orths) if "\n" in doc.vocab.strings[o]}
        para = 0
        for i, orth in enumerate(orths):
            self.para[i] = para
            if orth in breaks:
                para += 1
        for quote in quotes or []:
            span = doc.char_span(quote["content_start"], quote["content_end"], alignment_mode="expand")
            if span is not None:
                for i in range(span.start, span.end):
                    self.in_quote[i] = True


def outer_quote_of_tokens(doc: Doc, quotes: list[dict]) -> list[int]:
    """For each token, the index in ``quotes`` (sorted, not nested) of the quote it lies in,
    its marks counted as inside; -1 outside every quote."""
    where = [-1] * len(doc)
    qi = 0
    # token starts as numbers (``Doc.to_array``): iterating the Doc would build a Token per word
    for i, idx in enumerate(doc.to_array(IDX).tolist() if len(doc) else []):
        while qi < len(quotes) and quotes[qi]["end"] <= idx:
            qi += 1
        if qi < len(quotes) and quotes[qi]["start"] <= idx < quotes[qi]["end"]:
            where[i] = qi
    return where
