"""The seven kinds of source a ledger knows, defined once: the ledger's schema, the summary,
the HTML page and the terminal table all read their names and words from here.

Order matters: it is the order of ``SourceKind`` in the JSON Schema (``docs/ledger.schema.json``).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SourceKindInfo:
    name: str
    label: str        # how a reader should take it, in full ("unnamed reports")
    word: str         # the short word where space is tight (timeline, claim labels)
    mark_class: str   # the page's marking group: kinds a reader must tell apart at a glance
    style: str        # terminal colour
    phrase: str       # in a sentence ("the headline claim rests on an anonymous source")
    unnamed: bool     # no one is named behind it: the summary's warnings count these


SOURCE_KINDS: dict[str, SourceKindInfo] = {k.name: k for k in (
    SourceKindInfo("person", "named person", "named", "named", "bold green", "a named person", False),
    SourceKindInfo("organization", "organization", "named org", "named", "bold cyan", "an organization", False),
    SourceKindInfo("outlet", "outlet", "outlet", "outlet-document", "bold blue", "an outlet", False),
    SourceKindInfo("anonymous", "anonymous", "anonymous", "anonymous", "bold red", "an anonymous source", True),
    SourceKindInfo("reports", "unnamed reports", "reports", "reports", "bold magenta", "unnamed reports", True),
    SourceKindInfo("document", "document", "document", "outlet-document", "bold yellow", "a document", False),
    SourceKindInfo("author", "the author (narration)", "author", "author", "bold white", "the author", False),
)}

KIND_NAMES: tuple[str, ...] = tuple(SOURCE_KINDS)
UNNAMED_KINDS: tuple[str, ...] = tuple(name for name, info in SOURCE_KINDS.items() if info.unnamed)


def kind_table(field: str) -> dict[str, str]:
    """kind name -> one field of its description (e.g. ``kind_table("word")``)."""
    return {name: getattr(info, field) for name, info in SOURCE_KINDS.items()}
