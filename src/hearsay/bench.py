"""`hearsay bench [DIR]`: words per second of the full hearsay ledger against bare spaCy parsing.

Both are measured over the same texts in one run, each configuration in a fresh Python process
(so peak memory is its own): bare = the pinned English model's ``nlp.pipe``; hearsay = the same
model plus every hearsay stage, and Doc -> Ledger for each text. Loading is not timed; a short
warm-up runs first. On a shared machine the best of ``--repeat`` runs is reported.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

from .reports import emit_report

DEFAULT_SPLIT = Path("datasets") / "polnear" / "dev"
WARMUP_TEXTS = 3


def default_dir(shared: str | None = None) -> Path:
    from .eval.gate import shared_dir

    return shared_dir(shared) / DEFAULT_SPLIT


def read_texts(path: str | Path, limit: int | None = None) -> list[str]:
    """Every .txt under ``path`` (a PolNeAR split's text/ folder when there is one), sorted."""
    path = Path(path)
    if (path / "text").is_dir():
        path = path / "text"
    if path.is_file():
        files = [path]
    elif path.is_dir():
        files = sorted(path.rglob("*.txt"))
    else:
        from .errors import HearsayError

        raise HearsayError(f"{path}: no such folder (give a folder of .txt files, e.g. a PolNeAR split)")
    texts = []
    for f in files[: limit or None]:
        try:
            texts.append(f.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            print(f"hearsay bench: skipped {f}: {exc}", file=sys.stderr)
    return texts


def count_words(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


def _peak_mib() -> dict:
    import resource

    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"peak_rss_mib": round(own, 1), "peak_worker_rss_mib": round(kids, 1) if kids else None}


def worker(config: str, path: str, n_process: int, limit: int | None, batch_size: int) -> dict:
    """One timed pass in this process: ``config`` is "bare" or "hearsay"."""
    texts = read_texts(path, limit)
    if config == "bare":
        from .pipeline import load_base

        nlp = load_base()

        def run(batch):
            for _ in nlp.pipe(batch, batch_size=batch_size, n_process=n_process):
                pass
    else:
        from . import load_pipeline
        from .build import build_ledger
        from .pipeline import make_doc

        nlp = load_pipeline()

        def docs(batch):
            for t in batch:
                d = make_doc(nlp, t)
                d._.hearsay_meta = {"title": None, "outlet": None, "url": None, "published": None, "published_basis": "unknown"}
                yield d

        def run(batch):
            for doc in nlp.pipe(docs(batch), batch_size=batch_size, n_process=n_process):
                build_ledger(doc)

    run(texts[:WARMUP_TEXTS])
    start, cpu_start = time.perf_counter(), time.process_time()
    run(texts)
    seconds = time.perf_counter() - start
    # this process's CPU seconds: what the run itself cost, whatever else the machine was doing
    # (with several processes the work is in the workers, so only the one-process run has it)
    cpu = round(time.process_time() - cpu_start, 3) if n_process == 1 else None
    words = count_words(texts)
    return {"config": config, "n_process": n_process, "texts": len(texts), "words": words,
            "seconds": round(seconds, 3), "words_per_s": round(words / seconds, 1) if seconds else 0.0,
            "cpu_seconds": cpu, **_peak_mib()}


def profile(path: str, limit: int | None, batch_size: int) -> dict:
    """Seconds spent in each pipeline component (and Doc -> Ledger) over the texts, one process:
    where the time goes when the ratio is low."""
    from . import load_pipeline
    from .build import build_ledger
    from .pipeline import make_doc

    nlp = load_pipeline()
    texts = read_texts(path, limit)
    seconds: dict[str, float] = {name: 0.0 for name in nlp.pipe_names}
    seconds["tokenizer"] = 0.0
    seconds["build_ledger"] = 0.0
    for i in range(0, len(texts), batch_size):
        t0 = time.perf_counter()
        docs = [make_doc(nlp, t) for t in texts[i : i + batch_size]]
        seconds["tokenizer"] += time.perf_counter() - t0
        for name, proc in nlp.pipeline:
            t0 = time.perf_counter()
            docs = list(proc.pipe(docs, batch_size=batch_size)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
            seconds[name] += time.perf_counter() - t0
        t0 = time.perf_counter()
        for d in docs:
            build_ledger(d)
        seconds["build_ledger"] += time.perf_counter() - t0
    return {k: round(v, 3) for k, v in sorted(seconds.items(), key=lambda kv: -kv[1])}


def stage_ratio(stages: dict[str, float]) -> float | None:
    """Bare-spaCy share of the profiled time: the speed ratio as the stage profile sees it. All
    stages run interleaved in one pass, so background load hits both sides alike; on a busy
    machine this is steadier than the ratio of two separate timed runs."""
    ours = sum(v for k, v in stages.items() if k.startswith("hearsay_") or k == "build_ledger")
    total = sum(stages.values())
    return round((total - ours) / total, 3) if total else None


def in_fresh_process(module: str, function: str, *args, what: str) -> dict:
    """``module.function(*args)`` run in a new Python process (its own memory peak, nothing
    cached from an earlier configuration); its JSON result."""
    code = (f"import json; from {module} import {function}; "
            f"print(json.dumps({function}(*{args!r})))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    if proc.returncode != 0:
        from .errors import HearsayError

        raise HearsayError(f"{what} failed: {proc.stderr.strip()[-400:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def measure(config: str, path: str, n_process: int, limit: int | None, batch_size: int) -> dict:
    return in_fresh_process("hearsay.bench", "worker", config, str(path), n_process, limit, batch_size,
                            what=f"bench worker ({config}, {n_process} process)")


def machine() -> dict:
    info = {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count()}
    if hasattr(os, "getloadavg"):  # other work on the machine skews every ratio: say how much there was
        info["load_average"] = [round(x, 2) for x in os.getloadavg()]
    try:
        import spacy

        info["spacy"] = spacy.__version__
    except ImportError:  # pragma: no cover
        pass
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("model name"):
                    info["cpu"] = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return info


def benchmark(path: str, processes=(1, 2), repeat: int = 1, limit: int | None = None, batch_size: int = 16) -> dict:
    texts = read_texts(path, limit)
    report = {"dataset": str(path), "texts": len(texts), "words": count_words(texts), "repeat": repeat,
              "machine": machine(), "runs": [], "ratio": {}}
    best: dict = {}
    for n in processes:
        for _ in range(repeat):
            for config in ("bare", "hearsay"):   # alternate, so background load hits both alike
                r = measure(config, path, n, limit, batch_size)
                report["runs"].append(r)
                key = (config, n)
                if key not in best or r["words_per_s"] > best[key]["words_per_s"]:
                    best[key] = r
    report["best"] = [best[k] for k in sorted(best, key=lambda k: (k[1], k[0]))]
    for n in processes:
        if ("bare", n) in best and ("hearsay", n) in best and best[("bare", n)]["words_per_s"]:
            report["ratio"][str(n)] = round(best[("hearsay", n)]["words_per_s"] / best[("bare", n)]["words_per_s"], 3)
    report["cpu_ratio"] = cpu_ratio(report["runs"])
    return report


def cpu_ratio(runs: list[dict]) -> dict[str, float]:
    """Bare spaCy's CPU seconds over hearsay's (the least of each over the repeats), per process
    count that has them: the speed ratio as CPU time sees it. On a shared machine the wall-clock
    ratio swings with the load between the two runs; CPU time counts only each run's own work."""
    least: dict[tuple[str, int], float] = {}
    for r in runs:
        if r.get("cpu_seconds"):
            key = (r["config"], r["n_process"])
            least[key] = min(least.get(key, r["cpu_seconds"]), r["cpu_seconds"])
    return {str(n): round(least[("bare", n)] / least[("hearsay", n)], 3)
            for (config, n) in sorted(least) if config == "hearsay" and ("bare", n) in least}


def render(report: dict, markdown: bool = False) -> str:
    from .eval.tables import table

    rows = [[r["config"], r["n_process"], r["words"], r["seconds"], int(r["words_per_s"]),
             int(r["peak_rss_mib"]), int(r["peak_worker_rss_mib"]) if r["peak_worker_rss_mib"] else None]
            for r in report["best"]]
    out = [] if markdown else [f"{report['dataset']}: {report['texts']} texts, {report['words']} words; best of {report['repeat']}\n"]
    out.append(table(["pipeline", "processes", "words", "seconds", "words/s", "peak RSS MiB", "worker RSS MiB"], rows, markdown))
    for n, ratio in report["ratio"].items():
        out.append(f"hearsay / bare spaCy, {n} process{'es' if n != '1' else ''}: {ratio:.3f}")
    for n, ratio in report.get("cpu_ratio", {}).items():
        out.append(f"hearsay / bare spaCy by CPU time, {n} process{'es' if n != '1' else ''}: {ratio:.3f}")
    if report.get("stages"):
        out.append(f"hearsay / bare spaCy from the stage profile (1 process, interleaved): {stage_ratio(report['stages']):.3f}")
        out.append("")
        out.append(table(["stage (1 process)", "seconds", "share"],
                         [[k, v, round(v / max(1e-9, sum(report["stages"].values())), 3)] for k, v in report["stages"].items()], markdown))
    return "\n".join(out) + "\n"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("dir", nargs="?", default=None, metavar="DIR",
                        help="folder of .txt files or a PolNeAR split (default: ../shared/datasets/polnear/dev); "
                             "`corpus` instead measures store runs (1 and 2 processes, Ray) against bare spaCy; "
                             "`trace` the trace on synthetic corpora (1k, 4k, 16k articles); "
                             "`scaling` times one article of growing size (see --prose-sizes)")
    parser.add_argument("corpus_dir", nargs="?", default=None, metavar="CORPUS_DIR",
                        help="with `corpus`: the folder of .txt files to use (default as DIR); "
                             "with `trace`: the article .json folder to recombine (default: cascades-dev)")
    parser.add_argument("--sizes", default="1000,4000,16000", help="with `trace`: corpus sizes (default 1000,4000,16000)")
    parser.add_argument("--processes", default="1,2", help="comma-separated process counts (default 1,2)")
    parser.add_argument("--repeat", type=int, default=1, help="runs per configuration; the best is reported")
    parser.add_argument("--limit", type=int, default=None, metavar="N", help="only the first N texts")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--stages", action="store_true", help="also time each pipeline stage (one process)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--prose-sizes", default=None, metavar="SIZES",
                        help="scaling: prose sizes in characters, e.g. 10k,100k,1M (default 10k … 10M)")
    parser.add_argument("--quote-sizes", default=None, metavar="SIZES",
                        help="scaling: lengths of quote-mark runs (default 1k … 80k)")


def run(args) -> int:
    from .errors import HearsayError

    if args.dir == "scaling":
        from .scaling import run as run_scaling

        return run_scaling(args)
    if args.dir == "trace":
        from .eval import bench_trace

        source = args.corpus_dir or str(default_dir().parents[1] / "cascades-dev" / "articles")
        report = bench_trace.benchmark(source, sizes=tuple(int(x) for x in args.sizes.split(",") if x.strip()))
        emit_report(report, bench_trace.render, args.json)
        return 0
    if args.dir == "corpus":
        from .corpus.bench import run as run_corpus_bench

        return run_corpus_bench(args)
    path = Path(args.dir) if args.dir else default_dir()
    if not path.exists():
        raise HearsayError(f"{path}: not found; give a folder of .txt files (default is PolNeAR dev in ../shared)")
    processes = tuple(int(x) for x in str(args.processes).split(",") if x.strip())
    report = benchmark(str(path), processes=processes, repeat=max(1, args.repeat), limit=args.limit, batch_size=args.batch_size)
    if not report["texts"]:
        raise HearsayError(f"{path}: no .txt files")
    if args.stages:
        report["stages"] = profile(str(path), args.limit, args.batch_size)
    emit_report(report, render, args.json)
    return 0
