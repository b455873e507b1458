"""`hearsay eval gold DIR`: analyse every gold article and score its ledger (project format)."""

from __future__ import annotations

import sys

from . import score_gold
from .gold_format import GoldArticle, iter_gold
from .tables import PRF_HEADERS, prf_rows, table

GOLD_PRF = [
    ("attribution", "attribution (content >= 1/2 gold)"),
    ("attribution_source", "attribution + correct source"),
    ("time_value", "time value"),
    ("time_span", "time span (overlap)"),
    ("ages", "ages"),
    ("relations", "relations (type, a, b)"),
    ("hedges", "hedge words"),
]


def load_articles(path: str, errors: list[str]) -> list[GoldArticle]:
    out = []
    for item in iter_gold(path):
        if isinstance(item, GoldArticle):
            out.append(item)
        else:
            errors.append(f"skipped {item}")
            print(f"hearsay eval: skipped {item}", file=sys.stderr)
    return out


def hearsay_ledgers(articles: list[GoldArticle], nlp=None) -> list[dict]:
    import hearsay
    from hearsay.ingest import from_text

    nlp = nlp or hearsay.load_pipeline()
    arts = [from_text(a.text, published=a.gold.get("published"), origin=a.path) for a in articles]
    return [ledger.to_dict() for ledger in hearsay.analyze_many(arts, nlp=nlp, on_failure="strict")]


def evaluate(paths: list[str], peers: list[str] | None = None, nlp=None) -> dict:
    """Scores for hearsay (and any attribution peers) on every gold article under ``paths``."""
    from .peers import peer_ledgers

    problems: list[str] = []
    articles = [a for p in paths for a in load_articles(p, problems)]
    systems = {"hearsay": hearsay_ledgers(articles, nlp)}
    for peer in peers or []:
        systems[peer] = peer_ledgers(peer, [(a.text, a.gold.get("published")) for a in articles], problems, task="attribution")
    report: dict = {"dataset": paths, "articles": [a.name for a in articles], "problems": problems, "systems": {}}
    for name, ledgers in systems.items():
        per = [score_gold.score_article(l, a.gold, a.text) for l, a in zip(ledgers, articles)]
        report["systems"][name] = {
            "total": score_gold.aggregate(per),
            "per_article": {a.name: score_gold.aggregate([r]) for a, r in zip(articles, per)},
            "errors": {a.name: r["errors"] for a, r in zip(articles, per) if r["errors"]},
            "unlocated": {a.name: r["unlocated"] for a, r in zip(articles, per) if r["unlocated"]},
        }
    return report


def render(report: dict, show_errors: bool = False) -> str:
    out = []
    n = len(report["articles"])
    for name, sys_rep in report["systems"].items():
        t = sys_rep["total"]
        out.append(f"== {name}: gold articles ({n}) ==")
        out.append(table(PRF_HEADERS, prf_rows(t, GOLD_PRF)))
        acc = [[k.replace("_", " "), t[k]["accuracy"], t[k]["correct"], t[k]["of"]]
               for k in ("source_accuracy", "type_accuracy", "cue_accuracy", "relation_status")]
        a = t["anonymous_sources"]
        acc.append(["anonymous voices exact", a["accuracy"], a["exact"], a["articles"]])
        out.append(table(["on matched", "acc", "right", "of"], acc))
        c = t["contradictions"]
        out.append(f"contradictions: gold {c['gold']}, flagged {c['predicted']}, found {c['found']}, false conflicts {c['false_conflicts']}  (anonymous-voice count abs error {a['abs_error']})\n")
        rows = []
        for art, s in sys_rep["per_article"].items():
            rows.append([art, s["attribution"]["f1"], s["attribution_source"]["f1"], s["time_value"]["f1"],
                         s["ages"]["f1"], s["relations"]["f1"], s["anonymous_sources"]["exact"]])
        out.append(table(["article", "att F1", "att+src F1", "time F1", "ages F1", "rel F1", "anon ok"], rows))
        if show_errors:
            for art, errs in sys_rep["errors"].items():
                out.append(f"-- {art}")
                out += [f"   {e}" for e in errs]
            out.append("")
        for art, miss in sys_rep.get("unlocated", {}).items():
            out.append(f"warning: {art}: {len(miss)} gold content string(s) not found in the text")
    for p in report["problems"]:
        out.append(f"note: {p}")
    return "\n".join(out) + "\n"
