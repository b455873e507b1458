"""`hearsay trace` and `hearsay match`: the corpus trace and the claim matcher on the command line.

Kept apart from ``hearsay.trace`` because it runs the spaCy pipeline on inputs that are not yet
ledgers; the trace itself only ever reads ledgers.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from types import SimpleNamespace

from .errors import HearsayError, InputError

FORMATS = ("json", "table", "md", "jsonld", "prov")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("inputs", nargs="*", metavar="INPUT",
                        help="article JSON/JSONL records or text files, or ledger JSON/JSONL (hearsay analyze --format jsonl)")
    parser.add_argument("--store", metavar="URL", help="trace the ledgers of a corpus store (path, sqlite:///, postgresql://)")
    parser.add_argument("--format", choices=FORMATS, default="json", help="output: the trace as JSON (default), a table, Markdown, schema.org Claim JSON-LD or PROV-JSON")
    parser.add_argument("--claim", metavar="TEXT", help="only the traced claims that best match TEXT")
    parser.add_argument("--schema", action="store_true", help="print the trace's JSON Schema and exit")
    parser.add_argument("--check-schema", metavar="FILE", help="exit 1 if FILE differs from the generated schema")


def add_match_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("query", metavar="TEXT", help="the claim to look for")
    parser.add_argument("claims", metavar="FILE", help="TSV of candidate claims: id, text (a header line is skipped)")
    parser.add_argument("-k", type=int, default=5, help="how many matches to print")
    parser.add_argument("--matcher", choices=("bm25", "embed", "hybrid"), default=None,
                        help="bm25, MiniLM cosine, or both fused by rank (embed and hybrid need the [embed] extra); "
                             "default: hybrid when the extra is installed, else bm25")


def read_inputs(paths: list[str], nlp=None) -> list[tuple[SimpleNamespace, object]]:
    """``(row, Ledger)`` pairs for trace inputs. Ledger files are read as they are; article
    records are analysed first. An article's id is its record's ``id``, else its file name
    (with the record's line for JSONL); an unreadable record is reported and skipped."""
    from .ledger import Ledger

    pairs: list[tuple[SimpleNamespace, object]] = []
    pending: list[tuple[str, object, dict]] = []
    for path in paths:
        p = Path(path)
        if not p.exists():
            raise InputError(path, "no such file")
        text = p.read_text(encoding="utf-8")
        records = []
        if p.suffix == ".jsonl":
            for n, line in enumerate(text.splitlines(), 1):
                if line.strip():
                    records.append((f"{p.stem}:{n}", f"{path}, line {n}", line))
        elif p.suffix == ".json":
            records.append((p.stem, path, text))
        else:
            from .ingest import read_path

            for art in read_path(path):
                if isinstance(art, InputError):
                    print(f"hearsay: skipped {art}", file=sys.stderr)
                else:
                    pending.append((p.stem, art, {}))
            continue
        for default_id, where, raw in records:
            try:
                rec = json.loads(raw)
            except json.JSONDecodeError as exc:
                print(f"hearsay: skipped {where}: not valid JSON ({exc.msg}, line {exc.lineno})", file=sys.stderr)
                continue
            rid = str(rec.get("id") or default_id) if isinstance(rec, dict) else default_id
            if isinstance(rec, dict) and str(rec.get("schema", "")).startswith("hearsay.ledger/"):
                rec = {k: v for k, v in rec.items() if k != "id"}
                try:
                    ledger = Ledger.model_validate(rec)
                except ValueError as exc:
                    print(f"hearsay: skipped {where}: not a valid ledger ({str(exc).splitlines()[0]})", file=sys.stderr)
                    continue
                pairs.append((_row(rid, ledger.document, rec), ledger))
                continue
            from .ingest import from_record

            try:
                pending.append((rid, from_record(rec, where), rec))
            except InputError as err:
                print(f"hearsay: skipped {err}", file=sys.stderr)
    if pending:
        from . import analyze_many, load_pipeline

        nlp = nlp or load_pipeline()
        for (rid, _, rec), ledger in zip(pending, analyze_many([a for _, a, _ in pending], nlp=nlp)):
            pairs.append((_row(rid, ledger.document, rec), ledger))
    return pairs


def _row(rid: str, doc, record: dict) -> SimpleNamespace:
    """The article as the trace sees it; the record's own timestamp wins over the ledger's
    date, because two articles of one day are ordered by their hour."""
    published = record.get("published") if isinstance(record.get("published"), str) else None
    return SimpleNamespace(id=rid, outlet=doc.outlet, url=doc.url, title=doc.title,
                           published=published or doc.published, text=doc.text)


def run(args) -> int:
    from .trace import json_schema, trace_corpus
    from .trace.render import render_trace, select_claims

    if args.schema or args.check_schema:
        text = json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
        if args.check_schema:
            if Path(args.check_schema).read_text(encoding="utf-8") != text:
                print(f"hearsay: {args.check_schema} differs from the trace models; regenerate it with `hearsay trace --schema`", file=sys.stderr)
                return 1
            return 0
        sys.stdout.write(text)
        return 0
    if args.store:
        store = _open_store(args.store)
        pairs = list(store.iter_ledgers())
    elif args.inputs:
        pairs = read_inputs(args.inputs)
        store = _temporary_store(pairs)
    else:
        raise HearsayError("give INPUT files or --store URL to trace")
    trace = trace_corpus(pairs)
    from .trace.storage import save_trace

    save_trace(store.engine, trace)
    if args.claim:
        trace = select_claims(trace, args.claim)
    sys.stdout.write(render_trace(trace, args.format))
    return 0


def _open_store(url: str):
    from .store import open_store

    return open_store(url)


def _temporary_store(pairs):
    """The inputs analysed into a throw-away SQLite store (removed at exit), where their trace
    is written as it would be in a real one. The trace itself runs on the inputs' own records,
    whose timestamps order two articles of one day (the store keeps dates only)."""
    import atexit
    import shutil
    import tempfile

    from .ingest import Article

    folder = tempfile.mkdtemp(prefix="hearsay-trace-")
    atexit.register(shutil.rmtree, folder, True)
    store = _open_store(str(Path(folder) / "trace.db"))
    for row, ledger in pairs:
        doc = ledger.document
        article = Article(text=doc.text, title=doc.title, outlet=doc.outlet, url=doc.url, published=doc.published,
                          published_basis=doc.published_basis, origin=str(row.id), extra={"id": row.id})
        store.put(article, ledger)
    atexit.register(store.engine.dispose)
    return store


def run_match(args) -> int:
    from .trace.retrieval import claim_text, rank_claims, resolve_matcher

    docs = read_claim_fields(args.claims)
    ranked = rank_claims({"query": args.query}, docs, resolve_matcher(args.matcher), depth=args.k)["query"]
    for rank, (cid, score) in enumerate(ranked, 1):
        print(f"{rank}\t{score:.3f}\t{cid}\t{claim_text(docs[cid])}")
    return 0


def read_claims_tsv(path: str) -> dict[str, str]:
    """id → text from a TSV whose first column is the id and whose other columns are text
    (the CLEF layout; a header line, whose first cell is empty or "id", is skipped); several
    text columns are joined with a space."""
    return {cid: " ".join(parts) for cid, parts in read_claim_fields(path).items()}


def read_claim_fields(path: str) -> dict[str, tuple[str, ...]]:
    """id → its text columns, kept apart (a verified claim and its fact-check's title), so that
    the embedding matcher can compare a query with each of them."""
    import csv

    out: dict[str, tuple[str, ...]] = {}
    with open(path, encoding="utf-8", newline="") as fh:
        for n, parts in enumerate(csv.reader(fh, delimiter="\t"), 1):
            if n == 1 and parts and parts[0].strip().lower() in ("", "id", "vclaim_id", "tweet_id"):
                continue
            if not parts or not "".join(parts).strip():
                continue
            if len(parts) < 2:
                raise InputError(f"{path}, line {n}", "expected an id and a text separated by a tab")
            out[parts[0]] = tuple(parts[1:])
    return out
