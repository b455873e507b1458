"""Lexicon files: each has a typed schema, checked when it is loaded."""

from __future__ import annotations

import json

import pytest

from hearsay.errors import HearsayError
from hearsay.lexicon import load_lexicon, parse_lexicon
from hearsay.lexicon_schemas import SCHEMAS

from conftest import ROOT

LEXICONS = sorted(p.stem for p in (ROOT / "src" / "hearsay" / "lexicons" / "en").glob("*.json"))


def test_every_lexicon_file_has_a_schema_and_fits_it():
    assert set(LEXICONS) == set(SCHEMAS)
    for name in LEXICONS:
        assert load_lexicon(name)


def _text(name: str) -> dict:
    return json.loads((ROOT / "src" / "hearsay" / "lexicons" / "en" / f"{name}.json").read_text(encoding="utf-8"))


def test_a_misspelt_key_names_the_key_and_the_file():
    data = _text("checks")
    data["befor"] = data.pop("before")
    with pytest.raises(HearsayError) as err:
        parse_lexicon(json.dumps(data), "checks", "en/checks.json")
    assert "en/checks.json" in str(err.value)
    assert "unknown key 'befor'" in str(err.value) and "missing key 'before'" in str(err.value)


def test_a_value_of_the_wrong_type_is_refused():
    data = _text("claims")
    data["min_words"] = "three"
    with pytest.raises(HearsayError, match=r"en/claims.json: key 'min_words' should be int"):
        parse_lexicon(json.dumps(data), "claims", "en/claims.json")
    data = _text("claims")
    data["credit_phrases"].append(3)
    with pytest.raises(HearsayError, match=r"key 'credit_phrases' should be list\[str\]"):
        parse_lexicon(json.dumps(data), "claims", "en/claims.json")


def test_code_asking_for_a_key_the_lexicon_lacks_names_key_and_file():
    with pytest.raises(KeyError, match=r"lexicon en/relations.json has no key 'kin_nounz'"):
        load_lexicon("relations")["kin_nounz"]


def test_bad_json_names_file_and_line():
    with pytest.raises(HearsayError, match=r"en/quotes.json, line 2: not valid JSON"):
        parse_lexicon('{\n  "elisions": [,]\n}', "quotes", "en/quotes.json")


def test_no_stage_reads_a_lexicon_when_it_is_imported():
    """Word lists reach a stage through the ``lexicons`` loader when the pipeline is built; a
    module that read one at import would ignore a configured loader."""
    import subprocess
    import sys

    code = ("import pkgutil, importlib, hearsay.components as c, hearsay.lexicon as l\n"
            "for m in pkgutil.walk_packages(c.__path__, 'hearsay.components.'):\n"
            "    importlib.import_module(m.name)\n"
            "print(l.load_lexicon.cache_info().misses)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "0"


def test_temporal_and_relations_take_their_lists_from_the_loader_they_are_given():
    from hearsay.components.relations import load_relation_lexicon
    from hearsay.components.temporal import make_hearsay_temporal

    asked: list[str] = []

    def loader(name: str) -> dict:
        asked.append(name)
        return load_lexicon(name)

    stage = make_hearsay_temporal(None, "hearsay_temporal", loader)
    assert asked == ["time"] and stage.lexicon is load_lexicon("time")
    relations = load_relation_lexicon(loader)
    assert sorted(set(asked)) == ["pronouns", "relations", "time"]
    assert relations["gender_pronouns"] == {"he": "m", "him": "m", "his": "m", "himself": "m",
                                            "she": "f", "her": "f", "hers": "f", "herself": "f"}
    assert relations["ordinal_words"]["fiftieth"] == 50 and relations["ordinal_words"]["20th"] == 20
