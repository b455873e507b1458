"""hearsay: who says so, on whose word, how firmly, about whom, and when.

``hearsay.analyze(text, published="2023-08-16")`` returns the article's claim ledger.
Importing this package loads nothing heavy: each name below is handed on from the module that
defines it (``analysis``, ``pipeline``, ``ledger``) on first use.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .analysis import analyze, analyze_article, analyze_many
    from .ledger import Ledger
    from .pipeline import load_pipeline

#: public name -> the module that defines it
_HOMES = {
    "analyze": "analysis",
    "analyze_article": "analysis",
    "analyze_many": "analysis",
    "load_pipeline": "pipeline",
    "Ledger": "ledger",
}

__all__ = [*_HOMES, "__version__"]


def __getattr__(name: str):
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'hearsay' has no attribute {name!r}")
    return getattr(import_module(f".{home}", __name__), name)
