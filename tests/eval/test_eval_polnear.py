"""PolNeAR reader and span scorer on tiny hand-made brat files and predictions."""

from __future__ import annotations

from hearsay.eval import score_polnear
from hearsay.eval.polnear import parse_ann, read_split

TEXT = '"We will win," Smith said. "No doubt." Jones said the plan failed.'
#       0         1         2         3         4         5         6
ANN = "\n".join([
    "T1\tContent 1 13;28 37\tWe will win, No doubt.",
    "T2\tSource 15 20\tSmith",
    "T3\tCue 21 25\tsaid",
    "T4\tAttribution 21 25\tsaid",
    "E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2",
    "T5\tSource 39 44\tJones",
    "T6\tCue 45 49\tsaid",
    "T7\tContent 50 65\tthe plan failed",
    "T8\tAttribution 45 49\tsaid",
    "E2\tAttribution:T8 Content:T7 Cue:T6 Source:T5",
])


def sp(sub, start=0):
    i = TEXT.index(sub, start)
    return {"start": i, "end": i + len(sub), "text": sub}


def gold():
    atts, problems = parse_ann(ANN, TEXT, "x.ann")
    assert problems == []
    return score_polnear.gold_records(atts)


def test_reader_keeps_discontinuous_content_and_roles():
    atts, _ = parse_ann(ANN, TEXT, "x.ann")
    assert atts[0].content == [(1, 13), (28, 37)]
    assert TEXT[slice(*atts[0].source[0])] == "Smith"
    assert TEXT[slice(*atts[1].content[0])] == "the plan failed"


def test_reader_reports_malformed_lines_with_file_and_line():
    bad = ANN + "\nT9\tContent 5 x\toops\nE3\tAttribution:T99 Content:T9"
    atts, problems = parse_ann(bad, TEXT, "x.ann")
    assert len(atts) == 2
    assert any("x.ann, line 11" in p for p in problems)


def test_split_quote_pieces_sharing_a_cue_are_one_attribution():
    led = {"attributions": [
        {"content": sp("We will win,"), "cue": sp("said"), "source_mention": sp("Smith")},
        {"content": sp("No doubt."), "cue": sp("said"), "source_mention": sp("Smith")},
        {"content": sp("the plan failed"), "cue": sp("said", 40), "source_mention": sp("Jones")},
    ]}
    pred = score_polnear.predicted_records(led)
    assert len(pred) == 2
    res = score_polnear.aggregate([score_polnear.score_document(gold(), pred, TEXT)])
    for role in ("content", "source", "cue"):
        assert res[role]["overlap"]["f1"] == 1.0
        assert res[role]["exact"]["f1"] == 1.0  # trailing comma and period are ignored
    assert res["content+source"]["overlap"]["f1"] == 1.0
    assert res["quoted"]["overlap"]["gold"] == 1 and res["unquoted"]["overlap"]["gold"] == 1


def test_no_predictions_and_duplicates():
    res = score_polnear.aggregate([score_polnear.score_document(gold(), [], TEXT)])
    assert res["content"]["overlap"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "tp": 0, "predicted": 0, "gold": 2}
    dup = [{"content": ((50, 58),), "source": (), "cue": ()}, {"content": ((55, 65),), "source": (), "cue": ()}]
    res = score_polnear.aggregate([score_polnear.score_document(gold(), dup, TEXT)])
    assert res["content"]["overlap"]["tp"] == 1 and res["content"]["overlap"]["predicted"] == 2
    assert res["content"]["exact"]["tp"] == 0


def test_overlapping_prediction_takes_the_larger_overlap():
    wide = [{"content": ((1, 65),), "source": (), "cue": ()}]
    res = score_polnear.score_document(gold(), wide, TEXT)
    assert res["content"]["overlap"].tp_gold == 1
    assert res["_unmatched"]["gold"] == [1]  # the quote shares 21 characters, the other 15


def test_split_reader_first_annotator_and_metadata(tmp_path):
    split = tmp_path / "dev"
    (split / "text").mkdir(parents=True)
    (split / "attributions").mkdir()
    (split / "text" / "a.txt").write_text(TEXT, encoding="utf-8")
    (split / "text" / "b.txt").write_text(TEXT, encoding="utf-8")
    (split / "attributions" / "a_ann1.ann").write_text(ANN, encoding="utf-8")
    (split / "attributions" / "a_ann2.ann").write_text("", encoding="utf-8")
    (tmp_path / "metadata.tsv").write_text("filename\tpublication_date\na\t2016-09-12\n", encoding="utf-8")
    docs, problems = read_split(split)
    assert [d.name for d in docs] == ["a"] and len(docs[0].attributions) == 2
    assert docs[0].published == "2016-09-12"
    assert any("b.txt: no annotation file" in p for p in problems)


def test_quoted_detection_and_exact_trimming_with_curly_marks():
    text = "He said \u201cwe will win.\u201d Then he left, saying the vote was rigged."
    q = text.index("we will")
    quoted = ((q, q + len("we will win.")),)
    plain = ((text.index("the vote"), len(text) - 1),)
    assert score_polnear.is_quoted(text, quoted)
    assert not score_polnear.is_quoted(text, plain)
    with_marks = ((q - 1, q + len("we will win.\u201d")),)
    assert score_polnear.trimmed(text, with_marks) == score_polnear.trimmed(text, quoted)


def test_attribution_modes_are_scored_side_by_side(tmp_path):
    from hearsay.eval.run_polnear import evaluate, render

    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "attributions" / "a_x.ann").write_text(ANN, encoding="utf-8")
    report = evaluate(str(tmp_path), modes=["rules", "model", "combined"])
    assert list(report["systems"]) == ["hearsay rules", "hearsay model", "hearsay combined"]
    for rep in report["systems"].values():
        assert rep["scores"]["content"]["overlap"]["gold"] == 2
    assert report["systems"]["hearsay rules"]["scores"]["content"]["overlap"]["f1"] == 1.0
    assert "hearsay combined" in render(report)
