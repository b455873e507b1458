"""Byte-identity check for refactors: write every ledger hearsay produces for the shared
articles, the gold news articles (with their gold ``published``), the bundled example and the
PolNeAR dev texts, one JSON file each, into a folder; or compare a fresh run with such a folder.

    python benchmarks/ledger_snapshot.py write /tmp/ledgers-before
    python benchmarks/ledger_snapshot.py compare /tmp/ledgers-before

A change meant to keep behaviour (a restructure, a speed-up) must leave every file identical.
Missing shared data is skipped with a message naming what is absent.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def articles(shared: Path):
    """(group, name, Article) for every text the snapshot covers."""
    from hearsay.eval.gold_format import GoldArticle, iter_gold
    from hearsay.eval.polnear import read_split
    from hearsay.ingest import from_text

    example = ROOT / "src" / "hearsay" / "examples" / "harbor-council.txt"
    yield "example", example.stem, from_text(example.read_text(encoding="utf-8"), published="2024-03-14")
    for group, folder in (("seed", shared / "articles"), ("news-gold", shared / "datasets" / "news-gold")):
        if not folder.exists():
            print(f"ledger_snapshot: {folder} is absent; {group} skipped", file=sys.stderr)
            continue
        for item in iter_gold(folder):
            if isinstance(item, GoldArticle):
                yield group, item.name, from_text(item.text, published=item.gold.get("published"), origin=item.path)
            else:
                print(f"ledger_snapshot: {item}", file=sys.stderr)
    dev = shared / "datasets" / "polnear" / "dev"
    if not dev.exists():
        print(f"ledger_snapshot: {dev} is absent; PolNeAR dev skipped", file=sys.stderr)
        return
    docs, problems = read_split(dev)
    for p in problems:
        print(f"ledger_snapshot: {p}", file=sys.stderr)
    for d in docs:
        yield "polnear-dev", d.name, from_text(d.text, published=d.published, origin=d.path)


def snapshot(shared: Path) -> dict[str, str]:
    """File name -> ledger JSON, the articles analysed one by one and in a batch."""
    import hearsay

    nlp = hearsay.load_pipeline()
    items = list(articles(shared))
    out = {}
    for (group, name, art), led in zip(items, hearsay.analyze_many([a for _, _, a in items], nlp=nlp)):
        out[f"{group}--{name}.json"] = led.to_json()
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("mode", choices=["write", "compare"])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args(argv)
    ledgers = snapshot(args.shared)
    if args.mode == "write":
        args.folder.mkdir(parents=True, exist_ok=True)
        for name, text in ledgers.items():
            (args.folder / name).write_text(text, encoding="utf-8")
        print(f"{len(ledgers)} ledgers written to {args.folder}")
        return 0
    before = {p.name for p in args.folder.glob("*.json")}
    differ = [n for n, t in ledgers.items() if n not in before
              or (args.folder / n).read_text(encoding="utf-8") != t]
    gone = sorted(before - set(ledgers))
    for n in differ:
        print(f"differs: {n}")
    for n in gone:
        print(f"missing now: {n}")
    print(f"{len(ledgers)} ledgers compared: {len(differ)} differ, {len(gone)} missing")
    return 1 if differ or gone else 0


if __name__ == "__main__":
    sys.exit(main())
