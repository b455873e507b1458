"""The 10,000-article corpus run: build a corpus recombined from the shared data, run
`hearsay analyze CORPUS --store DB --processes N`, SIGKILL it half-way, rerun the same command,
and check that the store ends with exactly every article once. Writes
benchmarks/results/corpus-scale.json (read by make_docs.py).

    python benchmarks/corpus_scale.py [--articles 10000] [--processes 2] [--shared ../shared]

The corpus is written to a temporary folder, never into the repository (the shared texts are
third-party data): article i is two consecutive paragraphs of a PolNeAR text (train and dev),
cycling through all texts and paragraph pairs so that every article text is distinct.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results" / "corpus-scale.json"


def paragraphs(shared: Path) -> list[list[str]]:
    texts = []
    for split in ("train", "dev"):
        for f in sorted((shared / "datasets" / "polnear" / split / "text").glob("*.txt")):
            paras = [p.strip() for p in f.read_text(encoding="utf-8").split("\n\n") if len(p.split()) >= 8]
            if len(paras) >= 2:
                texts.append(paras)
    if not texts:
        sys.exit(f"no PolNeAR texts under {shared}/datasets/polnear: give --shared")
    return texts


def build_corpus(path: Path, n: int, shared: Path) -> int:
    texts, seen, words = paragraphs(shared), set(), 0
    with open(path, "w", encoding="utf-8") as fh:
        i = k = 0
        while i < n:
            paras = texts[k % len(texts)]
            j = (k // len(texts)) % (len(paras) - 1)
            k += 1
            body = paras[j] + "\n\n" + paras[j + 1]
            if body in seen:
                continue
            seen.add(body)
            words += len(body.split())
            fh.write(json.dumps({"id": f"a{i:05d}", "text": body}) + "\n")
            i += 1
    return words


def stored(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10) as conn:
            return conn.execute("SELECT count(*) FROM ledgers").fetchone()[0]
    except sqlite3.Error:
        return 0


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--processes", type=int, default=2)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--kill-at", type=float, default=0.5, help="fraction stored when the run is killed")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="hearsay-scale-") as tmp:
        corpus, db = Path(tmp) / "corpus.jsonl", Path(tmp) / "hearsay.db"
        words = build_corpus(corpus, args.articles, Path(args.shared))
        cmd = [sys.executable, "-m", "hearsay", "analyze", str(corpus), "--store", str(db), "--processes", str(args.processes)]
        t0 = time.perf_counter()
        first = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
        target = int(args.articles * args.kill_at)
        while stored(db) < target and first.poll() is None:
            time.sleep(1)
        os.killpg(first.pid, signal.SIGKILL)
        first.wait()
        killed_at, first_s = stored(db), time.perf_counter() - t0
        t1 = time.perf_counter()
        second = subprocess.run(cmd, capture_output=True, text=True)
        second_s = time.perf_counter() - t1
        with sqlite3.connect(db) as conn:
            articles, distinct_ids, distinct_texts = conn.execute(
                "SELECT count(*), count(DISTINCT id), count(DISTINCT content_hash) FROM articles").fetchone()
            ledgers = conn.execute("SELECT count(*) FROM ledgers").fetchone()[0]
            claims = conn.execute("SELECT count(*) FROM claims").fetchone()[0]
            failures = conn.execute("SELECT count(*) FROM failures").fetchone()[0]
        size_mib = db.stat().st_size / 2**20
    rate = (articles - killed_at) / second_s if second_s else 0.0
    report = {
        "_run": {"command": f"python benchmarks/corpus_scale.py --articles {args.articles} --processes {args.processes}",
                 "seconds": round(first_s + second_s, 1),
                 "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")},
        "when": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "command": " ".join(["hearsay", *cmd[3:]]).replace(str(corpus), "CORPUS.jsonl").replace(str(db), "DB"),
        "articles_requested": args.articles, "words": words, "processes": args.processes,
        "killed_after_s": round(first_s, 1), "stored_when_killed": killed_at,
        "resumed_s": round(second_s, 1), "resumed_summary": second.stderr.strip().splitlines()[-1] if second.stderr.strip() else "",
        "resumed_exit": second.returncode,
        "articles": articles, "distinct_ids": distinct_ids, "distinct_texts": distinct_texts, "ledgers": ledgers,
        "claims": claims, "failures": failures, "store_mib": round(size_mib, 1),
        "articles_per_s_resumed_run": round(rate, 2), "cpus": os.cpu_count(),
        "load_average": os.getloadavg(),
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=2))
    ok = articles == ledgers == distinct_ids == distinct_texts == args.articles and second.returncode == 0
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
