"""Stage `hearsay_quotes`: where the article quotes someone, found from the marks alone.

Attribution needs to know which characters are somebody's own words before it can decide
who said them, so quote spans are found first, on the raw text, with no parse. News text
mixes curly and straight marks, uses single marks both as quotes (headlines, nested quotes)
and as apostrophes (`don’t`, `’90s`, `Travis’ rep`), and runs long quotes over several
paragraphs with an opening mark on each and one closing mark at the end. A mark that cannot
be balanced becomes a warning and the scan carries on from the next paragraph, so one stray
mark never costs the rest of the article.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions
from ..errors import UNBALANCED_QUOTES
from ..extensions import QuoteRec
from ..lexicon import LexiconLoader, load_lexicon
from ._internals.doc_text import doc_text
from ._internals.layout import separates_by_blank_lines

DOUBLE_OPEN = "\u201c\u201e\u00ab"     # “ „ «
DOUBLE_CLOSE = "\u201d\u00bb"          # ” »
SINGLE_OPEN = "\u2018"                 # ‘
SINGLE_CLOSE = "\u2019"                # ’ (also the typographic apostrophe)
STRAIGHT_DOUBLE = '"'
STRAIGHT_SINGLE = "'"
#: characters after which a straight or ambiguous mark opens a quote
OPENING_CONTEXT = " \t\n\r([{\u2014\u2013-/:;,\u201c\u2018\"'"
#: the characters the scanner acts on (a line break ends a paragraph; the rest are marks)
MARKS = re.compile("[\n" + re.escape(DOUBLE_OPEN + DOUBLE_CLOSE + SINGLE_OPEN + SINGLE_CLOSE + STRAIGHT_DOUBLE + STRAIGHT_SINGLE) + "]")


def _line_of(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


def _is_word(ch: str) -> bool:
    return ch.isalnum()


class _Open:
    __slots__ = ("start", "kind", "paragraphs", "depth", "width")

    def __init__(self, start: int, kind: str, depth: int, width: int = 1):
        self.start = start
        self.kind = kind          # "curly" | "straight" | "single"
        self.paragraphs = 1
        self.depth = depth
        self.width = width        # 2 for the typewriter double quote ''...''  (two apostrophes)


def _paragraph_break(text: str, i: int) -> int | None:
    """If a paragraph ends at ``i`` (a newline), the index where the next paragraph starts."""
    j = i
    n = len(text)
    while j < n and text[j] in " \t\r\n":
        j += 1
    return j


def find_quotes(text: str, elisions: frozenset[str] | None = None) -> tuple[list[QuoteRec], list[str]]:
    """Quote spans in ``text`` (outermost and nested, in order of opening) and warnings.

    One left-to-right pass keeps a stack of open quotes. Double marks (curly or straight)
    open and close depth-0 quotes; single marks are quotes only when they stand where a
    quote mark can (an opening one after a space or bracket and before a word, a closing
    one after a word and before a space or punctuation, with a single quote open) and are
    apostrophes otherwise.

    Long on purpose: it is one character-level state machine over the stack of open quotes;
    its branches share that state and are read best together.
    """
    if elisions is None:
        elisions = default_elisions()
    quotes: list[QuoteRec] = []
    warnings: list[str] = []
    stack: list[_Open] = []
    blank_lines = separates_by_blank_lines(text)
    n = len(text)
    i = 0

    def close(op: _Open, end: int, width: int = 1) -> None:
        if op.kind == "single" and end - op.start - 1 < 2:
            return  # rock 'n' roll: an elision, not a quote
        quotes.append(
            QuoteRec(
                start=op.start,
                end=end + width,
                content_start=op.start + op.width,
                content_end=end,
                marks=op.kind,
                paragraphs=op.paragraphs,
                depth=op.depth,
            )
        )

    def unbalanced(pos: int) -> None:
        warnings.append(UNBALANCED_QUOTES.format(pos=pos, line=_line_of(text, pos)))

    def double_open() -> _Open | None:
        for op in reversed(stack):
            if op.kind in ("curly", "straight"):
                return op
        return None

    while i < n:
        # only line breaks and quote marks move the machine: jump over every other character
        mark = MARKS.search(text, i)
        if mark is None:
            break
        i = mark.start()
        ch = text[i]
        prev = text[i - 1] if i > 0 else " "
        nxt = text[i + 1] if i + 1 < n else " "

        if ch == "\n" and blank_lines and "\n" not in text[i + 1: _paragraph_break(text, i)]:
            i += 1   # a line wrapped inside a paragraph (the text separates paragraphs by blank lines)
            continue
        if ch == "\n":
            # a paragraph ends: a quote still open continues only if the next paragraph
            # re-opens it with the same kind of mark (the multi-paragraph convention)
            j = _paragraph_break(text, i)
            if stack:
                outer = stack[0]
                reopen = j < n and (
                    (outer.kind == "curly" and text[j] in DOUBLE_OPEN)
                    or (outer.kind == "straight" and text[j] == STRAIGHT_DOUBLE)
                    or (outer.kind == "single" and text[j] in SINGLE_OPEN + STRAIGHT_SINGLE)
                )
                # nested quotes never run over a paragraph
                for op in stack[1:]:
                    unbalanced(op.start)
                del stack[1:]
                if reopen:
                    outer.paragraphs += 1
                    i = j + 1
                    continue
                unbalanced(outer.start)
                stack.clear()
            i = j
            continue

        if ch == "\u201c" and (op := double_open()) is not None and text[op.start] == "\u201e":
            # German style „…“: the high mark closes a low opening one
            while stack and stack[-1] is not op:
                unbalanced(stack.pop().start)
            stack.pop()
            close(op, i)
        elif ch in DOUBLE_OPEN:
            if double_open() is None:
                stack.append(_Open(i, "curly", len(stack)))
            else:
                unbalanced(i)
        elif ch in DOUBLE_CLOSE:
            op = double_open()
            if op is None:
                unbalanced(i)
            else:
                while stack and stack[-1] is not op:
                    unbalanced(stack.pop().start)
                stack.pop()
                close(op, i)
        elif ch == STRAIGHT_DOUBLE or (ch == STRAIGHT_SINGLE and nxt == STRAIGHT_SINGLE):
            # '' (two apostrophes) is the typewriter double quote of some wire archives
            width = 1 if ch == STRAIGHT_DOUBLE else 2
            after = text[i + width] if i + width < n else " "
            op = double_open()
            opening_place = prev in OPENING_CONTEXT and not after.isspace()
            if op is not None and op.width == width and (op.kind == "straight" or not opening_place):
                while stack and stack[-1] is not op:
                    unbalanced(stack.pop().start)
                stack.pop()
                close(op, i, width)
            elif op is None or opening_place:
                stack.append(_Open(i, "straight", len(stack), width))
            else:
                unbalanced(i)
            i += width
            continue
        elif ch in SINGLE_OPEN or ch in SINGLE_CLOSE or ch == STRAIGHT_SINGLE:
            single_open = stack and stack[-1].kind == "single"
            word_before = _is_word(prev)
            word_after = _is_word(nxt)
            if word_before and word_after:
                pass  # don't, it's, O'Brien: apostrophe
            elif ch != SINGLE_OPEN and nxt.isdigit() and not word_before:
                pass  # ’90s, '08: elided century
            elif not word_before and _word_at(text, i + 1).lower() in elisions:
                pass  # ‘tis, ’em, 'til: an elision
            elif single_open and word_before or (single_open and prev in ".,!?;:\u2026" and not word_after):
                close(stack.pop(), i)
            elif (
                ch != SINGLE_CLOSE or prev in "\u201c\"("
            ) and prev in OPENING_CONTEXT and (word_after or nxt in "\u201c\"") and not single_open:
                # an opening single mark: ‘ anywhere it can open, ' after a space before a word
                if ch == STRAIGHT_SINGLE and not _closing_single_ahead(text, i):
                    pass  # 'em, 'til: a leading elision, no quote closes it
                else:
                    stack.append(_Open(i, "single", len(stack)))
            # anything else (Travis’ rep with no single quote open, a stray ’) is an apostrophe
        i += 1

    for op in stack:
        unbalanced(op.start)
    quotes.sort(key=lambda q: (q["start"], q["depth"]))
    return quotes, warnings


def _word_at(text: str, i: int) -> str:
    j = i
    while j < len(text) and text[j].isalpha():
        j += 1
    return text[i:j]


@lru_cache(maxsize=1)
def default_elisions() -> frozenset[str]:
    return frozenset(load_lexicon("quotes")["elisions"])


def _closing_single_ahead(text: str, i: int) -> bool:
    """Whether a straight single quote opened at ``i`` is closed before its paragraph ends."""
    end = text.find("\n", i)
    end = len(text) if end < 0 else end
    j = i + 1
    while True:
        j = text.find("'", j, end)
        if j < 0:
            return False
        before = text[j - 1]
        after = text[j + 1] if j + 1 < len(text) else " "
        if not _is_word(after) and (_is_word(before) or before in ".,!?"):
            return True
        j += 1


@Language.factory(
    "hearsay_quotes",
    requires=[],
    assigns=["doc._.hearsay_quotes"],
    default_config={"lexicons": {"@misc": "hearsay.lexicon.v1"}},
)
def make_hearsay_quotes(nlp: Language, name: str, lexicons: LexiconLoader):
    return HearsayQuotes(frozenset(lexicons("quotes")["elisions"]))


class HearsayQuotes:
    def __init__(self, elisions: frozenset[str]):
        self.elisions = elisions

    def __call__(self, doc: Doc) -> Doc:
        quotes, warnings = find_quotes(doc_text(doc), self.elisions)
        doc._.hearsay_quotes = quotes
        for message in warnings:
            extensions.warn(doc, message)
        return doc
