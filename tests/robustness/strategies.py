"""Hypothesis strategies for hostile articles: news-like sentences interleaved with every quote
glyph (nested and unbalanced), apostrophes, mixed line endings, right-to-left and zero-width
characters, astral-plane characters, NUL and very long tokens.

Importing this module also sets the budget: a bounded, derandomized run in CI (the same
examples every time), and a longer randomized one behind `make fuzz` (HYPOTHESIS_PROFILE=fuzz).
(Not a conftest.py: the suite's modules import the top-level conftest by name.)
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

WORDS = (
    "the mayor said council police bridge would reopen on Tuesday according to sources familiar "
    "with plan denied reports that she had resigned Rosalind Achebe Daniel Osei Eastport officials "
    "told reporters it is not true he added last year in March 2024 allegedly"
).split()
#: every quote mark the quote finder knows, and some it does not
QUOTES = ['"', "'", "“", "”", "‘", "’", "„", "«", "»", "‹", "›", "``", "''", "「", "」"]
PAIRS = [('"', '"'), ("“", "”"), ("‘", "’"), ("'", "'"), ("„", "“"), ("«", "»"), ("``", "''")]
APOSTROPHES = ["don’t", "it's", "’90s", "Travis’", "rock ’n’ roll", "O'Neill", "can't"]
BREAKS = ["\n", "\r\n", "\r", "\n\n", "\r\n\r\n", "\u2028", "\u2029", "\u0085", "\x0c"]
ODD = [
    "\u200b", "\u200c", "\u200d", "\ufeff", "\u202e", "\u202d", "\u200f", "\u2066", "\u2069",
    "שלום", "مرحبا", "😀", "👩‍👩‍👧", "𝔘𝔫𝔦", "\U0001f1fa\U0001f1f8", "\x00", "\x07", "\t", "\u00a0",
    "e\u0301", "\ufffd",
]

settings.register_profile(
    "ci",
    max_examples=25,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)
settings.register_profile(
    "fuzz",
    max_examples=int(os.environ.get("HEARSAY_FUZZ_EXAMPLES", "1000")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

word = st.sampled_from(WORDS)
sentence = st.lists(word, min_size=1, max_size=12).map(lambda ws: " ".join(ws).capitalize() + ".")
huge_token = st.builds(lambda ch, n: ch * n, st.sampled_from(["x", "9", "-", ".", "'", '"', "’", "ab"]), st.integers(200, 3000))


@st.composite
def quoted(draw, depth: int = 0):
    """A quotation, maybe with another nested inside, maybe missing its closing mark."""
    opener, closer = draw(st.sampled_from(PAIRS))
    inner = draw(sentence)
    if depth < 2 and draw(st.booleans()):
        inner = inner[:-1] + " " + draw(quoted(depth + 1))
    close = closer if draw(st.integers(0, 5)) else ""
    return f"{opener}{inner}{close}"


piece = st.one_of(
    sentence,
    sentence,
    quoted(),
    st.builds(lambda q, s, w: f"{q}, {s[:-1].lower()} {w}.", quoted(), st.sampled_from(["said", "told reporters", "added"]), word),
    st.sampled_from(APOSTROPHES),
    st.sampled_from(QUOTES),
    st.sampled_from(ODD),
    st.sampled_from(BREAKS),
    huge_token,
    st.text(min_size=1, max_size=8),
)


@st.composite
def articles(draw, max_pieces: int = 40) -> str:
    """An article: pieces joined by spaces or line breaks of any style."""
    parts = draw(st.lists(piece, min_size=0, max_size=max_pieces))
    out = []
    for p in parts:
        out.append(p)
        out.append(draw(st.sampled_from([" ", " ", " ", "\n\n", "\r\n", "\n", ""])))
    return "".join(out)
