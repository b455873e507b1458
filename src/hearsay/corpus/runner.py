"""A corpus run: read inputs, skip what the store already holds, analyse the rest on local
processes or Ray, and store each ledger as it arrives.

Only this driver writes to the store (one transaction per article), so a run killed at any
moment leaves whole articles only, and a rerun analyses exactly what is missing. Workers load
the model once each and send back the ledger JSON; a record that fails is stored in
``failures`` and the run goes on.
"""

from __future__ import annotations

import importlib.metadata
import multiprocessing as mp
import os
import signal
import sys
import time
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from .. import __version__
from ..errors import HearsayError, InputError
from ..ingest import Article
from ..ledger import Ledger
from ..store import Store, article_id, content_hash
from .inputs import read_all

#: articles per task sent to a worker (and per nlp.pipe batch there)
CHUNK = 8
#: how many failure reasons the closing summary quotes
REASONS_SHOWN = 3


@dataclass
class RunSummary:
    analysed: int = 0
    already: int = 0
    failed: int = 0
    reasons: list[str] = field(default_factory=list)
    seconds: float = 0.0
    store_seconds: float = 0.0   # of ``seconds``, spent writing ledgers to the store
    interrupted: bool = False

    def fail(self, reason: str) -> None:
        self.failed += 1
        if len(self.reasons) < REASONS_SHOWN:
            self.reasons.append(reason)

    def line(self) -> str:
        rate = f" ({self.analysed / self.seconds:.1f} articles/s)" if self.seconds and self.analysed else ""
        text = f"{self.analysed} analysed{rate}, {self.already} already stored, {self.failed} failed"
        if self.reasons:
            text += ": " + "; ".join(self.reasons) + ("; …" if self.failed > len(self.reasons) else "")
        return ("interrupted: " if self.interrupted else "") + text


def pipeline_version(model: str | None = None) -> str:
    """What made a ledger: hearsay's version and the spaCy model package's (the model is not
    loaded). ``--refresh`` re-analyses articles whose stored ledger says anything else."""
    from ..pipeline import find_model

    name = model or find_model()
    try:
        version = importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        version = "unknown"
    return f"hearsay {__version__} / {name} {version}"


# -- articles across process boundaries ---------------------------------------------------------
ARTICLE_FIELDS = ("text", "title", "outlet", "url", "published", "published_basis", "origin")


def article_record(article: Article) -> dict:
    """An article as plain strings (what Ray datasets and worker pipes carry)."""
    rec = {k: getattr(article, k) for k in ARTICLE_FIELDS}
    rec["id"] = article_id(article)
    return rec


def article_from_record(rec: dict) -> Article:
    art = Article(**{k: rec.get(k) for k in ARTICLE_FIELDS if rec.get(k) is not None})
    art.extra["id"] = rec["id"]
    return art


def analyze_records(nlp, records: list[dict]) -> list[dict]:
    """Ledger JSON (or the error) for each record, in order. The batch goes through
    ``analyze_many``; if it fails, each article is retried alone, so one bad article costs
    only itself."""
    from .. import analyze_article, analyze_many

    articles = [article_from_record(r) for r in records]
    try:
        ledgers = list(analyze_many(articles, nlp=nlp, batch_size=len(articles) or 1))
        return [{"id": r["id"], "ledger": l.to_json(indent=None), "error": None} for r, l in zip(records, ledgers)]
    except Exception:  # noqa: BLE001 - narrowed below, article by article
        out = []
        for r, art in zip(records, articles):
            try:
                out.append({"id": r["id"], "ledger": analyze_article(art, nlp).to_json(indent=None), "error": None})
            except Exception as exc:  # noqa: BLE001 - a stage bug in one article must not stop the run
                out.append({"id": r["id"], "ledger": None, "error": "analysis failed: " + _one_line(exc)})
        return out


def _one_line(exc: BaseException, limit: int = 300) -> str:
    return f"{type(exc).__name__}: {' '.join(str(exc).split())}"[:limit]


# -- local processes ----------------------------------------------------------------------------
_worker_nlp = None


def _worker_init(model: str | None) -> None:
    global _worker_nlp
    signal.signal(signal.SIGINT, signal.SIG_IGN)   # the driver handles Ctrl-C and ends the pool
    from .. import load_pipeline

    _worker_nlp = load_pipeline(model)


def _worker_run(records: list[dict]) -> list[dict]:
    return analyze_records(_worker_nlp, records)


