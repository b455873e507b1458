"""`hearsay eval attribution --polnear DIR`: hearsay (and peers) on a PolNeAR-format split."""

from __future__ import annotations

import sys
from collections import Counter

from . import score_polnear
from .polnear import read_split
from .tables import table

ROWS = [("content", "content"), ("source", "source"), ("cue", "cue"),
        ("content+source", "content + its source"), ("content+cue", "content + its cue"),
        ("quoted", "content, quoted"), ("unquoted", "content, no quote marks")]


def hearsay_ledgers(docs, nlp=None) -> list[dict]:
    import hearsay
    from hearsay.ingest import from_text

    nlp = nlp or hearsay.load_pipeline()
    arts = [from_text(d.text, published=d.published, origin=d.path) for d in docs]
    return [led.to_dict() for led in hearsay.analyze_many(arts, nlp=nlp, on_failure="strict")]


def mode_ledgers(docs, modes: list[str]) -> dict[str, list[dict]]:
    """Ledgers under each attribution mode (rules / model / combined): every text is parsed once
    (the learned tagger included), then hearsay's stages run on a copy per mode."""
    from hearsay.analysis import ledger_of
    from hearsay.ingest import from_text
    from hearsay.pipeline import load_pipeline, parse

    nlp = load_pipeline(attribution="combined")
    stage = nlp.get_pipe("hearsay_attribution")
    saved = stage.mode
    out: dict[str, list[dict]] = {m: [] for m in modes}
    try:
        for d in docs:
            article = from_text(d.text, published=d.published, origin=d.path)
            parsed = parse(nlp, article.text)
            for mode in modes:
                stage.mode = mode
                out[mode].append(ledger_of(nlp, parsed.copy(), article, "strict").to_dict())
    finally:
        stage.mode = saved
    return out


def cue_words(text: str, rec: dict) -> str:
    return " ".join(text[s:e] for s, e in rec["cue"]).lower().strip() or "(no cue)"


def error_class(text: str, rec: dict) -> str:
    """A coarse class for a missed or spurious attribution: quoted or not, with a source or not,
    and whether the cue comes before or after the content."""
    quoted = "quoted" if score_polnear.is_quoted(text, rec["content"]) else "unquoted"
    source = "with source" if rec["source"] else "no source"
    if rec["cue"]:
        order = "cue first" if rec["cue"][0][0] < rec["content"][0][0] else "cue after"
    else:
        order = "no cue"
    return f"{quoted}, {source}, {order}"


def evaluate(split: str, peers: list[str] | None = None, limit: int | None = None, n_errors: int = 0, nlp=None,
             every: int = 1, modes: list[str] | None = None) -> dict:
    """Scores on the split (``limit`` texts; ``every`` keeps one text in N, the gate's fixed subset).

    ``modes`` (rules, model, combined) scores each attribution mode as its own system
    ("hearsay rules" ...); without them the one system "hearsay" is the pipeline as configured."""
    from .peers import peer_ledgers

    docs, problems = read_split(split, limit=limit)
    docs = docs[::every]
    for p in problems:
        print(f"hearsay eval: {p}", file=sys.stderr)
    if modes:
        systems = {f"hearsay {mode}": ledgers for mode, ledgers in mode_ledgers(docs, modes).items()}
    else:
        systems = {"hearsay": hearsay_ledgers(docs, nlp)}
    for peer in peers or []:
        systems[peer] = peer_ledgers(peer, [(d.text, d.published) for d in docs], problems, task="attribution")
    report = {"dataset": str(split), "texts": len(docs), "gold_attributions": sum(len(d.attributions) for d in docs),
              "words": sum(len(d.text.split()) for d in docs), "problems": problems, "systems": {}}
    for name, ledgers in systems.items():
        per = []
        examples = {"missed": [], "spurious": []}
        classes = {"missed": Counter(), "spurious": Counter(), "missed_cue": Counter(), "spurious_cue": Counter()}
        for doc, led in zip(docs, ledgers):
            gold = score_polnear.gold_records(doc.attributions)
            pred = score_polnear.predicted_records(led)
            res = score_polnear.score_document(gold, pred, doc.text)
            per.append(res)
            for kind, recs, idx in (("missed", gold, res["_unmatched"]["gold"]), ("spurious", pred, res["_unmatched"]["pred"])):
                for i in idx:
                    classes[kind][error_class(doc.text, recs[i])] += 1
                    classes[kind + "_cue"][cue_words(doc.text, recs[i])] += 1
            if n_errors:
                for g in res["_unmatched"]["gold"]:
                    if len(examples["missed"]) < n_errors:
                        examples["missed"].append(f"{doc.name}: " + " ... ".join(doc.text[s:e] for s, e in gold[g]["content"])[:160])
                for p in res["_unmatched"]["pred"]:
                    if len(examples["spurious"]) < n_errors:
                        examples["spurious"].append(f"{doc.name}: " + " ... ".join(doc.text[s:e] for s, e in pred[p]["content"])[:160])
        report["systems"][name] = {"scores": score_polnear.aggregate(per), "examples": examples,
                                   "error_classes": {k: dict(c.most_common(12)) for k, c in classes.items()}}
    return report


def render(report: dict) -> str:
    out = [f"PolNeAR {report['dataset']}: {report['texts']} texts, {report['gold_attributions']} gold attributions\n"]
    headers = ["system", "measure", "P exact", "R exact", "F1 exact", "P overlap", "R overlap", "F1 overlap", "gold"]
    rows = []
    for name, rep in report["systems"].items():
        s = rep["scores"]
        for key, label in ROWS:
            if key not in s:
                continue
            ex, ov = s[key].get("exact"), s[key]["overlap"]
            rows.append([name, label, *(ex[k] if ex else None for k in ("precision", "recall", "f1")),
                         ov["precision"], ov["recall"], ov["f1"], ov["gold"]])
    out.append(table(headers, rows))
    for name, rep in report["systems"].items():
        for kind in ("missed", "spurious"):
            top = rep.get("error_classes", {}).get(kind, {})
            if top:
                out.append(f"{name} {kind} by class: " + "; ".join(f"{k} {v}" for k, v in list(top.items())[:5]))
        for kind, items in rep["examples"].items():
            if items:
                out.append(f"{name}, {kind}:")
                out += [f"  {x}" for x in items]
    if report["problems"]:
        out.append(f"{len(report['problems'])} problem(s) reading or running; first: {report['problems'][0]}")
    return "\n".join(out) + "\n"
