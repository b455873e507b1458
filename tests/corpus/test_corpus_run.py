"""Corpus runs through the real pipeline: stored ledgers equal `hearsay analyze --format json`,
reruns add nothing, bad records become failures, --refresh, and a --processes 2 run killed
with SIGKILL then resumed stores every article exactly once."""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hearsay.cli import main
from hearsay.store import open_store

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "src" / "hearsay" / "examples" / "corpus"


def cli_ledgers(capsys, *args) -> list[dict]:
    capsys.readouterr()
    assert main(["analyze", *args, "--format", "jsonl"]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.strip()]


def stored(db) -> dict[str, dict]:
    with open_store(str(db)) as s:
        return {row.id: ledger.to_dict() for row, ledger in s.iter_ledgers()}


def test_store_run_equals_analyze_and_rerun_adds_nothing(tmp_path, capsys, nlp):
    db = tmp_path / "hearsay.db"
    inputs = [str(CORPUS / "ferry-strike.txt"), str(CORPUS / "wire.jsonl")]
    assert main(["analyze", *inputs, "--store", str(db), "--processes", "1"]) == 0
    assert "4 analysed" in capsys.readouterr().err
    got = stored(db)
    assert sorted(got) == ["ferry-strike", "wire-001", "wire-002", "wire-003"]
    expected = cli_ledgers(capsys, *inputs)
    assert [got[k] for k in ("ferry-strike", "wire-001", "wire-002", "wire-003")] == expected
    assert main(["analyze", *inputs, "--store", str(db), "--processes", "1"]) == 0
    assert "0 analysed, 4 already stored, 0 failed" in capsys.readouterr().err


def test_broken_records_are_stored_as_failures_and_the_run_goes_on(tmp_path, capsys, nlp):
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text((CORPUS / "orchard-harvest.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (src / "mixed.jsonl").write_text('{"id": "m1", "text": "The mayor said the road would reopen."}\n{oops\n{"id": "m3"}\n')
    (src / "blob.txt").write_bytes(b"\x00\x00binary")
    db = tmp_path / "hearsay.db"
    assert main(["analyze", str(src), "--store", str(db), "--processes", "1"]) == 1
    err = capsys.readouterr().err
    assert "2 analysed" in err and "3 failed" in err and "blob.txt" in err
    with open_store(str(db)) as s:
        assert s.has("good") and s.has("m1")
        failures = {(f["input"], f["record"]) for f in s.failures()}
    assert failures == {(str(src / "blob.txt"), None), (str(src / "mixed.jsonl"), "line 2"), (str(src / "mixed.jsonl"), "line 3")}
    # the rerun retries what failed, finds the same failures, and keeps each once
    assert main(["analyze", str(src), "--store", str(db), "--processes", "1"]) == 1
    with open_store(str(db)) as s:
        assert s.count("failures") == 3 and s.count("articles") == 2


def test_refresh_reanalyses_what_an_older_pipeline_made(tmp_path, capsys, nlp):
    from hearsay.corpus import pipeline_version
    from hearsay.corpus.inputs import read_all

    path = CORPUS / "library-closure.txt"
    db = tmp_path / "hearsay.db"
    [article] = list(read_all([str(path)]))
    with open_store(str(db)) as s:
        s.put(article, __import__("hearsay").analyze_article(article, nlp), pipeline_version="hearsay 0.0.1 / old model")
    assert main(["analyze", str(path), "--store", str(db)]) == 0
    assert "1 already stored" in capsys.readouterr().err
    assert main(["analyze", str(path), "--store", str(db), "--refresh"]) == 0
    assert "1 analysed" in capsys.readouterr().err
    with open_store(str(db)) as s:
        assert s.has("library-closure", pipeline_version=pipeline_version()) and s.count("articles") == 1


def recombined_corpus(path: Path, n: int) -> None:
    """``n`` distinct articles made from the bundled corpus's paragraphs, one JSONL record each."""
    paragraphs = []
    for f in sorted(CORPUS.glob("*.txt")):
        paragraphs += [p for p in f.read_text(encoding="utf-8").split("\n\n")[1:] if p.strip()]
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            body = "\n\n".join(paragraphs[(i + k) % len(paragraphs)] for k in range(3))
            fh.write(json.dumps({"id": f"r{i:03d}", "title": f"Report {i}", "text": f"Report {i}\n\n{body}"}) + "\n")


def count_rows(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM ledgers").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_sigkill_mid_run_then_resume_stores_every_article_once(tmp_path, capsys, nlp):
    n = 40
    corpus = tmp_path / "corpus.jsonl"
    recombined_corpus(corpus, n)
    db = tmp_path / "hearsay.db"
    cmd = [sys.executable, "-m", "hearsay", "analyze", str(corpus), "--store", str(db), "--processes", "2"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 300
    while count_rows(db) < 4 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.2)
    assert proc.poll() is None, "the run ended before it could be killed: " + proc.stderr.read().decode()
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    done_before = count_rows(db)
    assert 0 < done_before < n
    resumed = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert resumed.returncode == 0, resumed.stderr
    assert re.search(rf"\b{n - done_before} analysed \(.*\), {done_before} already stored, 0 failed", resumed.stderr)
    got = stored(db)
    assert sorted(got) == [f"r{i:03d}" for i in range(n)]
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*), count(DISTINCT content_hash) FROM articles").fetchone() == (n, n)
        assert conn.execute("SELECT count(*) FROM claims c LEFT JOIN articles a ON a.id = c.article_id WHERE a.id IS NULL").fetchone() == (0,)
    expected = cli_ledgers(capsys, str(corpus))
    assert [got[f"r{i:03d}"] for i in range(n)] == expected


def test_ray_run_stores_the_same_ledgers_as_a_local_run(tmp_path, nlp):
    import ray

    from hearsay.corpus import run_corpus

    inputs = [str(CORPUS / "ferry-strike.txt"), str(CORPUS / "wire.jsonl")]
    local, remote = tmp_path / "local.db", tmp_path / "ray.db"
    with open_store(str(local)) as s:
        assert run_corpus(inputs, s, processes=1).analysed == 4
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        with open_store(str(remote)) as s:
            summary = run_corpus(inputs, s, processes=2, engine="ray")
    finally:
        ray.shutdown()
    assert (summary.analysed, summary.failed) == (4, 0)
    assert stored(remote) == stored(local)
