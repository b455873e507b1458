"""The gold-format scorer on tiny hand-made ledgers: matching rules, sources, edge cases."""

from __future__ import annotations

import json

from hearsay.eval import score_gold
from hearsay.eval.gold_format import iter_gold
from hearsay.eval.matching import greedy_match, match_by_overlap, trim_span

TEXT = 'A source says the couple split. "We are fine," Ann Lee said. Lee, 42, met Bo Kim in 2010. Reports say it ended.'


def span(sub: str, text: str = TEXT) -> dict:
    i = text.index(sub)
    return {"start": i, "end": i + len(sub), "text": sub}


def ledger(attributions=(), sources=(), entities=(), times=(), relations=(), checks=(), anon=0) -> dict:
    return {"document": {"text": TEXT}, "attributions": list(attributions), "sources": list(sources),
            "entities": list(entities), "times": list(times), "relations": list(relations),
            "claims": [], "checks": list(checks), "summary": {"anonymous_sources": anon}}


GOLD = {
    "attributions": [
        {"content": "the couple split", "source": "ANONYMOUS:a source", "cue": "says", "type": "indirect"},
        {"content": "We are fine", "source": "Ann Lee", "cue": "said", "type": "direct"},
        {"content": "it ended", "source": "REPORTS", "cue": "say", "type": "indirect"},
    ],
    "anonymous_sources": 1,
    "times": [{"text": "2010", "value": "2010"}],
    "people": [{"name": "Ann Lee", "age": 42, "aliases": ["Lee"]}, {"name": "Bo Kim", "age": None, "aliases": []}],
    "relations": [{"type": "met", "a": "Ann Lee", "b": "Bo Kim", "status": "asserted"}],
    "hedges": [],
    "inconsistencies": [],
}

ENTS = [
    {"id": "E1", "type": "PERSON", "name": "Ann Lee", "age": 42,
     "mentions": [dict(span("Ann Lee"), kind="name"), dict(span("Lee,"), kind="name", text="Lee,")]},
    {"id": "E2", "type": "PERSON", "name": "Bo Kim", "age": None, "mentions": [dict(span("Bo Kim"), kind="name")]},
]
SRCS = [
    {"id": "S1", "kind": "anonymous", "label": "A source", "entity": None, "mentions": [span("A source")]},
    {"id": "S2", "kind": "person", "label": "Ann Lee", "entity": "E1", "mentions": [span("Ann Lee")]},
    {"id": "S3", "kind": "reports", "label": "Reports", "entity": None, "mentions": [span("Reports")]},
]


def att(aid, source, content, type_="indirect", cue=None):
    return {"id": aid, "source": source, "type": type_, "content": span(content), "cue": span(cue) if cue else None}


def test_perfect_ledger_scores_one():
    led = ledger(
        attributions=[att("A1", "S1", "the couple split", cue="says"), att("A2", "S2", "We are fine", "direct", "said"),
                      att("A3", "S3", "it ended")],
        sources=SRCS, entities=ENTS,
        times=[{"id": "T1", "span": span("2010"), "type": "DATE", "value": "2010", "range": None}],
        relations=[{"id": "R1", "type": "met", "a": "E2", "b": "E1", "status": "asserted"}], anon=1)
    r = score_gold.score_article(led, GOLD, TEXT)
    assert r["attribution"].f1 == 1.0
    assert r["attribution_source"].f1 == 1.0
    assert r["time_value"].f1 == 1.0
    assert r["ages"].f1 == 1.0
    assert r["relations"].f1 == 1.0  # "met" is symmetric: either order counts
    assert r["anonymous"] == {"gold": 1, "predicted": 1}


def test_no_predictions_gives_zero_recall_and_no_crash():
    r = score_gold.score_article(ledger(), GOLD, TEXT)
    assert r["attribution"].recall == 0.0 and r["attribution"].precision == 0.0
    assert r["time_value"].n_gold == 1 and r["time_value"].n_pred == 0
    total = score_gold.aggregate([r])
    assert total["attribution"]["f1"] == 0.0
    assert total["anonymous_sources"]["exact"] == 0


