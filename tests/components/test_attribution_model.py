"""The learned attribution tagger: its tag encoding, the shipped weights, and the mode switch."""

from __future__ import annotations

import json
import re

import pytest

import hearsay
from hearsay.components.attribution.model import (
    ROLES,
    SPAN_KEYS,
    package_weights_dir,
    spans_from_tags,
    tags_for_spans,
)
from hearsay.errors import HearsayError

from conftest import EXAMPLE


def test_tags_keep_a_cue_and_source_inside_a_content_and_nested_contents_apart():
    # tokens: 0 Smith 1 said 2 Jones 3 claimed 4 the 5 plan 6 failed
    spans = {"content": [(2, 7), (4, 7)], "cue": [(1, 2), (3, 4)], "source": [(0, 1), (2, 3)]}
    tags = tags_for_spans(7, spans)
    assert tags[2] == "BOB"   # the outer content starts on the inner source
    assert tags[4] == "BOO"   # the inner content starts inside the outer one
    back = spans_from_tags(tags)
    assert back["cue"] == [(1, 2), (3, 4)]
    assert back["source"] == [(0, 1), (2, 3)]
    assert back["content"] == [(2, 4), (4, 7)]   # both contents still overlap their gold


def test_an_inside_tag_with_no_span_open_starts_one():
    assert spans_from_tags(["OOO", "IOO", "IOO", "OOO"])["content"] == [(1, 3)]


def test_shipped_weights_are_arrays_and_tag_names_only():
    folder = package_weights_dir()
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["meta.json", "model.bin"]
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    assert all(re.fullmatch(r"[OBI]{%d}" % len(ROLES), t) for t in meta["labels"])
    assert meta["weights_bytes"] == len((folder / "model.bin").read_bytes()) < 8_000_000


def test_combined_adds_a_report_whose_verb_is_outside_the_lexicon():
    text = "Clinton fretted that the polls were tightening in Ohio."
    assert not hearsay.analyze(text, nlp=hearsay.load_pipeline(attribution="rules")).attributions
    nlp = hearsay.load_pipeline(attribution="combined")
    assert nlp(text).spans[SPAN_KEYS["cue"]], "no cue tagged"
    ledger = hearsay.analyze(text, nlp=nlp)
    assert len(ledger.attributions) == 1
    att = ledger.attributions[0]
    assert (att.cue.text, att.cue_class, att.type) == ("fretted", "learned", "indirect")
    assert att.content.text == "the polls were tightening in Ohio"
    source = next(s for s in ledger.sources if s.id == att.source)
    assert source.kind == "person" and source.label == "Clinton"


def test_combined_keeps_every_rule_attribution():
    text = EXAMPLE.read_text(encoding="utf-8")
    rules = hearsay.analyze(text, published="2024-03-14", nlp=hearsay.load_pipeline(attribution="rules"))
    combined = hearsay.analyze(text, published="2024-03-14", nlp=hearsay.load_pipeline(attribution="combined"))
    got = {(a.content.start, a.content.end, a.type) for a in combined.attributions}
    assert {(a.content.start, a.content.end, a.type) for a in rules.attributions} <= got


def test_an_unknown_mode_is_refused_with_the_choices():
    with pytest.raises(HearsayError, match="rules, model, combined"):
        hearsay.load_pipeline(attribution="neural")


def test_the_parse_links_a_cue_to_its_clause_but_not_to_an_act_it_names(nlp):
    from hearsay.components.attribution.learned import governs

    doc = nlp("Smith said the plan failed, and Jones declined to comment.")
    said, declined = doc[1:2], doc[8:9]
    assert said.text == "said" and declined.text == "declined"
    assert governs(said, 2, 5)          # "the plan failed"
    assert not governs(said, 9, 11)     # "to comment" belongs to another verb
    assert not governs(declined, 9, 11)  # declining to comment states nothing


def test_content_pieces_split_by_a_cue_stay_apart(nlp):
    from spacy.tokens import Span

    from hearsay.components.attribution.learned import joined_contents

    doc = nlp("The plan , critics said , was doomed from the start .")
    pieces = [Span(doc, 0, 2), Span(doc, 6, 11)]
    assert [(s, e) for s, e, _ in joined_contents(pieces, [Span(doc, 4, 5)], [0.9, 0.8])] == [(0, 2), (6, 11)]
    # one token apart with no cue between: one content, its confidence weighted by length
    [(s, e, score)] = joined_contents([Span(doc, 6, 8), Span(doc, 9, 11)], [], [0.9, 0.5])
    assert (s, e) == (6, 11) and abs(score - 0.7) < 1e-9


def test_shipped_weights_were_trained_with_the_pinned_config():
    import hashlib
    from pathlib import Path

    config = Path(__file__).resolve().parents[2] / "train" / "attribution.cfg"
    meta = json.loads((package_weights_dir() / "meta.json").read_text(encoding="utf-8"))
    assert meta["config_sha256"] == hashlib.sha256(config.read_bytes()).hexdigest(), \
        "train/attribution.cfg changed since the weights were trained: run `make train`"


