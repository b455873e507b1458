"""Identity across articles: outlets by name variant, people and organisations by canonical name.

An outlet is named many ways ("the Velden Falls Sentinel", "the Sentinel", "WRVT-TV" for
"WRVT News 7") and often only by anaphora ("the website said"). Every form is reduced to one
canonical outlet so that citations, channels and self-citations can be told apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from .items import TraceItem
from .words import fold, lexicon


_WORD = re.compile(r"[\w&'-]+")


@dataclass(frozen=True)
class OutletMention:
    outlet: str  # canonical name
    start: int
    end: int
    anaphor: bool = False


def name_variants(name: str) -> set[str]:
    """Surface forms an outlet is referred to by: its name with and without "The", its
    distinctive last word ("Sentinel", "Beacon"), and an all-capitals call sign ("WRVT")."""
    generic = lexicon()["generic_name_words"]
    name = name.strip()
    bare = re.sub(r"^the\s+", "", name, flags=re.I)
    out = {name, bare}
    tokens = bare.split()
    if len(tokens) >= 2 and tokens[-1].lower() not in generic and tokens[-1][:1].isupper():
        out.add(tokens[-1])
    for tok in re.split(r"[\s-]+", bare):
        core = tok.strip(".,")
        if len(core) >= 3 and core.isupper() and core.isalpha():
            out.add(core)
    return {v for v in out if v}


class OutletIndex:
    """All outlets a corpus knows: the publishers of its articles and the outlets its ledgers
    name as sources or entities. Finds their mentions, anaphora included, in an article."""

    def __init__(self, names: Iterable[str], publishers: Iterable[str] = ()):
        canon: dict[str, str] = {}
        keys: dict[str, str] = {}
        publishers = [p.strip() for p in publishers if p and p.strip()]
        others = sorted({n.strip() for n in names if n and n.strip()} - set(publishers), key=len, reverse=True)
        for name in list(dict.fromkeys(publishers)) + others:
            if _key(name) in keys:
                canon[name] = keys[_key(name)]
                continue
            # "WRVT-TV" is the publisher "WRVT News 7" when they share a call sign or last word.
            alias = next((keys[_key(v)] for v in name_variants(name) - {name} if _key(v) in keys), None)
            target = alias or name
            canon[name] = target
            keys.setdefault(_key(name), target)
            if target == name:
                for v in name_variants(name) - {name}:
                    keys.setdefault(_key(v), target)
        variants: dict[str, set[str]] = {}
        for name, target in canon.items():
            for v in name_variants(name):
                variants.setdefault(v, set()).add(target)
        # A variant shared by two outlets ("Sentinel") is ambiguous unless it is one's full name.
        self.forms = {v: next(iter(owners)) for v, owners in variants.items() if len(owners) == 1}
        for name, target in canon.items():
            self.forms[name] = target
        self._by_key = {}
        for form, name in self.forms.items():
            self._by_key.setdefault(_key(form), name)
        # forms by their lead: a text is scanned word by word and only the forms starting with
        # that word are tried, so the cost does not grow with the number of outlets. A form that
        # opens with a function word ("The ... Network") is filed under its first two words, or
        # every "The" in every text would try every such outlet.
        self._by_first: dict[str, list[str]] = {}
        for form in sorted(self.forms, key=len, reverse=True):
            lead = _lead(form, 0)
            if lead:
                self._by_first.setdefault(lead, []).append(form)
        nouns = sorted(lexicon()["outlet_nouns"], key=len, reverse=True)
        self._anaphor = re.compile(r"\b[Tt]he\s+(?:[a-z]+\s+)?(" + "|".join(re.escape(n) for n in nouns) + r")\b(?!\s+[a-z]+\s+[A-Z])")

    @classmethod
    def from_items(cls, items: list[TraceItem]) -> "OutletIndex":
        names = []
        for item in items:
            for s in item.ledger.sources:
                if s.kind == "outlet":
                    names.append(_entity_name(item, s.entity) or s.label)
            for e in item.ledger.entities:
                if e.type == "OUTLET":
                    names.append(e.name)
        return cls(names, publishers=[i.outlet for i in items if i.outlet])

    def canonical(self, text: str) -> str | None:
        text = re.sub(r"^the\s+", "", text.strip(), flags=re.I)
        if text in self.forms:
            return self.forms[text]
        return self._by_key.get(_key(text))

    def mentions(self, text: str, own: str | None = None) -> list[OutletMention]:
        """Outlet names and outlet anaphora in ``text``, in order. An anaphor ("the website")
        stands for the last outlet named before it other than the publishing one (``own``);
        with none named before, it is the publisher itself ("the newspaper has learned")."""
        found = []
        pos = 0
        for w in _WORD.finditer(text):
            if w.start() < pos or (w.start() > 0 and (text[w.start() - 1].isalnum() or text[w.start() - 1] == "-")):
                continue
            for form in self._by_first.get(_lead(text, w.start()), ()):
                end = w.start() + len(form)
                if text.startswith(form, w.start()) and (end == len(text) or not text[end].isalnum()):
                    start = w.start() - 4 if text[max(0, w.start() - 4):w.start()] == "the " else w.start()
                    found.append(OutletMention(self.forms[form], start, end))
                    pos = end
                    break
        found = _short_forms(text, found)
        spans = [(m.start, m.end) for m in found]
        for m in self._anaphor.finditer(text):
            if any(s <= m.start() < e for s, e in spans):
                continue
            if any(0 <= s - m.end() <= 2 for s, _ in spans):
                continue  # an appositive: "the basketball website Courtside Insider"
            before = [f for f in found if f.end <= m.start() and not f.anaphor and f.outlet != own]
            target = before[-1].outlet if before else own
            if target:
                found.append(OutletMention(target, m.start(), m.end(), anaphor=True))
        return sorted(found, key=lambda f: f.start)


def _short_forms(text: str, found: list[OutletMention]) -> list[OutletMention]:
    """``found`` with an outlet's short form read as the outlet it shortens within the article:
    after "The Kestrel Post reported", "the Post said" is the Kestrel Post. A last word that is
    generic ("Post", "Times", "Journal") is no corpus-wide variant of a name, since many
    outlets end with it, but once an article has named one outlet ending with it, that is the
    one its "the Post" means. A mention the ledger already took for an outlet named by that one
    word alone is re-pointed; one it missed is added."""
    generic = lexicon()["generic_name_words"]
    out: list[OutletMention] = []
    last_of: dict[str, str] = {}  # generic last word -> the outlet the article named with it
    taken = [(f.start, f.end) for f in found]
    for f in sorted(found, key=lambda f: f.start):
        word = f.outlet.split()[-1] if f.outlet.split() else ""
        if len(f.outlet.split()) == 1 and word.lower() in last_of and last_of[word.lower()] != f.outlet:
            f = OutletMention(last_of[word.lower()], f.start, f.end, f.anaphor)
        elif len(f.outlet.split()) >= 2 and word.lower() in generic and word[:1].isupper():
            owner = last_of.setdefault(word.lower(), f.outlet)
            if owner == f.outlet:
                for m in re.finditer(rf"\b[Tt]he\s+{re.escape(word)}\b(?!\s+[A-Z])", text[f.end:]):
                    lo, hi = f.end + m.start(), f.end + m.end()
                    if not any(s < hi and lo < e for s, e in taken):
                        out.append(OutletMention(f.outlet, lo, hi))
                        taken.append((lo, hi))
        out.append(f)
    return sorted(out, key=lambda f: f.start)


_LEAD = re.compile(r"(\w+)(?:\s+(\w+))?")


def _lead(text: str, at: int) -> str | None:
    """The word at ``at``, or it and the next one when it is a function word: the key outlet
    forms are filed under."""
    m = _LEAD.match(text, at)
    if not m:
        return None
    first, second = m.group(1), m.group(2)
    return f"{first} {second}" if second and first.lower() in lexicon()["stopwords"] else first


def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", re.sub(r"^the\s+", "", name.lower()))


def _entity_name(item: TraceItem, entity_id: str | None) -> str | None:
    if not entity_id:
        return None
    for e in item.ledger.entities:
        if e.id == entity_id:
            return e.name
    return None


def name_key(name: str) -> str:
    """A name as looked up across articles: lower-cased, glyphs folded and a possessive dropped
    from each word, so "St. Lucan’s Hospital" opens with "St. Lucan" as "St. Lucan's" does (the
    entity recognizer cuts a possessive name in some articles and not in others)."""
    return " ".join(w[:-2] if w.endswith("'s") else w for w in fold(name).lower().split())


class EntityNames:
    """People and organisations merged across ledgers: a short form ("Odalys") used in one
    article is the full name ("Tomas Odalys") another article gives, when only one full name in
    the corpus ends with it; a name cut short at the end ("Greaves & Vane") is the one longer
    name it opens ("Greaves & Vane Paper Co.")."""

    def __init__(self, items: list[TraceItem]):
        full: set[str] = set()
        for item in items:
            for e in item.ledger.entities:
                if e.type in ("PERSON", "ORG") and len(e.name.split()) >= 2:
                    full.add(e.name)
        # one name spelled with other glyphs or possessives is one name (the first spelling
        # in sorted order stands for it, so the trace does not depend on set order)
        spelled: dict[str, str] = {}
        for name in sorted(full):
            spelled.setdefault(name_key(name), name)
        by_last: dict[str, set[str]] = {}
        for key, name in spelled.items():
            by_last.setdefault(key.split()[-1], set()).add(name)
        self._by_last = {k: next(iter(v)) for k, v in by_last.items() if len(v) == 1}
        self._full = dict(spelled)
        # a name that opens exactly one longer name is that name cut short ("Greaves & Vane"
        # for "Greaves & Vane Paper Co."): both become the longer one
        longer: dict[str, set[str]] = {}
        for key, name in spelled.items():
            tokens = key.split()
            for n in range(2, len(tokens)):
                longer.setdefault(" ".join(tokens[:n]), set()).add(name)
        for short, names in longer.items():
            if len(names) == 1:
                self._full[short] = next(iter(names))
        for k, v in list(self._by_last.items()):
            self._by_last[k] = self._full.get(name_key(v), v)

    def canonical(self, name: str | None) -> str | None:
        if not name:
            return None
        return self.known(name) or name.strip()

    def known(self, name: str) -> str | None:
        """The full name a corpus knows for ``name`` ("Odalys" → "Tomas Odalys"), else None."""
        key = name_key(name)
        return self._full.get(key) or (self._by_last.get(key) if len(key.split()) == 1 else None)

    def of(self, item: TraceItem, entity_id: str | None) -> str | None:
        return self.canonical(_entity_name(item, entity_id))
