"""TimeML (TempEval-3) reader and TIMEX3 scorer.

Why here: temporal expressions are measured against TimeBank+AQUAINT and TE3-Platinum, both
distributed as inline-annotated ``.tml`` files. ``read_timeml`` turns one file into the plain text
of its ``<TEXT>`` element (tags stripped, XML entities decoded) with character offsets into that
text, so hearsay's own output (character offsets into ``doc.text``) can be compared directly.

``score_timex`` follows TempEval-3's task A: strict span match (identical offsets), relaxed span
match (any overlap, one-to-one), value P/R/F1 counting a relaxed match whose value is equal as
correct, and type accuracy over relaxed matches.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>", re.S)
_ATTR = re.compile(r'([A-Za-z_:]+)\s*=\s*"([^"]*)"')
_TEXT_BLOCK = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_DCT_BLOCK = re.compile(r"<DCT>(.*?)</DCT>", re.S)


@dataclass
class TimexRec:
    start: int
    end: int
    type: str
    value: Optional[str]
    tid: Optional[str] = None
    text: str = ""


@dataclass
class TimeMLDoc:
    name: str
    text: str
    dct: Optional[str]                 # the document creation time's value, "1998-08-07"
    timexes: list[TimexRec] = field(default_factory=list)


class TimeMLError(ValueError):
    """A .tml file that cannot be read; the message names the file and line."""


def _attrs(raw: str) -> dict[str, str]:
    return {k: html.unescape(v) for k, v in _ATTR.findall(raw)}


def parse_timeml(source: str, name: str = "<string>") -> TimeMLDoc:
    """The TEXT element of one TimeML document with its TIMEX3 annotations as offsets."""
    block = _TEXT_BLOCK.search(source)
    if block is None:
        raise TimeMLError(f"{name}: no <TEXT> element")
    dct = None
    dct_block = _DCT_BLOCK.search(source)
    if dct_block:
        m = re.search(r"<TIMEX3([^>]*)>", dct_block.group(1))
        if m:
            dct = _attrs(m.group(1)).get("value")
    if dct is None:
        m = re.search(r'<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>', source)
        if m:
            dct = _attrs(m.group(0)).get("value")
    raw = block.group(1)
    out: list[str] = []
    length = 0
    open_timexes: list[tuple[dict, int]] = []
    timexes: list[TimexRec] = []
    pos = 0
    for m in _TAG.finditer(raw):
        piece = html.unescape(raw[pos : m.start()])
        out.append(piece)
        length += len(piece)
        pos = m.end()
        closing, tag, attrs, selfclosing = m.groups()
        if tag != "TIMEX3":
            continue
        if closing:
            if not open_timexes:
                line = source.count("\n", 0, block.start(1) + m.start()) + 1
                raise TimeMLError(f"{name}, line {line}: </TIMEX3> without an opening tag")
            a, start = open_timexes.pop()
            timexes.append(TimexRec(start, length, a.get("type", "DATE"), a.get("value"), a.get("tid")))
        elif selfclosing:
            continue  # empty (non-consuming) timex: never in the text, never scored
        else:
            open_timexes.append((_attrs(attrs), length))
    piece = html.unescape(raw[pos:])
    out.append(piece)
    text = "".join(out)
    if open_timexes:
        raise TimeMLError(f"{name}: unclosed <TIMEX3>")
    for t in timexes:
        t.text = text[t.start : t.end]
    timexes.sort(key=lambda t: (t.start, t.end))
    return TimeMLDoc(name=name, text=text, dct=dct, timexes=timexes)


def read_timeml(path: str | Path) -> TimeMLDoc:
    path = Path(path)
    name = path.name[:-4] if path.name.endswith(".tml") else path.stem
    return parse_timeml(path.read_text(encoding="utf-8"), name)


def read_timeml_dir(directory: str | Path, limit: int | None = None) -> tuple[list[TimeMLDoc], list[str]]:
    """Every ``*.tml`` under ``directory`` (sorted), and a message per file that could not be read."""
    docs: list[TimeMLDoc] = []
    errors: list[str] = []
    for path in sorted(Path(directory).rglob("*.tml")):
        if limit is not None and len(docs) >= limit:
            break
        try:
            docs.append(read_timeml(path))
        except (TimeMLError, UnicodeDecodeError, OSError) as exc:
            errors.append(f"{path}: {exc}")
    return docs, errors


def _prf(correct: int, predicted: int, gold: int) -> dict:
    p = correct / predicted if predicted else 0.0
    r = correct / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "correct": correct}


def _overlap(a, b) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def match_timexes(gold: list, predicted: list) -> list[tuple]:
    """One-to-one relaxed matching: each gold timex takes the predicted one overlapping it most
    (exact spans first), greedily."""
    pairs = []
    for g in gold:
        for p in predicted:
            ov = _overlap(g, p)
            if ov > 0:
                exact = g.start == p.start and g.end == p.end
                pairs.append((not exact, -ov, g.start, p.start, id(g), id(p), g, p))
    pairs.sort(key=lambda x: x[:4])
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for *_, gid, pid, g, p in pairs:
        if gid in used_g or pid in used_p:
            continue
        used_g.add(gid)
        used_p.add(pid)
        out.append((g, p))
    return out


_WEEK = re.compile(r"-W0(\d)\b")


def normalize_value(value: Optional[str]) -> Optional[str]:
    """Values compare case-insensitively, and ISO weeks with or without their leading zero
    ("1998-W06" = "1998-W6", both spellings occur in TimeBank)."""
    return _WEEK.sub(r"-W\1", value.strip().upper()) if value else value


def score_timex(gold_docs: Iterable[TimeMLDoc], predicted: dict[str, list]) -> dict:
    """TempEval-3 task A scores. ``predicted`` maps a document name to objects with
    ``start``, ``end``, ``type``, ``value`` (TimexRec or anything alike); missing names count as
    no predictions."""
    n_gold = n_pred = strict = relaxed = value_ok = type_ok = 0
    per_doc = {}
    for doc in gold_docs:
        preds = list(predicted.get(doc.name, []))
        pairs = match_timexes(doc.timexes, preds)
        n_gold += len(doc.timexes)
        n_pred += len(preds)
        relaxed += len(pairs)
        strict += sum(1 for g, p in pairs if g.start == p.start and g.end == p.end)
        v = sum(1 for g, p in pairs if normalize_value(g.value) == normalize_value(p.value))
        value_ok += v
        type_ok += sum(1 for g, p in pairs if g.type == p.type)
        per_doc[doc.name] = {"gold": len(doc.timexes), "predicted": len(preds), "value_correct": v}
    return {
        "documents": len(per_doc),
        "gold": n_gold,
        "predicted": n_pred,
        "strict": _prf(strict, n_pred, n_gold),
        "relaxed": _prf(relaxed, n_pred, n_gold),
        "value": _prf(value_ok, n_pred, n_gold),
        "type_accuracy": round(type_ok / relaxed, 4) if relaxed else 0.0,
        "per_document": per_doc,
    }
