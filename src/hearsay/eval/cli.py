"""`hearsay eval ...`: score hearsay (and peer tools) on annotated data; see docs/benchmarks.md."""

from __future__ import annotations

import argparse
import sys

from ..reports import emit_report

PEERS_ATTRIBUTION = ("textacy",)
PEERS_TIMES = ("dateparser", "heideltime")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="eval_command", required=True)

    p = sub.add_parser("gold", help="the project's gold format: attribution, sources, times, ages, relations")
    p.add_argument("paths", nargs="+", metavar="DIR", help="articles/ + gold/, or NAME.txt beside NAME.gold.json")
    p.add_argument("--peer", action="append", choices=PEERS_ATTRIBUTION, default=[], help="also score a peer tool")
    p.add_argument("--errors", action="store_true", help="list every miss and wrong answer")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--check", action="store_true",
                   help="only check the gold: every content, cue, time and hedge occurs in its article")

    p = sub.add_parser("attribution", help="PolNeAR-format attribution spans (brat)")
    p.add_argument("--polnear", required=True, metavar="DIR", help="a split: text/*.txt and attributions/*.ann")
    p.add_argument("--peer", action="append", choices=PEERS_ATTRIBUTION, default=[])
    p.add_argument("--limit", type=int, default=None, metavar="N", help="only the first N texts")
    p.add_argument("--every", type=int, default=1, metavar="N", help="one text in N (a quick fixed subset)")
    p.add_argument("--errors", type=int, default=0, metavar="N", help="show N missed and N spurious contents")
    p.add_argument("--modes", default="rules,model,combined", metavar="LIST",
                   help="attribution modes scored side by side (comma-separated; 'none' for the default pipeline only)")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("times", help="TimeML temporal expressions, TempEval-3 scoring")
    p.add_argument("--timeml", required=True, action="append", metavar="DIR", help="folder of .tml files (repeatable)")
    p.add_argument("--peer", action="append", choices=PEERS_TIMES, default=[])
    p.add_argument("--limit", type=int, default=None, metavar="N", help="only the first N documents of each folder")
    p.add_argument("--every", type=int, default=1, metavar="N", help="one document in N (a quick fixed subset)")
    p.add_argument("--errors", type=int, default=0, metavar="N", help="show N value errors")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("trace", help="cascade corpora (datasets/cascades-dev format): clustering, origins, citations, copies, roles")
    p.add_argument("gold", metavar="GOLD", help="gold.json")
    p.add_argument("articles", metavar="ARTICLES", help="folder of article .json records")
    p.add_argument("--embed", action="store_true",
                   help="add MiniLM sentence embeddings to claim matching (needs the [embed] extra; off by default)")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("match", help="claim matching on CLEF 2020 CheckThat! Task 2: MAP@5 and MRR")
    p.add_argument("--clef2020", required=True, metavar="SPLIT", help="folder with tweets.queries.tsv and tweet-vclaim-pairs.qrels")
    p.add_argument("--run-out", metavar="FILE", help="write the TREC run file (query Q0 claim rank score tag)")
    p.add_argument("--matcher", choices=("bm25", "embed", "hybrid"), default=None,
                   help="bm25, MiniLM cosine, or both fused by rank (embed and hybrid need the [embed] extra); "
                        "default: hybrid when the extra is installed, else bm25")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("gate", help="fail when a score falls below its floor in eval/baseline.json")
    p.add_argument("--shared", default=None, metavar="DIR", help="the shared folder holding datasets/ (default ../shared)")
    p.add_argument("--baseline", default=None, metavar="FILE", help="floors file (default eval/baseline.json)")
    p.add_argument("--update", action="store_true", help="measure now and rewrite the floors (measured minus margin)")
    p.add_argument("--json", action="store_true")




def _finish(report: dict, key: str, what: str, text, as_json: bool) -> int:
    """Print a report (tables, or JSON with --json); exit 2 when nothing could be read."""
    if not report[key]:
        print(f"hearsay eval: no {what} could be read", file=sys.stderr)
        return 2
    emit_report(report, lambda _: text(), as_json)
    return 0


def _check_gold(paths: list[str]) -> int:
    """Report gold strings missing from their articles (file and field); exit 1 when any is."""
    from ..errors import InputError
    from .gold_format import iter_gold

    n, bad = 0, 0
    for path in paths:
        for item in iter_gold(path):
            if isinstance(item, InputError):
                print(f"hearsay eval: {item}", file=sys.stderr)
                bad += 1
                continue
            n += 1
            for problem in item.problems:
                print(f"{item.path}: {problem}")
                bad += 1
    print(f"{n} gold articles checked, {bad} problems")
    return 1 if bad or not n else 0


def run(args) -> int:
    cmd = args.eval_command
    if cmd == "gold" and args.check:
        return _check_gold(args.paths)
    if cmd == "gold":
        from .run_gold import evaluate, render

        report = evaluate(args.paths, peers=args.peer)
        return _finish(report, "articles", "gold article", lambda: render(report, show_errors=args.errors), args.json)
    if cmd == "attribution":
        from .run_polnear import evaluate, render

        modes = [] if args.modes == "none" else [m.strip() for m in args.modes.split(",") if m.strip()]
        bad = [m for m in modes if m not in ("rules", "model", "combined")]
        if bad:
            print(f"hearsay eval: unknown attribution mode {bad[0]!r} (rules, model, combined)", file=sys.stderr)
            return 2
        report = evaluate(args.polnear, peers=args.peer, limit=args.limit, n_errors=args.errors, every=max(1, args.every),
                          modes=modes)
        return _finish(report, "texts", "PolNeAR text", lambda: render(report), args.json)
    if cmd == "times":
        from .run_times import evaluate, render

        report = evaluate(args.timeml, peers=args.peer, limit=args.limit, n_errors=args.errors, every=max(1, args.every))
        return _finish(report, "documents", "TimeML document", lambda: render(report), args.json)
    if cmd == "trace":
        from .run_trace import evaluate, render

        report = evaluate(args.gold, args.articles, embeddings=args.embed)
        return _finish(report, "articles", "cascade article", lambda: render(report), args.json)
    if cmd == "match":
        from .clef import evaluate, render

        report = evaluate(args.clef2020, run_out=args.run_out, matcher=args.matcher)
        return _finish(report, "queries", "CLEF query", lambda: render(report), args.json)
    if cmd == "gate":
        from .gate import run_gate

        return run_gate(args)
    raise SystemExit(f"unknown eval command {cmd}")
