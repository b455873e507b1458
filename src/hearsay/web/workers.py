"""Analysis off the event loop: a pool of worker processes, each with its own pipeline.

One spaCy pipeline is not shared across threads, and some inputs are slow to parse (a run of
thousands of quote marks), so analysing in the server's own process would serialise every user
behind one lock and, under the GIL, stall even ``/health``. Instead each worker process loads
the pipeline once and analyses one article at a time; the server only waits on a pipe, in a
thread. A request over its time budget is answered 504 and its worker is killed and replaced,
so one pathological article costs one worker for ``timeout`` seconds, never the server.

``InlineAnalyser`` runs in-process with an already loaded pipeline: the tests use it to share
the session's pipeline; it has no time budget (a thread cannot be stopped).
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import threading
import traceback
from typing import Protocol

from ..ledger import Ledger


class AnalysisTimeout(Exception):
    """The article took longer than the per-request budget; its worker was replaced."""


class AnalysisBusy(Exception):
    """No worker came free within the queue's waiting limit: every one is busy (or restarting)."""


class AnalysisFailed(Exception):
    """The analysis raised: ``user`` says whether the input is at fault (a HearsayError)."""

    def __init__(self, message: str, user: bool):
        super().__init__(message)
        self.user = user


class Analyser(Protocol):
    async def start(self) -> None: ...
    async def analyse(self, article) -> Ledger: ...
    def info(self) -> dict: ...
    def close(self) -> None: ...


#: what a stage failure does in the web page (issue 8: ``analyze`` and the web page are lenient),
#: named here rather than taken from the process default (``HEARSAY_ON_FAILURE``), so a reader
#: always gets the rest of the ledger and a warning naming the stage, whatever environment the
#: server, or a worker process it starts, inherits
ON_FAILURE = "lenient"


def _analyse(nlp, article) -> Ledger:
    """The one call every analyser makes, in-process or in a worker, with the page's policy."""
    from .. import analyze_article

    return analyze_article(article, nlp=nlp, on_failure=ON_FAILURE)


def _failure(exc: BaseException) -> AnalysisFailed:
    from ..errors import HearsayError

    if isinstance(exc, HearsayError):
        return AnalysisFailed(str(exc), user=True)
    return AnalysisFailed(f"{type(exc).__name__}: {exc}", user=False)


class InlineAnalyser:
    """Analysis in this process, one article at a time, with a pipeline loaded elsewhere."""

    def __init__(self, nlp=None, model: str | None = None):
        self.nlp = nlp
        self.model = model
        self._lock = threading.Lock()

    async def start(self) -> None:
        if self.nlp is None:
            from .. import load_pipeline

            self.nlp = await asyncio.to_thread(load_pipeline, self.model)

    async def analyse(self, article) -> Ledger:
        def work():
            with self._lock:
                return _analyse(self.nlp, article)

        try:
            return await asyncio.to_thread(work)
        except Exception as exc:  # reported to the user as a 422 or a plain-spoken 500
            raise _failure(exc) from exc

    def info(self) -> dict:
        ready = self.nlp is not None
        return {"mode": "in-process", "workers": 1, "ready": int(ready), "pipeline": list(self.nlp.pipe_names) if ready else []}

    def close(self) -> None:
        pass


def worker_main(conn, model: str | None) -> None:
    """A worker process: load the pipeline, say so, then analyse what comes down the pipe."""
    try:
        from .. import load_pipeline

        nlp = load_pipeline(model)
    except Exception as exc:  # the pipeline itself cannot load: the parent reports it at start
        conn.send(("dead", f"{type(exc).__name__}: {exc}"))
        return
    conn.send(("ready", list(nlp.pipe_names)))
    while True:
        try:
            article = conn.recv()
        except EOFError:
            return
        try:
            conn.send(("ok", _analyse(nlp, article).to_json(indent=None)))
        except Exception as exc:
            failure = _failure(exc)
            detail = "" if failure.user else traceback.format_exc(limit=4)
            conn.send(("error", str(failure), failure.user, detail))