def test_content_must_cover_half_the_gold_span():
    short = att("A1", "S1", "couple")   # 6 of 16 characters
    longer = att("A2", "S1", "says the couple split")
    r = score_gold.score_article(ledger(attributions=[short], sources=SRCS), GOLD, TEXT)
    assert r["attribution"].tp_gold == 0
    r = score_gold.score_article(ledger(attributions=[longer], sources=SRCS), GOLD, TEXT)
    assert r["attribution"].tp_gold == 1


def test_duplicate_predictions_match_once():
    dup = [att("A1", "S2", "We are fine", "direct"), att("A2", "S2", "We are fine", "direct")]
    r = score_gold.score_article(ledger(attributions=dup, sources=SRCS, entities=ENTS), GOLD, TEXT)
    assert r["attribution"].tp_pred == 1 and r["attribution"].n_pred == 2
    assert r["attribution"].precision == 0.5


def test_anonymous_voices_map_one_to_one():
    # two different predicted anonymous voices for one gold voice: only one of them can be it
    gold = dict(GOLD, attributions=[
        {"content": "the couple split", "source": "ANONYMOUS:a source", "cue": "says", "type": "indirect"},
        {"content": "it ended", "source": "ANONYMOUS:a source", "cue": "say", "type": "indirect"}])
    srcs = [SRCS[0], dict(SRCS[0], id="S9", label="Reports")]
    led = ledger(attributions=[att("A1", "S1", "the couple split"), att("A2", "S9", "it ended")], sources=srcs)
    r = score_gold.score_article(led, gold, TEXT)
    assert r["attribution"].tp_gold == 2
    assert r["attribution_source"].tp_gold == 1


def test_source_resolves_through_entity_mentions_and_aliases():
    srcs = [{"id": "S5", "kind": "person", "label": "Lee", "entity": "E1", "mentions": []}]
    led = ledger(attributions=[att("A1", "S5", "We are fine", "direct")], sources=srcs, entities=ENTS)
    assert score_gold.score_article(led, GOLD, TEXT)["attribution_source"].tp_gold == 1
    wrong = ledger(attributions=[att("A1", "S3", "We are fine", "direct")], sources=SRCS, entities=ENTS)
    assert score_gold.score_article(wrong, GOLD, TEXT)["attribution_source"].tp_gold == 0


def test_time_range_value_and_repeated_expression():
    text = "On Monday it rained. On Monday it snowed."
    gold = {"times": [{"text": "Monday", "value": "2024-03-01/2024-03-07"}]}
    t = lambda i, rng: {"id": i, "span": {"start": text.index("Monday", 10 if i == "T2" else 0), "end": 0, "text": "Monday"},
                        "value": "XXXX-WXX-1", "range": rng}
    preds = [t("T1", {"start": "2024-03-01", "end": "2024-03-07"}), t("T2", {"start": "2024-03-01", "end": "2024-03-07"})]
    for p in preds:
        p["span"]["end"] = p["span"]["start"] + 6
    r = score_gold.score_times({"times": preds}, gold, text)
    assert r["value"].tp_gold == 1
    assert r["value"].n_pred == 1  # the second mention of the same expression is not a false positive


def test_only_calendar_times_are_scored():
    text = "For six years, every day, it rained; recently it stopped on 4 May 2024."
    gold = {"times": [{"text": "4 May 2024", "value": "2024-05-04"}]}

    def t(sub, value, rng=None):
        i = text.index(sub)
        return {"id": sub, "span": {"start": i, "end": i + len(sub), "text": sub}, "value": value, "range": rng}

    preds = [t("six years", "P6Y"), t("every day", "P1D"), t("recently", "PAST_REF"), t("4 May 2024", "2024-05-04")]
    r = score_gold.score_times({"times": preds}, gold, text)
    assert (r["value"].tp_gold, r["value"].n_pred) == (1, 1)
    wrong_date = preds[:3] + [t("4 May 2024", "2024-05-05"), t("it stopped", "XXXX-05", {"start": "2024-05-01", "end": "2024-05-31"})]
    r = score_gold.score_times({"times": wrong_date}, gold, text)
    assert (r["value"].tp_gold, r["value"].n_pred) == (0, 2)


