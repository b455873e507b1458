"""The `hearsay` command: analyze, schema, eval, bench, serve."""

from __future__ import annotations

import argparse
import importlib
import sys

from . import __version__
from .errors import HearsayError, InputError
from .ingest import MAX_ARTICLE_CHARS

FORMATS = ("terminal", "json", "jsonl", "md", "table")

#: subcommands whose arguments and work live in their own module: module exposes
#: ``add_arguments(parser)`` and ``run(args) -> int``.
DELEGATED = {
    "eval": ("hearsay.eval.cli", "score hearsay against annotated data (PolNeAR, TimeML, gold)"),
    "bench": ("hearsay.bench", "speed: words per second against bare spaCy parsing"),
    "serve": ("hearsay.web", "local web page: paste an article, see who says what"),
    "trace": ("hearsay.trace_command", "where each claim came from across articles: origin, copies, citations, confirmations, denials"),
    "export": ("hearsay.export.cli", "write a store's tables as parquet, csv or jsonl files"),
    "stats": ("hearsay.store.stats", "counts of a store: articles, failures, outlets, source kinds"),
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="hearsay", description=__doc__)
    parser.add_argument("--version", action="version", version=f"hearsay {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("analyze", help="print the claim ledger of articles")
    p.add_argument("paths", nargs="+", metavar="PATH", help="text, HTML, JSON or JSONL file; - for stdin")
    p.add_argument("--published", metavar="YYYY-MM-DD", help="publication (reference) date")
    p.add_argument("--format", choices=FORMATS, default=None, help="terminal: the colour view (forced even when piped); table: the same without colour; json/jsonl: the ledger for programs; md: a Markdown report (default: terminal on a tty, else json)")
    p.add_argument("--input-format", choices=("auto", "text", "html", "json", "jsonl"), default="auto")
    p.add_argument("--model", default=None, help="spaCy pipeline package to use")
    p.add_argument(
        "--max-chars", type=int, default=MAX_ARTICLE_CHARS, metavar="N",
        help=f"refuse an article longer than N characters (default {MAX_ARTICLE_CHARS:,}; 0: no limit)",
    )
    p.add_argument("--attribution", choices=("rules", "model", "combined"), default=None,
                   help="how attributions are found (default: combined, or $HEARSAY_ATTRIBUTION)")
    from .corpus.cli import add_store_options

    add_store_options(p)

    p = sub.add_parser("schema", help="print the ledger's JSON Schema")
    p.add_argument("--check", metavar="FILE", help="exit 1 if FILE differs from the generated schema")

    p = sub.add_parser("match", help="rank candidate claims (TSV: id, text) by how closely they match a claim")
    p.set_defaults(delegate="hearsay.trace_command", delegate_run="run_match")
    importlib.import_module("hearsay.trace_command").add_match_arguments(p)

    for name, (module, help_text) in DELEGATED.items():
        p = sub.add_parser(name, help=help_text)
        p.set_defaults(delegate=module)
        try:
            importlib.import_module(module).add_arguments(p)
        except ImportError as exc:
            p.set_defaults(unavailable=str(exc))
    return parser


def cmd_analyze(args) -> int:
    if args.store:
        from .corpus.cli import run as run_into_store

        return run_into_store(args)
    from . import analyze_many, load_pipeline
    from .ingest import check_length, read_path
    from .render import render

    fmt = args.format or ("terminal" if sys.stdout.isatty() else "json")
    nlp = load_pipeline(args.model, args.attribution)
    failures = 0
    articles = []
    for path in args.paths:
        try:
            for item in read_path(path, fmt=args.input_format, published=args.published):
                if not isinstance(item, InputError):
                    try:
                        item = check_length(item, args.max_chars)
                    except InputError as err:
                        item = err
                if isinstance(item, InputError):
                    print(f"hearsay: skipped {item}", file=sys.stderr)
                    failures += 1
                else:
                    articles.append(item)
        except HearsayError as err:
            print(f"hearsay: skipped {err}", file=sys.stderr)
            failures += 1
    for i, ledger in enumerate(analyze_many(articles, nlp=nlp)):
        sys.stdout.write(render(ledger, fmt, first=(i == 0)))
    sys.stdout.flush()
    if failures and not articles:
        return 2
    return 1 if failures else 0


def cmd_schema(args) -> int:
    import json

    from .ledger import json_schema

    text = json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
    if args.check:
        with open(args.check, encoding="utf-8") as fh:
            if fh.read() != text:
                print(f"hearsay: {args.check} differs from the ledger models; regenerate it with `hearsay schema`", file=sys.stderr)
                return 1
        return 0
    sys.stdout.write(text)
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "analyze":
            return cmd_analyze(args)
        if args.command == "schema":
            return cmd_schema(args)
        if getattr(args, "unavailable", None):
            raise HearsayError(f"`hearsay {args.command}` needs an optional extra that is not installed: {args.unavailable}")
        return getattr(importlib.import_module(args.delegate), getattr(args, "delegate_run", "run"))(args)
    except HearsayError as err:
        print(f"hearsay: {err}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130