class _Worker:
    def __init__(self, ctx, model: str | None):
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=worker_main, args=(child, model), daemon=True, name="hearsay-worker")
        self.process.start()
        child.close()
        self.pipeline: list[str] = []

    def wait_ready(self, timeout: float) -> None:
        if not self.conn.poll(timeout):
            self.kill()
            raise RuntimeError(f"a worker did not load the pipeline within {timeout:.0f} s")
        message = self.conn.recv()
        if message[0] != "ready":
            self.kill()
            raise RuntimeError(f"a worker could not load the pipeline: {message[1]}")
        self.pipeline = message[1]

    def call(self, article, timeout: float):
        self.conn.send(article)
        if not self.conn.poll(timeout):
            raise AnalysisTimeout()
        return self.conn.recv()

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()


class WorkerPool:
    """``size`` worker processes; each request takes an idle one for at most ``timeout`` s."""

    START_TIMEOUT = 300.0

    def __init__(self, size: int | None = None, model: str | None = None, timeout: float = 60.0, wait: float | None = None):
        self.size = max(1, size or os.cpu_count() or 1)
        self.model = model
        self.timeout = timeout
        #: how long a request waits for a free worker before it is answered 503, so no request
        #: hangs behind a queue that does not move (every worker restarting, say)
        self.wait = wait if wait is not None else max(120.0, 4 * timeout)
        self._ctx = multiprocessing.get_context("spawn")
        self._idle: asyncio.Queue[_Worker] | None = None
        self._all: set[_Worker] = set()
        self._replaced = 0
        self._pipeline: list[str] = []

    def _spawn(self) -> _Worker:
        worker = _Worker(self._ctx, self.model)
        self._all.add(worker)
        try:
            worker.wait_ready(self.START_TIMEOUT)
        except Exception:
            self._all.discard(worker)
            raise
        self._pipeline = worker.pipeline
        return worker

    async def start(self) -> None:
        self._idle = asyncio.Queue()
        workers = await asyncio.gather(*(asyncio.to_thread(self._spawn) for _ in range(self.size)))
        for w in workers:
            self._idle.put_nowait(w)

    async def _replace(self, worker: _Worker) -> None:
        """Kill ``worker`` and put a fresh one in its place once its pipeline has loaded."""
        self._all.discard(worker)
        await asyncio.to_thread(worker.kill)
        self._replaced += 1
        try:
            fresh = await asyncio.to_thread(self._spawn)
        except Exception:  # keep serving on the workers left; the next replacement tries again
            return
        self._idle.put_nowait(fresh)

    async def analyse(self, article) -> Ledger:
        assert self._idle is not None, "the pool has not been started"
        try:
            worker = await asyncio.wait_for(self._idle.get(), self.wait)
        except asyncio.TimeoutError:
            raise AnalysisBusy() from None
        try:
            reply = await asyncio.to_thread(worker.call, article, self.timeout)
        except AnalysisTimeout:
            asyncio.get_running_loop().create_task(self._replace(worker))
            raise
        except (EOFError, OSError, BrokenPipeError) as exc:
            asyncio.get_running_loop().create_task(self._replace(worker))
            raise AnalysisFailed(f"the worker analysing this article stopped ({type(exc).__name__})", user=False) from exc
        except BaseException:
            # cancelled while the worker is busy: its answer would reach the next request
            asyncio.get_running_loop().create_task(self._replace(worker))
            raise
        self._idle.put_nowait(worker)
        if reply[0] == "ok":
            return Ledger.model_validate_json(reply[1])
        raise AnalysisFailed(reply[1], user=reply[2])

    def info(self) -> dict:
        return {
            "mode": "worker processes",
            "workers": self.size,
            "ready": self._idle.qsize() if self._idle is not None else 0,
            "replaced": self._replaced,
            "timeout_s": self.timeout,
            "pipeline": self._pipeline,
        }

    def close(self) -> None:
        for worker in list(self._all):
            worker.kill()
        self._all.clear()