def _chunks(items: list, size: int) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def local_results(records: list[dict], *, processes: int, model: str | None) -> Iterator[dict]:
    if processes <= 1:
        from .. import load_pipeline

        nlp = load_pipeline(model)
        for chunk in _chunks(records, CHUNK):
            yield from analyze_records(nlp, chunk)
        return
    ctx = mp.get_context("spawn")
    pool = ctx.Pool(processes, initializer=_worker_init, initargs=(model,))
    try:
        for result in pool.imap_unordered(_worker_run, _chunks(records, CHUNK)):
            yield from result
        pool.close()
    finally:
        pool.terminate()
        pool.join()


# -- the run -------------------------------------------------------------------------------------
def _failure(store: Store, summary: RunSummary, where: str, error: str) -> None:
    path, _, record = where.partition(", ")
    store.put_failure(path, record or None, error)
    summary.fail(f"{where}: {error}")


def plan(store: Store, paths: Iterable[str], summary: RunSummary, *, version: str, refresh: bool,
         fmt: str = "auto", published: str | None = None) -> list[dict]:
    """The records still to analyse: inputs read, failures stored, and everything already in
    the store (same id, or same text and details under another id) counted and left out."""
    versions, hashes = store.stored_keys()
    seen_ids, seen_hashes, todo = set(), set(), []
    for item in read_all(paths, fmt=fmt, published=published):
        if isinstance(item, InputError):
            _failure(store, summary, item.where, item.problem + (f" (expected {item.expected})" if item.expected else ""))
            continue
        aid, digest = article_id(item), content_hash(item)
        stored = versions.get(aid)
        if stored is not None and (not refresh or stored == version):
            summary.already += 1
            continue
        if (digest in hashes and stored is None) or aid in seen_ids or digest in seen_hashes:
            summary.already += 1   # the same text and details are already stored (or queued) under another id
            continue
        seen_ids.add(aid)
        seen_hashes.add(digest)
        todo.append(article_record(item))
    return todo


def run_corpus(paths: Iterable[str], store: Store, *, processes: int | None = None, engine: str = "local",
               ray_address: str | None = None, refresh: bool = False, model: str | None = None,
               fmt: str = "auto", published: str | None = None, progress: bool | None = None,
               on_stored: Callable[[str], None] | None = None) -> RunSummary:
    """Analyse every article under ``paths`` that ``store`` lacks, and store it."""
    start = time.perf_counter()
    summary = RunSummary()
    version = pipeline_version(model)
    todo = plan(store, paths, summary, version=version, refresh=refresh, fmt=fmt, published=published)
    processes = processes or os.cpu_count() or 1
    by_id = {r["id"]: r for r in todo}
    if engine not in ("local", "ray"):
        raise HearsayError(f"unknown engine {engine!r} (expected local or ray)")
    if not todo:
        results = iter(())
    elif engine == "ray":
        from .ray_engine import ray_results

        results = ray_results(todo, actors=processes, address=ray_address, model=model)
    elif engine == "local":
        results = local_results(todo, processes=min(processes, -(-len(todo) // CHUNK)), model=model)
    bar = _progress(len(todo), progress)
    try:
        for result in results:
            rec = by_id[result["id"]]
            if result["error"]:
                _failure(store, summary, rec.get("origin") or rec["id"], result["error"])
            else:
                t0 = time.perf_counter()
                store.put(article_from_record(rec), Ledger.model_validate_json(result["ledger"]), pipeline_version=version)
                summary.store_seconds += time.perf_counter() - t0
                summary.analysed += 1
                if on_stored:
                    on_stored(rec["id"])
            bar.advance()
    except KeyboardInterrupt:
        summary.interrupted = True
    finally:
        close = getattr(results, "close", None)
        if close:
            close()   # ends the worker pool (or Ray's stream) even when storing failed
        bar.close()
        summary.seconds = time.perf_counter() - start
    return summary


class _Progress:
    """A rich progress bar on stderr (articles/s and ETA) when stderr is a terminal; else quiet."""

    def __init__(self, total: int, show: bool):
        self.bar = None
        if show and total:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self.bar = Progress(TextColumn("analysing"), BarColumn(), MofNCompleteColumn(),
                                TextColumn("{task.fields[rate]}"), TimeRemainingColumn(),
                                console=Console(stderr=True))
            self.task = self.bar.add_task("analysing", total=total, rate="")
            self.bar.start()

    def advance(self) -> None:
        if self.bar:
            speed = self.bar.tasks[0].speed
            self.bar.update(self.task, advance=1, rate=f"{speed:.1f} articles/s" if speed else "")

    def close(self) -> None:
        if self.bar:
            self.bar.stop()


def _progress(total: int, show: bool | None) -> _Progress:
    return _Progress(total, sys.stderr.isatty() if show is None else show)
