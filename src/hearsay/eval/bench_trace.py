"""`hearsay bench trace`: how the trace's time and memory grow with the corpus.

Synthetic corpora of 1k, 4k and 16k articles are built from the ledgers of a small real
corpus (cascades-dev by default, analysed once): every copy of it is a separate "world" whose
people, places, outlets and other content words are renamed to made-up words of the same length
(so every ledger span stays valid) and whose dates are shifted, so claims cascade inside a world
as they do in the real corpus and never across worlds. Renaming the entities alone is not
enough: the worlds would then be near-verbatim copies of one another (the same sentences with
other names), which is a syndication network, not a corpus of different stories. The trace then runs on each size in a fresh process;
the growth exponent between sizes is log(time ratio) / log(size ratio): 1 is linear, 2 is
all pairs.

The exponent is taken from the CPU seconds the trace process spent, not from wall-clock
seconds: on a machine shared with other jobs the wall clock of the larger (longer) run
absorbs more of their load, which reads as super-linear growth that is not the trace's.
Both are recorded, with the load average each run started under, and the page prints both.
"""

from __future__ import annotations

import json
import math
import os
import re
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

SIZES = (1000, 4000, 16000)


class Pseudonyms:
    """Made-up words of the same length and capitalisation, one per word and world, and no two
    alike: the k-th renamed word of length L in world w is number w * V_L + k (V_L: how many
    renamed words have that length), spread over all 26**L lowercase strings of that length by
    an affine bijection. Words drawn at random from a small alphabet (as this once did) collide
    between worlds more often the more worlds there are, which gives worlds that share no story
    rare words in common: the trace then compares more claims per claim as the corpus grows,
    and the benchmark measures the birthday paradox instead of the trace. Numbers only repeat
    once a length's 26**L strings are used up (4-letter words: past 26**4 / V_4 worlds)."""

    def __init__(self, words: set[str]):
        by_length: dict[int, list[str]] = {}
        for w in sorted({w.lower() for w in words}):
            by_length.setdefault(len(w), []).append(w)
        self.rank = {w: (n, len(ws)) for ws in by_length.values() for n, w in enumerate(ws)}

    def __call__(self, word: str, world: int) -> str:
        rank, vocab = self.rank[word.lower()]
        size = 26 ** len(word)
        step = _coprime_step(size)
        number = ((world * vocab + rank) * step + size // 3) % size
        letters = []
        for _ in word:
            number, digit = divmod(number, 26)
            letters.append("abcdefghijklmnopqrstuvwxyz"[digit])
        return "".join(o.upper() if c.isupper() else o for c, o in zip(word, letters))


def _coprime_step(size: int) -> int:
    """A multiplier that permutes 0..size-1 (odd and not a multiple of 13, as size is 26**L)."""
    step = 2654435761 % size
    while step % 2 == 0 or step % 13 == 0:
        step += 1
    return step


def _names(ledgers: list[dict]) -> set[str]:
    """The words a world renames: every word of four letters or more that is not a stopword
    (names, places and outlets among them)."""
    from ..trace.words import lexicon

    stop = lexicon()["stopwords"]
    words = set()
    for led in ledgers:
        words.update(w for w in re.findall(r"[A-Za-z]{4,}", led["document"]["text"]) if w.lower() not in stop)
        words.update(w for w in re.findall(r"[A-Za-z]{4,}", led["document"].get("outlet") or "") if w.lower() not in stop)
    return words


#: the ledger fields that hold article words (kinds, ids and dates are left alone)
WORD_FIELDS = {"text", "title", "outlet", "label", "name", "summary", "message", "verdict"}


def _rename(value, pattern: re.Pattern, pseudo: Pseudonyms, world: int, key: str | None = None):
    if isinstance(value, str):
        return pattern.sub(lambda m: pseudo(m.group(0), world), value) if key in WORD_FIELDS else value
    if isinstance(value, list):
        return [_rename(v, pattern, pseudo, world, key) for v in value]
    if isinstance(value, dict):
        return {k: _rename(v, pattern, pseudo, world, k) for k, v in value.items()}
    return value


def synthetic(base: list[tuple[dict, dict]], n: int) -> list[dict]:
    """``n`` ledger records (with ``id`` and ``published``) recombined from ``base``."""
    names = _names([led for _, led in base])
    pattern = re.compile(r"\b(" + "|".join(sorted(map(re.escape, names), key=len, reverse=True)) + r")\b")
    pseudo = Pseudonyms(names)
    out = []
    for k in range(n):
        row, led = base[k % len(base)]
        world = k // len(base)
        rec = _rename(led, pattern, pseudo, world)
        published = row.get("published")
        if published:
            when = datetime.fromisoformat(published.replace("Z", "+00:00")) + timedelta(days=3 * world)
            published = when.strftime("%Y-%m-%dT%H:%M:%SZ")
        rec["document"]["published"] = published
        rec["id"] = f"w{world}-{row['id']}"
        out.append(rec)
    return out


def _worker(path: str) -> None:
    """Runs in a fresh process: trace one synthetic corpus file, print time and peak memory."""
    import resource

    from ..ledger import Ledger
    from ..trace import trace_corpus
    from ..trace_command import _row

    pairs = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        rid = rec.pop("id")
        led = Ledger.model_validate(rec)
        pairs.append((_row(rid, led.document, rec["document"]), led))
    load = [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None
    start, cpu_start = time.perf_counter(), time.process_time()
    trace = trace_corpus(pairs)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"articles": len(pairs), "seconds": round(elapsed, 2), "cpu_seconds": round(cpu, 2),
                      "peak_mib": round(peak, 1), "load_average": load,
                      "traced_claims": len(trace.claims), "citations": len(trace.citations), "copies": len(trace.copies)}))


