"""Token -> entity: which of the mentions stage's entities each token belongs to.

The mentions stage stores entities with character offsets (so records survive any
tokenisation); rules that walk the parse need the same facts per token. ``TokenEntities``
builds that map once per doc; a stage with its own lookups (relations' pronouns, couples and
topics) extends it rather than building a second map.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .doc_text import doc_text


def pair_named_together(text: str, names: list[tuple[int, int, str]], types: dict[str, str],
                        both_of: tuple[str, ...] | None = None) -> tuple[int, int] | None:
    """Which two of ``names`` (name mentions (start, end, entity id) in text order, all before
    the point asking) are the last pair named together as "X and Y" in one stretch of a
    sentence, at least one a person: whom "the couple" or "the pair" refers back to. With
    ``both_of``, both must be of those types instead (two organisations, whom "the two
    companies said" refers back to). Returns their positions in ``names``, or None when no
    two are. Both the sources stage ("the couple said") and the relations stage ("the couple
    have two children") read this."""
    for k in range(len(names) - 1, 0, -1):
        (s1, e1, a), (s2, e2, b) = names[k - 1], names[k]
        between = text[e1:s2]
        found = (types.get(a), types.get(b))
        fits = "PERSON" in found if both_of is None else all(t in both_of for t in found)
        if a != b and e1 <= s2 and " and " in between and len(between) < 40 \
                and fits and not any(p in between for p in ".!?\n"):
            return k - 1, k
    return None


class TokenEntities:
    """Token index -> entity ids and mention kinds, each entity's first token and mention starts."""

    def __init__(self, doc: Doc, entities: list[dict]):
        self.doc = doc
        self.text = doc_text(doc)
        self.entities = {e["id"]: e for e in entities}
        self.tok: dict[int, list[str]] = {}     # token index -> entity ids (sparse: most tokens name no one)
        self.kinds: dict[int, set[str]] = {}    # token index -> mention kinds covering it
        self.named: dict[int, set[str]] = {}    # token index -> entities whose proper name covers it
        self.first: dict[str, int] = {}
        self.positions: dict[str, list[int]] = {}
        for ent in entities:
            for m in ent.get("mentions", []):
                span = doc.char_span(int(m["start"]), int(m["end"]), alignment_mode="expand")
                if span is None:
                    continue
                for i in range(span.start, span.end):   # indices only: no Token object per word
                    ids = self.tok.setdefault(i, [])
                    if ent["id"] not in ids:
                        ids.append(ent["id"])
                    self.kinds.setdefault(i, set()).add(m.get("kind") or "name")
                    if (m.get("kind") or "name") == "name":
                        self.named.setdefault(i, set()).add(ent["id"])
                self.positions.setdefault(ent["id"], []).append(span.start)
                self.first[ent["id"]] = min(self.first.get(ent["id"], span.start), span.start)
        for pos in self.positions.values():
            pos.sort()

    def type_of(self, eid: str) -> str:
        return self.entities[eid].get("type", "")

    def ents(self, token: Token, types: tuple[str, ...] | None = None) -> list[str]:
        found = self.tok.get(token.i, [])
        if types is not None:
            found = [e for e in found if self.type_of(e) in types]
        return found

    def is_name(self, i: int, eid: str | None = None) -> bool:
        """Whether token ``i`` is inside a proper-name mention (of ``eid`` when given)."""
        return "name" in self.kinds.get(i, ()) and (eid is None or eid in self.tok[i])

    def one(self, token: Token, types: tuple[str, ...] | None = None) -> str | None:
        """The entity a token stands for; where mentions overlap ("Wells" inside the descriptor
        "Wells's mother" of Denise Wells), the one whose proper name it is."""
        found = self.ents(token, types)
        if len(found) > 1:
            found = [e for e in found if e in self.named.get(token.i, ())]
        return found[0] if len(found) == 1 else None
