"""`hearsay eval times --timeml DIR`: TIMEX3 spans, values and types, TempEval-3 style
(scorer and reader in ``timeml.py``), with dateparser and HeidelTime as peers in the same run."""

from __future__ import annotations

import sys
from collections import Counter

from .tables import table
from .timeml import TimexRec, match_timexes, normalize_value, read_timeml_dir, score_timex


def hearsay_times(docs, nlp=None) -> dict[str, list[TimexRec]]:
    import hearsay
    from hearsay.ingest import from_text

    nlp = nlp or hearsay.load_pipeline()
    arts = []
    for d in docs:
        try:
            arts.append(from_text(d.text, published=d.dct, origin=d.name))
        except Exception:  # a DCT that is not a date: analyse without one
            arts.append(from_text(d.text, origin=d.name))
    out = {}
    for doc, led in zip(docs, hearsay.analyze_many(arts, nlp=nlp, on_failure="strict")):
        out[doc.name] = [TimexRec(t.span.start, t.span.end, t.type, t.value, t.id, t.span.text) for t in led.times]
    return out


def peer_times_by_doc(peer: str, docs, problems: list[str]) -> dict[str, list[TimexRec]]:
    from .peers import peer_times

    found = peer_times(peer, [(d.text, d.dct) for d in docs], problems)
    return {d.name: [TimexRec(t["start"], t["end"], t.get("type", "DATE"), t.get("value"), None, d.text[t["start"]:t["end"]])
                     for t in ts] for d, ts in zip(docs, found)}


def value_errors(docs, predicted: dict, n: int) -> list[dict]:
    """Up to ``n`` gold timexes with a wrong or missing value, and the error classes over all."""
    out = []
    for doc in docs:
        preds = predicted.get(doc.name, [])
        pairs = {id(g): p for g, p in match_timexes(doc.timexes, preds)}
        for g in doc.timexes:
            p = pairs.get(id(g))
            if p is not None and normalize_value(p.value) == normalize_value(g.value):
                continue
            out.append({"doc": doc.name, "text": g.text, "gold": g.value, "type": g.type,
                        "predicted": None if p is None else p.value, "predicted_text": None if p is None else p.text})
            if len(out) >= n:
                return out
    return out


def error_classes(docs, predicted: dict) -> dict:
    c = Counter()
    for doc in docs:
        pairs = {id(g): p for g, p in match_timexes(doc.timexes, predicted.get(doc.name, []))}
        for g in doc.timexes:
            p = pairs.get(id(g))
            if p is None:
                c[f"missed {g.type}"] += 1
            elif normalize_value(p.value) != normalize_value(g.value):
                c[f"wrong value {g.type}"] += 1
    return dict(c.most_common())


def evaluate(dirs: list[str], peers: list[str] | None = None, limit: int | None = None, n_errors: int = 0,
             nlp=None, every: int = 1) -> dict:
    """Scores over every .tml under ``dirs`` (``limit`` per folder; ``every`` keeps one document in N,
    the fixed subset the gate uses)."""
    docs, problems = [], []
    for d in dirs:
        got, errs = read_timeml_dir(d, limit=limit)
        docs += got
        problems += errs
    docs = docs[::every]
    for p in problems:
        print(f"hearsay eval: skipped {p}", file=sys.stderr)
    systems = {"hearsay": hearsay_times(docs, nlp)}
    for peer in peers or []:
        systems[peer] = peer_times_by_doc(peer, docs, problems)
    report = {"dataset": [str(d) for d in dirs], "documents": len(docs), "gold_timexes": sum(len(d.timexes) for d in docs),
              "problems": problems, "systems": {}}
    for name, pred in systems.items():
        s = score_timex(docs, pred)
        s.pop("per_document", None)
        s["error_classes"] = error_classes(docs, pred)
        if n_errors:
            s["errors"] = value_errors(docs, pred, n_errors)
        report["systems"][name] = s
    return report


def render(report: dict) -> str:
    out = [f"TimeML {', '.join(report['dataset'])}: {report['documents']} documents, {report['gold_timexes']} gold TIMEX3\n"]
    headers = ["system", "strict P", "strict R", "strict F1", "relaxed P", "relaxed R", "relaxed F1",
               "value P", "value R", "value F1", "type acc", "pred"]
    rows = []
    for name, s in report["systems"].items():
        rows.append([name, s["strict"]["precision"], s["strict"]["recall"], s["strict"]["f1"],
                     s["relaxed"]["precision"], s["relaxed"]["recall"], s["relaxed"]["f1"],
                     s["value"]["precision"], s["value"]["recall"], s["value"]["f1"], s["type_accuracy"], s["predicted"]])
    out.append(table(headers, rows))
    for name, s in report["systems"].items():
        top = ", ".join(f"{k} {v}" for k, v in list(s["error_classes"].items())[:6])
        out.append(f"{name} errors: {top}")
        for e in s.get("errors", []):
            out.append(f"  {e['doc']}: {e['text']!r} gold {e['gold']} ({e['type']}), got {e['predicted']} on {e['predicted_text']!r}")
    if report["problems"]:
        out.append(f"{len(report['problems'])} problem(s); first: {report['problems'][0]}")
    return "\n".join(out) + "\n"
