"""`hearsay bench scaling`: what one article costs as it grows, in time and peak memory.

Each size runs in a fresh Python process, so its peak RSS is its own: prose (the bundled
example article repeated, paragraph by paragraph, up to the size) from 10 KB to 10 MB, and runs
of straight quote marks (the input that made the tokenizer quadratic) from 1,000 to 80,000.
The growth exponent is the slope of log(time) against log(size) over the sizes large enough
that the fixed cost of a call no longer dominates; 1.0 is linear, 2.0 quadratic. It is fitted on
CPU time as well as wall time: on a shared machine the wall clock also counts other people's work.
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
import time
from pathlib import Path

from .reports import emit_report

EXAMPLE = Path(__file__).parent / "examples" / "harbor-council.txt"
PROSE_SIZES = (10_000, 30_000, 100_000, 300_000, 1_000_000, 3_000_000, 10_000_000)
QUOTE_SIZES = (1_000, 5_000, 10_000, 20_000, 40_000, 80_000)
#: sizes below these are left out of the fitted exponent when enough larger ones were measured
#: (the fixed cost of a call dominates them)
FIT_FROM = {"prose": 100_000, "quotes": 5_000}
GOAL_EXPONENT = 1.15


def make_text(kind: str, size: int) -> str:
    if kind == "quotes":
        return '"' * size
    base = EXAMPLE.read_text(encoding="utf-8").strip() + "\n\n"
    return (base * (size // len(base) + 1))[:size]


def worker(kind: str, size: int) -> dict:
    """One article of ``size`` characters analysed in this process: seconds and peak RSS."""
    import resource

    from . import analyze_article, load_pipeline
    from .ingest import from_text

    nlp = load_pipeline()
    analyze_article(from_text("The mayor said the bridge would reopen."), nlp)   # warm-up
    text = make_text(kind, size)
    cpu0 = _cpu_seconds()
    start = time.perf_counter()
    # strict: a stage that failed would finish early and flatter the figures
    ledger = analyze_article(from_text(text), nlp, on_failure="strict")
    seconds = time.perf_counter() - start
    cpu = _cpu_seconds() - cpu0
    assert ledger.document.text == text
    return {"kind": kind, "chars": size, "seconds": round(seconds, 2), "cpu_seconds": round(cpu, 2),
            "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            "claims": len(ledger.claims)}


def _cpu_seconds() -> float:
    """CPU time of this process: on a machine shared with other work, wall time mostly measures
    the others; CPU time is what the article cost."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def measure(kind: str, size: int) -> dict:
    code = f"import json; from hearsay.scaling import worker; print(json.dumps(worker({kind!r}, {size})))"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    if proc.returncode != 0:
        from .errors import HearsayError

        raise HearsayError(f"scaling worker ({kind}, {size:,} chars) failed: {proc.stderr.strip()[-400:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def exponent(rows: list[dict], key: str = "seconds", fit_from: int = 0) -> float | None:
    """Least-squares slope of log(key) on log(chars) over rows of at least ``fit_from`` chars."""
    pts = [(math.log(r["chars"]), math.log(max(r[key], 1e-3))) for r in rows if r["chars"] >= fit_from]
    if len(pts) < 2:
        return None
    mx = sum(x for x, _ in pts) / len(pts)
    my = sum(y for _, y in pts) / len(pts)
    sxx = sum((x - mx) ** 2 for x, _ in pts)
    return round(sum((x - mx) * (y - my) for x, y in pts) / sxx, 2) if sxx else None


def scaling(prose=PROSE_SIZES, quotes=QUOTE_SIZES, progress=None) -> dict:
    from .bench import machine

    report = {"machine": machine(), "runs": [], "exponents": {}, "goal": GOAL_EXPONENT}
    for kind, sizes in (("prose", prose), ("quotes", quotes)):
        rows = []
        if not sizes:
            continue
        for size in sizes:
            rows.append(measure(kind, size))
            if progress:
                progress(rows[-1])
        report["runs"] += rows
        fit_from = FIT_FROM[kind] if sum(r["chars"] >= FIT_FROM[kind] for r in rows) >= 2 else 0
        report["exponents"][kind] = {"seconds": exponent(rows, "seconds", fit_from),
                                     "cpu_seconds": exponent(rows, "cpu_seconds", fit_from),
                                     "peak_rss_mib": exponent(rows, "peak_rss_mib", fit_from), "fit_from": fit_from}
    return report


def render(report: dict, markdown: bool = False) -> str:
    from .eval.tables import table

    rows = [[r["kind"], f"{r['chars']:,}", r["seconds"], r.get("cpu_seconds"), int(r["peak_rss_mib"]), r["claims"]]
            for r in report["runs"]]
    out = [table(["input", "chars", "seconds", "CPU seconds", "peak RSS MiB", "claims"], rows, markdown)]
    for kind, exp in report["exponents"].items():
        out.append(f"\n{kind}: growth exponent **{exp.get('cpu_seconds')}** in CPU time ({exp['seconds']} in wall time), "
                   f"{exp['peak_rss_mib']} in peak memory (fitted from {exp['fit_from']:,} chars; goal <= {report['goal']})")
    return "\n".join(out) + "\n"


def parse_sizes(value: str | None, default: tuple[int, ...]) -> tuple[int, ...]:
    """Sizes such as "10k,100k,1M" (k = 1,000, M = 1,000,000); empty: none."""
    if value is None:
        return default
    out = []
    for part in value.split(","):
        part = part.strip().lower()
        if part:
            mult = 1_000_000 if part.endswith("m") else 1_000 if part.endswith("k") else 1
            out.append(int(float(part.rstrip("km")) * mult))
    return tuple(out)


def run(args) -> int:
    prose = parse_sizes(args.prose_sizes, PROSE_SIZES)
    quotes = parse_sizes(args.quote_sizes, QUOTE_SIZES)
    report = scaling(prose, quotes, progress=lambda r: print(f"  {r['kind']} {r['chars']:,}: {r['seconds']} s ({r['cpu_seconds']} s CPU), {r['peak_rss_mib']} MiB", file=sys.stderr))
    emit_report(report, render, args.json)
    return 0
