"""The `hearsay serve` command: its options, and the server started with them."""

from __future__ import annotations

import argparse
import os
import sys

from .app import KEEP, MAX_CHARS, MAX_UPLOAD, RATE_LIMIT, create_app
from .security import LOOPBACK_HOSTS

DEFAULT_STORE = "hearsay.db"
TIMEOUT = 60.0


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: loopback only)")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--model", default=None, help="spaCy pipeline package to use")
    parser.add_argument("--store", default=DEFAULT_STORE, metavar="URL",
                        help=f"where analysed ledgers are kept: a SQLite path or sqlite:/// / postgresql:// URL (default: {DEFAULT_STORE} in the working directory)")
    parser.add_argument("--no-store", action="store_true", help="keep ledgers in memory only (lost on restart)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                        help="worker processes analysing articles, each with its own pipeline (default: the cores)")
    parser.add_argument("--timeout", type=float, default=TIMEOUT,
                        help=f"seconds one analysis may take before it is stopped with 504 (default {TIMEOUT:.0f})")
    parser.add_argument("--allowed-host", action="append", default=None, metavar="NAME",
                        help="a host name the server answers to (repeatable; default: loopback names; '*' for any)")
    parser.add_argument("--rate-limit", type=float, default=RATE_LIMIT,
                        help=f"analyses a minute per client address (default {RATE_LIMIT}; 0 for no limit)")
    parser.add_argument("--max-chars", type=int, default=MAX_CHARS, help="longest article text accepted, in characters")
    parser.add_argument("--max-upload", type=int, default=MAX_UPLOAD, help="largest uploaded file accepted, in bytes")
    parser.add_argument("--keep", type=int, default=KEEP, help="analysed ledgers kept in memory with --no-store")


def build_app(args):
    """The app as the options describe it: worker pool, keeper, limits."""
    from .keeper import open_keeper
    from .workers import WorkerPool

    allowed = tuple(args.allowed_host) if args.allowed_host else LOOPBACK_HOSTS
    if args.host not in ("127.0.0.1", "localhost", "::1", "0.0.0.0", "::") and args.host not in allowed and not args.allowed_host:
        allowed = (*allowed, args.host)
    keeper = open_keeper(None if args.no_store else args.store, args.keep)
    pool = WorkerPool(args.workers, args.model, args.timeout)
    app = create_app(analyser=pool, keeper=keeper, max_chars=args.max_chars, max_upload=args.max_upload,
                     allowed_hosts=allowed, rate_limit=args.rate_limit)
    return app, keeper, allowed


def run(args) -> int:
    import uvicorn

    from ..errors import HearsayError

    if args.host not in ("127.0.0.1", "localhost", "::1"):
        print(f"hearsay: warning: listening on {args.host}: anyone who can reach it can use this page", file=sys.stderr)
    try:
        app, keeper, allowed = build_app(args)
    except HearsayError as err:
        print(f"hearsay: {err}", file=sys.stderr)
        return 2
    print(f"hearsay: keeping ledgers in {keeper.where}", file=sys.stderr)
    print(f"hearsay: {args.workers} worker process(es), {args.timeout:.0f} s per analysis; answering to {', '.join(allowed)}", file=sys.stderr)
    print(f"hearsay: serving on http://{args.host}:{args.port}/ (Ctrl-C to stop)", file=sys.stderr)
    try:
        uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    finally:
        keeper.close()
    return 0
