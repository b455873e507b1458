"""Reader for PolNeAR-format attribution data (brat standoff).

A split folder holds ``text/NAME.txt`` and ``attributions/NAME_ANNOTATOR.ann``; where a text has
several annotators the first file (sorted by name) is used. Each ``E`` line joins a trigger
(``Attribution`` or ``Attribution-no-source``) with ``Content``/``Content2``, ``Cue`` and
``Source`` text-bound spans; a span may be discontinuous (``start end;start end``). The
publication date comes from ``metadata.tsv`` beside or above the split, where present.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError

Frag = tuple[int, int]


@dataclass
class BratAttribution:
    content: list[Frag]
    cue: list[Frag]
    source: list[Frag]          # empty for Attribution-no-source
    id: str = ""


@dataclass
class PolnearDoc:
    name: str
    text: str
    published: str | None
    attributions: list[BratAttribution] = field(default_factory=list)
    path: str = ""


def _frags(raw: str, where: str, text_len: int) -> list[Frag]:
    out = []
    for part in raw.split(";"):
        bits = part.split()
        if len(bits) != 2 or not all(b.isdigit() for b in bits):
            raise InputError(where, f"bad offsets {part!r}", "START END[;START END]")
        s, e = int(bits[0]), int(bits[1])
        if not 0 <= s <= e <= text_len:
            raise InputError(where, f"offsets {s}-{e} outside the text (length {text_len})")
        out.append((s, e))
    return out


def parse_ann(data: str, text: str, origin: str) -> tuple[list[BratAttribution], list[str]]:
    """Attributions of one .ann file; a malformed line is reported (file and line) and skipped."""
    spans: dict[str, tuple[str, list[Frag]]] = {}
    events: list[tuple[str, str, list[tuple[str, str]]]] = []
    problems: list[str] = []
    for lineno, line in enumerate(data.splitlines(), 1):
        if not line.strip() or line[0] not in "TE":
            continue
        where = f"{origin}, line {lineno}"
        cols = line.split("\t")
        try:
            if len(cols) < 2:
                raise InputError(where, "expected tab-separated columns")
            if line[0] == "T":
                label, _, offsets = cols[1].partition(" ")
                spans[cols[0]] = (label, _frags(offsets, where, len(text)))
            else:
                parts = cols[1].split()
                trigger = parts[0].split(":")
                args = [tuple(p.split(":", 1)) for p in parts[1:]]
                if len(trigger) != 2 or any(len(a) != 2 for a in args):
                    raise InputError(where, "bad event line", "TYPE:Tn ROLE:Tn ...")
                events.append((where, trigger[0], args))
        except InputError as err:
            problems.append(str(err))
    out = []
    for where, kind, args in events:
        if not kind.startswith("Attribution"):
            continue
        rec = BratAttribution(content=[], cue=[], source=[], id=where)
        for role, ref in args:
            if ref not in spans:
                problems.append(f"{where}: refers to missing span {ref}")
                continue
            frags = spans[ref][1]
            if role.startswith("Content"):
                rec.content += frags
            elif role.startswith("Cue"):
                rec.cue += frags
            elif role.startswith("Source"):
                rec.source += frags
        if not rec.content:
            problems.append(f"{where}: attribution without content, skipped")
            continue
        for part in (rec.content, rec.cue, rec.source):
            part.sort()
        out.append(rec)
    out.sort(key=lambda a: a.content[0])
    return out, problems


def find_metadata(split: Path) -> dict[str, str]:
    """filename -> publication date, from a metadata.tsv beside or above the split folder."""
    for folder in (split, split.parent, split.parent.parent):
        meta = folder / "metadata.tsv"
        if meta.is_file():
            with meta.open(encoding="utf-8", newline="") as fh:
                rows = csv.DictReader(fh, delimiter="\t")
                return {r["filename"]: r.get("publication_date") or None for r in rows if r.get("filename")}
    return {}


def read_split(split: str | Path, limit: int | None = None) -> tuple[list[PolnearDoc], list[str]]:
    """Documents of one split (sorted by name) and a message per problem met (never raises for
    one broken file)."""
    split = Path(split)
    text_dir, ann_dir = split / "text", split / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise InputError(str(split), "not a PolNeAR split", "a folder with text/ and attributions/")
    dates = find_metadata(split)
    anns: dict[str, Path] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        stem = ann.stem.rsplit("_", 1)[0] if "_" in ann.stem else ann.stem
        anns.setdefault(stem, ann)
    docs: list[PolnearDoc] = []
    problems: list[str] = []
    for txt in sorted(text_dir.glob("*.txt")):
        if limit is not None and len(docs) >= limit:
            break
        ann = anns.get(txt.stem)
        if ann is None:
            problems.append(f"{txt}: no annotation file, skipped")
            continue
        try:
            text = txt.read_text(encoding="utf-8")
            atts, probs = parse_ann(ann.read_text(encoding="utf-8"), text, str(ann))
        except (UnicodeDecodeError, OSError) as exc:
            problems.append(f"{txt}: cannot read ({exc}), skipped")
            continue
        problems += probs
        date = dates.get(txt.stem)
        docs.append(PolnearDoc(name=txt.stem, text=text, published=date, attributions=atts, path=str(txt)))
    return docs, problems
