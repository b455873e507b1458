"""`hearsay export --store URL --format parquet|csv|jsonl --out DIR`."""

from __future__ import annotations

import argparse
import sys

from . import FORMATS, export_store


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--store", metavar="URL", default="hearsay.db", help="the store (default: hearsay.db)")
    parser.add_argument("--format", choices=FORMATS, default="parquet")
    parser.add_argument("--out", metavar="DIR", required=True, help="folder for the files (one per table)")
    parser.add_argument("--table", action="append", metavar="NAME", help="only this table (repeatable)")


def run(args) -> int:
    from ..store import open_store

    with open_store(args.store) as store:
        paths = export_store(store, args.out, args.format, args.table)
    for p in paths:
        print(p)
    print(f"hearsay: wrote {len(paths)} {args.format} files to {args.out}", file=sys.stderr)
    return 0
