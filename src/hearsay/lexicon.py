"""Lexicon data files (``lexicons/<lang>/<name>.json``) and their registered loader.

Word lists live in data files, never in code. Components receive a loader through their
config (``@misc = "hearsay.lexicon.v1"``) and call it when they are constructed. (Not in
``initialize()``: hearsay's stages are added to an already trained pipeline, and calling
``nlp.initialize()`` there would reset the trained weights.)
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Callable

from spacy.util import registry

from .errors import HearsayError

LexiconLoader = Callable[[str], dict]


@lru_cache(maxsize=None)
def load_lexicon(name: str, lang: str = "en") -> dict:
    """Parsed content of ``lexicons/<lang>/<name>.json`` (cached; treat as read-only)."""
    path = resources.files("hearsay") / "lexicons" / lang / f"{name}.json"
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise HearsayError(f"lexicon {lang}/{name}.json is missing from the hearsay package") from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise HearsayError(
            f"lexicon {lang}/{name}.json, line {exc.lineno}: not valid JSON ({exc.msg})"
        ) from exc
    data.pop("_comment", None)
    return data


@registry.misc("hearsay.lexicon.v1")
def make_lexicon_loader(lang: str = "en") -> LexiconLoader:
    def load(name: str) -> dict:
        return load_lexicon(name, lang)

    return load
