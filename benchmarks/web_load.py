"""Load on `hearsay serve`, bounded and on loopback only: throughput of 1 and 2 worker
processes at concurrency 16 with a ~700-word article, and `/health` latency while a
pathological request (20,000 straight quote marks) is being analysed.

    python benchmarks/web_load.py                      # prints the report as JSON
    python benchmarks/web_load.py --requests 48 --out benchmarks/results/web.json

Each phase starts its own server (`hearsay serve --no-store --rate-limit 0`) on a free
loopback port and stops it afterwards. Every request sends a different text (a numbered
closing line), so none is answered from the kept ledgers. The numbers are ratios within one
run on one machine: compare them with each other, not across machines.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "src" / "hearsay" / "examples" / "harbor-council.txt"
HOST = "127.0.0.1"


def article(n: int) -> str:
    """~700 words: the bundled example article three times, closed by a line naming ``n``."""
    body = EXAMPLE.read_text(encoding="utf-8").strip()
    return "\n\n".join([body] * 3) + f"\n\nThis is request number {n} of the load test, the harbor board said."


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


class Server:
    """`hearsay serve` in a child process, on loopback, until the block ends."""

    def __init__(self, workers: int, timeout: float):
        self.port = free_port()
        self.args = [sys.executable, "-m", "hearsay", "serve", "--host", HOST, "--port", str(self.port),
                     "--workers", str(workers), "--timeout", str(timeout), "--no-store", "--rate-limit", "0",
                     "--keep", "1000"]
        self.url = f"http://{HOST}:{self.port}"
        self.workers = workers

    def __enter__(self) -> "Server":
        import httpx

        self.proc = subprocess.Popen(self.args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the server stopped: {self.proc.stderr.read().decode(errors='replace')[-2000:]}")
            try:
                info = httpx.get(self.url + "/health", timeout=2).json()
                if info["analysis"]["ready"] >= self.workers:
                    return self
            except (httpx.HTTPError, KeyError, ValueError):
                pass
            time.sleep(0.5)
        raise RuntimeError("the server did not get ready within 300 s")

    def __exit__(self, *exc) -> None:
        os.killpg(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))] if ordered else float("nan")


async def throughput(url: str, requests: int, concurrency: int) -> dict:
    """``requests`` analyses, ``concurrency`` at a time: requests/s, latency, errors."""
    import httpx

    latencies: list[float] = []
    errors: list[str] = []
    counter = iter(range(requests))

    async def client(http):
        for n in counter:
            t0 = time.perf_counter()
            r = await http.post(url + "/api/analyze", json={"text": article(n)})
            latencies.append(time.perf_counter() - t0)
            if r.status_code != 200:
                errors.append(f"{r.status_code}: {r.text[:120]}")

    async with httpx.AsyncClient(timeout=600) as http:
        t0 = time.perf_counter()
        await asyncio.gather(*(client(http) for _ in range(concurrency)))
        wall = time.perf_counter() - t0
    return {
        "requests": requests, "concurrency": concurrency, "seconds": round(wall, 2),
        "per_second": round(requests / wall, 2),
        "p50_ms": round(statistics.median(latencies) * 1000), "p99_ms": round(pct(latencies, 0.99) * 1000),
        "errors": len(errors), "first_errors": errors[:3],
    }


async def health_under_pathology(url: str, quotes: int) -> dict:
    """/health polled every 50 ms while one request of ``quotes`` quote marks is analysed."""
    import httpx

    async with httpx.AsyncClient(timeout=600) as http:
        slow = asyncio.create_task(http.post(url + "/api/analyze", json={"text": '"' * quotes}))
        await asyncio.sleep(0.5)  # let it reach a worker
        latencies: list[float] = []
        failures = 0
        while not slow.done():
            t0 = time.perf_counter()
            r = await http.get(url + "/health")
            latencies.append(time.perf_counter() - t0)
            failures += r.status_code != 200
            await asyncio.sleep(0.05)
        t_slow = await slow
    return {
        "quote_marks": quotes, "pathological_status": t_slow.status_code,
        "pathological_answer": (t_slow.json().get("error") or "ledger")[:160],
        "health_requests": len(latencies), "health_errors": failures,
        "health_p50_ms": round(statistics.median(latencies) * 1000, 1) if latencies else None,
        "health_p99_ms": round(pct(latencies, 0.99) * 1000, 1) if latencies else None,
        "health_max_ms": round(max(latencies) * 1000, 1) if latencies else None,
    }


def measure(requests: int = 48, concurrency: int = 16, quotes: int = 20_000, timeout: float = 60.0) -> dict:
    t0 = time.perf_counter()
    load_before = os.getloadavg()[0]
    report: dict = {"article_words": len(article(0).split()), "phases": {}}
    for workers in (1, 2):
        with Server(workers, timeout) as server:
            asyncio.run(throughput(server.url, min(concurrency, 8), concurrency))  # warm-up
            report["phases"][f"workers_{workers}"] = asyncio.run(throughput(server.url, requests, concurrency))
    one, two = report["phases"]["workers_1"], report["phases"]["workers_2"]
    report["speedup_2_vs_1"] = round(two["per_second"] / one["per_second"], 2)
    with Server(2, timeout) as server:
        report["health"] = asyncio.run(health_under_pathology(server.url, quotes))
    report["errors"] = one["errors"] + two["errors"] + report["health"]["health_errors"]
    report["_run"] = {
        "command": f"python benchmarks/web_load.py --requests {requests} --concurrency {concurrency} --quotes {quotes}",
        "seconds": round(time.perf_counter() - t0, 1),
        "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "cores": os.cpu_count(),
        # other programs' load decides whether a second worker finds a free core
        "load_average": [round(load_before, 2), round(os.getloadavg()[0], 2)],
    }
    return report


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--requests", type=int, default=48, help="analyses per throughput phase")
    ap.add_argument("--concurrency", type=int, default=16)
    ap.add_argument("--quotes", type=int, default=20_000, help="quote marks in the pathological request")
    ap.add_argument("--timeout", type=float, default=60.0, help="the servers' --timeout")
    ap.add_argument("--out", default=None, help="also write the report here (JSON)")
    args = ap.parse_args(argv)
    report = measure(args.requests, args.concurrency, args.quotes, args.timeout)
    text = json.dumps(report, indent=1)
    if args.out:
        Path(args.out).write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