def benchmark(articles_dir: str, sizes=SIZES) -> dict:
    from ..trace_command import read_inputs

    files = sorted(str(p) for p in Path(articles_dir).glob("*.json"))
    if not files:
        from ..errors import InputError

        raise InputError(articles_dir, "no article .json files", "a folder like datasets/cascades-dev/articles")
    pairs = read_inputs(files)
    base = [({"id": row.id, "published": row.published}, led.to_dict()) for row, led in pairs]
    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            path = Path(tmp) / f"corpus-{n}.jsonl"
            path.write_text("\n".join(json.dumps(r) for r in synthetic(base, n)) + "\n", encoding="utf-8")
            proc = subprocess.run([sys.executable, "-c", f"from hearsay.eval.bench_trace import _worker; _worker({str(path)!r})"],
                                  capture_output=True, text=True)
            if proc.returncode != 0:
                from ..errors import HearsayError

                raise HearsayError(f"the trace of the {n}-article corpus failed: {proc.stderr.strip().splitlines()[-1:]}")
            runs.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    for a, b in zip(runs, runs[1:]):
        b["growth_exponent"] = _exponent(a, b, "cpu_seconds")
        b["wall_growth_exponent"] = _exponent(a, b, "seconds")
    return {"base": articles_dir, "runs": runs, **extrapolate(runs)}


def _exponent(a: dict, b: dict, key: str) -> float | None:
    """log(time ratio) / log(size ratio) between two runs."""
    if not a[key] or not b[key] or a["articles"] == b["articles"]:
        return None
    return round(math.log(b[key] / a[key]) / math.log(b["articles"] / a["articles"]), 2)


def extrapolate(runs: list[dict], target: int = 1_000_000) -> dict:
    """The worst measured CPU-time growth exponent, and the largest run's CPU seconds per
    article carried to ``target`` articles at that exponent (never below linear)."""
    last = runs[-1]
    worst = max([r["growth_exponent"] for r in runs if r.get("growth_exponent") is not None] or [1.0])
    per_article = last["cpu_seconds"] / last["articles"]
    hours = per_article * target * (target / last["articles"]) ** (max(worst, 1.0) - 1) / 3600
    return {"max_growth_exponent": worst,
            "max_wall_growth_exponent": max([r["wall_growth_exponent"] for r in runs if r.get("wall_growth_exponent") is not None] or [1.0]),
            "extrapolated_1m_hours": round(hours, 2)}


def render(report: dict) -> str:
    from .tables import table

    rows = [[r["articles"], r.get("cpu_seconds"), r["seconds"], r["peak_mib"], r.get("growth_exponent"),
             r.get("wall_growth_exponent"), (r.get("load_average") or [None])[0], r["traced_claims"], r["citations"]]
            for r in report["runs"]]
    return ("== trace benchmark: synthetic corpora recombined from " + report["base"] + " ==\n"
            + table(["articles", "CPU s", "wall s", "peak MiB", "growth exp. (CPU)", "growth exp. (wall)", "load at start",
                     "traced claims", "citations"], rows)
            + f"extrapolated to 1M articles at the worst measured CPU growth ({report['max_growth_exponent']}): "
              f"{report['extrapolated_1m_hours']} CPU hours\n")
