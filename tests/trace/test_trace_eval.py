"""`hearsay eval trace` on cascades-dev and `hearsay eval match` on CLEF 2020 layouts."""

from __future__ import annotations

import json

import pytest

from hearsay.cli import main
from hearsay.eval.cascades import score
from hearsay.trace.model import Trace

from conftest import DATASETS
CASCADES = DATASETS / "cascades-dev"
CLEF = DATASETS / "clef2020-claims"


def test_cascade_scorer_counts_pairs_copies_and_roles():
    texts = {"1": "Alpha will close the mill. Beta said so.", "2": "Alpha will close the mill, Gamma reported.",
             "3": "Alpha said it will not close the mill."}
    gold = {"claims": [{"id": "X1", "mentions": [{"article": "1", "text": "Alpha will close the mill"},
                                                  {"article": "2", "text": "Alpha will close the mill"}],
                        "origin": {"article": "1", "source": "ANONYMOUS:a person"},
                        "independent_confirmations": [], "denials": [{"article": "3", "text": "it will not close the mill"}]}],
            "citations": [], "syndicated": [], "uncited_repeats": ["2"], "distractors": []}
    app = lambda art, s, e, role, how=None: {"article": art, "claim": "C1", "span": {"start": s, "end": e, "text": texts[art][s:e]},
                                             "source": {"kind": "anonymous", "label": "a person"}, "role": role,
                                             "via": {"how": how} if how else None}
    trace = Trace.model_validate({"claims": [{"id": "K1", "text": "x", "appearances": [
        app("1", 0, 25, "origin"), app("2", 0, 25, "repeat", "uncited"), app("3", 16, 37, "denial")],
        "origin": {"article": "1", "source": {"kind": "anonymous", "label": "a person"}}, "denials": ["3"]}]})
    report = score(trace, gold, texts)
    assert report["clustering"]["f1"] == 1.0
    assert report["origin_article_accuracy"] == 1.0 and report["origin_source_accuracy"] == 1.0
    assert report["uncited_repeats"]["f1"] == 1.0 and report["denials"]["recall"] == 1.0
    assert report["copies_exact"] is True and report["distractor_attachments"] == []


@pytest.mark.skipif(not CASCADES.exists(), reason="../shared/datasets/cascades-dev is absent")
def test_eval_trace_on_cascades_dev(capsys):
    assert main(["eval", "trace", str(CASCADES / "gold.json"), str(CASCADES / "articles"), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["copies_exact"] is True
    assert report["citations"]["precision"] >= 0.75 and report["citations"]["recall"] >= 0.7
    assert report["uncited_repeats"]["f1"] >= 0.8


def test_eval_match_scores_a_clef_layout_and_writes_a_trec_run(tmp_path, capsys):
    (tmp_path / "verified_claims.docs.tsv").write_text(
        "\tvclaim\ttitle\n0\tThe moon landing was staged in a studio\tFake moon landing\n"
        "1\tDrinking bleach cures the flu\tBleach cure\n2\tA shark swam down a flooded highway\tHighway shark\n", encoding="utf-8")
    split = tmp_path / "dev"
    split.mkdir()
    (split / "tweets.queries.tsv").write_text("\ttweet_content\n10\tLook, a shark on the flooded highway!\n11\tbleach cures flu??\n", encoding="utf-8")
    (split / "tweet-vclaim-pairs.qrels").write_text("10 0 2 1\n11 0 1 1\n", encoding="utf-8")
    run = tmp_path / "run.txt"
    assert main(["eval", "match", "--clef2020", str(split), "--run-out", str(run), "--json", "--matcher", "bm25"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["map@5"] == 1.0 and report["mrr"] == 1.0
    first = run.read_text().splitlines()[0].split()
    assert first[:4] == ["10", "Q0", "2", "1"] and first[5] == "hearsay-bm25"


def test_eval_match_names_a_missing_file(tmp_path, capsys):
    assert main(["eval", "match", "--clef2020", str(tmp_path)]) == 2
    assert "tweets.queries.tsv" in capsys.readouterr().err


@pytest.mark.skipif(not (CLEF / "dev").exists(), reason="../shared/datasets/clef2020-claims is absent")
def test_bm25_matcher_on_clef_dev_keeps_its_floor(capsys):
    assert main(["eval", "match", "--clef2020", str(CLEF / "dev"), "--json", "--matcher", "bm25"]) == 0
    assert json.loads(capsys.readouterr().out)["map@5"] >= 0.75
