"""The pipeline's own behaviour: the package face, chunking, and the one failure policy."""

from __future__ import annotations

import pytest

import hearsay
from hearsay.errors import HearsayError
from hearsay.pipeline import STAGES, chunks, failure_handler

from conftest import EXAMPLE

#: the part of the ledger each stage's output makes (it shrinks when the stage fails leniently;
#: claims keep the hedges their cue words carry, so a failed hedging stage leaves those)
OWNED = {
    "hearsay_quotes": lambda led: [a for a in led.attributions if a.type in ("direct", "mixed")],
    "hearsay_mentions": lambda led: led.entities,
    "hearsay_attribution": lambda led: led.attributions,
    "hearsay_hedging": lambda led: [h for c in led.claims for h in c.hedges],
    "hearsay_temporal": lambda led: led.times,
    "hearsay_claims": lambda led: led.claims,
    "hearsay_relations": lambda led: led.relations,
    "hearsay_checks": lambda led: led.checks,
    "hearsay_summary": lambda led: [led.summary.verdict] if led.summary.verdict else [],
}


def test_every_stage_has_its_ledger_part_listed():
    assert set(OWNED) == set(STAGES)


def test_chunks_join_back_to_the_text():
    text = ("A paragraph of news. " * 40 + "\n\n") * 30
    pieces = chunks(text, size=1000)
    assert "".join(pieces) == text
    assert all(len(p) <= 1000 for p in pieces) and len(pieces) > 1
    assert all(p.endswith("\n") or p.endswith(" ") for p in pieces[:-1])


def test_package_hands_on_its_names():
    from hearsay import analysis, ledger, pipeline

    assert hearsay.analyze is analysis.analyze
    assert hearsay.analyze_many is analysis.analyze_many
    assert hearsay.load_pipeline is pipeline.load_pipeline
    assert hearsay.Ledger is ledger.Ledger
    with pytest.raises(AttributeError):
        hearsay.no_such_name


def test_unknown_policy_is_refused():
    with pytest.raises(HearsayError, match="unknown failure policy 'loose'"):
        failure_handler("loose")


@pytest.fixture
def broken(nlp, monkeypatch):
    """Make one stage raise, for the length of a test."""

    def break_stage(name: str) -> None:
        def fail(self, doc):
            raise RuntimeError(f"injected into {name}")

        monkeypatch.setattr(type(nlp.get_pipe(name)), "__call__", fail)

    return break_stage


@pytest.mark.parametrize("stage", STAGES)
def test_strict_policy_raises_a_stage_failure(nlp, broken, stage):
    broken(stage)
    with pytest.raises(RuntimeError, match=f"injected into {stage}"):
        hearsay.analyze(EXAMPLE.read_text(encoding="utf-8"), published="2024-03-14", nlp=nlp, on_failure="strict")


#: the example article, and a second story whose two ages for one person make a check
CONFLICT = """Dana Ruiz, 42, runs the harbor office. She said the ferry would return in May.

Later in the day Ruiz, 45, told reporters the council had met on Tuesday."""


@pytest.mark.parametrize("stage", STAGES)
def test_lenient_policy_warns_and_builds_the_rest(nlp, broken, stage):
    text = EXAMPLE.read_text(encoding="utf-8") + "\n\n" + CONFLICT
    whole = hearsay.analyze(text, published="2024-03-14", nlp=nlp, on_failure="strict")
    broken(stage)
    ledger = hearsay.analyze(text, published="2024-03-14", nlp=nlp, on_failure="lenient")
    assert f"stage {stage} failed (RuntimeError: injected into {stage}); its part of the ledger is empty" in ledger.summary.warnings
    assert len(OWNED[stage](ledger)) < len(OWNED[stage](whole))
    # stages before the failed one are untouched, and later stages still ran
    others = [s for s in STAGES if s != stage and OWNED[s](whole)]
    assert any(OWNED[s](ledger) for s in others)
    assert ledger.document.text == text


def test_stages_run_up_to_a_given_stage_only(doc_upto):
    doc = doc_upto(EXAMPLE.read_text(encoding="utf-8"), "hearsay_attribution", published="2024-03-14")
    assert doc._.hearsay_quotes and doc._.hearsay_entities and doc._.hearsay_attributions
    assert doc._.hearsay_hedges is None and doc._.hearsay_claims is None and doc._.hearsay_summary is None


def test_an_unknown_stage_to_stop_at_is_refused(nlp, doc_upto):
    with pytest.raises(HearsayError, match="unknown stage 'hearsay_nothing'"):
        doc_upto("Text.", "hearsay_nothing")
