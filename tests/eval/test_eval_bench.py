"""`hearsay bench` helpers (not a timing test: speed is measured by the command, never asserted)."""

from __future__ import annotations

from hearsay import bench


def test_reads_a_polnear_split_or_any_folder(tmp_path):
    (tmp_path / "text").mkdir()
    (tmp_path / "text" / "b.txt").write_text("Two words", encoding="utf-8")
    (tmp_path / "text" / "a.txt").write_text("One two three", encoding="utf-8")
    texts = bench.read_texts(tmp_path)
    assert texts == ["One two three", "Two words"]
    assert bench.count_words(texts) == 5
    assert bench.read_texts(tmp_path / "text", limit=1) == ["One two three"]


def test_stage_profile_names_every_stage(tmp_path, nlp):
    (tmp_path / "a.txt").write_text('"We are done," the mayor said on Friday.', encoding="utf-8")
    stages = bench.profile(str(tmp_path), None, 4)
    assert set(nlp.pipe_names) <= set(stages) and "build_ledger" in stages


def test_render_reports_the_ratio():
    runs = [{"config": c, "n_process": 1, "words": 100, "seconds": s, "words_per_s": 100 / s,
             "peak_rss_mib": 200.0, "peak_worker_rss_mib": None} for c, s in (("bare", 1.0), ("hearsay", 1.25))]
    report = {"dataset": "x", "texts": 1, "words": 100, "repeat": 1, "best": runs, "ratio": {"1": 0.8}}
    assert "hearsay / bare spaCy, 1 process: 0.800" in bench.render(report)


def test_stage_ratio_is_the_bare_share_of_profiled_time():
    stages = {"ner": 6.0, "tokenizer": 2.0, "hearsay_quotes": 1.0, "build_ledger": 1.0}
    assert bench.stage_ratio(stages) == 0.8
    assert bench.stage_ratio({}) is None


def test_cpu_ratio_takes_the_least_cpu_of_each_config_per_process_count():
    runs = [{"config": "bare", "n_process": 1, "cpu_seconds": 9.0}, {"config": "hearsay", "n_process": 1, "cpu_seconds": 12.0},
            {"config": "bare", "n_process": 1, "cpu_seconds": 8.0}, {"config": "hearsay", "n_process": 1, "cpu_seconds": 10.0},
            {"config": "bare", "n_process": 2, "cpu_seconds": None}, {"config": "hearsay", "n_process": 2, "cpu_seconds": None}]
    assert bench.cpu_ratio(runs) == {"1": 0.8}
    report = {"dataset": "x", "texts": 1, "words": 100, "repeat": 2, "best": [], "ratio": {}, "cpu_ratio": {"1": 0.8}}
    assert "hearsay / bare spaCy by CPU time, 1 process: 0.800" in bench.render(report)
