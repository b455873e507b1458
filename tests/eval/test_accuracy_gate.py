"""The accuracy gate in the test suite: scores on the visible data in ../shared must stay at or
above the floors pinned in eval/baseline.json (regenerate with `hearsay eval gate --update`).
Runs on a fixed subset (about a minute on two cores); skips data that is absent."""

from __future__ import annotations

import json

import pytest

from hearsay.eval import gate

from conftest import SHARED


def test_scores_stay_above_their_floors(nlp):
    if not (SHARED / "datasets").is_dir():
        pytest.skip(f"{SHARED}/datasets is not present; the gate reads the shared evaluation data")
    baseline = gate.load_baseline(gate.baseline_path())
    assert baseline.get("datasets"), "eval/baseline.json has no floors: run `hearsay eval gate --update`"
    lines: list[str] = []
    failures, _ = gate.gate(SHARED, baseline, nlp=nlp, log=lines.append)
    print("\n".join(lines))
    assert not failures, "\n".join(failures)


def test_check_applies_floor_epsilon_and_ceiling():
    entry = {"epsilon": 0.005, "min": {"f1": 0.70}, "max": {"false_conflicts": 0}}
    assert gate.check(entry, {"f1": 0.696, "false_conflicts": 0}) == []
    assert len(gate.check(entry, {"f1": 0.69, "false_conflicts": 0})) == 1
    assert len(gate.check(entry, {"f1": 0.80, "false_conflicts": 2})) == 1


def test_missing_data_is_skipped_with_a_message(tmp_path):
    lines: list[str] = []
    base = {"datasets": {"x": {"kind": "gold", "paths": ["nowhere"], "min": {"attribution_f1": 0.9}}}}
    failures, new = gate.gate(tmp_path, base, log=lines.append)
    assert failures == [] and "not present" in lines[0]
    assert json.loads(json.dumps(new))["datasets"]["x"]["min"] == {"attribution_f1": 0.9}


def test_floors_are_measured_minus_margin():
    floors = gate.floors_from("gold", {"attribution_f1": 0.8, "false_conflicts": 1}, 0.02)
    assert floors == {"min": {"attribution_f1": 0.78}, "max": {"false_conflicts": 1}}