def test_source_names_ignore_a_leading_the():
    gold = {"attributions": [{"content": "We are fine", "source": "the Harbor Board", "cue": "said", "type": "direct"}]}
    srcs = [{"id": "S7", "kind": "organization", "label": "Harbor Board", "entity": None, "mentions": []}]
    led = ledger(attributions=[att("A1", "S7", "We are fine", "direct")], sources=srcs)
    assert score_gold.score_article(led, gold, TEXT)["attribution_source"].tp_gold == 1
    srcs[0]["label"] = "Harbor Council"
    assert score_gold.score_article(led, gold, TEXT)["attribution_source"].tp_gold == 0


def test_contradictions_false_conflicts():
    led = ledger(checks=[{"id": "K1", "kind": "age", "status": "conflict", "message": "", "refs": []}])
    c = score_gold.score_article(led, GOLD, TEXT)["contradictions"]
    assert c == {"gold": 0, "predicted": 1, "found": 0, "false": 1}


def test_greedy_matching_prefers_larger_overlap_and_is_one_to_one():
    gold = [(0, 10), (8, 20)]
    pred = [(5, 18)]
    assert match_by_overlap(gold, pred) == [(1, 0)]
    assert greedy_match(2, 2, lambda g, p: 1) == [(0, 0), (1, 1)]


def test_trim_span_ignores_marks_space_and_final_punctuation():
    text = ' "Yes, we will." '
    s, e = trim_span(text, (0, len(text)))
    assert text[s:e] == "Yes, we will"


def test_reader_accepts_both_layouts_and_reports_broken_files(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "a.gold.json").write_text(json.dumps(GOLD), encoding="utf-8")
    (tmp_path / "articles").mkdir()
    (tmp_path / "gold").mkdir()
    (tmp_path / "articles" / "b.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "gold" / "b.json").write_text('{"attributions": [\n  oops', encoding="utf-8")
    items = list(iter_gold(tmp_path))
    good = [i for i in items if hasattr(i, "gold")]
    bad = [str(i) for i in items if not hasattr(i, "gold")]
    assert [g.name for g in good] == ["a"]
    assert len(bad) == 1 and "b.json, line 2" in bad[0]


def test_cli_scores_a_gold_folder_and_prints_json(tmp_path, nlp, capsys):
    from hearsay.cli import main

    text = 'Storm closes pier\n\n"The pier stays shut until Friday," Mayor Ann Ruiz said on Monday.\n'
    gold = {"published": "2024-03-14",
            "attributions": [{"content": "The pier stays shut until Friday", "source": "Ann Ruiz", "cue": "said", "type": "direct"}],
            "anonymous_sources": 0, "times": [], "people": [{"name": "Ann Ruiz", "age": None, "aliases": ["Mayor Ann Ruiz"]}],
            "relations": [], "hedges": [], "inconsistencies": []}
    (tmp_path / "pier.txt").write_text(text, encoding="utf-8")
    (tmp_path / "pier.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    assert main(["eval", "gold", str(tmp_path), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    total = report["systems"]["hearsay"]["total"]
    assert report["articles"] == ["pier"]
    assert total["attribution"]["gold"] == 1 and 0.0 <= total["attribution"]["f1"] <= 1.0


def test_gold_check_names_each_string_missing_from_its_article(tmp_path, capsys):
    from hearsay.eval.cli import _check_gold

    (tmp_path / "articles").mkdir()
    (tmp_path / "gold").mkdir()
    (tmp_path / "articles" / "a.txt").write_text("Title\n\n“We are fine,” Ann Lee said on Monday.\n", encoding="utf-8")
    gold = {"attributions": [{"content": "We are fine", "source": "Ann Lee", "cue": "said"},
                             {"content": '"We are fine"', "source": "Ann Lee", "cue": "stated"}],
            "times": [{"text": "Monday", "value": "2025-01-06"}, {"text": "Tuesday", "value": "2025-01-07"}],
            "hedges": ["maybe"]}
    (tmp_path / "gold" / "a.json").write_text(json.dumps(gold), encoding="utf-8")
    assert _check_gold([str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "attribution 2: content not in the article" in out and "attribution 2: cue not in the article" in out
    assert "time 2:" in out and "hedge 1:" in out
    assert "attribution 1" not in out and "time 1:" not in out
    gold["attributions"].pop()
    gold["times"].pop()
    gold["hedges"] = []
    (tmp_path / "gold" / "a.json").write_text(json.dumps(gold), encoding="utf-8")
    assert _check_gold([str(tmp_path)]) == 0