def test_combined_reads_a_negated_learned_cue_as_a_denial_like_the_rules_do():
    ledger = hearsay.analyze("Clinton did not insinuate that the polls were tightening in Ohio.",
                             nlp=hearsay.load_pipeline(attribution="combined"))
    assert [(a.cue_class, a.polarity, a.content.text) for a in ledger.attributions] == [
        ("learned", "denied", "the polls were tightening in Ohio")]


def _with_learned_spans(text: str, spans: dict, scores: dict):
    """The combined pipeline's ledger of ``text`` with the tagger's spans and confidences set by
    hand (token ranges per role), so a test decides what the tagger saw."""
    from hearsay.analysis import ledger_of
    from hearsay.ingest import from_text
    from hearsay.pipeline import parse

    nlp = hearsay.load_pipeline(attribution="combined")
    doc = parse(nlp, text)
    for role in ROLES:
        doc.spans[SPAN_KEYS[role]] = [doc[s:e] for s, e in spans[role]]
        doc.spans[SPAN_KEYS[role]].attrs["scores"] = list(scores[role])
    return ledger_of(nlp, doc, from_text(text), "strict")


def test_combined_takes_a_less_certain_learned_cue_when_the_lexicon_lists_its_verb():
    # tokens: 0 The 1 senator 2 answered 3 the 4 toll 5 plan 6 . 7 The 8 senator 9 fancied 10 the 11 toll 12 plan 13 .
    text = "The senator answered the toll plan. The senator fancied the toll plan."
    spans = {"content": [(3, 6), (10, 13)], "cue": [(2, 3), (9, 10)], "source": [(0, 2), (7, 9)]}
    scores = {"content": [0.9, 0.9], "cue": [0.5, 0.5], "source": [0.9, 0.9]}
    ledger = _with_learned_spans(text, spans, scores)
    assert [(a.cue.text, a.content.text) for a in ledger.attributions] == [("answered", "the toll plan")]


def test_combined_drops_a_learned_content_that_is_its_own_speaker():
    # tokens: 0 The 1 senator 2 answered 3 the 4 toll 5 plan 6 .
    text = "The senator answered the toll plan."
    # the tagger marks the subject as content and no source: the cue's subject would speak it
    spans = {"content": [(0, 2)], "cue": [(2, 3)], "source": []}
    scores = {"content": [0.9], "cue": [0.9], "source": []}
    assert _with_learned_spans(text, spans, scores).attributions == []


def test_a_less_certain_learned_cue_gets_no_lexicon_credit_when_its_verb_is_a_cue_only_in_a_quote_frame():
    # tokens: 0 The 1 actress 2 shared 3 a 4 photo 5 of 6 the 7 dancers 8 .
    text = "The actress shared a photo of the dancers."
    spans = {"content": [(3, 8)], "cue": [(2, 3)], "source": [(0, 2)]}
    scores = {"content": [0.9], "cue": [0.5], "source": [0.9]}
    assert _with_learned_spans(text, spans, scores).attributions == []


def test_the_tagger_multiplies_with_numpy_on_one_blas_thread(nlp, monkeypatch):
    """Its layers run on numpy's BLAS (not thinc's blis), held to one thread while it predicts:
    the stage's cost is these products, and threads spread over a shared machine's cores cost
    more than they save."""
    from threadpoolctl import threadpool_info
    from thinc.api import NumpyOps

    tagger = nlp.get_pipe("hearsay_attribution_model")
    layers = [node for node in tagger.model.walk() if node.name in ("maxout", "softmax")]
    assert layers and all(isinstance(n.ops, NumpyOps) and not n.ops.use_blis for n in layers)
    seen = []
    real = type(tagger.model).predict

    def spy(model, docs):
        seen.extend(lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas")
        return real(model, docs)

    monkeypatch.setattr(type(tagger.model), "predict", spy)
    tagger.predict([nlp.make_doc("The mayor said the bridge would reopen in May.")])
    assert seen and set(seen) == {1}


def test_numpy_products_give_the_tagger_the_same_tags_as_blis(nlp):
    """The faster backend changes rounding only: every token's best tag is the one thinc's
    blis gives, and its scores agree to float precision."""
    import numpy
    from thinc.api import NumpyOps

    tagger = nlp.get_pipe("hearsay_attribution_model")
    text = ("Officials said on Tuesday that the plant would close, according to a memo seen by the "
            "union. \"We were never told,\" one worker said, adding that she feared for her pension.")
    with nlp.select_pipes(disable=[n for n in nlp.pipe_names if n.startswith("hearsay_")]):
        doc = nlp(text)
    fast = tagger.model.predict([doc])[0]
    nodes = list(tagger.model.walk())
    kept = [n.ops for n in nodes]
    try:
        blis = NumpyOps(use_blis=True)
        for n in nodes:
            n.ops = blis
        slow = tagger.model.predict([doc])[0]
    finally:
        for n, ops in zip(nodes, kept):
            n.ops = ops
    assert numpy.array_equal(fast.argmax(axis=1), slow.argmax(axis=1))
    assert numpy.allclose(fast, slow, atol=1e-4)
