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
from .lexicon_schemas import problems

LexiconLoader = Callable[[str], dict]  # name -> Lexicon


class LexiconKeyError(HearsayError, KeyError):
    """Code asked a lexicon for a key its file does not have."""

    def __str__(self) -> str:  # KeyError would quote the whole message
        return str(self.args[0])


class Lexicon(dict):
    """A lexicon's content (treat as read-only); a key it lacks fails naming key and file."""

    def __init__(self, data: dict, where: str):
        super().__init__(data)
        self.where = where

    def __missing__(self, key):
        raise LexiconKeyError(f"lexicon {self.where} has no key {key!r}")


@lru_cache(maxsize=None)
def load_lexicon(name: str, lang: str = "en") -> Lexicon:
    """Parsed content of ``lexicons/<lang>/<name>.json``, checked against its schema
    (``lexicon_schemas.py``; cached, treat as read-only)."""
    where = f"{lang}/{name}.json"
    path = resources.files("hearsay") / "lexicons" / lang / f"{name}.json"
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise HearsayError(f"lexicon {where} is missing from the hearsay package") from exc
    return parse_lexicon(text, name, where)


def parse_lexicon(text: str, name: str, where: str) -> Lexicon:
    """A lexicon file's text, parsed and checked against the schema of lexicon ``name``."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise HearsayError(f"lexicon {where}, line {exc.lineno}: not valid JSON ({exc.msg})") from exc
    if not isinstance(data, dict):
        raise HearsayError(f"lexicon {where}: expected a JSON object of named lists")
    wrong = problems(name, data)
    if wrong:
        raise HearsayError(f"lexicon {where}: " + "; ".join(wrong))
    data.pop("_comment", None)
    return Lexicon(data, where)


@registry.misc("hearsay.lexicon.v1")
def make_lexicon_loader(lang: str = "en") -> LexiconLoader:
    def load(name: str) -> dict:
        return load_lexicon(name, lang)

    return load
