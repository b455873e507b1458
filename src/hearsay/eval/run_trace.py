"""`hearsay eval trace GOLD ARTICLES`: analyse a cascade corpus, trace it, score the trace."""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from .cascades import load_gold, score
from .tables import PRF_HEADERS, prf_rows, table


def evaluate(gold_path: str, articles_dir: str, nlp=None, embeddings: bool = False) -> dict:
    from ..trace import trace_corpus
    from ..trace_command import read_inputs

    gold = load_gold(gold_path)
    folder = Path(articles_dir)
    files = sorted(str(p) for p in folder.glob("*.json")) + sorted(str(p) for p in folder.glob("*.jsonl"))
    if not files:
        raise InputError(articles_dir, "no article .json or .jsonl files", "a folder like datasets/cascades-dev/articles")
    pairs = read_inputs(files, nlp=nlp)
    trace = trace_corpus(pairs, embeddings=embeddings)
    texts = {row.id: ledger.document.text for row, ledger in pairs}
    report = score(trace, gold, texts)
    report["dataset"] = {"gold": gold_path, "articles": articles_dir}
    report["matcher"] = "lexical+event+embeddings" if embeddings else "lexical+event"
    return report


def render(report: dict) -> str:
    out = [f"== trace: {report['articles']} articles, {report['gold_claims']} gold claims, {report['traced_claims']} traced =="]
    rows = prf_rows(report, [("clustering", "claim clustering (pairwise)"), ("citations", "citations"),
                              ("uncited_repeats", "uncited repeats"), ("confirmations", "independent confirmations"),
                              ("denials", "denials")])
    out.append(table(PRF_HEADERS, rows))
    out.append(table(["measure", "value"], [
        ["origin article", report["origin_article_accuracy"]],
        ["origin source kind", report["origin_source_accuracy"]],
        ["copies exact", str(report["copies_exact"])],
        ["distractor attachments", len(report["distractor_attachments"])],
        ["gold mentions located", f"{report['mentions_located']}/{report['mentions']}"],
    ]))
    for p in report["problems"]:
        out.append(f"problem: {p}")
    return "\n".join(out) + "\n"
