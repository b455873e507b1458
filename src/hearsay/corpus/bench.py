"""`hearsay bench corpus [--limit N]`: throughput of store runs against bare spaCy, same texts,
same run.

Configurations, each in a fresh Python process (so peak memory is its own): bare spaCy parsing
(``nlp.pipe``, 1 process); hearsay analysing alone (no store, 1 process); store runs into a
fresh SQLite file with 1 and 2 local processes; and a Ray run with 2 actors. Each is timed from
before its model loads to its last article, so every configuration pays its own start-up once
(Ray's included); the steady rate after the first results is shown beside it. What storing
costs is measured directly: the seconds the run's writer spent in ``Store.put``. The 2-process
store run is repeated on half the texts to show that peak worker memory does not grow with the
corpus.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path

from ..reports import emit_report

CONFIGS = (("bare", 1), ("analyse", 1), ("store", 1), ("store", 2), ("ray", 2))


def steady_rate(stamps: list[float]) -> float:
    """Items per second after the first batch of results (items finished at the same moment as
    the first one belong to it)."""
    if len(stamps) < 2:
        return 0.0
    stamps = sorted(stamps)
    first = stamps[0]
    after = [s for s in stamps if s > first + 1e-3]
    return len(after) / (stamps[-1] - first) if after and stamps[-1] > first else 0.0


def _rss_mib(who: int) -> float:
    import resource

    return round(resource.getrusage(who).ru_maxrss / 1024, 1)


def corpus_worker(config: str, processes: int, corpus: str, db: str) -> dict:
    """One configuration, timed in this process from before the model loads to the last
    article done (so every configuration pays its own start-up once)."""
    import resource

    records = [json.loads(line) for line in open(corpus, encoding="utf-8")]
    stamps: list[float] = []
    store_s = None
    start = time.perf_counter()
    if config == "bare":
        from ..pipeline import load_base

        nlp = load_base()
        for _ in nlp.pipe((r["text"] for r in records), batch_size=16):
            stamps.append(time.perf_counter())
    elif config == "analyse":
        from .. import analyze_many, load_pipeline
        from .runner import article_from_record

        nlp = load_pipeline()
        for _ in analyze_many((article_from_record(r) for r in records), nlp=nlp):
            stamps.append(time.perf_counter())
    else:
        from ..store import open_store
        from .runner import run_corpus

        if config == "ray":
            import ray

            ray.init(num_cpus=processes, include_dashboard=False, log_to_driver=False)
        with open_store(db) as store:
            summary = run_corpus([corpus], store, processes=processes, engine="local" if config == "store" else "ray",
                                 progress=False, on_stored=lambda _id: stamps.append(time.perf_counter()))
        if summary.failed:
            raise RuntimeError(summary.line())
        store_s = summary.store_seconds
    wall = (stamps[-1] if stamps else time.perf_counter()) - start
    words = sum(len(r["text"].split()) for r in records)
    return {"config": config, "processes": processes, "articles": len(records), "words": words,
            "seconds": round(wall, 2), "articles_per_s": round(len(records) / wall, 3) if wall else 0.0,
            "words_per_s": round(words / wall, 1) if wall else 0.0,
            "steady_articles_per_s": round(steady_rate(stamps), 3),
            "store_seconds": round(store_s, 2) if store_s is not None else None,
            "peak_rss_mib": _rss_mib(resource.RUSAGE_SELF),
            "peak_worker_rss_mib": _rss_mib(resource.RUSAGE_CHILDREN) if config == "store" and processes > 1 else None}


def _measure(config: str, processes: int, corpus: Path, db: Path) -> dict:
    from ..bench import in_fresh_process

    return in_fresh_process("hearsay.corpus.bench", "corpus_worker", config, processes, str(corpus), str(db),
                            what=f"bench corpus ({config}, {processes})")


def write_corpus(texts: list[str], path: Path) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for i, text in enumerate(texts):
            fh.write(json.dumps({"id": f"t{i:05d}", "text": text}) + "\n")


def benchmark_corpus(texts: list[str], configs=CONFIGS) -> dict:
    from ..bench import machine

    report = {"texts": len(texts), "words": sum(len(t.split()) for t in texts), "machine": machine(),
              "load_average": list(os.getloadavg()), "runs": [], "memory": []}
    with tempfile.TemporaryDirectory(prefix="hearsay-bench-corpus-") as tmp:
        full, half = Path(tmp) / "full.jsonl", Path(tmp) / "half.jsonl"
        write_corpus(texts, full)
        write_corpus(texts[: len(texts) // 2], half)
        for i, (config, n) in enumerate(configs):
            report["runs"].append(_measure(config, n, full, Path(tmp) / f"run{i}.db"))
        if ("store", 2) in configs:
            r = _measure("store", 2, half, Path(tmp) / "half.db")
            report["memory"] = [{"articles": r["articles"], "peak_worker_rss_mib": r["peak_worker_rss_mib"]},
                                *[{"articles": x["articles"], "peak_worker_rss_mib": x["peak_worker_rss_mib"]}
                                  for x in report["runs"] if (x["config"], x["processes"]) == ("store", 2)]]
    rate = {(r["config"], r["processes"]): r["articles_per_s"] for r in report["runs"]}

    def ratio(a, b):
        return round(rate[a] / rate[b], 3) if rate.get(a) and rate.get(b) else None

    store1 = next((r for r in report["runs"] if (r["config"], r["processes"]) == ("store", 1)), None)
    report["ratios"] = {
        "analyse / bare spaCy": ratio(("analyse", 1), ("bare", 1)),
        "store 1 process / analyse alone": ratio(("store", 1), ("analyse", 1)),
        "share of the 1-process store run spent storing": round(store1["store_seconds"] / store1["seconds"], 3)
        if store1 and store1["seconds"] else None,
        "store 2 processes / store 1": ratio(("store", 2), ("store", 1)),
        "ray 2 actors / store 1 process": ratio(("ray", 2), ("store", 1)),
    }
    return report


#: the table's columns: (field of a run, heading, how a value is shown)
COLUMNS = (("config", "run", str), ("processes", "processes", str), ("articles", "articles", str),
           ("seconds", "seconds", str), ("articles_per_s", "articles/s", str), ("words_per_s", "words/s", lambda v: str(int(v))),
           ("steady_articles_per_s", "steady articles/s", str), ("store_seconds", "storing s", str),
           ("peak_rss_mib", "peak RSS MiB", lambda v: str(int(v))), ("peak_worker_rss_mib", "worker RSS MiB", str))


def render_corpus(report: dict, markdown: bool = False) -> str:
    """The report as a table, its ratios and its memory line. A stored report from an older
    hearsay may lack fields (no ``seconds`` before runs were timed end to end): a column none
    of its runs has is left out and a missing value shows as ``-``, never made up."""
    from ..eval.tables import table

    runs = report.get("runs", [])
    cols = [c for c in COLUMNS if any(c[0] in r for r in runs)]
    rows = [[show(r[key]) if r.get(key) is not None else "-" for key, _, show in cols] for r in runs]
    out = [] if markdown else [f"{report['texts']} texts, {report['words']} words\n"]
    out.append(table([head for _, head, _ in cols], rows, markdown))
    out.extend(f"{k}: {v:.3f}" if v is not None else f"{k}: -" for k, v in report.get("ratios", {}).items())
    if report.get("memory"):
        out.append("peak worker RSS, 2 processes: " + ", ".join(
            f"{m['articles']} articles {m['peak_worker_rss_mib']} MiB" for m in report["memory"]))
    return "\n".join(out) + "\n"


def run(args) -> int:
    from ..bench import default_dir, read_texts
    from ..errors import HearsayError

    path = Path(args.corpus_dir) if getattr(args, "corpus_dir", None) else default_dir()
    texts = read_texts(path, args.limit)
    if len(texts) < 4:
        raise HearsayError(f"{path}: bench corpus needs at least 4 .txt files")
    report = benchmark_corpus(texts)
    report["dataset"] = str(path)
    emit_report(report, render_corpus, args.json)
    return 0
