"""Ledger → text. Renderers take Ledger objects and never import spaCy."""

from __future__ import annotations

from ..ledger import Ledger


def render(ledger: Ledger, fmt: str, *, first: bool = True) -> str:
    if fmt == "json":
        return ledger.to_json(indent=2) + "\n"
    if fmt == "jsonl":
        return ledger.to_json(indent=None) + "\n"
    if fmt == "md":
        from .markdown import to_markdown

        return ("" if first else "\n---\n\n") + to_markdown(ledger)
    if fmt == "table":
        from .terminal import to_text

        return ("" if first else "\n") + to_text(ledger, color=False)
    if fmt == "terminal":
        from .terminal import to_text

        return ("" if first else "\n") + to_text(ledger, color=True)
    raise ValueError(f"unknown format {fmt!r}")
