"""`hearsay analyze INPUT… --store URL`: the corpus-run half of the analyze command."""

from __future__ import annotations

import argparse
import sys

from ..errors import HearsayError


def add_store_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("corpus runs (with --store)")
    g.add_argument("--store", metavar="URL", default=None,
                   help="store ledgers in a database instead of printing them: a file path (SQLite) or postgresql://…; "
                        "PATH may then also be a folder (recursive), .jsonl.gz or .warc(.gz)")
    g.add_argument("--processes", type=int, default=None, metavar="N",
                   help="worker processes (or Ray actors) for a store run (default: the machine's cores)")
    g.add_argument("--engine", choices=("local", "ray"), default="local", help="run on local processes or on Ray Data")
    g.add_argument("--ray-address", metavar="ADDR", default=None,
                   help="Ray cluster to join (from `ray start --head`); default: start Ray on this machine")
    g.add_argument("--refresh", action="store_true",
                   help="re-analyse stored articles whose ledger an older pipeline version made")


def run(args) -> int:
    """Analyse into the store; the closing summary goes to stderr. Exit 0 when nothing
    failed, 1 when some records failed, 2 when none could be stored, 130 on Ctrl-C."""
    from ..store import open_store
    from .runner import run_corpus

    if args.processes is not None and args.processes < 1:
        raise HearsayError("--processes must be at least 1")
    if args.format:
        raise HearsayError("--format prints ledgers; with --store they are stored (use `hearsay export` to get them out)")
    store = open_store(args.store)
    try:
        summary = run_corpus(args.paths, store, processes=args.processes, engine=args.engine,
                             ray_address=args.ray_address, refresh=args.refresh, model=args.model,
                             fmt=args.input_format, published=args.published)
    finally:
        store.close()
    print(f"hearsay: {summary.line()}", file=sys.stderr)
    if summary.interrupted:
        return 130
    if summary.failed and not (summary.analysed or summary.already):
        return 2
    return 1 if summary.failed else 0
