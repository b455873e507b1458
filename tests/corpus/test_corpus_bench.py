"""`hearsay bench corpus` arithmetic: the steady rate leaves start-up out; ratios and the table
come from the runs measured."""

from __future__ import annotations

from hearsay.corpus.bench import render_corpus, steady_rate


def test_steady_rate_counts_from_the_first_batch_of_results():
    # 4 results at start-up (t=10), then one per second
    assert steady_rate([10.0, 10.0, 10.0, 10.0, 11.0, 12.0, 13.0, 14.0]) == 1.0
    assert steady_rate([5.0]) == 0.0
    assert steady_rate([3.0, 3.0]) == 0.0


def test_render_lists_every_run_and_ratio():
    runs = [{"config": c, "processes": n, "articles": 10, "seconds": 10 / r, "articles_per_s": r, "words_per_s": r * 100,
             "steady_articles_per_s": r, "store_seconds": 0.1 if c == "store" else None,
             "peak_rss_mib": 500.0, "peak_worker_rss_mib": 400.0 if c == "store" and n == 2 else None}
            for c, n, r in (("bare", 1, 8.0), ("analyse", 1, 4.0), ("store", 1, 3.8), ("store", 2, 7.0), ("ray", 2, 6.0))]
    report = {"texts": 10, "words": 1000, "runs": runs, "ratios": {"store 2 processes / store 1": 1.842, "x": None},
              "memory": [{"articles": 5, "peak_worker_rss_mib": 390.0}, {"articles": 10, "peak_worker_rss_mib": 400.0}]}
    text = render_corpus(report, markdown=True)
    assert text.count("\n| ") >= 5 and "store 2 processes / store 1: 1.842" in text and "x: -" in text
    assert "5 articles 390.0 MiB, 10 articles 400.0 MiB" in text


def test_render_of_a_report_without_timings_leaves_those_columns_out():
    """A result stored by an older hearsay (runs without seconds, steady rate or storing time)
    renders with what it has, and invents nothing."""
    runs = [{"config": "bare", "processes": 1, "articles": 10, "words": 900, "articles_per_s": 2.0, "words_per_s": 180.0,
             "peak_rss_mib": 500.0, "peak_worker_rss_mib": None},
            {"config": "store", "processes": 2, "articles": 10, "words": 900, "articles_per_s": 1.5, "words_per_s": 135.0,
             "peak_rss_mib": 130.0, "peak_worker_rss_mib": 390.0, "seconds": 6.7}]
    text = render_corpus({"texts": 10, "words": 900, "runs": runs, "memory": []}, markdown=True)
    head = text.splitlines()[0]
    assert "| seconds |" in head and "steady" not in head and "storing" not in head
    bare = next(line for line in text.splitlines() if line.startswith("| bare"))
    assert bare.split("|")[4].strip() == "-"   # bare has no seconds: shown as missing, not as a number
